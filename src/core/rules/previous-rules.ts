import { Bilingual } from "../i18n";
import { declareRule } from "./declaration";
import { Quantity, quantityText } from "./quantity";

/**
 * 历史数据审核: a sheet against the previous period's file (src/core/previous). Declared here, beside the sheet rules,
 * so that they appear in RuleId, the README's table and the JSON schema like every other rule; their messages are
 * rendered from their details here, one place per rule.
 */

const PREVIOUS_SETTINGS = ["months", "year"] as const;

export const cumulativeDecrease = declareRule({
  id: "cumulative-decrease",
  name: { zh: "累计数小于上期", en: "Cumulative figure below last period's" },
  severities: ["verify"],
  settings: PREVIOUS_SETTINGS,
  description: {
    zh: "与上期报表对比（--previous、上期报表）：1—N月累计数小于上期 1—(N−1)月累计数，写明两数与隐含的当月数，核减须附书面说明",
    en: "Against the previous period's file: a cumulative figure below last period's, with both figures and the implied month; a reduction needs a written explanation.",
  },
});

export const targetChanged = declareRule({
  id: "target-changed",
  name: { zh: "年度目标与上期不同", en: "Annual target changed" },
  severities: ["verify"],
  settings: PREVIOUS_SETTINGS,
  description: {
    zh: "与上期报表对比：年度目标与上期不同（超出两边的修约误差），写明两个值",
    en: "Against the previous period's file: the annual target differs from last period's beyond rounding, both values named.",
  },
});

export const unitDropped = declareRule({
  id: "unit-dropped",
  name: { zh: "上期有本期无的单位", en: "Unit reported last period, missing now" },
  severities: ["verify"],
  settings: PREVIOUS_SETTINGS,
  description: {
    zh: "与上期报表对比：上期有数据的单位本期没有（单个区县的表与上期全市表对比时不报）",
    en: "Against the previous period's file: a unit with figures last period and no row now (not asked of a one-district form against a city table).",
  },
});

export const monthMismatch = declareRule({
  id: "month-mismatch",
  name: { zh: "当月数与累计之差不符", en: "Month figure differs from the change in cumulative" },
  severities: ["verify"],
  settings: PREVIOUS_SETTINGS,
  description: {
    zh: "与上个月的报表对比：“当月”列应等于本期累计 − 上期累计（修约误差以内）",
    en: "Against last month's file: a 当月 column must equal the current cumulative minus the previous one, within rounding.",
  },
});

export const quartersMismatch = declareRule({
  id: "quarters-mismatch",
  name: { zh: "全年与四个季度之和不符", en: "Year differs from the sum of its quarters" },
  severities: ["verify"],
  settings: PREVIOUS_SETTINGS,
  description: {
    zh: "全年报表给出四个季度的报表时：全年 = 四个季度之和（修约误差以内）",
    en: "A 全年 sheet given its four quarters' files: the year must equal their sum, within rounding.",
  },
});

/** The previous file as a finding names it. */
export interface PreviousRef {
  file: string;
  /** Its period label (2022年1-5月). */
  period: string;
}

function sourceText(p: PreviousRef): Bilingual {
  return { zh: `上期报表“${p.file}”（${p.period}）`, en: `the previous file "${p.file}" (${p.period})` };
}

/** What a cumulative-decrease finding states. */
export interface CumulativeDecreaseDetails {
  rule: "cumulative-decrease";
  period: string;
  current: Quantity;
  previous: Quantity;
  /** current − previous: what the months in between would have to be. */
  implied: Quantity;
  /** The months the implied figure covers (6–6 for 6月当月). */
  months: { from: number; to: number };
  source: PreviousRef;
}

export function cumulativeDecreaseMessage(s: Bilingual, d: CumulativeDecreaseDetails): Bilingual {
  const src = sourceText(d.source);
  const span: Bilingual =
    d.months.from === d.months.to
      ? { zh: `${d.months.to}月当月`, en: `month ${d.months.to} alone` }
      : { zh: `${d.months.from}-${d.months.to}月`, en: `months ${d.months.from}-${d.months.to}` };
  const [cv, pv, dv] = [d.current, d.previous, d.implied].map((q) => quantityText(q));
  return {
    zh: `${s.zh}：${d.period}累计${cv.zh}，低于${src.zh}的累计${pv.zh}，隐含${span.zh}为${dv.zh}。累计数核减须附书面说明。`,
    en: `${s.en}: the cumulative ${cv.en} for ${d.period} is below ${pv.en} in ${src.en}, implying ${dv.en} for ${span.en}. A reduced cumulative figure needs a written explanation.`,
  };
}

/** What a month-mismatch finding states. */
export interface MonthMismatchDetails {
  rule: "month-mismatch";
  month: Quantity;
  current: Quantity;
  previous: Quantity;
  /** current − previous: what the month should be. */
  expected: Quantity;
  difference: Quantity;
  source: PreviousRef;
}

export function monthMismatchMessage(s: Bilingual, d: MonthMismatchDetails): Bilingual {
  const src = sourceText(d.source);
  const [mv, cv, pv, ev, gap] = [d.month, d.current, d.previous, d.expected, d.difference].map((q) => quantityText(q));
  return {
    zh: `${s.zh}：当月填报${mv.zh}，按本期累计${cv.zh}－${src.zh}累计${pv.zh}应为${ev.zh}，相差${gap.zh}，超出修约误差，请核实。`,
    en: `${s.en}: the month is reported as ${mv.en}, but the cumulative ${cv.en} − ${pv.en} in ${src.en} gives ${ev.en}: ${gap.en} apart, beyond rounding; please verify.`,
  };
}

/** What a target-changed finding states. */
export interface TargetChangedDetails {
  rule: "target-changed";
  target: Quantity;
  previous: Quantity;
  source: PreviousRef;
}

export function targetChangedMessage(s: Bilingual, d: TargetChangedDetails): Bilingual {
  const src = sourceText(d.source);
  const [tv, pv] = [d.target, d.previous].map((q) => quantityText(q));
  return {
    zh: `${s.zh}：年度目标为${tv.zh}，${src.zh}为${pv.zh}。年中调整年度目标须附书面说明。`,
    en: `${s.en}: the annual target is ${tv.en}, but ${pv.en} in ${src.en}. A target changed mid-year needs a written explanation.`,
  };
}

/** What a unit-dropped finding states. */
export interface UnitDroppedDetails {
  rule: "unit-dropped";
  unit: string;
  source: PreviousRef;
}

export function unitDroppedMessage(s: Bilingual, d: UnitDroppedDetails): Bilingual {
  const src = sourceText(d.source);
  return {
    zh: `${s.zh}：${src.zh}有${d.unit}的数据，本期报表中没有该单位，请核实是否漏报。`,
    en: `${s.en}: ${src.en} has figures for ${d.unit}, but this sheet has no row for it; check whether it is missing.`,
  };
}

/** What a quarters-mismatch finding states. */
export interface QuartersMismatchDetails {
  rule: "quarters-mismatch";
  year: Quantity;
  sum: Quantity;
  /** The four quarters' figures, Q1 to Q4. */
  quarters: Quantity[];
  difference: Quantity;
}

export function quartersMismatchMessage(s: Bilingual, d: QuartersMismatchDetails, quarterName: (q: number) => string): Bilingual {
  const [av, sv, gap] = [d.year, d.sum, d.difference].map((q) => quantityText(q));
  const each = d.quarters.map((q) => quantityText(q));
  return {
    zh: `${s.zh}：全年${av.zh}，四个季度之和为${sv.zh}（${each.map((e, q) => `${quarterName(q + 1)}${e.zh}`).join("、")}），相差${gap.zh}，超出修约误差，请核实。`,
    en: `${s.en}: the year is ${av.en}, but its four quarters add up to ${sv.en} (${each.map((e, q) => `Q${q + 1} ${e.en}`).join(", ")}): ${gap.en} apart, beyond rounding; please verify.`,
  };
}
