import { Finding } from "../findings";
import { Bilingual } from "../i18n";
import { UnitRecord } from "../units";
import * as codes from "./helpers/codes";
import { RecordInfo, RuleContext } from "./context";
import { Rule } from "./rule";
import { previousPeriodEnd } from "./helpers/validity";
import { declareRule } from "./declaration";

// Imported bindings are property getters under the CommonJS transform (jest, tsx): hot loops read local copies.
const { M } = codes;

/** What a not-comparable finding states; the reason is the registry's own note on the change. */
export interface Details {
  rule: "not-comparable";
  /** The unit, and the date it became a reporting unit as such (ISO). */
  unit: string;
  validFrom: string;
  /** The end of the period a year earlier, which the unit did not yet exist at. */
  previousPeriodEnd: string;
  /** The cells comparing with last year: the row's 同比 cells holding a figure, else its 上年同期 cells. */
  cells: string[];
}

function message(s: Bilingual, reason: Bilingual): Bilingual {
  return {
    zh: `${s.zh}：区划调整，${reason.zh}${/不可直接比较/.test(reason.zh) ? "" : "，上年同期与本期统计范围不同，同比不可直接比较"}。请注明上年同期数所用口径。`,
    en: `${s.en}: boundary reform — ${reason.en}${/like-for-like/.test(reason.en) ? "" : "; last year's figure does not cover the same area, so the change is not like-for-like"}. Say which base last year's figure uses.`,
  };
}

export const declaration = declareRule({
  id: "not-comparable",
  name: { zh: "同比口径不可比", en: "Not like-for-like" },
  severities: ["info"],
  settings: ["preset", "year"],
  description: {
    zh: "同比口径不可比：一年前尚不存在的统计单位（2026 年起作为行政区的两江新区）与上年同期比较，每行一条，请注明上年同期数的口径",
    en: "A unit that did not exist a year earlier (两江新区 as a district from 2026) compared with last year, one per row: say how last year's figure was counted.",
  },
});

/**
 * 提示性: a unit that did not exist as such a year before the sheet's date (两江新区 as an administrative district
 * from 2026) compared with 上年同期. Whatever base the clerk used — the former functional zone's figure, or one
 * restated to the new boundary — the 同比 crosses the reform, so it is not like-for-like: the submitter should
 * say which base was used. One finding per row, at its first 同比 (else 上年同期) cell; the registry's own note on
 * the change (successor of the record with the same name, else of the units merged into it) gives the reason.
 */
export const notComparable: Rule = {
  id: declaration.id,
  run(ctx: RuleContext): Finding[] {
    const previousEnd = previousPeriodEnd(ctx);
    if (previousEnd === null) return [];
    const findings: Finding[] = [];
    for (const info of ctx.units) {
      const unit = info.resolution?.status === "ok" ? info.unit : null;
      if (unit === null || unit.validFrom === undefined || unit.validFrom <= previousEnd) continue;
      const at = comparisonCells(ctx, info);
      if (at.length === 0) continue;
      const f = ctx.fieldAt(at[0]);
      const s = ctx.subject(f, info, f);
      const reason = reasonFor(ctx, unit);
      findings.push(
        ctx.finding({
          rule: "not-comparable",
          severity: "info",
          at: f,
          record: info,
          indicator: f.indicator,
          related: at.slice(1).map((i) => ctx.fieldAt(i)),
          details: {
            rule: "not-comparable",
            unit: unit.name,
            validFrom: unit.validFrom,
            previousPeriodEnd: previousEnd,
            cells: at.map((i) => ctx.cell(ctx.fieldAt(i))),
          },
          message: message(s, reason),
        }),
      );
    }
    return findings;
  },
};

/** The row's 同比 cells holding a figure, else its 上年同期 cells: where a comparison with last year is made. */
function comparisonCells(ctx: RuleContext, info: RecordInfo): number[] {
  const t = ctx.table;
  const yoy: number[] = [];
  const previous: number[] = [];
  for (let i = t.start[info.index]; i < t.start[info.index + 1]; i++) {
    if (ctx.numberAt(i) === null) continue;
    if (t.measure[i] === M.yoy) yoy.push(i);
    else if (t.measure[i] === M.previous) previous.push(i);
  }
  return yoy.length > 0 ? yoy : previous;
}

/** The registry's note on how the unit came to be, or the names of the units merged into it. */
function reasonFor(ctx: RuleContext, unit: UnitRecord): Bilingual {
  const predecessors = ctx.registry.allUnits().filter((u) => u.successor?.code === unit.code);
  const sameName = predecessors.find((u) => u.name === unit.name);
  if (sameName?.successor !== undefined) return sameName.successor.note;
  if (predecessors.length > 0) {
    const names = predecessors.map((u) => u.name);
    return { zh: `${names.join("、")}已并入${unit.name}`, en: `${names.join(", ")} were merged into ${unit.name}` };
  }
  return { zh: `${unit.name}为新设统计单位`, en: `${unit.name} is a new reporting unit` };
}
