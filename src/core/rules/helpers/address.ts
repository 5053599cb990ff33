/**
 * A1 addresses for findings. The sheet reader has its own helpers; the rules keep this tiny copy so that they
 * depend only on the SheetModel contract, and cache the letters because every finding of a column asks for them.
 */

const letterCache: string[] = [];

/** 0-based column index → Excel letters (0 → A, 25 → Z, 26 → AA). */
export function columnLetters(col: number): string {
  const cached = letterCache[col];
  if (cached !== undefined) return cached;
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = (n - 1 - r) / 26;
  }
  if (col < 1024) letterCache[col] = s;
  return s;
}
