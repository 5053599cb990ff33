import { Bilingual, Lang } from "./i18n";
import { FindingDetails, RULE_NAMES, RuleId } from "./rules";
import { IndicatorId } from "./catalog";

/** The three levels of statistical review: 强制性 must be fixed, 核实性 must be explained, 提示性 is worth a look. */
export type Severity = "error" | "verify" | "info";

export const SEVERITIES: readonly Severity[] = ["error", "verify", "info"];

export const SEVERITY_NAMES: Record<Severity, Bilingual> = {
  error: { zh: "强制性", en: "Error" },
  verify: { zh: "核实性", en: "Verify" },
  info: { zh: "提示性", en: "Info" },
};

/** A rule's id: one of the declarations in src/core/rules (adding a rule there adds it here). */
export type { FindingDetails, RuleId };
export { RULE_NAMES };

/** A rule's name for people; an id this version does not know (a newer tool's) is shown as it is. */
export function ruleName(rule: string, lang: Lang): string {
  return (RULE_NAMES as Readonly<Record<string, Bilingual | undefined>>)[rule]?.[lang] ?? rule;
}

/**
 * What a figure was expected to be, in the cell's own unit and reading (a rate printed as 59.39 expects 59.39s, a
 * 0.00% cell fractions). Tagged, so that a reader never has to tell a range from a name by its shape.
 */
export type Expected =
  /** The figure that belongs in the cell: the likely intended value of a unit slip, a text read as a number. */
  | { kind: "figure"; value: number }
  /** A sum and the rounding allowance around it: the total a column of units adds up to. */
  | { kind: "sum"; value: number; tolerance: number }
  /** A plausible span: an outlier's, the parts of an amount with their rounding. */
  | { kind: "range"; min: number; max: number }
  /** No more than this: a part's ceiling (its whole). */
  | { kind: "at-most"; max: number }
  /** At least this; `percent`: the bound is a percentage (45 = 45%). */
  | { kind: "at-least"; min: number; percent: boolean }
  /** The name the label most likely means, or the unit that took over. */
  | { kind: "name"; name: string }
  /** No rate at all: a growth rate over a base of 0 or below is written "—" (or 新增 / 扭亏 wording). */
  | { kind: "no-rate" };

/**
 * One thing a reviewer should look at. Stable field names: the JSON report of zs-check prints these, and other
 * tools read them.
 */
export interface Finding {
  rule: RuleId;
  severity: Severity;
  sheet: string;
  /** A1 address of the cell, or null for a finding about the sheet as a whole (a missing unit). */
  cell: string | null;
  /** 1-based sheet row and column letters, matching `cell`. */
  row: number | null;
  column: string | null;
  /** Official unit name where resolved, else the label as written. */
  unit: string | null;
  indicator: IndicatorId | null;
  /** The cell's value as written (text stays text). */
  value: string | number | boolean | null;
  expected?: Expected;
  /**
   * The rule's facts as data, keyed by `rule`: totals, sums, differences, tolerances, the value a unit slip
   * suggests, the cells and units involved. The message is rendered from them; scripts read them instead of prose.
   * Absent only on findings built outside the rules (tests, older tools' reports).
   */
  details?: FindingDetails;
  /** The cell's number format when it prints the value ("0.00%"), so that reports show the figure as the sheet does. */
  valueFormat?: string;
  message: Bilingual;
  /** Other cells involved (the rows of a duplicate, the inputs of a rate). */
  related?: string[];
  /** The workbook the finding is about, for checks across files (duplicate-submission); absent for one sheet. */
  file?: string;
}

export interface Summary {
  error: number;
  verify: number;
  info: number;
}

export function summarize(findings: readonly Finding[]): Summary {
  const s: Summary = { error: 0, verify: 0, info: 0 };
  for (const f of findings) s[f.severity]++;
  return s;
}

const ORDER: Record<Severity, number> = { error: 0, verify: 1, info: 2 };

/** Severity first, then sheet order (row, column), so that reports read top to bottom. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    ORDER[a.severity] - ORDER[b.severity] ||
    (a.row ?? 0) - (b.row ?? 0) ||
    (a.column ?? "").length - (b.column ?? "").length ||
    (a.column ?? "").localeCompare(b.column ?? "") ||
    a.rule.localeCompare(b.rule)
  );
}
