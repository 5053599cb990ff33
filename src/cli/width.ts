/**
 * Terminal column widths. A CJK character takes two columns in a terminal, so padding by `.length` would skew every
 * table that holds unit names (璧山区 is 3 characters but 6 columns). No dependency: the ranges below are the East
 * Asian Wide and Fullwidth blocks of Unicode (UAX #11) that can occur in these sheets, plus zero-width marks.
 *
 * Ambiguous-width characters (·, —, …, “”) are counted as 1, which is what most terminals do outside CJK legacy
 * locales; the table cells the CLI pads therefore avoid them (a whole-sheet finding shows "-", not "—").
 */

/** Inclusive code point ranges that a terminal draws two columns wide. Sorted, for the binary search. */
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f], // Hangul Jamo initials
  [0x2e80, 0x303e], // CJK radicals, Kangxi, CJK symbols and punctuation (、。「」…)
  [0x3041, 0x33ff], // Hiragana, Katakana, Bopomofo, CJK compatibility
  [0x3400, 0x4dbf], // CJK Extension A
  [0x4e00, 0x9fff], // CJK Unified Ideographs
  [0xa000, 0xa4cf], // Yi
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe10, 0xfe19], // vertical forms
  [0xfe30, 0xfe6f], // CJK compatibility forms, small forms
  [0xff00, 0xff60], // Fullwidth ASCII (３３, （）, ：)
  [0xffe0, 0xffe6], // Fullwidth signs (￥)
  [0x1f300, 0x1f64f], // pictographs, emoticons
  [0x1f900, 0x1f9ff], // supplemental symbols and pictographs
  [0x20000, 0x3fffd], // CJK Extensions B–G (rare names of places and people)
];

/** Combining marks and zero-width characters: drawn on top of the previous character or not at all. */
const ZERO: readonly (readonly [number, number])[] = [
  [0x0300, 0x036f],
  [0x200b, 0x200f],
  [0x2028, 0x202e],
  [0x2060, 0x2064],
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
];

function inRanges(cp: number, ranges: readonly (readonly [number, number])[]): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [from, to] = ranges[mid];
    if (cp < from) hi = mid - 1;
    else if (cp > to) lo = mid + 1;
    else return true;
  }
  return false;
}

/** SGR colour sequences (what color.ts writes) and other CSI sequences take no columns. */
// eslint-disable-next-line no-control-regex -- matching the ESC character is the whole point here
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, "");
}

/** Columns one code point takes: 0, 1 or 2. Control characters count 0 (they are not drawn). */
export function charWidth(cp: number): 0 | 1 | 2 {
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0;
  if (cp < 0x300) return 1;
  if (inRanges(cp, ZERO)) return 0;
  return inRanges(cp, WIDE) ? 2 : 1;
}

/** Columns a string takes in a terminal, ignoring colour codes. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of stripAnsi(text)) width += charWidth(ch.codePointAt(0) as number);
  return width;
}

/** Pads with spaces to `width` columns (never truncates: a long cell widens its column instead). */
export function padEndDisplay(text: string, width: number): string {
  const gap = width - displayWidth(text);
  return gap > 0 ? text + " ".repeat(gap) : text;
}

/**
 * Cuts to at most `width` columns, ending with "..." when something was cut; for the progress bar, whose line must
 * not wrap (a wrapped line cannot be redrawn with \r). Plain text only.
 */
export function truncateDisplay(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  const room = Math.max(0, width - 3);
  let out = "";
  let used = 0;
  for (const ch of text) {
    const w = charWidth(ch.codePointAt(0) as number);
    if (used + w > room) break;
    out += ch;
    used += w;
  }
  return width >= 3 ? `${out}...` : out;
}
