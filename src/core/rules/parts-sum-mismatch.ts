import { IndicatorId } from "../catalog";
import { Finding } from "../findings";
import { Bilingual } from "../i18n";
import { Measure } from "../sheet/types";
import * as codes from "./helpers/codes";
import { RuleContext } from "./context";
import { fieldName } from "./helpers/format";
import { Quantity, quantityOf, quantityText } from "./quantity";
import { Rule } from "./rule";
import { declareRule } from "./declaration";

// Imported bindings are property getters under the CommonJS transform (jest, tsx): hot loops read local copies.
const { KIND, M, SUM_OF_PARTS } = codes;

/** What a parts-sum-mismatch finding states. Figures are in the whole's column unit. */
export interface Details {
  rule: "parts-sum-mismatch";
  /** The whole as reported (this cell), and its measure. */
  measure: Measure;
  total: Quantity;
  /** The parts, each with its indicator, figure and cell. */
  parts: { indicator: IndicatorId; value: Quantity; cell: string }[];
  /** The parts' sum, and total − sum (positive: the parts add up to less than the whole). */
  sum: Quantity;
  difference: Quantity;
  /** Each printed figure's rounding allowance together (0 for counts, which are exact). */
  tolerance: Quantity;
}

function message(s: Bilingual, indicator: IndicatorId, d: Details): Bilingual {
  const wholeName = fieldName(indicator, d.measure);
  const terms = d.parts.map((x) => ({ name: fieldName(x.indicator, d.measure), value: quantityText(x.value) }));
  const diff = d.difference.value;
  const total = quantityText(d.total);
  const sum = quantityText(d.sum);
  const gap = quantityText({ value: Math.abs(diff), unit: d.difference.unit });
  return {
    zh: `${s.zh}：${wholeName.zh}${total.zh}，但${terms.map((x) => `${x.name.zh}${x.value.zh}`).join("＋")}＝${sum.zh}，${diff > 0 ? "少" : "多"}${gap.zh}，请核实。`,
    en: `${s.en}: ${wholeName.en} is ${total.en}, but ${terms.map((x) => `${x.name.en} ${x.value.en}`).join(" + ")} = ${sum.en}, ${gap.en} ${diff > 0 ? "less" : "more"}; please verify.`,
  };
}

export const declaration = declareRule({
  id: "parts-sum-mismatch",
  name: { zh: "分项之和与总数不符", en: "Parts do not add up" },
  severities: ["verify"],
  settings: [],
  description: {
    zh: "各部分之和不等于总数（正式合同 20 + 框架协议 8 = 28，比签约 29 少 1）",
    en: "Parts that do not add up to their whole (20 formal contracts + 8 framework agreements = 28, one short of 29 signed).",
  },
});

/**
 * 核实性: parts that must add up to their whole do not (catalog sumOfParts: 正式合同 + 框架协议 = 签约项目).
 * 黔江 2022 上半年 printed 签约29个 = 正式合同20个 + 框架协议8个 — one project short, exactly what this catches.
 * Counts are exact; amounts allow each printed figure's own rounding ((n+1)·u/2 for a uniform u). A part left blank means the split was not
 * reported, so nothing is checked.
 */
export const partsSumMismatch: Rule = {
  id: declaration.id,
  run(ctx: RuleContext): Finding[] {
    const findings: Finding[] = [];
    const t = ctx.table;
    for (let i = 0; i < t.n; i++) {
      const ids = SUM_OF_PARTS[t.indicator[i]];
      const m = t.measure[i];
      if (ids === null || (m !== M.current && m !== M.previous && m !== M.target)) continue;
      const w = ctx.amountAt(i);
      if (w === null) continue;
      // Sum first without allocating: almost every row adds up.
      let sum = 0;
      let complete = true;
      for (let k = 0; k < ids.length && complete; k++) {
        const j = ctx.sibling(i, ids[k], m);
        const v = j < 0 ? null : ctx.amountAt(j);
        if (v === null) complete = false;
        else sum += v;
      }
      if (!complete) continue;
      const diff = w - sum;
      const eps = 1e-9 * Math.max(1, Math.abs(w));
      if (Math.abs(diff) <= eps) continue;
      const whole = ctx.fieldAt(i);
      const partEntries = ids.map((id) => ctx.sibling(i, id, m));
      const parts = partEntries.map((j) => ctx.fieldAt(j));
      const isCount = KIND[t.indicator[i]] === "count";
      // Each printed figure carries half a unit of its own last digit ((n+1)·u/2 when all share u); counts none.
      let tolerance = 0;
      if (!isCount) {
        tolerance = ctx.halfUnitAt(i);
        for (const j of partEntries) tolerance += ctx.halfUnitAt(j);
      }
      if (Math.abs(diff) <= tolerance + eps) continue;
      const info = ctx.infoAt(i);
      const details: Details = {
        rule: "parts-sum-mismatch",
        measure: whole.measure,
        total: quantityOf(ctx, whole, w),
        parts: parts.map((f, k) => ({ indicator: f.indicator, value: quantityOf(ctx, f, ctx.amountAt(partEntries[k]) as number), cell: ctx.cell(f) })),
        sum: quantityOf(ctx, whole, sum),
        difference: quantityOf(ctx, whole, diff),
        tolerance: quantityOf(ctx, whole, tolerance),
      };
      findings.push(
        ctx.finding({
          rule: "parts-sum-mismatch",
          severity: "verify",
          at: whole,
          record: info,
          indicator: whole.indicator,
          expected: isCount
            ? { kind: "figure", value: sum }
            : { kind: "range", min: ctx.inColumnUnit(whole, sum - tolerance), max: ctx.inColumnUnit(whole, sum + tolerance) },
          related: parts,
          details,
          message: message(ctx.subject(whole, info, whole), whole.indicator, details),
        }),
      );
    }
    return findings;
  },
};
