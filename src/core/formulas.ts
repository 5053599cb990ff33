/**
 * Native Excel formulas that give, cell for cell, what the ZSTJ custom functions give: for Excels that cannot run
 * custom functions (WPS, Office 2016/2019 without the add-in runtime) the pane inserts these instead.
 *
 * Formulas are written with English function names (Office.js `range.formulas` takes them in English whatever the
 * UI language) and use only functions Excel 2010, WPS and LibreOffice all have: IF, OR, NOT, ISNUMBER, TRIM, N, NA.
 * No LET or LAMBDA. The same rules as ZSTJ.COMPLETION / ZSTJ.YOY / ZSTJ.PACE:
 *
 * - an input that is neither a number, a blank nor a blank marker → #VALUE!;
 * - completion / pace: target blank, a dash, "/", 无 … or 0 → #N/A (no target); negative target → #VALUE!;
 *   actual blank or a dash → #N/A; else actual ÷ target (pace: (actual ÷ target − months ÷ 12) × 100, 百分点);
 * - yoy: base blank, a dash, 0 or negative → #N/A; current blank → #N/A; else (current − base) ÷ base;
 * - "…" (below the table's unit) counts as 0, as parseCell reads it.
 *
 * Known differences from the custom functions (a native formula cannot parse text):
 * - numbers written as text ("约95.1", "389.76亿元", "1,234", "95.1" typed as text, full-width "３３") give #VALUE!
 *   where the custom function reads the figure; the checker reports such cells anyway (text-number);
 * - blank markers are matched exactly after TRIM, which strips ASCII spaces only: a marker padded with a
 *   full-width space, or a run of dashes longer than two ("———"), gives #VALUE! instead of #N/A;
 * - an Excel error in an input cell (#DIV/0!) propagates as that error, where the custom function answers #VALUE!.
 */

/** The three computed columns. Structurally the `kind` of the pane's FormulaColumnRequest. */
export type FormulaKind = "completion" | "yoy" | "pace";

/** What a formula needs to know: which columns hold the inputs and, for pace, the period's months. */
export interface FormulaSpec {
  kind: FormulaKind;
  /** Column letters: completion and pace [actual, target]; yoy [current, previous]. */
  inputs: string[];
  /** For pace: months elapsed in the 1–N月 period (time progress = months ÷ 12). */
  months?: number;
}

/** Suggested number formats for the inserted columns: rates as percentages, pace in 个百分点. */
export const FORMULA_FORMATS: Readonly<Record<FormulaKind, string>> = {
  completion: "0.00%",
  yoy: "0.00%",
  pace: '0.0"个百分点"',
};

/**
 * Texts clerks write for "nothing to report" (domain.md; src/core/numbers/markers.ts), as native formulas can
 * match them: exact strings after TRIM. The empty string covers a blank cell and spaces.
 */
export const NATIVE_BLANK_MARKERS: readonly string[] = ["", "-", "--", "—", "——", "－", "–", "―", "/", "\\", "无", "暂无", "一"];

/** "Below the table's unit": reads as 0. */
export const NATIVE_BELOW_UNIT_MARKERS: readonly string[] = ["…", "……", "⋯", "..."];

const COLUMN = /^[A-Z]{1,3}$/;

function textArray(items: readonly string[]): string {
  return `{${items.map((s) => `"${s.replace(/"/g, '""')}"`).join(",")}}`;
}

/** TRUE when the cell is blank or holds a blank marker. */
function isBlank(ref: string): string {
  return `OR(TRIM(${ref})=${textArray(NATIVE_BLANK_MARKERS)})`;
}

/** TRUE when the cell is something a native formula cannot read as a figure (→ #VALUE!). */
function isUnreadable(ref: string): string {
  return `NOT(OR(ISNUMBER(${ref}),TRIM(${ref})=${textArray([...NATIVE_BLANK_MARKERS, ...NATIVE_BELOW_UNIT_MARKERS])}))`;
}

function checkColumn(letters: string | undefined, what: string): string {
  if (letters === undefined || !COLUMN.test(letters)) {
    throw new RangeError(`formulaFor: ${what} must be column letters (A–XFD), got ${JSON.stringify(letters)}`);
  }
  return letters;
}

function checkMonths(months: number | undefined): number {
  if (months === undefined || !Number.isInteger(months) || months < 0 || months > 12) {
    throw new RangeError(`formulaFor: pace needs the period's months, a whole number 0–12, got ${String(months)}`);
  }
  return months;
}

/**
 * actual ÷ target with the completion rules around `body` (which may use N(actual) and N(target)). An actual of 0
 * is #N/A as in ZSTJ.COMPLETION: desktop Excel passes an empty cell to a custom function as 0 (office-js #4702), so
 * the function cannot tell a 0 from a blank, and the column must give what the function gives.
 */
function withCompletionRules(a: string, t: string, body: string): string {
  return (
    `=IF(OR(${isUnreadable(a)},${isUnreadable(t)}),#VALUE!,` +
    `IF(OR(${isBlank(t)},N(${t})=0),NA(),` +
    `IF(N(${t})<0,#VALUE!,` +
    `IF(OR(${isBlank(a)},N(${a})=0),NA(),${body}))))`
  );
}

/**
 * The formula of one row (1-based) of a computed column, with an English function name set and a leading "=".
 * Throws RangeError on a malformed request (missing inputs, bad letters, pace without months).
 */
export function formulaFor(request: FormulaSpec, row: number): string {
  if (!Number.isInteger(row) || row < 1 || row > 1_048_576) throw new RangeError(`formulaFor: row out of range: ${row}`);
  const first = `${checkColumn(request.inputs[0], "inputs[0]")}${row}`;
  const second = `${checkColumn(request.inputs[1], "inputs[1]")}${row}`;
  switch (request.kind) {
    case "completion":
      return withCompletionRules(first, second, `N(${first})/N(${second})`);
    case "pace": {
      const months = checkMonths(request.months);
      return withCompletionRules(first, second, `(N(${first})/N(${second})-${months}/12)*100`);
    }
    case "yoy": {
      const [c, p] = [first, second];
      return (
        `=IF(OR(${isUnreadable(c)},${isUnreadable(p)}),#VALUE!,` +
        `IF(OR(${isBlank(p)},N(${p})<=0),NA(),` +
        `IF(OR(${isBlank(c)},N(${c})=0),NA(),(N(${c})-N(${p}))/N(${p}))))`
      );
    }
    default: {
      const never: never = request.kind;
      throw new RangeError(`formulaFor: unknown kind ${String(never)}`);
    }
  }
}

/** Formulas for rows first..last, one per row (the shape Office.js `range.formulas` takes for one column). */
export function formulasFor(request: FormulaSpec & { firstRow: number; lastRow: number }): string[][] {
  const out: string[][] = [];
  for (let row = request.firstRow; row <= request.lastRow; row++) out.push([formulaFor(request, row)]);
  return out;
}
