import { IndicatorId } from "../catalog";
import { Finding } from "../findings";
import { Bilingual } from "../i18n";
import { M } from "./helpers/codes";
import { RuleContext } from "./context";
import { Rule } from "./rule";
import { scanCells } from "./helpers/scan";
import { outsideValidity } from "./helpers/validity";
import { declareRule } from "./declaration";

/** What a blank-value finding states. */
export interface Details {
  rule: "blank-value";
  /** What the cell holds: "" when empty, else the blank marker as typed ("—", "无", "/"). */
  marker: string;
  /** Why a figure is expected: the indicator is required (config.requiredIndicators), or the row has other figures. */
  reason: "required" | "row-has-figures";
}

function message(s: Bilingual, d: Details): Bilingual {
  const written =
    d.marker === "" ? { zh: "为空白", en: "is blank" } : { zh: `填写为“${d.marker}”`, en: `reads "${d.marker}"` };
  const why =
    d.reason === "required"
      ? { zh: "该指标为必填项", en: "the indicator is required" }
      : { zh: "而该行已填报其他数据", en: "while the row has other figures" };
  return {
    zh: `${s.zh}本期数${written.zh}，${why.zh}；如本期无发生额请填0，否则请补填数据。`,
    en: `${s.en}: the current figure ${written.en}, but ${why.en}; enter 0 if there was nothing this period, otherwise fill in the figure.`,
  };
}

export const declaration = declareRule({
  id: "blank-value",
  name: { zh: "数据空缺", en: "Blank value" },
  severities: ["verify"],
  settings: ["requiredIndicators"],
  description: {
    zh: "必填指标（签约项目数、合同额、到位资金）本期为空，或一行中有其他数而本期为空；已撤销的单位不要求填报",
    en: "A blank current figure of a required indicator, or of any indicator on a row that has other figures; abolished units need none.",
  },
});

/**
 * 核实性: a blank 本期 cell where a figure is expected — for a required indicator (config.requiredIndicators), or
 * for any indicator of a row that has other figures (the unit reported, but left this column empty). A row left
 * empty altogether is reported for its required indicators only: one finding per column of a unit that sent
 * nothing would bury the point. A deliberate blank ("—", "无") is reported too: "nothing happened" is written 0,
 * and the submitter must say which it is. "…" (below the unit) is a figure, not a blank. Only unit rows: a
 * district's own form has no total to fill in. Never for a unit outside its validity (江北区 in a 2026 sheet):
 * asking to fill in 0 for a district that no longer exists would be wrong; invalid-unit flags the row instead.
 */
export const blankValue: Rule = {
  id: declaration.id,
  run(ctx: RuleContext): Finding[] {
    const required = new Set<IndicatorId>(ctx.config.requiredIndicators);
    const findings: Finding[] = [];
    for (const i of scanCells(ctx).blankCurrents) {
      const info = ctx.infoAt(i);
      if (outsideValidity(info)) continue;
      const f = ctx.fieldAt(i);
      const p = ctx.parsedAt(i);
      if (p.kind !== "blank") continue;
      const isRequired = required.has(f.indicator);
      if (!isRequired && !hasOtherFigures(ctx, i)) continue;
      const details: Details = { rule: "blank-value", marker: p.marker, reason: isRequired ? "required" : "row-has-figures" };
      findings.push(
        ctx.finding({
          rule: "blank-value",
          severity: "verify",
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

/** Whether entry i's record holds a figure anywhere else (ranks aside: they are computed, not reported). */
function hasOtherFigures(ctx: RuleContext, i: number): boolean {
  const t = ctx.table;
  const r = t.record[i];
  for (let j = t.start[r]; j < t.start[r + 1]; j++) {
    if (j === i || t.measure[j] === M.rank) continue;
    if (ctx.numberAt(j) !== null) return true;
  }
  return false;
}
