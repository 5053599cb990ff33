/**
 * Task pane entry (webpack: taskpane.html). Must not assume `Office` exists: offline the CDN script fails, and
 * the same pane is mounted by the standalone page. With Office it waits for Office.onReady, then mounts the pane
 * over the Office.js port.
 */
import { officeLanguage } from "../commands/ui-language";
import { translate } from "./i18n";
import { mountPane } from "./mount";
import { createOfficePort } from "./office-port";

function showUnavailable(root: HTMLElement): void {
  const p = document.createElement("p");
  p.setAttribute("role", "alert");
  p.textContent = translate(officeLanguage(), "unavailable");
  root.replaceChildren(p);
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
    showUnavailable(root);
  }
}

boot();
