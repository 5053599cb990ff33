import { Bilingual, Lang } from "./i18n";
import { IndicatorId } from "./catalog";

/** The three levels of statistical review: 强制性 must be fixed, 核实性 must be explained, 提示性 is worth a look. */
export type Severity = "error" | "verify" | "info";

export const SEVERITIES: readonly Severity[] = ["error", "verify", "info"];

export const SEVERITY_NAMES: Record<Severity, Bilingual> = {
  error: { zh: "强制性", en: "Error" },
  verify: { zh: "核实性", en: "Verify" },
  info: { zh: "提示性", en: "Info" },
};

export type RuleId =
  | "duplicate-unit"
  | "unknown-unit"
  | "missing-unit"
  | "invalid-unit"
  | "blank-value"
  | "no-target"
  | "text-number"
  | "unit-slip"
  | "total-mismatch"
  | "part-exceeds-whole"
  | "parts-sum-mismatch"
  | "rate-mismatch"
  | "behind-schedule"
  | "outlier"
  | "negative-value"
  | "formula-error"
  | "not-comparable"
  | "duplicate-mapping"
  | "addin-formula"
  | "duplicate-submission"
  | "missing-submission"
  | "audit-rule"
  | "audit-rule-skipped";

/** Rule names as reviewers call them: the pane's grouped list and the 规则 column of the 校验结果 report. */
export const RULE_NAMES: Readonly<Record<RuleId, Bilingual>> = {
  "duplicate-unit": { zh: "单位重复", en: "Duplicate unit" },
  "unknown-unit": { zh: "无法识别的单位", en: "Unknown unit" },
  "missing-unit": { zh: "缺少单位", en: "Missing unit" },
  "invalid-unit": { zh: "单位不在当期名单", en: "Unit not valid for the period" },
  "blank-value": { zh: "数据空缺", en: "Blank value" },
  "no-target": { zh: "无年度目标", en: "No annual target" },
  "text-number": { zh: "文本型数字", en: "Number stored as text" },
  "unit-slip": { zh: "疑似单位错填（万元/亿元）", en: "Suspected unit slip (万元/亿元)" },
  "total-mismatch": { zh: "合计与各单位之和不符", en: "Total differs from the sum of units" },
  "part-exceeds-whole": { zh: "其中项大于总数", en: "Part exceeds the whole" },
  "parts-sum-mismatch": { zh: "分项之和与总数不符", en: "Parts do not add up" },
  "rate-mismatch": { zh: "比率与数据不符", en: "Rate inconsistent with figures" },
  "behind-schedule": { zh: "落后时序进度", en: "Behind schedule" },
  outlier: { zh: "异常值", en: "Outlier" },
  "negative-value": { zh: "负值", en: "Negative value" },
  "formula-error": { zh: "公式错误值", en: "Formula error" },
  "not-comparable": { zh: "同比口径不可比", en: "Not like-for-like" },
  "duplicate-mapping": { zh: "指标重复识别", en: "Indicator read twice" },
  "addin-formula": { zh: "含加载项公式（需报送前固化）", en: "Add-in formulas (freeze before sending)" },
  "duplicate-submission": { zh: "重复报送", en: "Duplicate submission" },
  "missing-submission": { zh: "漏报", en: "Missing submission" },
  "audit-rule": { zh: "审核公式", en: "Audit rule" },
  "audit-rule-skipped": { zh: "审核公式未执行", en: "Audit rule not applied" },
};

/** A rule's name for people; an id this version does not know (a newer tool's) is shown as it is. */
export function ruleName(rule: string, lang: Lang): string {
  return (RULE_NAMES as Readonly<Record<string, Bilingual | undefined>>)[rule]?.[lang] ?? rule;
}

/** A value or a range a figure was expected to be. */
export type Expected = number | string | { min: number; max: number };

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
