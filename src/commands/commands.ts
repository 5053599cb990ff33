/*
 * Ribbon commands. 一键校验 (runValidation) checks the active sheet with the workbook's saved settings, marks it
 * without opening the pane, and shows the counts by severity in a short notice. The event is always completed,
 * on failure too (with the error in the notice), so the button never spins.
 */
import { OfficeWorkbookPort } from "../excel/office-port";
import { WorkbookPort } from "../app/port";
import { showNotice } from "./notify";
import { failureText, summaryText, ValidationFailure, validateActiveSheet } from "./validate";

const TITLE = { zh: "招商统计助手", en: "ZS Stats Assistant" };

/** The command with its workbook given: what the tests call. */
export async function runValidationWith(event: Office.AddinCommands.Event, makePort: () => WorkbookPort): Promise<void> {
  try {
    let message: string;
    let title: string;
    try {
      const outcome = await validateActiveSheet(makePort());
      message = summaryText(outcome.summary, outcome.lang, outcome.limitations);
      title = TITLE[outcome.lang];
    } catch (e) {
      const failure = e instanceof ValidationFailure ? e : new ValidationFailure(null, e);
      message = failureText(failure);
      title = TITLE.zh;
    }
    await showNotice(message, title);
  } catch {
    // showNotice swallows its own failures; nothing else may keep the event from completing.
  } finally {
    event.completed();
  }
}

const NOT_EXCEL = {
  zh: "招商统计助手只能在 Excel 中使用",
  en: "ZS Stats Assistant works in Excel only",
};

export async function runValidation(event: Office.AddinCommands.Event): Promise<void> {
  // The manifest names only Workbook hosts, but a sideloaded or shared copy can still open elsewhere: say so
  // instead of failing inside Excel.run. Office.onReady resolves at once when Office is already initialized.
  let host: unknown = null;
  try {
    host = (await Office.onReady()).host;
  } catch {
    host = null;
  }
  if (host !== Office.HostType.Excel) {
    try {
      await showNotice(`${NOT_EXCEL.zh}\n${NOT_EXCEL.en}`, TITLE.zh);
    } finally {
      event.completed();
    }
    return;
  }
  return runValidationWith(event, () => new OfficeWorkbookPort());
}

/*
 * Associated when the function file loads, not inside Office.onReady: Office runs the command as soon as the
 * file has loaded, and an association made later (after onReady) misses the first click, which then does nothing
 * (office-js #2744, #3378; Microsoft's add-in template calls Office.actions.associate at the top level too).
 */
if (typeof Office !== "undefined" && Office.actions) {
  Office.actions.associate("runValidation", runValidation);
  void Office.onReady();
}
