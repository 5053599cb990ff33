import path from "node:path";
import { Bilingual } from "../core/i18n";
import { CellValue } from "../core/numbers";
import { SheetGrid } from "../core/sheet/types";
import type { WorkbookData } from "../xlsx/read";

/**
 * A CSV file read as one sheet, the way Excel opens it: RFC 4180 fields (quotes, doubled quotes, line breaks in
 * quotes), UTF-8 (with or without BOM) or, failing that, GB18030 — what Excel and WPS on Chinese Windows save as
 * "CSV". A field that is a plain decimal number becomes a number, as Excel makes it; everything else stays text
 * and is read by the same number parser as any cell ("约95.1", "1,234"). No dependency: this is all of it.
 */

const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

function decode(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder("utf-8").decode(bytes.subarray(3));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

/** RFC 4180 records; a trailing line break does not make an empty record. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function cell(field: string): CellValue {
  const t = field.trim();
  if (t === "") return null;
  return PLAIN_NUMBER.test(t) ? Number(t) : field;
}

export function isCsvName(name: string): boolean {
  return path.extname(name).toLowerCase() === ".csv";
}

/** The CSV as a one-sheet workbook named after the file ("丰都县.csv" → sheet 丰都县). */
export function readCsvWorkbook(bytes: Uint8Array, display: string): WorkbookData {
  const rows = parseCsv(decode(bytes));
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  const values = rows.map((r) => Array.from({ length: width }, (_, c) => cell(r[c] ?? "")));
  const name = path.basename(display, path.extname(display));
  const grid: SheetGrid = { name, values };
  return { sheets: [grid], sheetNames: [name], hiddenSheets: [], explanations: [], settings: null, notes: [] };
}

/** --out cannot mark a CSV (it has no fills or notes): said instead of writing a copy. */
export function csvNoCopy(display: string): Bilingual {
  return {
    zh: `${display} 是 CSV 文件，无法写出标注副本（CSV 不能保存颜色和批注）；问题见本报告`,
    en: `${display} is a CSV file: no annotated copy is written (CSV keeps no fills or notes); see this report`,
  };
}
