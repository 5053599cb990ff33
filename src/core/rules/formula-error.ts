import { Finding } from "../findings";
import { Bilingual } from "../i18n";
import { RuleContext } from "./context";
import { Rule } from "./rule";
import { scanCells } from "./helpers/scan";
import { declareRule } from "./declaration";

const HINTS: Readonly<Record<string, { zh: string; en: string }>> = {
  "#REF!": { zh: "公式引用的单元格已被删除", en: "the formula refers to a deleted cell" },
  "#DIV/0!": { zh: "公式除以0或空白单元格", en: "the formula divides by zero or a blank cell" },
  "#N/A": { zh: "查找公式未找到对应值", en: "a lookup found no value" },
  "#VALUE!": { zh: "公式中有文本参与运算", en: "the formula computes with text" },
  "#NAME?": { zh: "公式中有无法识别的名称", en: "the formula uses an unknown name" },
};

/** What a formula-error finding states. */
export interface Details {
  rule: "formula-error";
  /** The error value as Excel shows it: #REF!, #DIV/0! … */
  code: string;
}

function message(s: Bilingual, d: Details): Bilingual {
  const hint = HINTS[d.code];
  return {
    zh: `${s.zh}为错误值${d.code}${hint ? `（${hint.zh}）` : ""}，请修正公式或改填数值。`,
    en: `${s.en} holds the error value ${d.code}${hint ? ` (${hint.en})` : ""}; fix the formula or enter the figure.`,
  };
}

export const declaration = declareRule({
  id: "formula-error",
  name: { zh: "公式错误值", en: "Formula error" },
  severities: ["error"],
  settings: [],
  description: {
    zh: "#REF!、#DIV/0!、#N/A 等错误值",
    en: "An error value such as #REF!, #DIV/0! or #N/A where a figure belongs.",
  },
});

/**
 * 强制性: an Excel error value (#REF!, #DIV/0! …) where a figure belongs. It propagates into every total that
 * includes it, so the sheet cannot be accepted until the formula is fixed.
 */
export const formulaError: Rule = {
  id: declaration.id,
  run(ctx: RuleContext): Finding[] {
    const findings: Finding[] = [];
    for (const i of scanCells(ctx).errors) {
      const info = ctx.infoAt(i);
      const f = ctx.fieldAt(i);
      const p = ctx.parsedAt(i);
      if (p.kind !== "error") continue;
      const details: Details = { rule: "formula-error", code: p.code };
      findings.push(
        ctx.finding({
          rule: "formula-error",
          severity: "error",
          at: f,
          record: info,
          indicator: f.indicator,
          details,
          message: message(ctx.subject(f, info, f), details),
        }),
      );
    }
    return findings;
  },
};
