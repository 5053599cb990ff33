import type ExcelJS from "exceljs";
import { Explanation } from "../core/explanations";
import { CellValue } from "../core/numbers";
import { SheetGrid } from "../core/sheet/types";
import { toCellValue } from "./cell-value";
import { writeText } from "./text-cell";

/**
 * 核实说明 (explanations for 核实性 findings) live IN the workbook, so they travel with the file to the city bureau
 * and zs-check can read them. They sit in a very hidden sheet (not listed by Excel's Unhide dialog, so clerks do
 * not edit or delete it by accident) with one row per explanation, text only.
 */
export type ExplanationRecord = Explanation;

export const EXPLANATIONS_SHEET = "_zs_explanations";

/** The store's first row (annotate.ts writes the same). */
export const HEADER = ["sheet", "cell", "rule", "explanation", "author", "date"] as const;

/** Excel compares sheet names case-insensitively, so "_ZS_Explanations" is the same sheet. */
export function isExplanationsSheet(name: string): boolean {
  return name.toLowerCase() === EXPLANATIONS_SHEET.toLowerCase();
}

export function findExplanationsSheet(wb: ExcelJS.Workbook): ExcelJS.Worksheet | undefined {
  return wb.worksheets.find((ws) => isExplanationsSheet(ws.name));
}

/** Whatever a cell holds, as trimmed text; a date someone typed over becomes ISO text. */
function textOf(cell: ExcelJS.Cell): string {
  const v = toCellValue(cell.value);
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString();
  return String(v).trim();
}

function valueText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString();
  return String(v).trim();
}

/**
 * Rows without a sheet, a rule or a text cannot be matched to a finding or say nothing; they are skipped. The
 * header row is recognised by its first cell so that a sheet someone re-sorted still reads.
 */
function toRecord(fields: string[]): ExplanationRecord | null {
  const [sheet, cell, rule, text, author, date] = fields;
  if (sheet === HEADER[0] && rule === HEADER[2]) return null;
  if (!sheet || !rule || !text) return null;
  const rec: ExplanationRecord = { sheet, cell: cell || null, rule, text };
  if (author) rec.author = author;
  if (date) rec.date = date;
  return rec;
}

export function readExplanations(wb: ExcelJS.Workbook): ExplanationRecord[] {
  const ws = findExplanationsSheet(wb);
  if (!ws) return [];
  const out: ExplanationRecord[] = [];
  ws.eachRow((row) => {
    const rec = toRecord([1, 2, 3, 4, 5, 6].map((c) => textOf(row.getCell(c))));
    if (rec) out.push(rec);
  });
  return out;
}

/** The same records from the explanations sheet read as a grid (columns A–F of the real sheet). */
export function explanationsFromGrid(grid: SheetGrid): ExplanationRecord[] {
  const left = grid.origin?.col ?? 0;
  const out: ExplanationRecord[] = [];
  for (const row of grid.values) {
    const rec = toRecord([0, 1, 2, 3, 4, 5].map((c) => valueText(row[c - left])));
    if (rec) out.push(rec);
  }
  return out;
}

/**
 * Replaces the explanations sheet with `records` (the caller passes the full set: read, edit, write back). Every
 * field is written as text (format "@"): an explanation starting with "=" or "+" must never become a formula.
 */
export function writeExplanations(wb: ExcelJS.Workbook, records: ExplanationRecord[]): void {
  const old = findExplanationsSheet(wb);
  if (old) wb.removeWorksheet(old.id);
  if (!wb.worksheets.some((ws) => ws.state === "visible" || ws.state === undefined)) {
    // Excel refuses to open a workbook whose every sheet is hidden.
    throw new Error("writeExplanations: the workbook needs at least one visible worksheet");
  }
  const ws = wb.addWorksheet(EXPLANATIONS_SHEET, { state: "veryHidden" });
  const rows: (string | null | undefined)[][] = [
    [...HEADER],
    ...records.map((r) => [r.sheet, r.cell, r.rule, r.text, r.author, r.date]),
  ];
  rows.forEach((fields, i) => {
    fields.forEach((text, c) => writeText(ws.getCell(i + 1, c + 1), text ?? ""));
  });
}

