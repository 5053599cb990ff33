import { Explanation } from "../core/explanations";

/*
 * 核实说明 live IN the workbook, so they travel with the file to the city bureau: a very hidden sheet (Excel's
 * Unhide dialog does not list it, so clerks do not edit or delete it by accident), one row per explanation under
 * a header row, every cell text. The one definition of that sheet: the Office.js adapter and the .xlsx reader and
 * writer all go through these rows, so explanations written in Excel are read by zs-check and the other way round.
 */

export const EXPLANATIONS_SHEET = "_zs_explanations";

export const EXPLANATION_COLUMNS = ["sheet", "cell", "rule", "explanation", "author", "date"] as const;

/** Excel's limit on the characters of one cell. */
const MAX_CELL_CHARS = 32767;

/** Excel compares sheet names case-insensitively, so "_ZS_Explanations" is the same sheet. */
export function isExplanationsSheet(name: string): boolean {
  return name.toLowerCase() === EXPLANATIONS_SHEET.toLowerCase();
}

/** Whatever a cell holds, as trimmed text; a date someone typed over becomes ISO text. */
function text(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString();
  return String(v).trim();
}

/**
 * Rows (columns A–F of the sheet) → explanations. The header row is recognised by its cells, so a sheet someone
 * re-sorted still reads; rows without a sheet, a rule or a text cannot be matched to a finding and are skipped.
 */
export function parseExplanationRows(rows: readonly (readonly unknown[])[]): Explanation[] {
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

/** The rows to write, header first; the writer must store every cell as text (never a formula). */
export function explanationRows(list: readonly Explanation[]): string[][] {
  return [
    [...EXPLANATION_COLUMNS],
    ...list.map((e) => [e.sheet, e.cell ?? "", e.rule, e.text, e.author ?? "", e.date ?? ""].map((s) => s.slice(0, MAX_CELL_CHARS))),
  ];
}
