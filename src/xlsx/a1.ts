/**
 * Local A1 helpers. src/core/sheet/index.ts (a1(), columnLetters(), parseA1()) is being written by another engineer;
 * until it lands the adapter keeps these few lines here so it does not depend on an unfinished module. Swap the
 * imports to the core helpers once they exist (same semantics: 0-based row/col in, A1 text out).
 */

/** 0-based column index → letters (0 → "A", 25 → "Z", 26 → "AA"). */
export function columnLetters(col: number): string {
  let n = col + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** 0-based row and column → "C7". */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** "C7" / "$C$7" → 0-based {row, col}; null for anything that is not a single-cell reference. */
export function parseA1(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  if (row < 1) return null;
  return { row: row - 1, col: col - 1 };
}
