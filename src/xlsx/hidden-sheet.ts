import type ExcelJS from "exceljs";
import { writeText } from "./text-cell";

/**
 * Replaces one of our very hidden sheets (explanations, settings) with `rows`, every cell as text (format "@"): a
 * value starting with "=" or "+" must never become a formula. Very hidden: Excel's Unhide dialog does not list it.
 */
export function writeHiddenTextSheet(wb: ExcelJS.Workbook, name: string, rows: readonly (readonly string[])[]): void {
  const old = wb.worksheets.find((ws) => ws.name.toLowerCase() === name.toLowerCase());
  if (old) wb.removeWorksheet(old.id);
  if (!wb.worksheets.some((ws) => ws.state === "visible" || ws.state === undefined)) {
    // Excel refuses to open a workbook whose every sheet is hidden.
    throw new Error(`writing ${name}: the workbook needs at least one visible worksheet`);
  }
  const ws = wb.addWorksheet(name, { state: "veryHidden" });
  rows.forEach((fields, i) => {
    fields.forEach((text, c) => writeText(ws.getCell(i + 1, c + 1), text));
  });
}
