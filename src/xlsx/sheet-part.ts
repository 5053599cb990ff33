import { CellValue } from "../core/numbers";
import { MergedRange, SheetGrid } from "../core/sheet/types";
import { WorkbookError } from "./errors";
import { fileLabel } from "./format";
import { translateFormula } from "./shared-formula";
import { CellStyle, NO_STYLE } from "./styles";
import { decodeXstring, readStringItem, XmlCursor } from "./xml";

export interface SheetContext {
  sheetName: string;
  fileName?: string;
  sharedStrings: readonly string[];
  styles: readonly CellStyle[];
  date1904: boolean;
}

/**
 * One row shared by every row of a sparse grid that holds nothing: a lone cell at XFD1048576 costs one pointer
 * per empty row, not a row of 16,384 cells. Frozen so that no reader can fill it for all rows at once.
 */
const EMPTY_ROW: readonly never[] = Object.freeze([]);

/** Past this many columns a sparse row keeps holes instead of explicit empty cells. */
const WIDE_ROW = 1024;

/**
 * The cells found, straight into per-row arrays indexed by 1-based sheet row and 0-based sheet column (moved to
 * the used range's origin afterwards), so no second copy of the cells is ever made.
 */
interface Found {
  values: (CellValue[] | undefined)[];
  formats: ((string | null)[] | undefined)[];
  formulas: ((string | null)[] | undefined)[] | null;
  count: number;
  top: number;
  left: number;
  bottom: number;
  right: number;
  hiddenRows: number[];
  merges: { top: number; left: number; bottom: number; right: number }[];
}

/** exceljs's excelToDate, so dates read as they did before this reader (utils.js). */
function excelToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

/** "B12" → [12, 2] (1-based); null for anything else. */
function parseRef(ref: string): [number, number] | null {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  if (i === 0 || i === ref.length) return null;
  const row = Number(ref.slice(i));
  return Number.isInteger(row) && row > 0 ? [row, col] : null;
}

function address(row: number, col: number): string {
  let letters = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row}`;
}

function badSharedString(ctx: SheetContext, row: number, col: number, raw: string): WorkbookError {
  const f = fileLabel(ctx.fileName);
  const cell = address(row, col);
  const n = ctx.sharedStrings.length;
  return new WorkbookError("bad-shared-string", {
    zh: `${f.zh}已损坏：工作表“${ctx.sheetName}”的单元格 ${cell} 引用第 ${raw} 号共享字符串，而共享字符串表只有 ${n} 项（0—${n - 1}）。请在 Excel 中打开后另存为 .xlsx 再试`,
    en: `${f.en}is damaged: cell ${cell} of sheet "${ctx.sheetName}" refers to shared string ${raw}, but the table has only ${n} (0–${n - 1}). Open it in Excel, save it as .xlsx and try again`,
  });
}

/** ASCII without "&": the text needs no decoding. */
function isPlain(src: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = src.charCodeAt(i);
    if (c === 0x26 || c >= 0x80) return false;
  }
  return true;
}

/** A run of decimal digits as a number; -1 when src[start, end) is anything else. */
function digitsValue(src: string, start: number, end: number): number {
  if (end <= start || end - start > 15) return -1;
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = src.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * A plain decimal ("-12.5", "95.03") without slicing a string: with at most 15 significant digits and 22
 * decimals both the digits and the power of ten are exact doubles, so one division is correctly rounded — the
 * same double parseFloat gives (Clinger's fast path). Anything else (exponents, longer numbers) gives NaN, and
 * the caller falls back to parseFloat.
 */
export function decimalValue(src: string, start: number, end: number): number {
  let i = start;
  let negative = false;
  if (src.charCodeAt(i) === 0x2d) {
    negative = true;
    i++;
  }
  let mantissa = 0;
  let digits = 0;
  let sawDigit = false;
  let decimals = -1;
  for (; i < end; i++) {
    const c = src.charCodeAt(i);
    if (c === 0x2e && decimals < 0) {
      decimals = 0;
      continue;
    }
    const d = c - 48;
    if (d < 0 || d > 9) return NaN;
    sawDigit = true;
    if (mantissa !== 0 || d !== 0) digits++;
    mantissa = mantissa * 10 + d;
    if (decimals >= 0) decimals++;
  }
  if (!sawDigit || digits > 15 || decimals > 22) return NaN;
  const value = decimals > 0 ? mantissa / POWERS_OF_TEN[decimals] : mantissa;
  return negative ? -value : value;
}

interface SharedAnchor {
  text: string;
  row: number;
  col: number;
}

/** Reads <sheetData> and <mergeCells> of one worksheet part. */
function scan(x: XmlCursor, ctx: SheetContext): Found {
  const found: Found = {
    values: [],
    formats: [],
    formulas: null,
    count: 0,
    top: Infinity,
    left: Infinity,
    bottom: -Infinity,
    right: -Infinity,
    hiddenRows: [],
    merges: [],
  };
  const shared = new Map<string, SharedAnchor>();
  const sst = ctx.sharedStrings;
  let row = 0;
  let col = 0;
  while (x.next()) {
    if (x.closing) continue;
    if (x.is("c")) {
      // One pass over the attributes (r, s, t) of the commonest tag in the file.
      const src = x.src;
      let refRow = 0;
      let refCol = 0;
      let styleIndex = -1;
      let t = "n";
      for (let i = x.attrStart; i < x.attrEnd; ) {
        const eq = src.indexOf("=", i);
        if (eq < 0 || eq >= x.attrEnd) break;
        let q = eq + 1;
        while (src.charCodeAt(q) <= 0x20) q++;
        const close = src.indexOf(src[q], q + 1);
        if (close < 0) break;
        let ns = i;
        while (src.charCodeAt(ns) <= 0x20) ns++;
        if (eq - ns === 1) {
          const name = src.charCodeAt(ns);
          if (name === 0x72 /* r */) {
            for (let k = q + 1; k < close; k++) {
              const ch = src.charCodeAt(k);
              if (ch >= 65 && ch <= 90) refCol = refCol * 26 + (ch - 64);
              else if (ch >= 48 && ch <= 57) refRow = refRow * 10 + (ch - 48);
            }
          } else if (name === 0x73 /* s */) {
            styleIndex = 0;
            for (let k = q + 1; k < close; k++) styleIndex = styleIndex * 10 + (src.charCodeAt(k) - 48);
          } else if (name === 0x74 /* t */) {
            t = src.slice(q + 1, close);
          }
        }
        i = close + 1;
      }
      if (refRow > 0 && refCol > 0) {
        row = refRow;
        col = refCol;
      } else {
        col++; // r is optional: the cell after the previous one (ECMA-376 Part 1, §18.3.1.4)
      }
      const style = styleIndex < 0 ? NO_STYLE : (ctx.styles[styleIndex] ?? NO_STYLE);
      let v: string | null = null;
      let inline: string | null = null;
      let formula: string | null = null;
      // Fast path for the commonest shape, <c …><v>123.5</v></c>, without walking its tags one by one.
      let simple = false;
      // Set when the fast path already knows the value (a number or a shared string), so v is never sliced.
      let known: CellValue | undefined;
      if (!x.selfClosing && src.startsWith("<v>", x.pos)) {
        const start = x.pos + 3;
        const lt = src.indexOf("<", start);
        if (lt >= 0 && src.startsWith("</v></c>", lt) && isPlain(src, start, lt)) {
          x.pos = lt + 8;
          simple = true;
          if (t === "s") {
            const idx = digitsValue(src, start, lt);
            if (idx >= 0 && idx < sst.length) known = sst[idx];
          } else if (t === "n" && !style.quotePrefix) {
            const n = decimalValue(src, start, lt);
            if (!Number.isNaN(n)) known = style.date ? excelToDate(n, ctx.date1904) : n;
          }
          if (known === undefined) v = src.slice(start, lt);
        }
      }
      if (!x.selfClosing && !simple) {
        while (x.next() && !(x.closing && x.is("c"))) {
          if (x.closing) continue;
          if (x.is("v")) {
            // Fast path: a value with no markup or escapes (every number, every shared-string index).
            const lt = x.selfClosing ? -1 : src.indexOf("<", x.pos);
            if (lt >= 0 && src.charCodeAt(lt + 1) === 0x2f && isPlain(src, x.pos, lt)) {
              v = src.slice(x.pos, lt);
              x.pos = lt; // the closing </v> is the next tag
            } else v = x.readText();
          }
          else if (x.is("is")) inline = readStringItem(x);
          else if (x.is("f")) {
            const kind = x.asciiAttr("t");
            const si = kind === "shared" ? x.asciiAttr("si") : null;
            const hasRef = x.rawAttr("ref") !== null;
            const text = x.readText();
            if (si !== null) {
              if (hasRef && text !== "") shared.set(si, { text, row, col });
              const anchor = shared.get(si);
              // A follower whose anchor we never saw still is a formula; "=" marks it as computed.
              formula = anchor ? `=${translateFormula(anchor.text, row - anchor.row, col - anchor.col)}` : "=";
            } else if (text !== "") {
              formula = `=${text}`;
            }
          } else if (!x.selfClosing) x.skipElement();
        }
      }
      let value: CellValue = null;
      if (known !== undefined) value = known;
      else switch (t) {
        case "s": {
          if (v === null || v.trim() === "") break;
          const idx = Number(v);
          if (!Number.isInteger(idx) || idx < 0 || idx >= sst.length) throw badSharedString(ctx, row, col, v.trim());
          value = sst[idx];
          break;
        }
        case "inlineStr":
          value = inline ?? (v === null ? null : decodeXstring(v));
          break;
        case "str":
          value = v === null ? null : decodeXstring(v);
          break;
        case "b":
          value = v === null ? null : v.trim() === "1" || v.trim() === "true";
          break;
        case "e":
          value = v;
          break;
        case "d": {
          const d = v === null ? NaN : Date.parse(v);
          value = Number.isNaN(d) ? v : new Date(d);
          break;
        }
        default: {
          if (v === null) break;
          const n = parseFloat(v);
          if (Number.isNaN(n)) break;
          // quotePrefix: the user typed '0012 — the cell is text, whatever digits it holds.
          if (style.quotePrefix) value = v;
          else value = style.date ? excelToDate(n, ctx.date1904) : n;
        }
      }
      if (value === null && formula === null) continue;
      const c0 = col - 1;
      let rowValues = found.values[row];
      if (rowValues === undefined) {
        rowValues = found.values[row] = [];
        found.formats[row] = [];
      }
      rowValues[c0] = value;
      (found.formats[row] as (string | null)[])[c0] = style.numFmt;
      if (formula !== null) {
        found.formulas ??= [];
        (found.formulas[row] ??= [])[c0] = formula;
      }
      found.count++;
      if (row < found.top) found.top = row;
      if (row > found.bottom) found.bottom = row;
      if (col < found.left) found.left = col;
      if (col > found.right) found.right = col;
    } else if (x.is("row")) {
      const r = x.asciiAttr("r");
      row = r === null ? row + 1 : Number(r);
      col = 0;
      const hidden = x.asciiAttr("hidden");
      if (hidden === "1" || hidden === "true") found.hiddenRows.push(row);
    } else if (x.is("mergeCell")) {
      const ref = x.asciiAttr("ref");
      if (ref === null) continue;
      const [a, b = a] = ref.split(":");
      const p = parseRef(a.replace(/\$/g, ""));
      const q = parseRef(b.replace(/\$/g, ""));
      if (!p || !q) continue;
      found.merges.push({ top: Math.min(p[0], q[0]), left: Math.min(p[1], q[1]), bottom: Math.max(p[0], q[0]), right: Math.max(p[1], q[1]) });
    }
  }
  return found;
}

/**
 * One worksheet part → SheetGrid, as the exceljs path built it: the used range is every cell holding a value or
 * a formula plus every merged area; values[0][0] is its top-left (`origin`); a merged area keeps its value in the
 * top-left cell only (as Office.js reports it) and its other cells show the top-left cell's number format.
 *
 * Memory follows the cells present: when the used range is mostly empty (a stray cell far away), rows without
 * cells share one empty row and the others are only as long as their last cell (the core reads a short row as
 * empty beyond its end). A typical dense sheet gets full rectangular rows, as before.
 */
export function readSheetPart(x: XmlCursor, ctx: SheetContext): SheetGrid {
  const found = scan(x, ctx);
  let { top, left, bottom, right } = found;
  for (const m of found.merges) {
    if (m.top < top) top = m.top;
    if (m.bottom > bottom) bottom = m.bottom;
    if (m.left < left) left = m.left;
    if (m.right > right) right = m.right;
  }
  if (top === Infinity) return { name: ctx.sheetName, values: [], numberFormats: [], merges: [], hiddenRows: [], origin: { row: 0, col: 0 } };

  const rows = bottom - top + 1;
  const cols = right - left + 1;
  const dense = rows * cols <= 2 * found.count + 65_536;
  // Rows a merge crosses need a real row even when sparse (its cells are written below).
  const mergeWidth = new Map<number, number>();
  if (!dense) {
    for (const m of found.merges) {
      for (let r = m.top; r <= m.bottom; r++) mergeWidth.set(r, Math.max(mergeWidth.get(r) ?? 0, m.right - left + 1));
    }
  }
  /** The sheet row's cells moved to the origin: full width when dense, up to its last cell when sparse. */
  const shape = <T>(source: (T[] | undefined)[] | null, sheetRow: number): T[] => {
    const raw = source?.[sheetRow];
    const width = dense ? cols : Math.max(raw ? raw.length - (left - 1) : 0, mergeWidth.get(sheetRow) ?? 0);
    if (width <= 0) return EMPTY_ROW as unknown as T[];
    if (!dense && raw !== undefined && width > WIDE_ROW) {
      // A wide sparse row (cells in A and XFD, on every row): only its cells are stored, gaps stay holes, which
      // read as empty like the cells past a short row's end. Object.keys lists just the cells of such an array.
      const out: T[] = [];
      for (const k of Object.keys(raw)) out[Number(k) - (left - 1)] = raw[Number(k)];
      return out;
    }
    const out = raw === undefined ? [] : left > 1 ? raw.slice(left - 1) : raw;
    for (let c = 0; c < width; c++) if (out[c] === undefined) out[c] = null as T;
    return out;
  };
  const values: CellValue[][] = new Array(rows);
  const numberFormats: (string | null)[][] = new Array(rows);
  const formulas: (string | null)[][] | undefined = found.formulas ? new Array(rows) : undefined;
  const empty = EMPTY_ROW as unknown as null[];
  for (let r = 0; r < rows; r++) {
    if (!dense && found.values[r + top] === undefined && !mergeWidth.has(r + top)) {
      values[r] = numberFormats[r] = empty;
      if (formulas) formulas[r] = empty;
      continue;
    }
    values[r] = shape(found.values, r + top);
    numberFormats[r] = shape(found.formats, r + top);
    if (formulas) formulas[r] = shape(found.formulas, r + top);
  }

  const merges: MergedRange[] = [];
  for (const m of found.merges) {
    const mr = m.top - top;
    const mc = m.left - left;
    const fmt = numberFormats[mr][mc] ?? null;
    for (let r = mr; r <= m.bottom - top; r++) {
      for (let c = mc; c <= m.right - left; c++) {
        if (r === mr && c === mc) continue;
        values[r][c] = null;
        numberFormats[r][c] = fmt;
        if (formulas) formulas[r][c] = null;
      }
    }
    merges.push({ top: mr, left: mc, bottom: m.bottom - top, right: m.right - left });
  }

  const hiddenRows = [...new Set(found.hiddenRows)].filter((r) => r >= top && r <= bottom).map((r) => r - top).sort((a, b) => a - b);
  const grid: SheetGrid = { name: ctx.sheetName, values, numberFormats, merges, hiddenRows, origin: { row: top - 1, col: left - 1 } };
  if (formulas) grid.formulas = formulas;
  return grid;
}
