import * as codes from "./codes";
import { RuleContext } from "../context";
import { PercentReading, percentReadings, readPercentAlone } from "./percent";
import * as precision from "./precision";
import { Expected, kindOf, recompute, slackOf } from "./rate-inputs";

// Imported bindings are property getters under the CommonJS transform (jest, tsx): hot loops read local copies.
const { MEASURES } = codes;
const { decimalsOf } = precision;

const MEASURE_COUNT = MEASURES.length;
const ENOUGH_VOTES = 500;

/** How the plain numbers of a percent column are written: 0.5939 (a fraction) or 59.39 (a number ×100). */
export type PercentScale = "fraction" | "times-100";

/**
 * A column holds its rates one way: a clerk types 同比 as 22.05 or as 0.2205 for the whole column, not cell by cell.
 * A cell that says so itself (a % format, text with % or 个百分点) needs no decision; a plain number does. Each
 * column's scale is learnt from its cells that agree with their own inputs in only one reading, by majority; a
 * column with no such cell, or a tie, is undecided and its cells are read both ways as before. A transposed form's
 * column is one measure for every indicator row, so it is decided the same way (one decision per column and measure).
 */
export function percentScales(ctx: RuleContext): ReadonlyMap<number, PercentScale> {
  return ctx.memo("percent-scales", () => {
    const votes = new Map<number, { fraction: number; times100: number }>();
    const t = ctx.table;
    const e: Expected = { value: 0, base: null, ratio: 0, a: -1, b: -1, bIsTarget: false, divisor: 1 };
    for (let i = 0; i < t.n; i++) {
      const kind = kindOf(t.indicator[i], t.measure[i]);
      if (kind === null) continue;
      const v = ambiguousValue(ctx, i);
      if (v === null) continue;
      const key = keyAt(ctx, i);
      const seen = votes.get(key);
      // A few hundred agreeing cells settle a column: a 100,000-row sheet need not recompute every rate twice.
      if (seen !== undefined && seen.fraction + seen.times100 >= ENOUGH_VOTES) continue;
      if (!recompute(ctx, i, kind, e) || e.base !== null) continue;
      const d = decimalsAt(ctx, i, v);
      const slack = slackOf(ctx, e);
      const eps = 1e-9;
      const asTimes100 = Math.abs(v / 100 - e.value) <= Math.pow(10, -d) / 200 + slack + eps;
      const asFraction = Math.abs(v - e.value) <= Math.pow(10, 2 - d) / 200 + slack + eps;
      if (asTimes100 === asFraction) continue;
      const vote = seen ?? { fraction: 0, times100: 0 };
      if (asFraction) vote.fraction++;
      else vote.times100++;
      votes.set(key, vote);
    }
    const scales = new Map<number, PercentScale>();
    for (const [key, vote] of votes) {
      if (vote.fraction > vote.times100) scales.set(key, "fraction");
      else if (vote.times100 > vote.fraction) scales.set(key, "times-100");
    }
    return scales;
  });
}

/** The scale of entry i's column, when the column has decided one. */
export function percentScaleAt(ctx: RuleContext, i: number): PercentScale | null {
  return percentScales(ctx).get(keyAt(ctx, i)) ?? null;
}

/** percentReadings of entry i, keeping only its column's reading when the column has decided. */
export function columnReadings(ctx: RuleContext, i: number): PercentReading[] {
  const readings = percentReadings(ctx, i);
  if (readings.length <= 1) return readings;
  const scale = percentScaleAt(ctx, i);
  return scale === null ? readings : readings.filter((r) => r.how === scale);
}

/**
 * A rate cell read without inputs (behind-schedule falls back on the printed 完成率): the column's scale when it
 * has one, else readPercentAlone's guess for the cell.
 */
export function readPercentInColumn(ctx: RuleContext, i: number): PercentReading | null {
  const readings = columnReadings(ctx, i);
  return readings.length === 1 ? readings[0] : readPercentAlone(ctx, i);
}

function keyAt(ctx: RuleContext, i: number): number {
  return ctx.colAt(i) * MEASURE_COUNT + ctx.table.measure[i];
}

/** The figure of a cell that does not say how it is scaled (no % format, no % or 个百分点 in its text); else null. */
function ambiguousValue(ctx: RuleContext, i: number): number | null {
  const v = ctx.numberAt(i);
  if (v === null) return null;
  if (ctx.plainAt(i)) {
    const format = ctx.formatAt(i);
    return format !== null && format.percent ? null : v;
  }
  const p = ctx.parsedAt(i);
  if (p.kind !== "number" || !p.fromText || p.percent || p.unit === "个百分点") return null;
  return p.value;
}

function decimalsAt(ctx: RuleContext, i: number, v: number): number {
  if (!ctx.plainAt(i)) return ctx.decimalsAt(i);
  const format = ctx.formatAt(i);
  return format !== null ? format.decimals : decimalsOf(v);
}
