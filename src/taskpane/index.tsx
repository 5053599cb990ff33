/**
 * Task pane entry (webpack: taskpane.html). Must not assume `Office` exists: offline the CDN script fails, and
 * the same pane is mounted by the standalone page. With Office it waits for Office.onReady, then mounts the pane
 * over the Office.js port.
 */
import { officeLanguage } from "../excel/ui-language";
import { translate } from "./i18n";
import { mountPane } from "./mount";
import { createOfficePort } from "./office-port";

/** Office without Excel: one paragraph (Office's title bar already names the add-in) linking to the page. */
function showUnavailable(root: HTMLElement): void {
  const lang = officeLanguage();
  const p = document.createElement("p");
  p.setAttribute("role", "alert");
  const a = document.createElement("a");
  a.href = STANDALONE_PAGE;
  a.target = "_blank";
  a.rel = "noopener noreferrer";
  a.textContent = translate(lang, "unavailableLink");
  p.append(translate(lang, "unavailable") + (lang === "en" ? " " : ""), a, lang === "en" ? "." : "。");
  root.replaceChildren(p);
}

/** The standalone checking page, built beside taskpane.html (same host, same folder); it needs no Office.js. */
export const STANDALONE_PAGE = "index.html";

/**
 * Office.js did not load (the page's script tag failed: no route to the CDN configured at build time, see
 * OFFICE_JS_URL in the README). Without Office.js the display language is unknown, so both languages are shown.
 */
const OFFICE_JS_MISSING = [
  {
    lang: "zh-CN",
    text: "未能加载 Office.js，加载项无法连接 Excel：本机可能访问不到 Office.js 所在的服务器（政务网络常见）。请联系管理员按说明配置 Office.js 地址。现在可以改用不需要 Office.js、离线也能用的",
    link: "独立校验页",
  },
  {
    lang: "en",
    text: "Office.js could not be loaded, so the add-in cannot connect to Excel: this computer may not reach the server that hosts Office.js. Ask your administrator to configure the Office.js address. Meanwhile use the",
    link: "standalone checking page (works offline, no Office.js)",
  },
];

function showOfficeJsMissing(root: HTMLElement): void {
  const box = document.createElement("div");
  box.setAttribute("role", "alert");
  for (const { lang, text, link } of OFFICE_JS_MISSING) {
    const p = document.createElement("p");
    p.lang = lang;
    const a = document.createElement("a");
    a.href = STANDALONE_PAGE;
    a.target = "_blank";
    a.rel = "noopener noreferrer";
    a.textContent = link;
    p.append(`${text} `, a, lang === "en" ? "." : "。");
    box.appendChild(p);
  }
  root.replaceChildren(box);
}

function start(root: HTMLElement, host: string | null | undefined): void {
  const port = createOfficePort(host);
  if (port === null) showUnavailable(root);
  else mountPane(root, port);
}

/** Mounts the pane into #root once Office is ready, or says why it cannot. Exported for tests; runs on load. */
export function boot(): void {
  if (typeof document === "undefined") return;
  const root = document.getElementById("root");
  if (!root) return;
  if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
    // info.host names the application (null outside Office): the pane works in Excel only.
    void Office.onReady((info?: { host: Office.HostType | null }) => start(root, info ? (info.host === null ? null : String(info.host)) : undefined));
  } else {
    showOfficeJsMissing(root);
  }
}

boot();
