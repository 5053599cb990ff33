import type ExcelJS from "exceljs";
import { CellValue } from "../core/numbers";

/**
 * exceljs cell values → the core's CellValue. Decided by the value's shape rather than cell.type because a
 * formula's result, a hyperlink's text and a cell's own value all come in the same few shapes.
 */

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !(v instanceof Date);
}

function richTextToString(parts: unknown): string {
  if (!Array.isArray(parts)) return "";
  let out = "";
  for (const p of parts) if (isObject(p) && typeof p.text === "string") out += p.text;
  return out;
}

/** A value that is not a formula: plain scalars, rich text, error, hyperlink. */
function plainValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean" || v instanceof Date) return v;
  if (!isObject(v)) return String(v);
  if ("richText" in v) return richTextToString(v.richText);
  // The error code as Excel shows it ("#REF!"): the numbers parser already knows these strings.
  if ("error" in v) return typeof v.error === "string" ? v.error : null;
  if ("hyperlink" in v || "text" in v) {
    const text = v.text;
    if (typeof text === "string") return text;
    // A hyperlink over rich text: exceljs hands the rich-text object through as the text.
    if (isObject(text) && "richText" in text) return richTextToString(text.richText);
    return text === undefined || text === null ? null : String(text);
  }
  return null;
}

/** The cell's value; for a formula its cached result (null when the file kept none). */
export function toCellValue(v: ExcelJS.CellValue): CellValue {
  if (isObject(v) && ("formula" in v || "sharedFormula" in v)) {
    return plainValue((v as { result?: unknown }).result);
  }
  return plainValue(v);
}

/**
 * Formula text with a leading "=", as Office.js `range.formulas` gives it, so grids from both sources look alike.
 * `cell.formula` is used because exceljs translates a shared formula to this cell's own references there.
 */
export function formulaText(cell: ExcelJS.Cell): string | null {
  const v = cell.value;
  if (!isObject(v) || !("formula" in v || "sharedFormula" in v)) return null;
  const f = cell.formula;
  if (typeof f !== "string" || f === "") return null;
  return f.startsWith("=") ? f : `=${f}`;
}
