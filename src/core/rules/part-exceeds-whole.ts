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
const { M, PART_OF } = codes;

/** What a part-exceeds-whole finding states. Figures are in each cell's column unit. */
export interface Details {
  rule: "part-exceeds-whole";
  /** The part (this cell) and the whole it is part of, each with its measure, figure and cell. */
  part: { indicator: IndicatorId; measure: Measure; value: Quantity };
  whole: { indicator: IndicatorId; measure: Measure; value: Quantity; cell: string };
  /** How much the part exceeds the whole by, in the part's unit. */
  excess: Quantity;
}

function message(s: Bilingual, d: Details): Bilingual {
  const partName = fieldName(d.part.indicator, d.part.measure);
  const wholeName = fieldName(d.whole.indicator, d.whole.measure);
  const pv = quantityText(d.part.value);
  const wv = quantityText(d.whole.value);
  return {
    zh: `${s.zh}：其中${partName.zh}${pv.zh}大于${wholeName.zh}${wv.zh}（${d.whole.cell}），部分不能超过总数。`,
    en: `${s.en}: the part, ${partName.en} ${pv.en}, exceeds the whole, ${wholeName.en} ${wv.en} (${d.whole.cell}).`,
  };
}

export const declaration = declareRule({
  id: "part-exceeds-whole",
  name: { zh: "其中项大于总数", en: "Part exceeds the whole" },
  severities: ["error"],
  settings: [],
  description: {
    zh: "其中项大于总数（工业合同额 > 合同额，开工项目 > 签约项目…）",
    en: "A part larger than its whole (industrial contract amount > contract amount, projects started > projects signed …).",
  },
});

/**
 * 强制性: a 其中 part larger than its whole in the same record (工业合同额 > 合同额, 开工项目 > 签约项目,
 * 市外到位 > 到位资金), by the catalog's partOf, for 本期, 上年同期 and 目标 alike. Rounding keeps part ≤ whole
 * when both are printed to the same unit; when they are printed to different units the gap must exceed half a
 * unit of each before it is certain.
 */
export const partExceedsWhole: Rule = {
  id: declaration.id,
  run(ctx: RuleContext): Finding[] {
    const findings: Finding[] = [];
    const t = ctx.table;
    for (let i = 0; i < t.n; i++) {
      const wholeCode = PART_OF[t.indicator[i]];
      const m = t.measure[i];
      if (wholeCode < 0 || (m !== M.current && m !== M.previous && m !== M.target)) continue;
      const j = ctx.sibling(i, wholeCode, m);
      if (j < 0) continue;
      const p = ctx.amountAt(i);
      const w = ctx.amountAt(j);
      if (p === null || w === null) continue;
      const eps = 1e-9 * Math.max(1, Math.abs(w));
      if (p <= w + eps) continue;
      const part = ctx.fieldAt(i);
      const whole = ctx.fieldAt(j);
      // Printed to the same unit, rounding keeps part ≤ whole; otherwise half a unit of each may explain it.
      const sameUnit =
        ctx.printedDecimalsAt(i) === ctx.printedDecimalsAt(j) && ctx.amountUnit(part) === ctx.amountUnit(whole);
      if (!sameUnit && p - w <= ctx.halfUnitAt(i) + ctx.halfUnitAt(j) + eps) continue;
      const info = ctx.infoAt(i);
      const details: Details = {
        rule: "part-exceeds-whole",
        part: { indicator: part.indicator, measure: part.measure, value: quantityOf(ctx, part, p) },
        whole: { indicator: whole.indicator, measure: whole.measure, value: quantityOf(ctx, whole, w), cell: ctx.cell(whole) },
        excess: quantityOf(ctx, part, p - w),
      };
      findings.push(
        ctx.finding({
          rule: "part-exceeds-whole",
          severity: "error",
          at: part,
          record: info,
          indicator: part.indicator,
          expected: { kind: "at-most", max: ctx.inColumnUnit(part, w) },
          related: [whole],
          details,
          message: message(ctx.subject(part, info, part), details),
        }),
      );
    }
    return findings;
  },
};
