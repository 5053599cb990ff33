import { Finding } from "../findings";
import * as codes from "./codes";
import { RuleContext } from "./context";
import { fieldName } from "./format";
import { Rule } from "./rule";
import { declareRule } from "./declaration";

// Imported bindings are property getters under the CommonJS transform (jest, tsx): hot loops read local copies.
const { KIND, M, SUM_OF_PARTS } = codes;

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
      const parts = ids.map((id) => ctx.fieldAt(ctx.sibling(i, id, m)));
      const isCount = KIND[t.indicator[i]] === "count";
      // Each printed figure carries half a unit of its own last digit ((n+1)·u/2 when all share u); counts none.
      let tolerance = 0;
      if (!isCount) {
        tolerance = ctx.halfUnit(whole);
        for (const f of parts) tolerance += ctx.halfUnit(f);
      }
      if (Math.abs(diff) <= tolerance + eps) continue;
      const info = ctx.infoAt(i);
      const s = ctx.subject(whole, info, whole);
      const terms = parts.map((f) => ({
        name: fieldName(f.indicator, f.measure),
        value: ctx.display(f, ctx.amount(f) as number),
      }));
      const wholeName = fieldName(whole.indicator, whole.measure);
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
          message: {
            zh: `${s.zh}：${wholeName.zh}${ctx.display(whole, w).zh}，但${terms.map((x) => `${x.name.zh}${x.value.zh}`).join("＋")}＝${ctx.display(whole, sum).zh}，${diff > 0 ? "少" : "多"}${ctx.display(whole, Math.abs(diff)).zh}，请核实。`,
            en: `${s.en}: ${wholeName.en} is ${ctx.display(whole, w).en}, but ${terms.map((x) => `${x.name.en} ${x.value.en}`).join(" + ")} = ${ctx.display(whole, sum).en}, ${ctx.display(whole, Math.abs(diff)).en} ${diff > 0 ? "less" : "more"}; please verify.`,
          },
        }),
      );
    }
    return findings;
  },
};
