import { CellValue } from "../core/numbers";
import { MergedRange, SheetGrid } from "../core/sheet/types";
import { parseAreas } from "../app/addresses";
import { rowTooLarge } from "./errors";
import { Requirements } from "./requirements";

/**
 * How much one read request may carry. Excel on the web caps a request or response at 5 MB and every platform caps
 * a range read at 5,000,000 cells ("Resource limits and performance optimization for Office Add-ins"). A read asks
 * for three properties per cell (values, numberFormat, formulas); as JSON a cell of Chinese text, its format and its
 * formula text easily make 100+ bytes (non-ASCII may be escaped as \uXXXX), so the estimate is deliberately high
 * and the budget keeps a margin under 5 MB for the response envelope.
 */
export interface ReadLimits {
  maxCellsPerRead: number;
  maxBytesPerRequest: number;
  bytesPerCell: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxCellsPerRead: 5_000_000,
  maxBytesPerRequest: 4_000_000,
  bytesPerCell: 160,
};

/** Rows per read so that one request stays inside both limits (at least one row). */
export function rowsPerChunk(columnCount: number, limits: ReadLimits = DEFAULT_READ_LIMITS): number {
  const cols = Math.max(1, columnCount);
  const byCells = Math.floor(limits.maxCellsPerRead / cols);
  const byBytes = Math.floor(limits.maxBytesPerRequest / (cols * limits.bytesPerCell));
  return Math.max(1, Math.min(byCells, byBytes));
}

export interface ReadOptions {
  onProgress?: (fraction: number) => void;
  limits?: ReadLimits;
}

/** Office.js gives "" for an empty cell; the core (like the .xlsx reader) expects null there. */
function toCellValue(v: unknown): CellValue {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  return String(v);
}

/**
 * `range.formulas` repeats the constant for cells without a formula; a formula is a string starting with "=" that
 * is not the cell's own value (a text cell holding "=HYPERLINK(…)" has that text as both value and "formula").
 */
function formulaOf(formula: unknown, value: unknown): string | null {
  return typeof formula === "string" && formula.startsWith("=") && formula !== value ? formula : null;
}

/** Merged areas relative to the grid, clipped to it. */
function gridMerges(address: string | null, top: number, left: number, rows: number, cols: number): MergedRange[] {
  const out: MergedRange[] = [];
  for (const a of parseAreas(address)) {
    const m = {
      top: Math.max(a.top - top, 0),
      left: Math.max(a.left - left, 0),
      bottom: Math.min(a.bottom - top, rows - 1),
      right: Math.min(a.right - left, cols - 1),
    };
    if (m.top <= m.bottom && m.left <= m.right && (m.bottom > m.top || m.right > m.left)) out.push(m);
  }
  return out;
}

/** Grid rows (0-based) not covered by any visible area: hidden rows, filtered-out rows included. */
function gridHiddenRows(visibleAddress: string | null, top: number, rows: number): number[] {
  const visible = new Array<boolean>(rows).fill(false);
  for (const a of parseAreas(visibleAddress)) {
    for (let r = Math.max(a.top - top, 0); r <= Math.min(a.bottom - top, rows - 1); r++) visible[r] = true;
  }
  const out: number[] = [];
  visible.forEach((v, r) => {
    if (!v) out.push(r);
  });
  return out;
}

interface Chunk {
  values: unknown[][];
  numberFormat: unknown[][];
  formulas: unknown[][];
}

/**
 * What a chunk weighs on the wire, counted high: JSON, every non-ASCII character as 6 bytes (a "\uXXXX" escape; in
 * UTF-8 a Chinese character is 3). A sheet of long Chinese text weighs many times the 160 bytes per cell first
 * assumed, so later chunks are sized by what earlier ones really weighed.
 */
export function payloadBytes(value: unknown): number {
  const json = JSON.stringify(value) ?? "";
  let bytes = json.length;
  for (let i = 0; i < json.length; i++) if (json.charCodeAt(i) > 0x7f) bytes += 5;
  return bytes;
}

/** Excel's answer when a request or response is over its payload limit (5 MB on the web). */
function isPayloadError(e: unknown): boolean {
  const code = typeof e === "object" && e !== null ? (e as { code?: unknown }).code : undefined;
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}

/**
 * Reads one chunk of rows. Each chunk is its own request so that a large sheet stays under the payload limit: the
 * one case where a sync per iteration is what the docs prescribe ("split the operation into smaller pieces … call
 * context.sync() for each sub-operation").
 */
async function readChunk(context: Excel.RequestContext, range: Excel.Range): Promise<Chunk> {
  await context.sync();
  return { values: range.values, numberFormat: range.numberFormat, formulas: range.formulas };
}

/** Queues loading a RangeAreas' address; the returned reader is called after the sync (null for a null object). */
function queueAddress(areas: Excel.RangeAreas): () => string | null {
  areas.load("address");
  return () => (areas.isNullObject ? null : areas.address);
}

/** Accumulates chunks into the grid's matrices. */
class GridBuilder {
  readonly values: CellValue[][] = [];
  readonly numberFormats: (string | null)[][] = [];
  formulas: (string | null)[][] | null = null;

  constructor(private readonly columnCount: number) {}

  add(chunk: Chunk): void {
    for (let r = 0; r < chunk.values.length; r++) {
      const row = chunk.values[r];
      const fmts = chunk.numberFormat[r] ?? [];
      const fmls = chunk.formulas[r] ?? [];
      const fRow = row.map((v, c) => formulaOf(fmls[c], v));
      if (this.formulas === null && fRow.some((f) => f !== null)) {
        // Most sheets have no formulas: build that matrix only when the first one turns up.
        this.formulas = Array.from({ length: this.values.length }, () => new Array<string | null>(this.columnCount).fill(null));
      }
      this.values.push(row.map(toCellValue));
      this.numberFormats.push(row.map((_, c) => (typeof fmts[c] === "string" ? (fmts[c] as string) : null)));
      if (this.formulas !== null) this.formulas.push(fRow);
    }
  }
}

/**
 * The used range of a sheet (values only: formatting alone does not make a cell used) as a SheetGrid whose origin
 * is the used range's top-left, so that A1 addresses computed from the grid name the real cells.
 *
 * Requests: one for the used range's size, then one per chunk of rows; a sheet that fits one request is read in
 * one, so two syncs in all. Merged areas (ExcelApi 1.13) and hidden rows (the visible cells of the used rows,
 * ExcelApi 1.9) ride along with the first chunk; without those API sets they are left out. (Range.rowHidden
 * answers for a whole range at once, null when mixed, so it cannot give hidden rows without one proxy per row.)
 */
export async function readSheetGrid(
  context: Excel.RequestContext,
  req: Requirements,
  name: string,
  options: ReadOptions = {},
): Promise<SheetGrid> {
  const ws = context.workbook.worksheets.getItem(name);
  const used = ws.getUsedRangeOrNullObject(true);
  used.load("rowIndex, columnIndex, rowCount, columnCount");
  await context.sync();

  if (used.isNullObject) {
    options.onProgress?.(1);
    return { name, values: [], numberFormats: [], merges: [], hiddenRows: [], origin: { row: 0, col: 0 } };
  }

  const top = used.rowIndex;
  const left = used.columnIndex;
  const rowCount = used.rowCount;
  const columnCount = used.columnCount;
  const limits = options.limits ?? DEFAULT_READ_LIMITS;
  const maxRowsByCells = Math.max(1, Math.floor(limits.maxCellsPerRead / Math.max(1, columnCount)));
  let per = rowsPerChunk(columnCount, limits);

  const builder = new GridBuilder(columnCount);
  let mergedAddress: (() => string | null) | null = null;
  let visibleAddress: (() => string | null) | null = null;
  let done = 0;
  while (done < rowCount) {
    const rows = Math.min(per, rowCount - done);
    const range = done === 0 && rows === rowCount ? used : ws.getRangeByIndexes(top + done, left, rows, columnCount);
    range.load("values, numberFormat, formulas");
    if (done === 0) {
      // Asked for only where the API set exists: an unsupported method in a request fails the whole request.
      // They ride along with the first chunk (again, if it is retried smaller).
      mergedAddress = req.supports("mergedAreas") ? queueAddress(used.getMergedAreasOrNullObject()) : null;
      // Entire rows, so that a hidden column does not make its row look hidden.
      visibleAddress = req.supports("rangeAreas") ? queueAddress(used.getEntireRow().getSpecialCellsOrNullObject("Visible")) : null;
    }
    let chunk: Chunk;
    try {
      chunk = await readChunk(context, range);
    } catch (e) {
      // Over the payload limit after all (the estimate was low): the same rows again, half as many at a time
      // ("Resource limits and performance optimization for Office Add-ins": split the operation).
      if (!isPayloadError(e)) throw e;
      if (rows === 1) throw rowTooLarge(top + done + 1, e);
      per = Math.max(1, Math.floor(rows / 2));
      continue;
    }
    builder.add(chunk);
    done += rows;
    options.onProgress?.(done / rowCount);
    // The next chunk sized by what this one weighed, within the cell limit.
    const perRow = payloadBytes(chunk) / rows;
    per = Math.max(1, Math.min(maxRowsByCells, Math.floor(limits.maxBytesPerRequest / Math.max(1, perRow))));
  }

  const merges = mergedAddress ? gridMerges(mergedAddress(), top, left, rowCount, columnCount) : [];
  // No visible cell at all (a null object) means every row is hidden.
  const hiddenRows = visibleAddress ? gridHiddenRows(visibleAddress(), top, rowCount) : [];
  const grid: SheetGrid = {
    name,
    values: builder.values,
    numberFormats: builder.numberFormats,
    merges,
    hiddenRows,
    origin: { row: top, col: left },
  };
  if (builder.formulas) grid.formulas = builder.formulas;
  return grid;
}
