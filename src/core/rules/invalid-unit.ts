import { Finding } from "../findings";
import { RuleContext } from "./context";
import { Rule } from "./rule";
import { declareRule } from "./declaration";

/** What an invalid-unit finding states; the registry words the reason (units/messages.ts), from the same facts. */
export interface Details {
  rule: "invalid-unit";
  label: string;
  /** The unit the label names, and the dates it is a reporting unit between (ISO, either may be open). */
  unit: string;
  validFrom: string | null;
  validTo: string | null;
  /** The date the sheet is checked at (the end of its period). */
  asOf: string | null;
  /** The unit that took over, when the registry says (江北区 → 两江新区). */
  successor: string | null;
}

export const declaration = declareRule({
  id: "invalid-unit",
  name: { zh: "单位不在当期名单", en: "Unit not valid for the period" },
  severities: ["verify"],
  settings: ["preset", "year"],
  description: {
    zh: "已撤销或尚未设立的单位（2026 年表中的江北区、渝北区 → 两江新区），每行一条；该行不计入合计，也不要求填报",
    en: "A unit abolished or not yet created at the sheet's date (江北区, 渝北区 in 2026 → 两江新区), one per row; the row is left out of totals and needs no figures.",
  },
});

/**
 * 核实性: a unit used outside its validity (江北区 in a 2026 sheet). The row may carry figures that now belong to
 * the successor, so the submitter must confirm; the registry's message names the successor. One finding per row:
 * the row is left out of the totals (total-mismatch) and no figure is demanded for it (blank-value, no-target).
 */
export const invalidUnit: Rule = {
  id: declaration.id,
  run(ctx: RuleContext): Finding[] {
    const findings: Finding[] = [];
    for (const info of ctx.units) {
      const r = info.resolution;
      if (r === null || r.status !== "invalid") continue;
      const s = ctx.subject(info.record.labelCell, null);
      const finding = ctx.finding({
        rule: "invalid-unit",
        severity: "verify",
        at: info.record.labelCell,
        record: info,
        details: {
          rule: "invalid-unit",
          label: info.record.label,
          unit: r.unit.name,
          validFrom: r.unit.validFrom ?? null,
          validTo: r.unit.validTo ?? null,
          asOf: ctx.asOf,
          successor: r.successor?.name ?? null,
        },
        message: {
          zh: `${s.zh}：${sentence(r.message.zh, "。")}该行不计入本期合计，也无需填报。`,
          en: `${s.en}: ${sentence(r.message.en, ".")} The row is not counted in this period's totals and needs no figures.`,
        },
      });
      if (r.successor !== undefined) finding.expected = { kind: "name", name: r.successor.name };
      findings.push(finding);
    }
    return findings;
  },
};

/** The registry's message as a finished sentence, whichever way it ends. */
function sentence(text: string, stop: string): string {
  return /[。.？?！!]$/.test(text) ? text : `${text}${stop}`;
}
