import { Explanation } from "../core/explanations";
import { EXPLANATION_COLUMNS, EXPLANATIONS_SHEET, explanationRows, parseExplanationRows } from "../app/explanations-sheet";
import { withEventsSuspended } from "./batch";
import { queueSheetProtection, queueWorkbookProtection } from "./protection";
import { Requirements } from "./requirements";

/* 核实说明 in the very hidden sheet whose format src/app/explanations-sheet.ts defines (read by zs-check too). */
export { EXPLANATION_COLUMNS, EXPLANATIONS_SHEET, explanationRows, parseExplanationRows };

/** Two requests: does the sheet exist, then its values. */
export async function readExplanationsSheet(context: Excel.RequestContext): Promise<Explanation[]> {
  const ws = context.workbook.worksheets.getItemOrNullObject(EXPLANATIONS_SHEET);
  ws.load("name");
  await context.sync();
  if (ws.isNullObject) return [];
  const used = ws.getUsedRangeOrNullObject(true);
  used.load("values");
  await context.sync();
  if (used.isNullObject) return [];
  return parseExplanationRows(used.values);
}

/**
 * Replaces the stored explanations with `list` (the caller passes the full set). Two requests. Every field is
 * written as text (format "@" set before the values): an explanation starting with "=" must never become a formula.
 * Visibility is set only when the sheet is new or was made visible by someone: Worksheet.visibility has no undo
 * support on Windows and Mac, so setting it needlessly would cost the user their undo history.
 */
export async function writeExplanationsSheet(context: Excel.RequestContext, req: Requirements, list: readonly Explanation[]): Promise<void> {
  const rows = explanationRows(list);
  await withEventsSuspended(context, req, async (events) => {
    const sheets = context.workbook.worksheets;
    const existing = sheets.getItemOrNullObject(EXPLANATIONS_SHEET);
    existing.load("visibility");
    const canAddSheet = queueWorkbookProtection(context);
    await context.sync();

    let ws: Excel.Worksheet;
    let hide: boolean;
    if (existing.isNullObject) {
      canAddSheet();
      ws = sheets.add(EXPLANATIONS_SHEET);
      hide = true;
    } else {
      // Its protection is asked only now: a null object has none to load.
      const writable = queueSheetProtection(existing, EXPLANATIONS_SHEET);
      await context.sync();
      writable();
      ws = existing;
      hide = existing.visibility !== "VeryHidden";
      ws.getRange().clear("All");
    }
    const range = ws.getRangeByIndexes(0, 0, rows.length, EXPLANATION_COLUMNS.length);
    range.numberFormat = rows.map((r) => r.map(() => "@"));
    range.values = rows;
    if (hide) ws.visibility = "VeryHidden";
    events.resume();
    await context.sync();
  });
}
