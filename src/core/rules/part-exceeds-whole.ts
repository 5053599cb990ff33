import { Finding } from "../findings";
import * as codes from "./codes";
import { RuleContext } from "./context";
import { fieldName } from "./format";
import { Rule } from "./rule";
import { declareRule } from "./declaration";

// Imported bindings are property getters under the CommonJS transform (jest, tsx): hot loops read local copies.
const { M, PART_OF } = codes;

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
        ctx.printedDecimals(part) === ctx.printedDecimals(whole) && ctx.amountUnit(part) === ctx.amountUnit(whole);
      if (!sameUnit && p - w <= ctx.halfUnit(part) + ctx.halfUnit(whole) + eps) continue;
      const info = ctx.infoAt(i);
      const s = ctx.subject(part, info, part);
      const partName = fieldName(part.indicator, part.measure);
      const wholeName = fieldName(whole.indicator, whole.measure);
      const pv = ctx.display(part, p);
      const wv = ctx.display(whole, w);
      findings.push(
        ctx.finding({
          rule: "part-exceeds-whole",
          severity: "error",
          at: part,
          record: info,
          indicator: part.indicator,
          expected: { kind: "at-most", max: ctx.inColumnUnit(part, w) },
          related: [whole],
          message: {
            zh: `${s.zh}：其中${partName.zh}${pv.zh}大于${wholeName.zh}${wv.zh}（${ctx.cell(whole)}），部分不能超过总数。`,
            en: `${s.en}: the part, ${partName.en} ${pv.en}, exceeds the whole, ${wholeName.en} ${wv.en} (${ctx.cell(whole)}).`,
          },
        }),
      );
    }
    return findings;
  },
};
