/*
 * The standalone checking page (dist/index.html): for statisticians without an Excel that runs add-ins (WPS,
 * volume-licensed Office). The workbook is read, checked and annotated in this browser tab; the page loads no
 * office.js and makes no request but for its own files (see the Content-Security-Policy in index.html).
 */
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { pageLanguage } from "./lang";

const root = document.getElementById("root");
if (root) createRoot(root).render(<App lang={pageLanguage()} />);
