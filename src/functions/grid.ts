/**
 * Excel hands every custom-function argument over as a matrix (a single cell is 1×1), so each function is one pass
 * over its inputs: one call spills a whole column instead of Excel calling us once per row.
 */
export type Grid = unknown[][];

export interface Shape {
  rows: number;
  cols: number;
}

export function shapeOf(grid: Grid): Shape {
  return { rows: grid.length, cols: grid.length === 0 ? 0 : grid[0].length };
}

function isSingle(grid: Grid): boolean {
  return grid.length === 1 && grid[0].length === 1;
}

/** The common shape of grids that are either 1×1 (broadcast to every cell) or all of one shape; null otherwise. */
export function commonShape(grids: readonly Grid[]): Shape | null {
  let shape: Shape = { rows: 1, cols: 1 };
  for (const grid of grids) {
    if (isSingle(grid)) continue;
    const s = shapeOf(grid);
    if (shape.rows === 1 && shape.cols === 1) shape = s;
    else if (s.rows !== shape.rows || s.cols !== shape.cols) return null;
  }
  return shape;
}

/**
 * Applies `fn` cell by cell over broadcastable grids; `onMismatch` is the value of a 1×1 result when shapes clash.
 * `fn` receives one reused array of the cells at (r, c): no spread or allocation per cell on million-cell ranges.
 */
export function mapCells<T>(grids: readonly Grid[], fn: (cells: readonly unknown[]) => T, onMismatch: () => T): T[][] {
  const shape = commonShape(grids);
  if (shape === null) return [[onMismatch()]];
  const n = grids.length;
  const single = grids.map(isSingle);
  const fixed = grids.map((g, k) => (single[k] ? g[0][0] : undefined));
  const rows: unknown[][] = new Array(n);
  const args: unknown[] = new Array(n);
  const out: T[][] = new Array(shape.rows);
  for (let r = 0; r < shape.rows; r++) {
    for (let k = 0; k < n; k++) {
      if (single[k]) args[k] = fixed[k];
      else rows[k] = grids[k][r];
    }
    const row: T[] = new Array(shape.cols);
    for (let c = 0; c < shape.cols; c++) {
      for (let k = 0; k < n; k++) if (!single[k]) args[k] = rows[k][c];
      row[c] = fn(args);
    }
    out[r] = row;
  }
  return out;
}

/** Row-major flattening, for arguments that are a whole list (the values to rank or sum) rather than per-cell. */
export function flatten(grid: Grid | undefined | null): unknown[] {
  if (!grid) return [];
  const out: unknown[] = [];
  for (const row of grid) for (const cell of row) out.push(cell);
  return out;
}
