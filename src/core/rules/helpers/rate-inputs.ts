import { completion, pace, share, yoy } from "../../indicators";
import * as codes from "./codes";
import { RuleContext } from "../context";
import * as context from "../context";

// Imported bindings are property getters under the CommonJS transform (jest, tsx): hot loops read local copies.
const { IS_RATE, M, RATIO } = codes;
const { KIND_TOTAL } = context;

/**
 * What a reported rate (完成率, 同比, 占比, 超欠时序进度, 开工率 …) should be, from the figures of its own record,
 * computed by core/indicators (the same functions the ZSTJ custom functions use):
 * shared by rate-mismatch, which compares, and percent-scale, which learns from the agreeing cells of a column
 * whether it holds fractions or numbers ×100.
 */

export type Kind = "completion" | "yoy" | "share" | "pace" | "ratio";

/**
 * What a reported rate should be, from the row's own figures. One scratch object is reused for every cell: the
 * check runs on every rate cell of 100,000-row sheets, and only a mismatch needs the inputs spelled out.
 */
export interface Expected {
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

export function kindOf(indicator: number, measure: number): Kind | null {
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
export function recompute(ctx: RuleContext, i: number, kind: Kind, out: Expected): boolean {
  out.base = null;
  const t = ctx.table;
  const ind = t.indicator[i];
  switch (kind) {
    case "completion":
    case "pace": {
      const current = ctx.sibling(i, ind, M.current);
      const a = current < 0 ? null : ctx.amountAt(current);
      const target = ctx.targetAt(i);
      // Blank inputs are common and need no reason: only a row with both asks the indicator.
      if (a === null || target === null) return false;
      const rate = completion(a, target);
      if (!rate.ok) return false;
      const r = rate.value;
      if (kind === "completion") return set(out, r, r, current, ctx.sibling(i, ind, M.target), true, target);
      if (ctx.timeProgress === null) return false;
      // pace() is in 百分点; a printed 超欠时序进度 is compared as a fraction, like every other rate.
      const gap = pace(r, ctx.timeProgress) / 100;
      return set(out, gap, r, current, ctx.sibling(i, ind, M.target), true, target);
    }
    case "yoy": {
      const previous = ctx.sibling(i, ind, M.previous);
      const p = previous < 0 ? null : ctx.amountAt(previous);
      if (p === null) return false;
      const current = ctx.sibling(i, ind, M.current);
      const a = current < 0 ? null : ctx.amountAt(current);
      const growth = yoy(a, p);
      // Growth from nothing or from a loss has no meaningful percentage: printing one is the finding.
      if (!growth.ok && (growth.reason === "base-zero" || growth.reason === "base-negative")) {
        out.base = growth.reason === "base-zero" ? "zero" : "negative";
        out.b = previous;
        return true;
      }
      if (!growth.ok) return false;
      return set(out, growth.value, (a as number) / p, current, previous, false, p);
    }
    case "share": {
      const current = ctx.sibling(i, ind, M.current);
      const a = current < 0 ? null : ctx.amountAt(current);
      const total = totalEntry(ctx, ind);
      if (a === null || total < 0) return false;
      const v = ctx.amountAt(total) as number;
      const part = share(a, v);
      if (!part.ok) return false;
      return set(out, part.value, part.value, current, total, false, v);
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
export function slackOf(ctx: RuleContext, e: Expected): number {
  const ha = ctx.halfUnitAt(e.a);
  // A target is set, not measured: it is exact whatever its printed decimals (see TargetLookup).
  const hb = e.bIsTarget || e.b < 0 ? 0 : ctx.halfUnitAt(e.b);
  return (ha + Math.abs(e.ratio) * hb) / Math.abs(e.divisor);
}

