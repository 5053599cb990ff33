import type ExcelJS from "exceljs";

/** Excel's limit on a cell's text; longer text makes Excel "repair" the file. */
export const MAX_CELL_TEXT = 32_767;

/**
 * Writes `text` as a literal string cell with the Text number format ("@").
 *
 * Text from a workbook (a unit named `=HYPERLINK("http://x","渝北")`, `+1`, `@SUM(A1)`) must never turn into a
 * formula. exceljs stores a JS string as a string cell (only `{formula}` objects become formulas), and "@" keeps
 * Excel from re-reading the text as a formula when someone later edits the cell (F2, Enter).
 *
 * The style object is replaced, not mutated: exceljs shares one style object between all cells that had the same
 * style index when the file was loaded, so `cell.numFmt = …` would change every one of them.
 */
export function writeText(cell: ExcelJS.Cell, text: string): void {
  cell.style = { ...cell.style, numFmt: "@" };
  const t = text.length > MAX_CELL_TEXT ? `${text.slice(0, MAX_CELL_TEXT - 1)}…` : text;
  cell.value = t === "" ? null : t;
}
