import { Finding } from "../findings";
import { Bilingual } from "../i18n";
import { CellPos, FieldRef } from "../sheet/types";
import * as codes from "./codes";
import { RuleContext } from "./context";
import * as context from "./context";
import { MEASURE_NAMES, fieldName, fixed, percentText } from "./format";
import { PercentReading, halfUnitOfPercent, percentReadings } from "./percent";
import * as precision from "./precision";
import { Rule } from "./rule";
import { detectUnitSlips } from "./unit-slip";

// Imported bindings are property getters under the CommonJS transform (jest, tsx): hot loops read local copies.
const { IS_RATE, M, RATIO } = codes;
const { KIND_TOTAL } = context;
const { decimalsOf } = precision;

type Kind = "completion" | "yoy" | "share" | "pace" | "ratio";

/**
 * What a reported rate should be, from the row's own figures. One scratch object is reused for every cell: the
 * check runs on every rate cell of 100,000-row sheets, and only a mismatch needs the inputs spelled out.
 */
interface Expected {
  /** As a fraction (0.5939). */
  value: number;
  /** For 同比: the base is 0 or negative, so no percentage should be printed. */
  base: "zero" | "negative" | null;
  /** The division behind it, r = a ÷ b (field-table entries; b = -1 for a target from the targets table). */
  ratio: number;
  a: number;
  b: number;
  bIsTarget: boolean;
  divisor: number;
}

function kindOf(indicator: number, measure: number): Kind | null {
  switch (measure) {
    case M.completion:
      return "completion";
    case M.yoy:
      return "yoy";
    case M.share:
      return "share";
    case M.pace:
      return "pace";
    case M.rate:
      return "ratio";
    case M.current:
    case M.previous:
      return IS_RATE[indicator] ? "ratio" : null;
    default:
      return null;
  }
}

function set(
  out: Expected,
  value: number,
  ratio: number,
  a: number,
  b: number,
  bIsTarget: boolean,
  divisor: number,
): true {
  out.value = value;
  out.ratio = ratio;
  out.a = a;
  out.b = b;
  out.bIsTarget = bIsTarget;
  out.divisor = divisor;
  return true;
}

/** The city total a share is of, per indicator: the first total row with a positive 本期. */
function totalEntry(ctx: RuleContext, indicator: number): number {
  const byIndicator = ctx.memo("share-totals", () => new Map<number, number>());
  let j = byIndicator.get(indicator);
  if (j === undefined) {
    j = -1;
    const t = ctx.table;
    for (let r = 0; r < ctx.records.length && j < 0; r++) {
      if (t.kind[r] !== KIND_TOTAL) continue;
      const e = ctx.entryOf(r, indicator, M.current);
      const v = e < 0 ? null : ctx.amountAt(e);
      if (v !== null && v > 0) j = e;
    }
    byIndicator.set(indicator, j);
  }
  return j;
}

/** Fills `out` and returns true when the row has the inputs to recompute the rate of entry i. */
function recompute(ctx: RuleContext, i: number, kind: Kind, out: Expected): boolean {
  out.base = null;
  const t = ctx.table;
  const ind = t.indicator[i];
  switch (kind) {
    case "completion":
    case "pace": {
      const current = ctx.sibling(i, ind, M.current);
      const a = current < 0 ? null : ctx.amountAt(current);
      const target = ctx.targetAt(i);
      if (a === null || target === null || !(target > 0)) return false;
      const r = a / target;
      if (kind === "completion") return set(out, r, r, current, ctx.sibling(i, ind, M.target), true, target);
      if (ctx.timeProgress === null) return false;
      return set(out, r - ctx.timeProgress, r, current, ctx.sibling(i, ind, M.target), true, target);
    }
    case "yoy": {
      const previous = ctx.sibling(i, ind, M.previous);
      const p = previous < 0 ? null : ctx.amountAt(previous);
      if (p === null) return false;
      // Growth from nothing or from a loss has no meaningful percentage: printing one is the finding.
      if (p <= 0) {
        out.base = p === 0 ? "zero" : "negative";
        out.b = previous;
        return true;
      }
      const current = ctx.sibling(i, ind, M.current);
      const a = current < 0 ? null : ctx.amountAt(current);
      if (a === null) return false;
      return set(out, a / p - 1, a / p, current, previous, false, p);
    }
    case "share": {
      const current = ctx.sibling(i, ind, M.current);
      const a = current < 0 ? null : ctx.amountAt(current);
      const total = totalEntry(ctx, ind);
      if (a === null || total < 0) return false;
      const v = ctx.amountAt(total) as number;
      return set(out, a / v, a / v, current, total, false, v);
    }
    case "ratio": {
      const ratio = RATIO[ind];
      if (ratio === null) return false;
      const m = t.measure[i] === M.previous ? M.previous : M.current;
      const num = ctx.sibling(i, ratio.numerator, m);
      const den = ctx.sibling(i, ratio.denominator, m);
      const n = num < 0 ? null : ctx.amountAt(num);
      const d = den < 0 ? null : ctx.amountAt(den);
      if (n === null || d === null || !(d > 0)) return false;
      return set(out, n / d, n / d, num, den, false, d);
    }
  }
}

/**
 * How far the inputs' own rounding can move the rate, as a fraction: a and b each off by up to half a printed
 * unit move r = a ÷ b by at most (ha + |r|·hb) / b. Only computed for a rate that fails the strict comparison.
 */
function slackOf(ctx: RuleContext, e: Expected): number {
  const ha = ctx.halfUnit(ctx.fieldAt(e.a));
  // A target is set, not measured: it is exact whatever its printed decimals (see TargetInput).
  const hb = e.bIsTarget || e.b < 0 ? 0 : ctx.halfUnit(ctx.fieldAt(e.b));
  return (ha + Math.abs(e.ratio) * hb) / Math.abs(e.divisor);
}

/**
 * Whether the printed cell agrees with the expected value in some reading, without building readings for the
 * common case (a plain number): ×100 (12.5 = 12.5%) or fraction (0.125) — see percentReadings.
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
    if (Math.abs(v / 100 - e.value) <= Math.pow(10, -d) / 200 + slack + eps) return true;
    return Math.abs(v - e.value) <= Math.pow(10, 2 - d) / 200 + slack + eps;
  }
  return percentReadings(ctx, ctx.fieldAt(i)).some(
    (r) => Math.abs(r.fraction - e.value) <= halfUnitOfPercent(r) + slack + eps,
  );
}

/**
 * 核实性: a reported rate (完成率, 同比, 占比, 开工率, 履约率, 资金到位率, 超欠时序进度) that contradicts the
 * row's own figures. The tolerance is half a unit of the rate's last printed digit plus what the inputs' own
 * rounding can do to it: 147% beside 279 and 190 (146.8%) is consistent, 80% beside 95.03 and 160 (59.39%) is not.
 * A cell may be a fraction (0.125 formatted as %) or a number ×100 (12.5): text with % and % formats decide;
 * otherwise the reading that agrees with the inputs is taken (see percentReadings), so only a rate that matches
 * neither reading is reported. A 同比 printed over a base of 0 or below is itself a finding. A rate whose input is a
 * unit slip is left to the unit-slip finding.
 */
export const rateMismatch: Rule = {
  id: "rate-mismatch",
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

/** The inputs of a mismatching rate, spelled out for the message: "本期95.03亿元÷年度目标160.00亿元". */
function explain(ctx: RuleContext, i: number, kind: Kind, e: Expected): { how: Bilingual; related: CellPos[] } {
  const at = (x: FieldRef): CellPos => ({ row: x.row, col: x.col });
  const a = ctx.fieldAt(e.a);
  const av = ctx.display(a, ctx.amountAt(e.a) as number);
  if (kind === "completion" || kind === "pace") {
    const tv = ctx.display(a, e.divisor);
    const related = e.b >= 0 ? [at(a), at(ctx.fieldAt(e.b))] : [at(a)];
    const how = { zh: `本期${av.zh}÷年度目标${tv.zh}`, en: `current ${av.en} ÷ target ${tv.en}` };
    if (kind === "completion") return { how, related };
    const progress = percentText(ctx.timeProgress as number, 1);
    return { how: { zh: `${how.zh}－时序进度${progress}`, en: `${how.en} − time progress ${progress}` }, related };
  }
  const b = ctx.fieldAt(e.b);
  const bv = ctx.display(b, e.divisor);
  if (kind === "yoy") {
    return {
      how: {
        zh: `（本期${av.zh}－上年同期${bv.zh}）÷上年同期`,
        en: `(current ${av.en} − last year ${bv.en}) ÷ last year`,
      },
      related: [at(a), at(b)],
    };
  }
  if (kind === "share") {
    const label = ctx.infoAt(e.b).record.label;
    return {
      how: { zh: `本期${av.zh}÷${label}${bv.zh}`, en: `current ${av.en} ÷ ${label} ${bv.en}` },
      related: [at(a), at(b)],
    };
  }
  const m = ctx.fieldAt(i).measure === "previous" ? "previous" : "current";
  const an = fieldName(a.indicator, m);
  const bn = fieldName(b.indicator, m);
  return {
    how: { zh: `${an.zh}${av.zh}÷${bn.zh}${bv.zh}`, en: `${an.en} ${av.en} ÷ ${bn.en} ${bv.en}` },
    related: [at(a), at(b)],
  };
}

function printed(r: PercentReading, isPace: boolean): Bilingual {
  const d = Math.max(0, r.decimals);
  if (isPace) {
    const n = fixed(r.fraction * 100, d);
    return { zh: `${n}个百分点`, en: `${n} percentage points` };
  }
  const t = percentText(r.fraction, d);
  return { zh: t, en: t };
}

function mismatchFinding(ctx: RuleContext, i: number, kind: Kind, e: Expected): Finding {
  const f = ctx.fieldAt(i);
  const info = ctx.infoAt(i);
  const readings = percentReadings(ctx, f);
  let r = readings[0];
  for (const x of readings) if (Math.abs(x.fraction - e.value) < Math.abs(r.fraction - e.value)) r = x;
  const isPace = kind === "pace";
  const shown = Math.min(4, Math.max(2, r.decimals));
  const pct = fixed(e.value * 100, shown);
  const expectedText = isPace
    ? { zh: `${pct}个百分点`, en: `${pct} percentage points` }
    : { zh: `${pct}%`, en: `${pct}%` };
  const gap = fixed((r.fraction - e.value) * 100, 2);
  // Finding.expected in the cell's own reading, so that it compares with Finding.value.
  const asFraction = r.how === "fraction" || r.how === "format-percent" || r.how === "text-percent";
  const expected = Number((asFraction ? e.value : e.value * 100).toFixed(asFraction ? shown + 2 : shown));
  const { how, related } = explain(ctx, i, kind, e);
  const s = ctx.subject(f, info, f);
  const p = printed(r, isPace);
  return ctx.finding({
    rule: "rate-mismatch",
    severity: "verify",
    at: f,
    record: info,
    indicator: f.indicator,
    expected,
    related,
    message: {
      zh: `${s.zh}：填报${p.zh}，按${how.zh}计算应为${expectedText.zh}，相差${gap}个百分点，超出修约误差，请核实。`,
      en: `${s.en}: reported ${p.en}, but ${how.en} gives ${expectedText.en}, ${gap} percentage points apart — beyond rounding; please verify.`,
    },
  });
}

function baseFinding(ctx: RuleContext, i: number, base: "zero" | "negative", previousEntry: number): Finding {
  const f = ctx.fieldAt(i);
  const info = ctx.infoAt(i);
  const s = ctx.subject(f, info, f);
  const previous = ctx.fieldAt(previousEntry);
  const cell = ctx.cell(previous);
  const pv = ctx.display(previous, ctx.amountAt(previousEntry) as number);
  const last = MEASURE_NAMES.previous;
  const message =
    base === "zero"
      ? {
          zh: `${s.zh}：${last.zh}为0（${cell}），基期为0不应计算增速，应填“—”或“新增”。`,
          en: `${s.en}: the ${last.en} figure is 0 (${cell}); growth from a zero base has no percentage — write "—" or 新增.`,
        }
      : {
          zh: `${s.zh}：${last.zh}为负（${pv.zh}，${cell}），基期为负不应计算增速，宜用扭亏、减亏或增亏表述。`,
          en: `${s.en}: the ${last.en} figure is negative (${pv.en}, ${cell}); a signed growth rate would mislead — use 扭亏/减亏/增亏 wording.`,
        };
  return ctx.finding({
    rule: "rate-mismatch",
    severity: "verify",
    at: f,
    record: info,
    indicator: f.indicator,
    expected: "—",
    related: [previous],
    message,
  });
}
