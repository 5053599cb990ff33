/**
 * Row labels arrive with stray spaces ("渝 北 区", "渝北区 "), non-breaking or zero-width characters pasted from
 * Word/web pages, and full-width ASCII from Chinese input methods ("（", "：", "１"). This folds those away and
 * nothing else: brackets, footnote marks ("*", "（注1）") and suffixes are kept, because dropping them could turn
 * a label that is really different ("渝北区（含空港）") into a silent match. The unknown-name path still finds
 * such labels through similarity suggestions.
 *
 * Steps: full-width ASCII U+FF01–U+FF5E → ASCII; then every whitespace character is removed, including the
 * ideographic space U+3000, NBSP, and the zero-width/format characters U+200B–U+200D, U+2060, U+FEFF.
 */
export function normalizeUnitName(text: string): string {
  return toHalfWidth(text).replace(INVISIBLE_OR_SPACE, "");
}

// \s covers U+3000, U+00A0, U+FEFF and the Unicode space separators; the zero-width ones are not whitespace.
const INVISIBLE_OR_SPACE = /[\s\u200B-\u200D\u2060]+/g;

const FULL_WIDTH = /[\uFF01-\uFF5E]/g;
const FULL_TO_HALF_OFFSET = 0xfee0;

export function toHalfWidth(text: string): string {
  return text.replace(FULL_WIDTH, (ch) => String.fromCharCode(ch.charCodeAt(0) - FULL_TO_HALF_OFFSET));
}
