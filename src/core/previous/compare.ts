import { indicatorDef } from "../catalog";
import { ConfigInput, createRuleContext, sortFindings } from "../engine";
import { Finding } from "../findings";
import { Bilingual } from "../i18n";
import { Period } from "../period";
import { RecordInfo, RuleContext } from "../rules/context";
import { fixed } from "../rules/helpers/format";
import {
  CumulativeDecreaseDetails,
  cumulativeDecreaseMessage,
  MonthMismatchDetails,
  monthMismatchMessage,
  PreviousRef,
  QuartersMismatchDetails,
  quartersMismatchMessage,
  TargetChangedDetails,
  targetChangedMessage,
  UnitDroppedDetails,
  unitDroppedMessage,
} from "../rules/previous-rules";
import { quantityOf } from "../rules/quantity";
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
  const span = { from: was.endMonth + 1, to: now.endMonth };
  const source: PreviousRef = { file: otherName, period: was.label };

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
  months: { from: number; to: number },
  source: PreviousRef,
): Finding {
  const details: CumulativeDecreaseDetails = {
    rule: "cumulative-decrease",
    period: now.label,
    current: quantityOf(ctx, f, c),
    previous: quantityOf(ctx, f, p),
    implied: quantityOf(ctx, f, c - p),
    months,
    source,
  };
  return ctx.finding({
    rule: "cumulative-decrease",
    severity: "verify",
    at: f,
    record: info,
    indicator: f.indicator,
    details,
    message: cumulativeDecreaseMessage(ctx.subject(f, info, f), details),
  });
}

function monthFinding(ctx: RuleContext, info: RecordInfo, month: FieldRef, m: number, c: number, p: number, source: PreviousRef): Finding {
  const e = c - p;
  const details: MonthMismatchDetails = {
    rule: "month-mismatch",
    month: quantityOf(ctx, month, m),
    current: quantityOf(ctx, month, c),
    previous: quantityOf(ctx, month, p),
    expected: quantityOf(ctx, month, e),
    difference: quantityOf(ctx, month, Math.abs(m - e)),
    source,
  };
  return ctx.finding({
    rule: "month-mismatch",
    severity: "verify",
    at: month,
    record: info,
    indicator: month.indicator,
    expected: { kind: "figure", value: expectedIn(ctx, month, e) },
    details,
    message: monthMismatchMessage(ctx.subject(month, info, month), details),
  });
}

function targetFinding(ctx: RuleContext, info: RecordInfo, f: FieldRef, t: number, p: number, source: PreviousRef): Finding {
  const details: TargetChangedDetails = { rule: "target-changed", target: quantityOf(ctx, f, t), previous: quantityOf(ctx, f, p), source };
  return ctx.finding({
    rule: "target-changed",
    severity: "verify",
    at: f,
    record: info,
    indicator: f.indicator,
    expected: { kind: "figure", value: expectedIn(ctx, f, p) },
    details,
    message: targetChangedMessage(ctx.subject(f, info, f), details),
  });
}

/**
 * Units of the previous sheet with no row now. Not asked of a one-district form paired with a whole-city table:
 * the other 40 units were never meant to be in it.
 */
function droppedUnits(ctx: RuleContext, other: RuleContext, source: PreviousRef): Finding[] {
  const oneDistrict = ctx.model.layout === "transposed" || (ctx.units.length <= 1 && ctx.totals.length === 0);
  if (oneDistrict && other.units.length > 1) return [];
  const present = new Set(ctx.units.map((u) => u.key));
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const u of other.units) {
    if (u.key === "" || present.has(u.key) || seen.has(u.key)) continue;
    seen.add(u.key);
    const details: UnitDroppedDetails = { rule: "unit-dropped", unit: u.name, source };
    findings.push(
      ctx.finding({ rule: "unit-dropped", severity: "verify", at: null, unit: u.name, details, message: unitDroppedMessage(ctx.subject(null), details) }),
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
      const details: QuartersMismatchDetails = {
        rule: "quarters-mismatch",
        year: quantityOf(ctx, f, a),
        sum: quantityOf(ctx, f, sum),
        quarters: figures.map((p) => quantityOf(ctx, f, p.value)),
        difference: quantityOf(ctx, f, Math.abs(a - sum)),
      };
      findings.push(
        ctx.finding({
          rule: "quarters-mismatch",
          severity: "verify",
          at: f,
          record: info,
          indicator: f.indicator,
          expected: { kind: "figure", value: expectedIn(ctx, f, sum) },
          details,
          message: quartersMismatchMessage(ctx.subject(f, info, f), details, quarterName),
        }),
      );
    }
  }
  return findings;
}
