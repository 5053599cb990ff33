import { Finding } from "../findings";
import { Bilingual } from "../i18n";
import { RuleContext } from "./context";
import { rawText } from "./helpers/format";
import { Rule } from "./rule";
import { scanCells } from "./helpers/scan";
import { declareRule } from "./declaration";

/** What a negative-value finding states. */
export interface Details {
  rule: "negative-value";
  /** The figure as read from the cell ("-3.2" → -3.2), in the cell's own unit. */
  figure: number;
}

function message(s: Bilingual, written: Bilingual): Bilingual {
  return {
    zh: `${s.zh}填报${written.zh}，为负数；该指标不能为负，请核对填报。`,
    en: `${s.en} reads ${written.en}, a negative figure; the indicator cannot be negative.`,
  };
}

export const declaration = declareRule({
  id: "negative-value",
  name: { zh: "负值", en: "Negative value" },
  severities: ["error"],
  settings: [],
  description: {
    zh: "不能为负的指标填了负数（同比、超/欠时序进度除外；由负数算出的完成率不重复报告）",
    en: "A negative figure for an indicator that cannot be negative (growth and the gap to time progress excepted).",
  },
});

/**
 * 强制性: a negative figure for an indicator that cannot be negative (catalog canBeNegative false). 同比 and the
 * gap to time progress are signed by nature and never reported.
 */
export const negativeValue: Rule = {
  id: declaration.id,
  run(ctx: RuleContext): Finding[] {
    return scanCells(ctx).negatives.map((i) => {
      const info = ctx.infoAt(i);
      const f = ctx.fieldAt(i);
      const s = ctx.subject(f, info, f);
      return ctx.finding({
        rule: "negative-value",
        severity: "error",
        at: f,
        record: info,
        indicator: f.indicator,
        expected: { kind: "at-least", min: 0, percent: false },
        details: { rule: "negative-value", figure: ctx.numberAt(i) as number },
        // The cell as written ("-3.2" quoted when it is text): what the submitter sees in the sheet.
        message: message(s, rawText(ctx.rawAt(i))),
      });
    });
  },
};
