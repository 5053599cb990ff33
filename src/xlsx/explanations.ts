import type ExcelJS from "exceljs";
import { Explanation } from "../core/explanations";
import { SheetGrid } from "../core/sheet/types";
import { EXPLANATIONS_SHEET, explanationRows, isExplanationsSheet, parseExplanationRows } from "../app/explanations-sheet";
import { toCellValue } from "./cell-value";
import { writeHiddenTextSheet } from "./hidden-sheet";

/* 核实说明 in the very hidden sheet whose format src/app/explanations-sheet.ts defines (written in Excel too). */
export type ExplanationRecord = Explanation;

export { EXPLANATIONS_SHEET, isExplanationsSheet };

export function findExplanationsSheet(wb: ExcelJS.Workbook): ExcelJS.Worksheet | undefined {
  return wb.worksheets.find((ws) => isExplanationsSheet(ws.name));
}

export function readExplanations(wb: ExcelJS.Workbook): ExplanationRecord[] {
  const ws = findExplanationsSheet(wb);
  if (!ws) return [];
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push([1, 2, 3, 4, 5, 6].map((c) => toCellValue(row.getCell(c).value))));
  return parseExplanationRows(rows);
}

/** The same records from the explanations sheet read as a grid (columns A–F of the real sheet). */
export function explanationsFromGrid(grid: SheetGrid): ExplanationRecord[] {
  const left = grid.origin?.col ?? 0;
  return parseExplanationRows(grid.values.map((row) => [0, 1, 2, 3, 4, 5].map((c) => row[c - left])));
}

/**
 * Replaces the explanations sheet with `records` (the caller passes the full set: read, edit, write back). Every
 * field is written as text (format "@"): an explanation starting with "=" or "+" must never become a formula.
 */
export function writeExplanations(wb: ExcelJS.Workbook, records: ExplanationRecord[]): void {
  writeHiddenTextSheet(wb, EXPLANATIONS_SHEET, explanationRows(records));
}

