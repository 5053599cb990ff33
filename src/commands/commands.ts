/*
 * Ribbon commands. 一键校验 (runValidation) checks the active sheet with the workbook's saved settings, marks it
 * without opening the pane, and shows the counts by severity in a short notice. The event is always completed,
 * on failure too (with the error in the notice), so the button never spins.
 */
import { OfficeWorkbookPort } from "../excel/office-port";
import { WorkbookPort } from "../taskpane/port";
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

export function runValidation(event: Office.AddinCommands.Event): Promise<void> {
  return runValidationWith(event, () => new OfficeWorkbookPort());
}

if (typeof Office !== "undefined") {
  Office.onReady(() => {
    Office.actions.associate("runValidation", runValidation);
  });
}
