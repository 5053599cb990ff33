import { writeFileSync } from "node:fs";
import path from "node:path";
import { deflateRawSync } from "node:zlib";
import { Cell, writeSpreadsheet } from "../../src/xlsx/write/spreadsheet";
import { districtForm, FormLine } from "../core/merge/district-forms";
import { SEED_2022_H1, seedFileName, seedFormLines } from "./seed-2022-h1";

/**
 * A one-district form as an .xlsx file: merged title, the 填报单位 and unit line, the header and the indicator rows,
 * amounts with two decimals. Written by our SpreadsheetML writer, whose output is the same bytes every time (exceljs
 * stamps the time into the package), so regenerating the examples leaves unchanged forms unchanged.
 */
export async function formBytes(unit: string, lines: readonly FormLine[], period?: string): Promise<Buffer> {
  const grid = districtForm(unit, lines, period);
  const rows = grid.values.map((row, r) =>
    row.map((v): Cell | undefined => {
      if (v === null || v === undefined) return undefined;
      if (typeof v === "number") return { kind: "number", value: v, style: { format: Number.isInteger(v) ? "count" : "amount" } };
      return { kind: "text", text: String(v), style: r === 0 ? { role: "title" } : undefined };
    }),
  );
  const bytes = writeSpreadsheet([{ name: unit, rows, merges: ["A1:D1"], widths: [24, 12, 12, 12] }], (d) => deflateRawSync(d));
  return Buffer.from(bytes);
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
