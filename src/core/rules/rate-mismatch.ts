import { IndicatorId } from "../catalog";
import { Finding } from "../findings";
import { Bilingual } from "../i18n";
import { CellPos, FieldRef, Measure } from "../sheet/types";
import { RuleContext } from "./context";
import { MEASURE_NAMES, fieldName, fixed } from "./helpers/format";
import { halfUnitOfPercent, readPercentAlone } from "./helpers/percent";
import { columnReadings, percentScaleAt } from "./helpers/percent-scale";
import * as precision from "./helpers/precision";
import { Expected, Kind, kindOf, recompute, slackOf } from "./helpers/rate-inputs";
import { clean, Quantity, quantityOf, quantityText } from "./quantity";
import { Rule } from "./rule";
import { detectUnitSlips } from "./unit-slip";
import { declareRule } from "./declaration";

// Imported bindings are property getters under the CommonJS transform (jest, tsx): hot loops read local copies.
const { decimalsOf } = precision;

/**
 * Whether the printed cell agrees with the expected value in its column's reading (see percent-scale), or in
 * either when the column has not decided, without building readings for the common case (a plain number): ×100
 * (12.5 = 12.5%) or fraction (0.125) — see percentReadings.
 */
function consistent(ctx: RuleContext, i: number, e: Expected, slack: number): boolean {
  const eps = 1e-9;
  if (ctx.plainAt(i)) {
    const v = ctx.numberAt(i) as number;
    const format = ctx.formatAt(i);
    if (format !== null && format.percent)
      return Math.abs(v - e.value) <= Math.pow(10, -format.decimals) / 200 + slack + eps;
    // A literal % (0.00\%): the cell prints the ×100 figure as it is, so only that reading is what the reader sees.
    if (format !== null && format.percentLiteral)
      return Math.abs(v / 100 - e.value) <= Math.pow(10, -format.decimals) / 200 + slack + eps;
    const d = format !== null ? format.decimals : decimalsOf(v);
    const scale = percentScaleAt(ctx, i);
    if (scale !== "fraction" && Math.abs(v / 100 - e.value) <= Math.pow(10, -d) / 200 + slack + eps) return true;
    return scale !== "times-100" && Math.abs(v - e.value) <= Math.pow(10, 2 - d) / 200 + slack + eps;
  }
  return columnReadings(ctx, i).some(
    (r) => Math.abs(r.fraction - e.value) <= halfUnitOfPercent(r) + slack + eps,
  );
}

export const declaration = declareRule({
  id: "rate-mismatch",
  name: { zh: "比率与数据不符", en: "Rate inconsistent with figures" },
  severities: ["verify"],
  settings: [],
  description: {
    zh: "填报的完成率、同比、占比、开工率等与其输入不符（超出其打印精度的修约范围）；基期为 0 或为负却填了增速。无 % 格式的百分比列按整列判断是小数（0.5939）还是 ×100（59.39），消息按表中所示写作 118.94%",
    en: "A reported completion, growth, share or start rate that its inputs do not give (beyond the rounding of its printed precision), or a growth rate over a base of 0 or below; percent columns without a % format are read as fractions or ×100 column by column.",
  },
});

/**
 * 核实性: a reported rate (完成率, 同比, 占比, 开工率, 履约率, 资金到位率, 超欠时序进度) that contradicts the
 * row's own figures. The tolerance is half a unit of the rate's last printed digit plus what the inputs' own
 * rounding can do to it: 147% beside 279 and 190 (146.8%) is consistent, 80% beside 95.03 and 160 (59.39%) is not.
 * A cell may be a fraction (0.125 formatted as %) or a number ×100 (12.5): text with % and % formats decide;
 * otherwise the column decides, from its cells that agree with their inputs in one reading only (percent-scale),
 * and a column with no such cell reads each cell both ways. A 同比 printed over a base of 0 or below is itself a finding. A rate whose input is a
 * unit slip is left to the unit-slip finding.
 */
export const rateMismatch: Rule = {
  id: declaration.id,
  run(ctx: RuleContext): Finding[] {
    const findings: Finding[] = [];
    const t = ctx.table;
    const slips = detectUnitSlips(ctx);
    const e: Expected = { value: 0, base: null, ratio: 0, a: -1, b: -1, bIsTarget: false, divisor: 1 };
    for (let i = 0; i < t.n; i++) {
      const kind = kindOf(t.indicator[i], t.measure[i]);
      // Only cells holding a number are compared: "—", 新增 and blanks print no rate.
      if (kind === null || ctx.numberAt(i) === null) continue;
      if (!recompute(ctx, i, kind, e)) continue;
      // A rate computed from a unit slip is wrong because of the slip, which is reported on its own.
      if (slips.size > 0 && (slips.has(e.a) || slips.has(e.b))) continue;
      if (e.base !== null) {
        findings.push(baseFinding(ctx, i, e.base, e.b));
        continue;
      }
      // Strictly first (no allowance for the inputs' rounding): most rates pass here without touching precision.
      if (consistent(ctx, i, e, 0) || consistent(ctx, i, e, slackOf(ctx, e))) continue;
      findings.push(mismatchFinding(ctx, i, kind, e));
    }
    return findings;
  },
};

/** One input of a rate: its indicator and measure, its figure (in the numerator's column unit) and cell. */
export interface RateInput {
  indicator: IndicatorId;
  measure: Measure;
  value: Quantity;
  /** null: a target from another table. */
  cell: string | null;
}

/** What a rate-mismatch finding states: a rate its inputs do not give, or a growth rate over a base of 0 or below. */
export type Details = MismatchDetails | BaseDetails;

export interface MismatchDetails {
  rule: "rate-mismatch";
  kind: "mismatch";
  /** Which rate: completion (本期 ÷ 年度目标), yoy, share (÷ a total row), pace (completion − time progress), ratio. */
  rate: Kind;
  /** The rate as printed, in % (个百分点 for pace), and the decimals it is printed with. */
  reported: number;
  reportedDecimals: number;
  /** The rate the inputs give, in % (个百分点 for pace), rounded to `expectedDecimals`. */
  expected: number;
  expectedDecimals: number;
  /** reported − expected, in 个百分点. */
  difference: number;
  numerator: RateInput;
  denominator: RateInput & { label: string | null };
  /** Time progress in %, for pace. */
  timeProgress: number | null;
}

export interface BaseDetails {
  rule: "rate-mismatch";
  kind: "zero-base" | "negative-base";
  /** Last year's figure the growth rate would be computed over, and its cell. */
  previous: Quantity;
  previousCell: string;
}

/** The inputs of a mismatching rate, spelled out for the message: "本期95.03亿元÷年度目标160.00亿元". */
function how(d: MismatchDetails): Bilingual {
  const av = quantityText(d.numerator.value);
  const bv = quantityText(d.denominator.value);
  if (d.rate === "completion" || d.rate === "pace") {
    const h = { zh: `本期${av.zh}÷年度目标${bv.zh}`, en: `current ${av.en} ÷ target ${bv.en}` };
    if (d.rate === "completion") return h;
    const progress = `${fixed(d.timeProgress as number, 1)}%`;
    return { zh: `${h.zh}－时序进度${progress}`, en: `${h.en} − time progress ${progress}` };
  }
  if (d.rate === "yoy")
    return { zh: `（本期${av.zh}－上年同期${bv.zh}）÷上年同期`, en: `(current ${av.en} − last year ${bv.en}) ÷ last year` };
  if (d.rate === "share") {
    const label = d.denominator.label ?? "";
    return { zh: `本期${av.zh}÷${label}${bv.zh}`, en: `current ${av.en} ÷ ${label} ${bv.en}` };
  }
  const an = fieldName(d.numerator.indicator, d.numerator.measure);
  const bn = fieldName(d.denominator.indicator, d.denominator.measure);
  return { zh: `${an.zh}${av.zh}÷${bn.zh}${bv.zh}`, en: `${an.en} ${av.en} ÷ ${bn.en} ${bv.en}` };
}

function message(s: Bilingual, d: Details): Bilingual {
  if (d.kind !== "mismatch") {
    const last = MEASURE_NAMES.previous;
    const pv = quantityText(d.previous);
    const cell = d.previousCell;
    return d.kind === "zero-base"
      ? {
          zh: `${s.zh}：${last.zh}为0（${cell}），基期为0不应计算增速，应填“—”或“新增”。`,
          en: `${s.en}: the ${last.en} figure is 0 (${cell}); growth from a zero base has no percentage — write "—" or 新增.`,
        }
      : {
          zh: `${s.zh}：${last.zh}为负（${pv.zh}，${cell}），基期为负不应计算增速，宜用扭亏、减亏或增亏表述。`,
          en: `${s.en}: the ${last.en} figure is negative (${pv.en}, ${cell}); a signed growth rate would mislead — use 扭亏/减亏/增亏 wording.`,
        };
  }
  const isPace = d.rate === "pace";
  const n = fixed(d.reported, d.reportedDecimals);
  const p = isPace ? { zh: `${n}个百分点`, en: `${n} percentage points` } : { zh: `${n}%`, en: `${n}%` };
  const pct = fixed(d.expected, d.expectedDecimals);
  const expectedText = isPace ? { zh: `${pct}个百分点`, en: `${pct} percentage points` } : { zh: `${pct}%`, en: `${pct}%` };
  // Said the way a reviewer does: the reported figure is higher or lower, by so many points (never "相差-0.58").
  const gap = fixed(Math.abs(d.difference), 2);
  const side = d.difference > 0 ? { zh: "高", en: "higher" } : { zh: "低", en: "lower" };
  const h = how(d);
  return {
    zh: `${s.zh}：填报${p.zh}，按${h.zh}计算应为${expectedText.zh}，填报数${side.zh}${gap}个百分点，超出修约误差，请核实。`,
    en: `${s.en}: reported ${p.en}, but ${h.en} gives ${expectedText.en}: the reported figure is ${gap} percentage points ${side.en} — beyond rounding; please verify.`,
  };
}

/** The inputs of the rate, as data, and the cells the finding relates to. */
function inputs(ctx: RuleContext, i: number, kind: Kind, e: Expected): Pick<MismatchDetails, "numerator" | "denominator"> & { related: CellPos[] } {
  const at = (x: FieldRef): CellPos => ({ row: x.row, col: x.col });
  const a = ctx.fieldAt(e.a);
  const av = quantityOf(ctx, a, ctx.amountAt(e.a) as number);
  if (kind === "completion" || kind === "pace") {
    const target = e.b >= 0 ? ctx.fieldAt(e.b) : null;
    return {
      numerator: { indicator: a.indicator, measure: "current", value: av, cell: ctx.cell(a) },
      // The target in the current figure's unit, as the message states the division.
      denominator: { indicator: a.indicator, measure: "target", value: quantityOf(ctx, a, e.divisor), cell: target ? ctx.cell(target) : null, label: null },
      related: target ? [at(a), at(target)] : [at(a)],
    };
  }
  const b = ctx.fieldAt(e.b);
  const bv = quantityOf(ctx, b, e.divisor);
  const related = [at(a), at(b)];
  if (kind === "yoy") {
    return {
      numerator: { indicator: a.indicator, measure: "current", value: av, cell: ctx.cell(a) },
      denominator: { indicator: b.indicator, measure: "previous", value: bv, cell: ctx.cell(b), label: null },
      related,
    };
  }
  if (kind === "share") {
    return {
      numerator: { indicator: a.indicator, measure: "current", value: av, cell: ctx.cell(a) },
      denominator: { indicator: b.indicator, measure: "current", value: bv, cell: ctx.cell(b), label: ctx.infoAt(e.b).record.label },
      related,
    };
  }
  const m = ctx.fieldAt(i).measure === "previous" ? "previous" : "current";
  return {
    numerator: { indicator: a.indicator, measure: m, value: av, cell: ctx.cell(a) },
    denominator: { indicator: b.indicator, measure: m, value: bv, cell: ctx.cell(b), label: null },
    related,
  };
}

function mismatchFinding(ctx: RuleContext, i: number, kind: Kind, e: Expected): Finding {
  const f = ctx.fieldAt(i);
  const info = ctx.infoAt(i);
  // Shown as the sheet prints it: the column's reading, else the cell's likely one (1.1894 is 118.94%, never the
  // reading that happens to lie nearer the expected rate).
  const readings = columnReadings(ctx, i);
  const r = readings.length === 1 ? readings[0] : (readPercentAlone(ctx, i) ?? readings[0]);
  const shown = Math.min(4, Math.max(2, r.decimals));
  // Finding.expected in the cell's own reading, so that it compares with Finding.value.
  const asFraction = r.how === "fraction" || r.how === "format-percent" || r.how === "text-percent";
  const expected = Number((asFraction ? e.value : e.value * 100).toFixed(asFraction ? shown + 2 : shown));
  const { related, ...io } = inputs(ctx, i, kind, e);
  const details: MismatchDetails = {
    rule: "rate-mismatch",
    kind: "mismatch",
    rate: kind,
    reported: clean(r.fraction * 100),
    reportedDecimals: Math.max(0, r.decimals),
    expected: Number(fixed(e.value * 100, shown)),
    expectedDecimals: shown,
    difference: clean((r.fraction - e.value) * 100),
    ...io,
    timeProgress: kind === "pace" ? clean((ctx.timeProgress as number) * 100) : null,
  };
  return ctx.finding({
    rule: "rate-mismatch",
    severity: "verify",
    at: f,
    record: info,
    indicator: f.indicator,
    expected: { kind: "figure", value: expected },
    related,
    details,
    message: message(ctx.subject(f, info, f), details),
  });
}

function baseFinding(ctx: RuleContext, i: number, base: "zero" | "negative", previousEntry: number): Finding {
  const f = ctx.fieldAt(i);
  const info = ctx.infoAt(i);
  const previous = ctx.fieldAt(previousEntry);
  const details: BaseDetails = {
    rule: "rate-mismatch",
    kind: base === "zero" ? "zero-base" : "negative-base",
    previous: quantityOf(ctx, previous, ctx.amountAt(previousEntry) as number),
    previousCell: ctx.cell(previous),
  };
  return ctx.finding({
    rule: "rate-mismatch",
    severity: "verify",
    at: f,
    record: info,
    indicator: f.indicator,
    expected: { kind: "no-rate" },
    related: [previous],
    details,
    message: message(ctx.subject(f, info, f), details),
  });
}
