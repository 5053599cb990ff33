import { IndicatorId } from "../catalog";
import { Finding } from "../findings";
import { Bilingual } from "../i18n";
import { CellValue } from "../numbers";
import * as codes from "./helpers/codes";
import { RuleContext } from "./context";
import * as context from "./context";
import { rawText } from "./helpers/format";
import { Rule } from "./rule";
import { outsideValidity } from "./helpers/validity";
import { declareRule } from "./declaration";

// Imported bindings are property getters under the CommonJS transform (jest, tsx): hot loops read local copies.
const { current: CURRENT, target: TARGET } = codes.M;
const DEFS = codes.INDICATOR_DEFS;
const UNIT = context.KIND_UNIT;
const { indicatorCode } = codes;

/** A unit's target for an indicator, from its own 年度目标 cell or from the given table. */
interface Target {
  value: number | null;
  raw: CellValue;
  sheet?: string;
  cell?: string | null;
}

export const declaration = declareRule({
  id: "no-target",
  name: { zh: "无年度目标", en: "No annual target" },
  severities: ["info"],
  settings: [],
  description: {
    zh: "没有年度目标或目标为“-”：视为无目标，不计算完成率",
    en: "No annual target, or \"-\": treated as no target, so no completion is computed.",
  },
});

/**
 * 提示性: a unit with no annual target for an indicator it reports — a "-" in the target cell, a blank, a zero, or
 * no entry in the targets table. No target means completion is "not applicable", never 0%: worth knowing, not an
 * error. Only indicators that have targets at all (see targeted) are considered, so a sheet without targets
 * produces nothing here. With a targets table given, units are looked up in it; otherwise each row's own
 * 年度目标 cell is read.
 */
export const noTarget: Rule = {
  id: declaration.id,
  run(ctx: RuleContext): Finding[] {
    const targeted = ctx.targetsGiven ? targetedInTable(ctx) : targetedInSheet(ctx);
    if (!targeted.some(Boolean)) return [];
    const findings: Finding[] = [];
    const t = ctx.table;
    for (let i = 0; i < t.n; i++) {
      if (t.measure[i] !== CURRENT || !targeted[t.indicator[i]] || t.kind[t.record[i]] !== UNIT) continue;
      const own = ctx.sibling(i, t.indicator[i], TARGET);
      const info = ctx.infoAt(i);
      // A unit that no longer exists (江北区 in 2026) has no target to set: invalid-unit says what the row is.
      if (outsideValidity(info)) continue;
      // A duplicated row gets no target from the table (it cannot be told which row is the unit): duplicate-unit
      // is the finding, "no target" would be false.
      if (ctx.targetsGiven && info.duplicated) continue;
      const indicator = DEFS[t.indicator[i]].id;
      let target: Target | undefined;
      if (ctx.targetsGiven) target = ctx.targetFor(info, indicator);
      else if (own >= 0) target = { value: ctx.amountAt(own), raw: ctx.rawAt(own) };
      else continue;
      if (target !== undefined && target.value !== null && target.value !== 0) continue;
      findings.push(finding(ctx, i, own, indicator, target));
    }
    return findings;
  },
};

/** What a no-target finding states. */
export interface Details {
  rule: "no-target";
  /** Why there is no target: no entry in the targets table, a target of 0, a blank cell, a marker ("-", "无"). */
  reason: "not-in-table" | "zero" | "blank" | "marker";
  /** The targets table's name (its file or sheet) when targets come from one, else null (the sheet's own column). */
  table: string | null;
  /** The target's sheet and cell in that table, when it has an entry. */
  targetSheet: string | null;
  targetCell: string | null;
  /** The target as written ("-", 0), or null when blank or absent. */
  written: string | number | null;
}

function message(s: Bilingual, d: Details): Bilingual {
  const where =
    d.targetSheet !== null
      ? { zh: `（目标表“${d.targetSheet}”${d.targetCell ?? ""}）`, en: ` (targets ${d.targetSheet}!${d.targetCell ?? ""})` }
      : { zh: "", en: "" };
  let why: Bilingual;
  if (d.reason === "not-in-table") {
    why = {
      zh: `目标表“${d.table ?? ""}”中没有该单位的年度目标`,
      en: `the targets table "${d.table ?? ""}" has no target for the unit`,
    };
  } else if (d.reason === "zero") {
    why = { zh: `年度目标${where.zh}为0`, en: `the annual target${where.en} is 0` };
  } else if (d.reason === "blank") {
    why = { zh: `年度目标${where.zh}为空白`, en: `the annual target${where.en} is blank` };
  } else {
    const w = rawText(d.written);
    why = { zh: `年度目标${where.zh}填写为${w.zh}`, en: `the annual target${where.en} reads ${w.en}` };
  }
  return {
    zh: `${s.zh}：${why.zh}，视为无年度目标，不计算完成率。`,
    en: `${s.en}: ${why.en}; treated as no annual target, so no completion rate is computed.`,
  };
}

function finding(
  ctx: RuleContext,
  i: number,
  own: number,
  indicator: IndicatorId,
  target: Target | undefined,
): Finding {
  const info = ctx.infoAt(i);
  // Point at the sheet's own empty target cell; with a separate table, at the figure that has nothing to compare
  // to, naming the table's cell.
  const at = ctx.fieldAt(!ctx.targetsGiven && own >= 0 ? own : i);
  const s = ctx.subject(at, info, { indicator, measure: ctx.targetsGiven ? "current" : "target" });
  const raw = target?.raw;
  const written = typeof raw === "string" || typeof raw === "number" ? raw : null;
  const details: Details = {
    rule: "no-target",
    reason: target === undefined ? "not-in-table" : target.value === 0 ? "zero" : isBlank(target.raw) ? "blank" : "marker",
    table: ctx.targetsGiven ? (ctx.targets?.source ?? "") : null,
    targetSheet: ctx.targetsGiven && target !== undefined ? (target.sheet ?? "") : null,
    targetCell: ctx.targetsGiven && target !== undefined ? (target.cell ?? null) : null,
    written,
  };
  return ctx.finding({
    rule: "no-target",
    severity: "info",
    at,
    record: info,
    indicator,
    value: written,
    details,
    message: message(s, details),
  });
}

function isBlank(raw: CellValue): boolean {
  return raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "");
}

/**
 * Whether an indicator has targets at all: some unit's target is written (a figure, or a deliberate "-"). A target
 * column left blank for every unit (a district form's 目标 column beside 签约项目数) means the indicator has no
 * targets, which is not worth a finding per unit.
 */
function targetedInTable(ctx: RuleContext): boolean[] {
  const targeted = DEFS.map(() => false);
  for (const entry of ctx.targets?.byUnit.values() ?? []) {
    for (const [id, t] of Object.entries(entry)) {
      if (t !== undefined && (t.value !== null || !isBlank(t.raw))) targeted[indicatorCode(id as IndicatorId)] = true;
    }
  }
  return targeted;
}

function targetedInSheet(ctx: RuleContext): boolean[] {
  const targeted = DEFS.map(() => false);
  const t = ctx.table;
  for (let i = 0; i < t.n; i++) {
    if (t.measure[i] !== TARGET || targeted[t.indicator[i]] || t.kind[t.record[i]] !== UNIT) continue;
    if (ctx.numberAt(i) !== null || !isBlank(ctx.rawAt(i))) targeted[t.indicator[i]] = true;
  }
  return targeted;
}
