import { CellPos, MergedRange } from "../core/sheet/types";
import { columnLetters, consecutiveRuns, parseA1 } from "../core/sheet/a1";

/**
 * Address strings as Office.js gives and takes them. Excel rejects a Worksheet.getRanges address that is too long
 * (office-js issue #5198: failures from about 8,200 characters, some shorter ones with many areas too), so address
 * lists are cut into chunks well below that.
 */
export const MAX_ADDRESS_CHARS = 2000;

/** `'Sheet name'!C7`: always quoted, quotes doubled, so any sheet name works (hyperlinks, references). */
export function sheetReference(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

/** Splits "Sheet1!A1:B2, 'My, sheet'!C3" at the commas that are not inside a quoted sheet name. */
export function splitAreas(address: string): string[] {
  const out: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted; // a doubled '' toggles twice: still right
    if (ch === "," && !quoted) {
      if (current.trim()) out.push(current.trim());
      current = "";
    } else current += ch;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

/** "Sheet1!$A$1:$C$4" → "A1:C4": the reference after the last "!" (sheet names cannot end the string). */
export function stripSheet(area: string): string {
  const bang = area.lastIndexOf("!");
  return (bang >= 0 ? area.slice(bang + 1) : area).replace(/\$/g, "");
}

function parseColumn(letters: string): number {
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col - 1;
}

/**
 * One area ("C3:E7", "C3", entire rows "3:5", entire columns "B:D") → 0-based inclusive sheet coordinates.
 * Entire columns span every row and entire rows every column, as Excel means them. null if unreadable.
 */
export function parseArea(area: string): MergedRange | null {
  const ref = stripSheet(area);
  const rows = /^(\d+):(\d+)$/.exec(ref);
  if (rows) return { top: Number(rows[1]) - 1, bottom: Number(rows[2]) - 1, left: 0, right: 16383 };
  const cols = /^([A-Za-z]{1,3}):([A-Za-z]{1,3})$/.exec(ref);
  if (cols) return { top: 0, bottom: 1048575, left: parseColumn(cols[1]), right: parseColumn(cols[2]) };
  const [a, b] = ref.split(":");
  const from = parseA1(a ?? "");
  const to = b === undefined ? from : parseA1(b);
  if (!from || !to) return null;
  return {
    top: Math.min(from.row, to.row),
    bottom: Math.max(from.row, to.row),
    left: Math.min(from.col, to.col),
    right: Math.max(from.col, to.col),
  };
}

/** A RangeAreas address (comma-separated, sheet-qualified) → its areas; unreadable parts are skipped. */
export function parseAreas(address: string | null | undefined): MergedRange[] {
  if (!address) return [];
  return splitAreas(address)
    .map(parseArea)
    .filter((r): r is MergedRange => r !== null);
}

/**
 * Cells → compact A1 areas: runs of consecutive rows in one column become "C5:C9" (a column of flagged figures is
 * the usual case), so a few thousand cells still make a short address.
 */
export function cellAreas(cells: readonly CellPos[]): string[] {
  const byCol = new Map<number, number[]>();
  for (const c of cells) {
    const rows = byCol.get(c.col);
    if (rows) rows.push(c.row);
    else byCol.set(c.col, [c.row]);
  }
  const out: string[] = [];
  for (const col of [...byCol.keys()].sort((a, b) => a - b)) {
    const letters = columnLetters(col);
    for (const [first, last] of consecutiveRuns(byCol.get(col) ?? [])) {
      out.push(first === last ? `${letters}${first + 1}` : `${letters}${first + 1}:${letters}${last + 1}`);
    }
  }
  return out;
}

/** Joins areas with commas into strings of at most `maxChars` (an area longer than that stands alone). */
export function chunkAddresses(areas: readonly string[], maxChars = MAX_ADDRESS_CHARS): string[] {
  const out: string[] = [];
  let current = "";
  for (const area of areas) {
    if (current && current.length + 1 + area.length > maxChars) {
      out.push(current);
      current = "";
    }
    current = current ? `${current},${area}` : area;
  }
  if (current) out.push(current);
  return out;
}

/** "C7", "$C$7", "c7" → "C7"; null when not a single cell. */
export function normalizeCell(ref: string | null | undefined): string | null {
  if (!ref) return null;
  const pos = parseA1(ref);
  return pos ? `${columnLetters(pos.col)}${pos.row + 1}` : null;
}
