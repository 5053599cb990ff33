import { Finding } from "../findings";
import { RuleContext } from "./context";
import { Rule } from "./rule";

/**
 * 强制性: a unit of the period's preset that the whole-city table leaves out. Only a whole-city table (a table
 * with a total row or more than one unit) is expected to list every unit; a single district's form is not.
 * A unit that an unknown label most likely means (壁山区 for 璧山区) is not reported again: the unknown-unit
 * finding already names it, and fixing the typo fixes both.
 */
export const missingUnit: Rule = {
  id: "missing-unit",
  run(ctx: RuleContext): Finding[] {
    if (ctx.model.layout !== "table") return [];
    if (ctx.units.length < 2 && ctx.totals.length === 0) return [];
    const present = new Set<string>();
    for (const info of ctx.units) {
      if (info.unit !== null) present.add(info.unit.code);
      if (info.likely !== null) present.add(info.likely.code);
    }
    let expected;
    try {
      expected = ctx.registry.unitsOf(ctx.preset.id);
    } catch {
      return [];
    }
    const findings: Finding[] = [];
    const s = ctx.subject(null);
    for (const unit of expected) {
      if (present.has(unit.code)) continue;
      findings.push(
        ctx.finding({
          rule: "missing-unit",
          severity: "error",
          at: null,
          unit: unit.name,
          message: {
            zh: `${s.zh}缺少统计单位“${unit.name}”（${ctx.preset.name.zh}），请补充该单位的数据行。`,
            en: `${s.en} has no row for ${unit.name} (${ctx.preset.name.en}); add the unit's row.`,
          },
        }),
      );
    }
    return findings;
  },
};
