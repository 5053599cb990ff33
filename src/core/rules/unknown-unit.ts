import { Finding } from "../findings";
import { RuleContext } from "./context";
import { Rule } from "./rule";

/**
 * 强制性: a row label the registry does not know. The registry's own message carries its best guess
 * ("壁山区" → 是否为“璧山区”？), which is what the submitter needs to fix a look-alike typo.
 */
export const unknownUnit: Rule = {
  id: "unknown-unit",
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
        message: { zh: `${s.zh}：${r.message.zh}`, en: `${s.en}: ${r.message.en}` },
      });
      if (r.suggestions.length > 0) finding.expected = r.suggestions[0].name;
      findings.push(finding);
    }
    return findings;
  },
};
