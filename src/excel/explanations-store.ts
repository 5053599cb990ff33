import { Explanation } from "../core/explanations";
import { EXPLANATIONS_SHEET } from "../xlsx/explanations";
import { withEventsSuspended } from "./batch";
import { queueSheetProtection, queueWorkbookProtection } from "./protection";
import { Requirements } from "./requirements";

/*
 * 核实说明 live in the workbook, in the very hidden sheet the .xlsx adapter uses (src/xlsx/explanations.ts), same
 * name and columns, so explanations written in Excel are read by zs-check and the other way round. Very hidden:
 * Excel's Unhide dialog does not list it, so clerks do not edit or delete it by accident.
 */
export { EXPLANATIONS_SHEET };

export const EXPLANATION_COLUMNS = ["sheet", "cell", "rule", "explanation", "author", "date"] as const;

/** Excel's limit on the characters of one cell. */
const MAX_CELL_CHARS = 32767;

function text(v: unknown): string {
  if (v === null || v === undefined) return "";
  return String(v).trim();
}

/** Rows → explanations: the header row and rows without a sheet, a rule or a text are skipped (as zs-check does). */
export function parseExplanationRows(rows: readonly unknown[][]): Explanation[] {
  const out: Explanation[] = [];
  for (const row of rows) {
    const [sheet, cell, rule, body, author, date] = [0, 1, 2, 3, 4, 5].map((i) => text(row[i]));
    if (sheet === EXPLANATION_COLUMNS[0] && rule === EXPLANATION_COLUMNS[2]) continue;
    if (!sheet || !rule || !body) continue;
    const e: Explanation = { sheet, cell: cell || null, rule, text: body };
    if (author) e.author = author;
    if (date) e.date = date;
    out.push(e);
  }
  return out;
}

export function explanationRows(list: readonly Explanation[]): string[][] {
  return [
    [...EXPLANATION_COLUMNS],
    ...list.map((e) => [e.sheet, e.cell ?? "", e.rule, e.text, e.author ?? "", e.date ?? ""].map((s) => s.slice(0, MAX_CELL_CHARS))),
  ];
}

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
