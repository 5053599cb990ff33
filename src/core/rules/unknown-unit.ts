import { Finding } from "../findings";
import { RuleContext } from "./context";
import { Rule } from "./rule";
import { declareRule } from "./declaration";

/** What an unknown-unit finding states; the registry words the message (units/messages.ts), from the same facts. */
export interface Details {
  rule: "unknown-unit";
  /** The label as written. */
  label: string;
  /** The registry's suggestions, likeliest first (壁山区 → 璧山区). */
  suggestions: string[];
}

export const declaration = declareRule({
  id: "unknown-unit",
  name: { zh: "无法识别的单位", en: "Unknown unit" },
  severities: ["error"],
  settings: ["preset", "year"],
  description: {
    zh: "不在名单中的名称，给出最多三个建议（壁山区 → 璧山区？）",
    en: "A name the unit list does not know, with up to three suggestions (壁山区 → 璧山区?).",
  },
});

/**
 * 强制性: a row label the registry does not know. The registry's own message carries its best guess
 * ("壁山区" → 是否为“璧山区”？), which is what the submitter needs to fix a look-alike typo.
 */
export const unknownUnit: Rule = {
  id: declaration.id,
  run(ctx: RuleContext): Finding[] {
    const findings: Finding[] = [];
    for (const info of ctx.units) {
      const r = info.resolution;
      if (r === null || r.status !== "unknown") continue;
      const s = ctx.subject(info.record.labelCell, null);
      const finding = ctx.finding({
        rule: "unknown-unit",
        severity: "error",
        at: info.record.labelCell,
        record: info,
        unit: info.record.label,
        details: { rule: "unknown-unit", label: info.record.label, suggestions: r.suggestions.map((u) => u.name) },
        message: { zh: `${s.zh}：${r.message.zh}`, en: `${s.en}: ${r.message.en}` },
      });
      if (r.suggestions.length > 0) finding.expected = { kind: "name", name: r.suggestions[0].name };
      findings.push(finding);
    }
    return findings;
  },
};
