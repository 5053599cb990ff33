import { SheetGrid } from "./sheet/types";
import { a1 } from "./sheet/a1";

/** The custom functions' namespace (manifest.xml, Functions.Namespace): `=ZSTJ.YOY(…)`. */
export const ADDIN_NAMESPACE = "ZSTJ";

/**
 * What a ZSTJ cell shows before its function has run (#NAME? where the add-in is not loaded, #BUSY! while it
 * computes): not a result, so 报送前固化 leaves such a cell's formula in place, in Excel and on the page alike.
 */
export const NOT_A_RESULT: ReadonlySet<string> = new Set(["#NAME?", "#BUSY!", "#GETTING_DATA"]);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/*
 * Two spellings of one call. Inside Excel with the add-in loaded, Range.formulas gives `=ZSTJ.YOY(C5,D5)`. In the
 * saved file (what zs-check and the page read) Excel stores a custom function it cannot resolve as
 * `_xldudf_ZSTJ_YOY(…)`, dots turned into underscores, sometimes behind a workbook prefix such as `[2]!` (office-js
 * issues #2568 and #3558: "the xldudf things will show in the cell before Excel parses the add-in's manifest").
 * The name must not continue another name (`XZSTJ.A(` is not ours), and text inside "…" is a literal, not a call.
 */
// Name characters: ASCII letters, digits, _ and ., and anything beyond Latin-1 (Chinese display names). No \p{…}:
// core also feeds the custom-functions bundle, which must parse as ES2016 (issue 7).
const NAME_CHAR = "A-Za-z0-9_.\\u00c0-\\uffff";
const CALL = new RegExp(
  `(?:^|[^${NAME_CHAR}])(?:${escapeRegExp(ADDIN_NAMESPACE)}\\.|_xldudf_${escapeRegExp(ADDIN_NAMESPACE)}_)[${NAME_CHAR}]+\\s*\\(`,
  "i",
);

/** Formula text with its string literals ("…", "" as an escaped quote) blanked out. */
function withoutStrings(formula: string): string {
  return formula.replace(/"(?:[^"]|"")*"/g, '""');
}

/** True when the formula calls one of this add-in's custom functions (anywhere in it, mixed with others or not). */
export function callsAddinFunction(formula: string | null | undefined): boolean {
  if (typeof formula !== "string" || formula === "") return false;
  return CALL.test(withoutStrings(formula));
}

/** A1 addresses of the grid's cells whose formula calls a ZSTJ function, top to bottom, left to right. */
export function addinFormulaCells(grid: SheetGrid): string[] {
  const out: string[] = [];
  grid.formulas?.forEach((row, r) =>
    row?.forEach((f, c) => {
      if (callsAddinFunction(f)) out.push(a1({ row: r, col: c }, grid.origin));
    }),
  );
  return out;
}
