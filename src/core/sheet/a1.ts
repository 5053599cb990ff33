import { CellPos } from "./types";

const LETTERS = 26;
const A = 65;

/** 0 → "A", 25 → "Z", 26 → "AA" (bijective base 26, as Excel numbers its columns). */
export function columnLetters(col: number): string {
  if (!Number.isInteger(col) || col < 0) throw new RangeError(`columnLetters: column must be a whole number ≥ 0, got ${col}`);
  let n = col + 1;
  let out = "";
  while (n > 0) {
    const digit = (n - 1) % LETTERS;
    out = String.fromCharCode(A + digit) + out;
    n = Math.floor((n - 1) / LETTERS);
  }
  return out;
}

/**
 * The A1 address of a cell of a grid. `pos` is 0-based inside SheetGrid.values; `origin` is where values[0][0]
 * sits in the real sheet (a used range that starts at B3), so that a finding names the cell the user sees.
 */
export function a1(pos: CellPos, origin?: CellPos): string {
  const row = pos.row + (origin?.row ?? 0);
  const col = pos.col + (origin?.col ?? 0);
  if (!Number.isInteger(row) || row < 0) throw new RangeError(`a1: row must be a whole number ≥ 0, got ${row}`);
  return `${columnLetters(col)}${row + 1}`;
}

// Absolute markers ($C$7) and lower case are accepted because that is how people paste references.
const A1_PATTERN = /^\$?([A-Za-z]{1,3})\$?([1-9]\d{0,6})$/;

/** "C7" → {row: 6, col: 2}; null for anything that is not a single-cell A1 reference. */
export function parseA1(ref: string): CellPos | null {
  const match = A1_PATTERN.exec(ref.trim());
  if (match === null) return null;
  let col = 0;
  for (const ch of match[1].toUpperCase()) col = col * LETTERS + (ch.charCodeAt(0) - A + 1);
  return { row: Number(match[2]) - 1, col: col - 1 };
}

/**
 * Sorted, distinct row indexes as runs of consecutive rows, [first, last] each: the ranges a list of cells in one
 * column is written as ("D7:D15,D17").
 */
export function consecutiveRuns(rows: readonly number[]): [number, number][] {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const r of sorted) {
    const last = runs[runs.length - 1];
    if (last !== undefined && r === last[1] + 1) last[1] = r;
    else runs.push([r, r]);
  }
  return runs;
}
