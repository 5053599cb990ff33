import { Finding } from "../findings";
import { RuleContext } from "./context";
import { rawText } from "./helpers/format";
import { Rule } from "./rule";
import { scanCells } from "./helpers/scan";

/**
 * 强制性: a negative figure for an indicator that cannot be negative (catalog canBeNegative false). 同比 and the
 * gap to time progress are signed by nature and never reported.
 */
export const negativeValue: Rule = {
  id: "negative-value",
  run(ctx: RuleContext): Finding[] {
    return scanCells(ctx).negatives.map((i) => {
      const info = ctx.infoAt(i);
      const f = ctx.fieldAt(i);
      const s = ctx.subject(f, info, f);
      const w = rawText(ctx.rawAt(i));
      return ctx.finding({
        rule: "negative-value",
        severity: "error",
        at: f,
        record: info,
        indicator: f.indicator,
        expected: "≥0",
        message: {
          zh: `${s.zh}填报${w.zh}，为负数；该指标不能为负，请核对填报。`,
          en: `${s.en} reads ${w.en}, a negative figure; the indicator cannot be negative.`,
        },
      });
    });
  },
};
