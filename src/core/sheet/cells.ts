import { CellValue, parseCell } from "../numbers";
import { MergedRange, SheetGrid } from "./types";

/** The grid's value at a position; ragged rows and missing rows read as undefined. */
export function valueAt(grid: SheetGrid, row: number, col: number): CellValue {
  const cells = grid.values[row];
  return cells === undefined ? undefined : cells[col];
}

/** A cell as the text a clerk sees, trimmed. Dates print as YYYY-MM-DD; null and undefined are "". */
export function textOf(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  return String(value);
}

export function isEmptyValue(value: CellValue): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** A cell holding a figure: a number, or text that reads as one ("12.5%", "约95.1"). Only used for detection. */
export function isNumericValue(value: CellValue): boolean {
  if (typeof value === "number") return Number.isFinite(value);
  if (typeof value !== "string" || value.trim() === "") return false;
  return parseCell(value).kind === "number";
}

/** Text of a cell that is not a figure (a label, a header word), else "". */
export function labelText(value: CellValue): string {
  if (typeof value !== "string") return "";
  const text = value.trim();
  return text === "" || isNumericValue(text) ? "" : text;
}

export function gridWidth(grid: SheetGrid): number {
  let width = 0;
  for (const cells of grid.values) if (cells !== undefined && cells.length > width) width = cells.length;
  return width;
}

export function isBlankRow(grid: SheetGrid, row: number): boolean {
  const cells = grid.values[row];
  if (cells === undefined) return true;
  for (const value of cells) if (!isEmptyValue(value)) return false;
  return true;
}

export function hasNumericCell(grid: SheetGrid, row: number): boolean {
  const cells = grid.values[row];
  if (cells === undefined) return false;
  for (const value of cells) if (isNumericValue(value)) return true;
  return false;
}

/** The distinct non-empty texts of a row: a title merged across the sheet counts once. */
export function distinctTexts(grid: SheetGrid, row: number): string[] {
  const cells = grid.values[row] ?? [];
  const seen = new Set<string>();
  for (const value of cells) {
    const text = textOf(value);
    if (text !== "") seen.add(text);
  }
  return [...seen];
}

/** Leftmost text (not a figure) of a row, with its column. */
export function firstLabel(grid: SheetGrid, row: number): { col: number; text: string } | null {
  const cells = grid.values[row];
  if (cells === undefined) return null;
  for (let col = 0; col < cells.length; col++) {
    const text = labelText(cells[col]);
    if (text !== "") return { col, text };
  }
  return null;
}

/**
 * Merged ranges, looked up by cell. Sheets carry few merges (titles, header parents, a 合计 label spanning two
 * columns), so a scan is cheaper than building a per-cell index that a long vertical merge would blow up.
 */
export class Merges {
  readonly ranges: readonly MergedRange[];

  constructor(ranges: readonly MergedRange[] | undefined) {
    this.ranges = ranges ?? [];
  }

  get isEmpty(): boolean {
    return this.ranges.length === 0;
  }

  at(row: number, col: number): MergedRange | undefined {
    for (const r of this.ranges) {
      if (row >= r.top && row <= r.bottom && col >= r.left && col <= r.right) return r;
    }
    return undefined;
  }

  touchesRows(top: number, bottom: number): boolean {
    return this.ranges.some((r) => r.bottom >= top && r.top <= bottom);
  }

  /** A cell's value, or the merged area's when the cell is an empty part of one (Excel keeps it top-left only). */
  valueAt(grid: SheetGrid, row: number, col: number): CellValue {
    const value = valueAt(grid, row, col);
    if (!isEmptyValue(value) || this.isEmpty) return value;
    const range = this.at(row, col);
    return range === undefined ? value : valueAt(grid, range.top, range.left);
  }
}
