import { indicatorDef } from "../catalog";
import { ConfigInput, createRuleContext, sortFindings } from "../engine";
import { Finding } from "../findings";
import { Bilingual } from "../i18n";
import { Period } from "../period";
import { RecordInfo, RuleContext } from "../rules/context";
import { fixed } from "../rules/helpers/format";
import { amountOfField, fieldOf, halfUnitOfField } from "../rules/helpers/field-figures";
import { FieldRef, SheetModel } from "../sheet/types";
import { TargetTable } from "../targets";
import { UnitRegistry, chongqing } from "../units";
import { Pairing, pairPeriods, quarterName } from "./periods";

/** A previous-period sheet and the name its file goes by in messages. */
export interface PreviousSheet {
  model: SheetModel;
  name: string;
}

export interface PreviousOptions {
  /** The current sheet's configuration (its --period months do not apply to the previous sheets). */
  config?: ConfigInput;
  registry?: UnitRegistry;
  /** The targets table the current sheet is checked with (--targets), if any. */
  targets?: TargetTable | null;
}

export type PreviousOutcome =
  | { ok: true; pairing: Exclude<Pairing, { kind: "refused" }>; findings: Finding[] }
  | { ok: false; message: Bilingual };

const EPS = 1e-9;

/**
 * 历史数据审核: the current sheet against the previous period's (a 1–N月 sheet against its 1–M月 predecessor) or a
 * 全年 sheet against its four quarters. Pure: models in, findings out, in the current sheet's cells. A pairing that
 * makes no sense (another year, a later period, a quarter against a cumulative sheet) is refused with both periods
 * named, and nothing is compared.
 */
export function checkAgainstPrevious(
  current: SheetModel,
  currentName: string,
  previous: readonly PreviousSheet[],
  options: PreviousOptions = {},
): PreviousOutcome {
  const registry = options.registry ?? chongqing;
  const config = options.config ?? {};
  const ctx = createRuleContext(current, options.targets ?? null, config, registry);
  // The previous sheets carry their own periods: a --period given for the current sheet says nothing of theirs.
  const previousConfig: ConfigInput = { ...config, months: null };
  const earlier = previous.map((p) => createRuleContext(p.model, null, previousConfig, registry));
  const pairing = pairPeriods(
    { name: currentName, period: ctx.period },
    previous.map((p, i) => ({ name: p.name, period: earlier[i].period })),
  );
  if (pairing.kind === "refused") return { ok: false, message: pairing.message };
  const findings =
    pairing.kind === "cumulative"
      ? compareCumulative(ctx, earlier[0], previous[0].name, pairing.previous)
      : compareQuarters(ctx, earlier, pairing.quarters);
  return { ok: true, pairing, findings: sortFindings(findings) };
}

// ---- matching records across the two sheets ----

function counterparts(ctx: RuleContext, other: RuleContext): (info: RecordInfo) => RecordInfo | undefined {
  const units = new Map<string, RecordInfo>();
  for (const u of other.units) if (!u.duplicated && u.key !== "" && !units.has(u.key)) units.set(u.key, u);
  const groups = new Map<string, RecordInfo>();
  for (const g of other.groups) groups.set(g.group ?? g.key, g);
  return (info) => {
    switch (info.record.kind) {
      case "unit":
        // Which of two rows with one name is the unit cannot be told: neither is compared.
        return info.duplicated ? undefined : units.get(info.key);
      case "total":
        // 全市 in one file may be 合计 in the other: totals pair by order.
        return other.totals[ctx.totals.indexOf(info)];
      case "group":
        return groups.get(info.group ?? info.key);
    }
  };
}

/** 本期 fields of counts and amounts: the cumulative figures (rates are not cumulative). */
function cumulativeFields(info: RecordInfo): FieldRef[] {
  return info.record.fields.filter((f) => f.measure === "current" && indicatorDef(f.indicator).kind !== "rate");
}

function previousFigure(other: RuleContext, match: RecordInfo, f: FieldRef): { field: FieldRef; value: number } | null {
  const field = fieldOf(other, match, f);
  const value = field === undefined ? null : amountOfField(other, match, f);
  return field === undefined || value === null ? null : { field, value };
}

/**
 * Half a printed unit of a figure, as rounding can move it. A total or subtotal may be the SUM() of its units' printed
 * figures rather than their rounded sum, and then carries up to (n + 1) half-units (domain.md, Rounding).
 */
function roundingOf(c: RuleContext, info: RecordInfo, f: FieldRef): number {
  const half = halfUnitOfField(c, info, f);
  return info.record.kind === "unit" ? half : half * (c.units.length + 1);
}

function gapText(ctx: RuleContext, f: FieldRef, a: number, b: number): Bilingual {
  return ctx.display(f, Math.abs(a - b));
}

/** The value as the column prints it, for Finding.expected (2 decimals for amounts, whole for counts). */
function expectedIn(ctx: RuleContext, f: FieldRef, value: number): number {
  const v = ctx.inColumnUnit(f, value);
  return indicatorDef(f.indicator).kind === "count" ? Math.round(v) : Number(fixed(v, 2));
}

// ---- 1–N月 against 1–M月 ----

function compareCumulative(ctx: RuleContext, other: RuleContext, otherName: string, was: Period): Finding[] {
  const now = ctx.period as Period;
  const match = counterparts(ctx, other);
  const findings: Finding[] = [];
  const consecutive = was.endMonth === now.endMonth - 1;
  const span: Bilingual = consecutive
    ? { zh: `${now.endMonth}月当月`, en: `month ${now.endMonth} alone` }
    : { zh: `${was.endMonth + 1}-${now.endMonth}月`, en: `months ${was.endMonth + 1}-${now.endMonth}` };
  const source: Bilingual = { zh: `上期报表“${otherName}”（${was.label}）`, en: `the previous file "${otherName}" (${was.label})` };

  for (const info of ctx.records) {
    const prior = match(info);
    if (prior === undefined) continue;
    for (const f of cumulativeFields(info)) {
      const c = amountOfField(ctx, info, f);
      const p = previousFigure(other, prior, f);
      if (c === null || p === null) continue;
      const slack = roundingOf(ctx, info, f) + roundingOf(other, prior, p.field) + EPS;
      if (p.value - c > slack) findings.push(decreaseFinding(ctx, info, f, c, p.value, now, span, source));
      const month = consecutive ? fieldOf(ctx, info, { indicator: f.indicator, measure: "month" }) : undefined;
      const m = month === undefined ? null : amountOfField(ctx, info, month);
      if (month !== undefined && m !== null && Math.abs(m - (c - p.value)) > slack + roundingOf(ctx, info, month)) {
        findings.push(monthFinding(ctx, info, month, m, c, p.value, source));
      }
    }
    for (const f of info.record.fields) {
      if (f.measure !== "target") continue;
      const t = amountOfField(ctx, info, f);
      const p = previousFigure(other, prior, f);
      // A target is set, not measured, but either file may print it rounded: only a change beyond that counts.
      if (t === null || p === null || Math.abs(t - p.value) <= halfUnitOfField(ctx, info, f) + halfUnitOfField(other, prior, p.field) + EPS) continue;
      findings.push(targetFinding(ctx, info, f, t, p.value, source));
    }
  }
  findings.push(...droppedUnits(ctx, other, source));
  return findings;
}

function decreaseFinding(
  ctx: RuleContext,
  info: RecordInfo,
  f: FieldRef,
  c: number,
  p: number,
  now: Period,
  span: Bilingual,
  source: Bilingual,
): Finding {
  const s = ctx.subject(f, info, f);
  const cv = ctx.display(f, c);
  const pv = ctx.display(f, p);
  const dv = ctx.display(f, c - p);
  return ctx.finding({
    rule: "cumulative-decrease",
    severity: "verify",
    at: f,
    record: info,
    indicator: f.indicator,
    message: {
      zh: `${s.zh}：${now.label}累计${cv.zh}，低于${source.zh}的累计${pv.zh}，隐含${span.zh}为${dv.zh}。累计数核减须附书面说明。`,
      en: `${s.en}: the cumulative ${cv.en} for ${now.label} is below ${pv.en} in ${source.en}, implying ${dv.en} for ${span.en}. A reduced cumulative figure needs a written explanation.`,
    },
  });
}

function monthFinding(ctx: RuleContext, info: RecordInfo, month: FieldRef, m: number, c: number, p: number, source: Bilingual): Finding {
  const s = ctx.subject(month, info, month);
  const e = c - p;
  const mv = ctx.display(month, m);
  const ev = ctx.display(month, e);
  const cv = ctx.display(month, c);
  const pv = ctx.display(month, p);
  const gap = gapText(ctx, month, m, e);
  return ctx.finding({
    rule: "month-mismatch",
    severity: "verify",
    at: month,
    record: info,
    indicator: month.indicator,
    expected: expectedIn(ctx, month, e),
    message: {
      zh: `${s.zh}：当月填报${mv.zh}，按本期累计${cv.zh}－${source.zh}累计${pv.zh}应为${ev.zh}，相差${gap.zh}，超出修约误差，请核实。`,
      en: `${s.en}: the month is reported as ${mv.en}, but the cumulative ${cv.en} − ${pv.en} in ${source.en} gives ${ev.en}: ${gap.en} apart, beyond rounding; please verify.`,
    },
  });
}

function targetFinding(ctx: RuleContext, info: RecordInfo, f: FieldRef, t: number, p: number, source: Bilingual): Finding {
  const s = ctx.subject(f, info, f);
  const tv = ctx.display(f, t);
  const pv = ctx.display(f, p);
  return ctx.finding({
    rule: "target-changed",
    severity: "verify",
    at: f,
    record: info,
    indicator: f.indicator,
    expected: expectedIn(ctx, f, p),
    message: {
      zh: `${s.zh}：年度目标为${tv.zh}，${source.zh}为${pv.zh}。年中调整年度目标须附书面说明。`,
      en: `${s.en}: the annual target is ${tv.en}, but ${pv.en} in ${source.en}. A target changed mid-year needs a written explanation.`,
    },
  });
}

/**
 * Units of the previous sheet with no row now. Not asked of a one-district form paired with a whole-city table:
 * the other 40 units were never meant to be in it.
 */
function droppedUnits(ctx: RuleContext, other: RuleContext, source: Bilingual): Finding[] {
  const oneDistrict = ctx.model.layout === "transposed" || (ctx.units.length <= 1 && ctx.totals.length === 0);
  if (oneDistrict && other.units.length > 1) return [];
  const present = new Set(ctx.units.map((u) => u.key));
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const u of other.units) {
    if (u.key === "" || present.has(u.key) || seen.has(u.key)) continue;
    seen.add(u.key);
    const s = ctx.subject(null);
    findings.push(
      ctx.finding({
        rule: "unit-dropped",
        severity: "verify",
        at: null,
        unit: u.name,
        message: {
          zh: `${s.zh}：${source.zh}有${u.name}的数据，本期报表中没有该单位，请核实是否漏报。`,
          en: `${s.en}: ${source.en} has figures for ${u.name}, but this sheet has no row for it; check whether it is missing.`,
        },
      }),
    );
  }
  return findings;
}

// ---- 全年 against its four quarters ----

function compareQuarters(ctx: RuleContext, quarters: readonly RuleContext[], periods: readonly Period[]): Finding[] {
  // The quarter contexts come in the order the files were given; periods are in quarter order.
  const ordered = periods.map((p) => quarters.find((q) => q.period !== null && q.period.endMonth === p.endMonth) as RuleContext);
  const matches = ordered.map((q) => counterparts(ctx, q));
  const findings: Finding[] = [];
  for (const info of ctx.records) {
    const priors = matches.map((m) => m(info));
    if (priors.some((p) => p === undefined)) continue;
    for (const f of cumulativeFields(info)) {
      const a = amountOfField(ctx, info, f);
      const parts = priors.map((p, q) => previousFigure(ordered[q], p as RecordInfo, f));
      if (a === null || parts.some((p) => p === null)) continue;
      const figures = parts as { field: FieldRef; value: number }[];
      const sum = figures.reduce((acc, p) => acc + p.value, 0);
      const slack =
        roundingOf(ctx, info, f) + figures.reduce((acc, p, q) => acc + roundingOf(ordered[q], priors[q] as RecordInfo, p.field), 0) + EPS;
      if (Math.abs(a - sum) <= slack) continue;
      const s = ctx.subject(f, info, f);
      const av = ctx.display(f, a);
      const sv = ctx.display(f, sum);
      const each = figures.map((p, q) => ({ name: quarterName(q + 1), v: ctx.display(f, p.value) }));
      const gap = gapText(ctx, f, a, sum);
      findings.push(
        ctx.finding({
          rule: "quarters-mismatch",
          severity: "verify",
          at: f,
          record: info,
          indicator: f.indicator,
          expected: expectedIn(ctx, f, sum),
          message: {
            zh: `${s.zh}：全年${av.zh}，四个季度之和为${sv.zh}（${each.map((e) => `${e.name}${e.v.zh}`).join("、")}），相差${gap.zh}，超出修约误差，请核实。`,
            en: `${s.en}: the year is ${av.en}, but its four quarters add up to ${sv.en} (${each.map((e, q) => `Q${q + 1} ${e.v.en}`).join(", ")}): ${gap.en} apart, beyond rounding; please verify.`,
          },
        }),
      );
    }
  }
  return findings;
}
