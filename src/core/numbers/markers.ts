/**
 * Cell texts that are not numbers but still mean something: a deliberate blank, "below the table's unit", or an
 * Excel error value that reached us as text. All functions take text already normalised and trimmed.
 */

/** Words and symbols clerks write for "nothing to report". "一" is the yearbook dash, not the digit one. */
const BLANK_WORDS: ReadonlySet<string> = new Set(["/", "\\", "无", "暂无", "一"]);

/** Dash-like characters: hyphen, the U+2010–2015 dashes, box-drawing lines, two/three-em dashes, small em dash, and
 *  the katakana length mark ー that Chinese input methods offer next to the dash. */
const DASH_RUN = /^[-\u2010-\u2015\u2500\u2501\u2e3a\u2e3b\ufe58\u30fc]+$/;

export function isBlankMarker(text: string): boolean {
  return BLANK_WORDS.has(text) || DASH_RUN.test(text);
}

/** "…", "……", "⋯" (the midline ellipsis of Chinese typesetting) or three or more dots. */
const BELOW_UNIT = /^(?:[\u2026\u22ef]+|\.{3,})$/;

export function isBelowUnitMarker(text: string): boolean {
  return BELOW_UNIT.test(text);
}

export const EXCEL_ERROR_CODES: readonly string[] = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BUSY!",
  "#BLOCKED!",
  "#CONNECT!",
  "#UNKNOWN!",
];

const KNOWN_ERROR_CODES: ReadonlySet<string> = new Set(EXCEL_ERROR_CODES);

/** The canonical Excel error code the text spells (case-insensitive, since people type "#n/a"), or null. */
export function excelErrorCode(text: string): string | null {
  if (text.charCodeAt(0) !== 0x23 /* # */) return null;
  const upper = text.toUpperCase();
  return KNOWN_ERROR_CODES.has(upper) ? upper : null;
}
