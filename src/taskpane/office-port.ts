/**
 * The task pane's WorkbookPort inside Excel: the Office.js adapter of src/excel. Null when Excel's API is not there
 * (the page opened outside Office, office.js failed to load offline, another host): the entry says so in the pane.
 */
import { OfficeWorkbookPort } from "../excel";
import { WorkbookPort } from "../app/port";

export function createOfficePort(host?: string | null): WorkbookPort | null {
  if (typeof Office === "undefined" || typeof Excel === "undefined") return null;
  // Office.onReady's info.host: the pane works on workbooks only (another host, or none outside Office).
  if (host !== undefined && host !== "Excel") return null;
  try {
    return new OfficeWorkbookPort();
  } catch {
    // Office.context without requirements (opened in a plain browser tab with office.js loaded).
    return null;
  }
}
