import ExcelJS from "exceljs";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { districtForm, FormLine } from "../core/merge/district-forms";
import { SEED_2022_H1, seedFileName, seedFormLines } from "./seed-2022-h1";

/** A one-district form as an .xlsx file, written by exceljs (another writer than ours, as districts' files are). */
export async function formBytes(unit: string, lines: readonly FormLine[], period?: string): Promise<Buffer> {
  const grid = districtForm(unit, lines, period);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(unit);
  for (const row of grid.values) ws.addRow(row.map((v) => (v === undefined ? null : v)));
  ws.mergeCells(1, 1, 1, 4);
  for (let r = 4; r < 4 + lines.length; r++) ws.getRow(r).getCell(2).numFmt = "0.00";
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The 41 forms of seed 000 in `dir`; returns their file names in printed order. */
export async function writeSeedForms(dir: string): Promise<string[]> {
  const names: string[] = [];
  for (let i = 0; i < SEED_2022_H1.length; i++) {
    const entry = SEED_2022_H1[i];
    const name = seedFileName(i);
    writeFileSync(path.join(dir, name), await formBytes(entry.unit, seedFormLines(entry)));
    names.push(name);
  }
  return names;
}
