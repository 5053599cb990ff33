import { CellValue } from "../../core/numbers";
import { formatInfo } from "../../core/rules/helpers/precision";
import { MergedRange, SheetGrid } from "../../core/sheet/types";

/** Rows of the grid (0-based, end exclusive) to render for a scroll position, with a margin either side. */
export function visibleRows(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  rowCount: number,
  overscan = 8,
): { first: number; end: number } {
  const top = Math.max(0, scrollTop);
  const first = Math.max(0, Math.floor(top / rowHeight) - overscan);
  const end = Math.min(rowCount, Math.ceil((top + Math.max(0, viewportHeight)) / rowHeight) + overscan);
  return { first, end: Math.max(first, end) };
}

/** Display width of text in "half-width units": a CJK character is about twice a Latin one. */
function textUnits(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/.test(ch) ? 2 : 1;
  return n;
}

/** A cell with nothing to show (Excel lets a neighbour's text run over it). */
export function isBlank(value: CellValue): boolean {
  return value === null || value === undefined || value === "";
}

/**
 * Column widths in pixels from a sample of the rows (headers are near the top, so the first rows decide). Text
 * that runs into empty neighbours (a footer "填表人：…", a note) is shown spilling over them as Excel does, so it
 * must not widen its column beyond `spillMax`; merged titles spanning columns are ignored likewise.
 */
export function columnWidths(grid: SheetGrid, sampleRows = 300, min = 48, max = 260, spillMax = 96): number[] {
  const cols = grid.values.reduce((m, r) => Math.max(m, r.length), 0);
  const spanning = new Set((grid.merges ?? []).filter((m) => m.right > m.left).map((m) => `${m.top},${m.left}`));
  const widths = new Array<number>(cols).fill(min);
  const rows = Math.min(grid.values.length, sampleRows);
  for (let r = 0; r < rows; r++) {
    const row = grid.values[r];
    for (let c = 0; c < row.length; c++) {
      if (spanning.has(`${r},${c}`)) continue;
      const text = formatCell(row[c], grid.numberFormats?.[r]?.[c]);
      if (text === "") continue;
      const cap = c + 1 < row.length && isBlank(row[c + 1]) ? spillMax : max;
      widths[c] = Math.max(widths[c], Math.min(cap, textUnits(text) * 7 + 14));
    }
  }
  return widths;
}

/**
 * A cell as text, close enough to Excel's display for reviewing: the section of the format that applies to the
 * value decides its decimals; a scaling % multiplies by 100, a literal "%"/个百分点 (`0.00\%`) prints as written.
 */
export function formatCell(value: CellValue, format?: string | null): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  if (!Number.isFinite(value)) return String(value);
  const fmt = format && format !== "General" ? format : "";
  const info = fmt ? formatInfo(fmt, value) : null;
  if (info?.percent) return `${(value * 100).toFixed(info.decimals)}%`;
  const text = info !== null ? value.toFixed(info.decimals) : String(Math.round(value * 1e6) / 1e6);
  const grouped = fmt.includes(",") ? groupThousands(text) : text;
  if (info?.points) return `${grouped}个百分点`;
  return info?.percentLiteral ? `${grouped}%` : grouped;
}

function groupThousands(text: string): string {
  const [int, frac] = text.split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

/** One rendered cell of a row: a plain cell, or the part of a merged area lying in this row (spanning columns). */
export interface RowCell {
  col: number;
  span: number;
  /** The merged area's master (top-left) when this is its top row: it shows the value. */
  master: boolean;
  merged: boolean;
}

/**
 * A row split into cells, horizontal merges collapsed into one spanning cell. Rows are virtualised, so merges
 * are drawn per row (no rowspan): a vertically merged header shows its text in its top row and blank below.
 */
export function rowCells(row: number, cols: number, mergesByRow: Map<number, MergedRange[]>): RowCell[] {
  const out: RowCell[] = [];
  const merges = mergesByRow.get(row) ?? [];
  for (let c = 0; c < cols; ) {
    const m = merges.find((x) => x.left === c);
    if (m) {
      const span = Math.min(m.right, cols - 1) - c + 1;
      out.push({ col: c, span, master: m.top === row, merged: true });
      c += span;
    } else {
      out.push({ col: c, span: 1, master: true, merged: false });
      c += 1;
    }
  }
  return out;
}

/** Merged areas by each row they cover, for rowCells. */
export function mergesByRow(merges: readonly MergedRange[] | undefined): Map<number, MergedRange[]> {
  const out = new Map<number, MergedRange[]>();
  for (const m of merges ?? []) {
    for (let r = m.top; r <= m.bottom; r++) {
      const list = out.get(r);
      if (list) list.push(m);
      else out.set(r, [m]);
    }
  }
  return out;
}

/** Scroll offset that brings [start, start+size) into a viewport of `view` px, centred when it has to move. */
export function scrollToShow(current: number, start: number, size: number, view: number, max: number): number {
  if (start >= current && start + size <= current + view) return current;
  const centred = start - (view - size) / 2;
  return Math.max(0, Math.min(max, Math.round(centred)));
}
