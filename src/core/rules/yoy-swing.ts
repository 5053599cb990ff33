import { Finding } from "../findings";
import { Bilingual } from "../i18n";
import { CellPos } from "../sheet/types";
import * as codes from "./helpers/codes";
import { KIND_UNIT, RuleContext } from "./context";
import { fixed } from "./helpers/format";
import { halfUnitOfPercent } from "./helpers/percent";
import { readPercentInColumn } from "./helpers/percent-scale";
import { Rule } from "./rule";
import { quantityText } from "./quantity";
import { declareRule } from "./declaration";
import { clean, Quantity, quantityOf } from "./quantity";
import { detectUnitSlips } from "./unit-slip";

// Imported bindings are property getters under the CommonJS transform (jest, tsx): hot loops read local copies.
const { IS_AMOUNT, M } = codes;

interface Swing {
  /** 同比 as a fraction. */
  growth: number;
  /** How far rounding can move it (inputs' printed precision, or the printed 同比's last digit). */
  slack: number;
  /** The 上年同期 entry and figure it was computed from; -1 when read from the printed 同比 alone. */
  base: number;
  baseValue: number;
  at: CellPos;
  measure: "yoy" | "current";
}

export const declaration = declareRule({
  id: "yoy-swing",
  name: { zh: "同比波动过大", en: "Large year-on-year swing" },
  severities: ["verify"],
  settings: ["thresholds.yoySwing"],
  description: {
    zh: "金额同比增减超过阈值（默认 30%，0 为关闭）：按本期与上年同期计算，无上年同期时读填报的同比；基数为 0 或负数不适用，超出修约误差才报告，需附书面说明",
    en: "An amount moving more than the threshold (default 30%, 0 turns it off) against the same period last year, from 本期 and 上年同期 or the printed 同比; not applicable on a zero or negative base; needs a written explanation.",
  },
});

/** What a yoy-swing finding states. */
export interface Details {
  rule: "yoy-swing";
  /** 同比 in % (54.67 for +54.67%), as computed from the figures or printed. */
  growth: number;
  /** The threshold in % (config.thresholds.yoySwing). */
  threshold: number;
  /** Where the growth comes from: computed from 本期 and 上年同期, or read from the printed 同比. */
  source: "computed" | "printed";
  /** 本期 and 上年同期 in the column's unit, when computed. */
  current: Quantity | null;
  previous: Quantity | null;
}

function message(s: Bilingual, d: Details): Bilingual {
  const pct = `${fixed(Math.abs(d.growth), 2)}%`;
  const up = d.growth > 0;
  const move = { zh: up ? `同比增长${pct}` : `同比下降${pct}`, en: up ? `up ${pct} year on year` : `down ${pct} year on year` };
  let from: Bilingual = { zh: "", en: "" };
  if (d.current !== null && d.previous !== null) {
    const cv = quantityText(d.current);
    const pv = quantityText(d.previous);
    from = { zh: `（本期${cv.zh}，上年同期${pv.zh}）`, en: ` (current ${cv.en}, same period last year ${pv.en})` };
  }
  const threshold = `${fixed(d.threshold, d.threshold === Math.round(d.threshold) ? 0 : 2)}%`;
  return {
    zh: `${s.zh}：${move.zh}${from.zh}，增减幅度超过${threshold}，请附书面说明变动原因。`,
    en: `${s.en}: ${move.en}${from.en}, a swing beyond ${threshold}; please attach a written explanation.`,
  };
}

/**
 * 核实性: an amount of a unit row that moved more than config.thresholds.yoySwing % against the same period last
 * year (local 审核评估 rules ask for a written 说明 past ±30%). The growth is computed from the row's 本期 and
 * 上年同期 when both are there (a wrong printed 同比 is rate-mismatch's finding), else read from the printed 同比.
 * Not applicable on a base of 0 or below (no percentage exists), nor on a negative 本期 or a unit slip, whose own
 * findings say what is wrong. Flagged only when the swing exceeds the threshold beyond what rounding can explain.
 */
export const yoySwing: Rule = {
  id: declaration.id,
  run(ctx: RuleContext): Finding[] {
    const limit = limitOf(ctx);
    if (!(limit > 0)) return [];
    const findings: Finding[] = [];
    const t = ctx.table;
    const slips = detectUnitSlips(ctx);
    for (let i = 0; i < t.n; i++) {
      if (t.measure[i] !== M.current || !IS_AMOUNT[t.indicator[i]] || t.kind[t.record[i]] !== KIND_UNIT) continue;
      const swing = swingOf(ctx, i, slips);
      if (swing === null || Math.abs(swing.growth) - swing.slack <= limit + 1e-9) continue;
      findings.push(swingFinding(ctx, i, swing, limit));
    }
    return findings;
  },
};

function limitOf(ctx: RuleContext): number {
  return ctx.config.thresholds.yoySwing / 100;
}

function swingOf(ctx: RuleContext, i: number, slips: ReadonlyMap<number, unknown>): Swing | null {
  const ind = ctx.table.indicator[i];
  const a = ctx.amountAt(i);
  if (a === null || a < 0 || slips.has(i)) return null;
  const p = ctx.sibling(i, ind, M.previous);
  const y = ctx.sibling(i, ind, M.yoy);
  const base = p < 0 ? null : ctx.amountAt(p);
  if (base !== null) {
    if (base <= 0 || slips.has(p)) return null;
    const ratio = a / base;
    // Most rows move far less than the threshold: the rounding allowance (which reads formats) is not needed.
    const slack = Math.abs(ratio - 1) <= limitOf(ctx) ? 0 : (ctx.halfUnitAt(i) + ratio * ctx.halfUnitAt(p)) / base;
    return { growth: ratio - 1, slack, base: p, baseValue: base, at: ctx.fieldAt(y >= 0 ? y : i), measure: y >= 0 ? "yoy" : "current" };
  }
  // No base on the sheet: the printed 同比 is all there is. A blank or 新增 prints no percentage.
  if (y < 0 || p >= 0 || ctx.numberAt(y) === null) return null;
  const reading = readPercentInColumn(ctx, y);
  if (reading === null) return null;
  return { growth: reading.fraction, slack: halfUnitOfPercent(reading), base: -1, baseValue: 0, at: ctx.fieldAt(y), measure: "yoy" };
}

function swingFinding(ctx: RuleContext, i: number, swing: Swing, limit: number): Finding {
  const info = ctx.infoAt(i);
  const cur = ctx.fieldAt(i);
  const indicator = cur.indicator;
  const s = ctx.subject(swing.at, info, { indicator, measure: swing.measure });
  const computed = swing.base >= 0;
  const details: Details = {
    rule: "yoy-swing",
    growth: clean(swing.growth * 100),
    threshold: clean(limit * 100),
    source: computed ? "computed" : "printed",
    current: computed ? quantityOf(ctx, cur, ctx.amountAt(i) as number) : null,
    previous: computed ? quantityOf(ctx, ctx.fieldAt(swing.base), swing.baseValue) : null,
  };
  const related: CellPos[] = [];
  if (computed) {
    if (swing.at.row !== cur.row || swing.at.col !== cur.col) related.push(cur);
    related.push(ctx.fieldAt(swing.base));
  }
  return ctx.finding({
    rule: "yoy-swing",
    severity: "verify",
    at: { row: swing.at.row, col: swing.at.col },
    record: info,
    indicator,
    related,
    details,
    message: message(s, details),
  });
}
