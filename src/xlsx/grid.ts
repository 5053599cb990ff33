import ExcelJS from "exceljs";
import { CellValue } from "../core/numbers";
import { MergedRange, SheetGrid } from "../core/sheet/types";
import { formulaText, toCellValue } from "./cell-value";

/** Bounds in exceljs's 1-based coordinates. */
interface Bounds {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * The used range: every cell holding a value, plus every merged area touching one (a merged title's master may
 * be empty while its other cells are not). Styled-but-empty cells do not count; the rules care about data.
 */
function usedBounds(ws: ExcelJS.Worksheet): Bounds | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = -Infinity;
  let right = -Infinity;
  const take = (r: number, c: number): void => {
    if (r < top) top = r;
    if (r > bottom) bottom = r;
    if (c < left) left = c;
    if (c > right) right = c;
  };
  // eachRow without includeEmpty walks only rows holding values and never creates rows (includeEmpty does).
  ws.eachRow((row, r) => {
    row.eachCell((cell, c) => {
      take(r, c);
      if (cell.type === ExcelJS.ValueType.Merge) take(Number(cell.master.row), Number(cell.master.col));
    });
  });
  return top === Infinity ? null : { top, left, bottom, right };
}

function matrix<T>(rows: number, cols: number, fill: T): T[][] {
  const out: T[][] = new Array(rows);
  for (let r = 0; r < rows; r++) out[r] = new Array<T>(cols).fill(fill);
  return out;
}

/**
 * One exceljs worksheet → SheetGrid. Values are copied at their cell's position relative to `origin` (0-based,
 * the used range's top-left), so A1 addresses computed from the grid map back to the real sheet.
 *
 * Merged areas keep their value in the top-left cell only and null elsewhere, as Office.js reports them
 * (exceljs would otherwise repeat the master's value in every merged cell); `merges` says where they are.
 */
export function worksheetToGrid(ws: ExcelJS.Worksheet): SheetGrid {
  const b = usedBounds(ws);
  if (!b) return { name: ws.name, values: [], numberFormats: [], merges: [], hiddenRows: [], origin: { row: 0, col: 0 } };

  const rows = b.bottom - b.top + 1;
  const cols = b.right - b.left + 1;
  const values = matrix<CellValue>(rows, cols, null);
  const numberFormats = matrix<string | null>(rows, cols, null);
  // Most sheets have few or no formulas: build that matrix only when the first one turns up.
  let formulas: (string | null)[][] | undefined;
  const hiddenRows: number[] = [];
  const merges = new Map<string, MergedRange>();

  for (let r = b.top; r <= b.bottom; r++) {
    // findRow never creates a row (getRow would), so reading leaves the worksheet as it was.
    const row = ws.findRow(r);
    if (!row) continue;
    const gr = r - b.top;
    if (row.hidden) hiddenRows.push(gr);
    row.eachCell((cell, c) => {
      const gc = c - b.left;
      const fmt = cell.numFmt;
      if (fmt) numberFormats[gr][gc] = fmt;
      if (cell.type === ExcelJS.ValueType.Merge) {
        const mr = Number(cell.master.row) - b.top;
        const mc = Number(cell.master.col) - b.left;
        const key = `${mr},${mc}`;
        const m = merges.get(key) ?? { top: mr, left: mc, bottom: mr, right: mc };
        if (gr > m.bottom) m.bottom = gr;
        if (gc > m.right) m.right = gc;
        merges.set(key, m);
        return;
      }
      const v = cell.value;
      values[gr][gc] = toCellValue(v);
      if (v !== null && typeof v === "object" && !(v instanceof Date)) {
        const f = formulaText(cell);
        if (f !== null) {
          formulas ??= matrix<string | null>(rows, cols, null);
          formulas[gr][gc] = f;
        }
      }
    });
  }

  const grid: SheetGrid = {
    name: ws.name,
    values,
    numberFormats,
    merges: [...merges.values()],
    hiddenRows,
    origin: { row: b.top - 1, col: b.left - 1 },
  };
  if (formulas) grid.formulas = formulas;
  return grid;
}
