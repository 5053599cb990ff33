import { withEventsSuspended } from "./batch";
import { queueSheetProtection, queueWorkbookProtection } from "./protection";
import { Requirements } from "./requirements";

/*
 * Our very hidden sheets (explanations, settings: formats in src/app): Excel's Unhide dialog does not list them,
 * so clerks do not edit or delete them by accident, and they travel with the file.
 */

/** The sheet's used values, or null when the workbook has no such sheet. Two requests. */
export async function readHiddenSheetRows(context: Excel.RequestContext, name: string): Promise<unknown[][] | null> {
  const ws = context.workbook.worksheets.getItemOrNullObject(name);
  ws.load("name");
  await context.sync();
  if (ws.isNullObject) return null;
  const used = ws.getUsedRangeOrNullObject(true);
  used.load("values");
  await context.sync();
  if (used.isNullObject) return [];
  return used.values;
}

/**
 * Replaces the sheet's content with `rows`. Two requests (three when the sheet exists: its protection is asked
 * only then). Every cell is written as text (format "@" set before the values): a value starting with "=" must
 * never become a formula. Visibility is set only when the sheet is new or was made visible by someone:
 * Worksheet.visibility has no undo support on Windows and Mac, so setting it needlessly would cost the user their
 * undo history (learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities).
 */
export async function writeHiddenSheetRows(
  context: Excel.RequestContext,
  req: Requirements,
  name: string,
  rows: readonly (readonly string[])[],
): Promise<void> {
  const width = Math.max(1, ...rows.map((r) => r.length));
  // A rectangle for range.values: short rows are padded with empty text.
  const grid = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ""));
  await withEventsSuspended(context, req, async (events) => {
    const sheets = context.workbook.worksheets;
    const existing = sheets.getItemOrNullObject(name);
    existing.load("visibility");
    const canAddSheet = queueWorkbookProtection(context);
    await context.sync();

    let ws: Excel.Worksheet;
    let hide: boolean;
    if (existing.isNullObject) {
      canAddSheet();
      ws = sheets.add(name);
      hide = true;
    } else {
      // Its protection is asked only now: a null object has none to load.
      const writable = queueSheetProtection(existing, name);
      await context.sync();
      writable();
      ws = existing;
      hide = existing.visibility !== "VeryHidden";
      ws.getRange().clear("All");
    }
    if (grid.length > 0) {
      const range = ws.getRangeByIndexes(0, 0, grid.length, width);
      range.numberFormat = grid.map((r) => r.map(() => "@"));
      range.values = grid;
    }
    if (hide) ws.visibility = "VeryHidden";
    events.resume();
    await context.sync();
  });
}
