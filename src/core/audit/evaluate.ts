import { IndicatorId, indicatorDef } from "../catalog";
import { Finding } from "../findings";
import { Bilingual } from "../i18n";
import { Period } from "../period";
import { RecordInfo, RuleContext } from "../rules/context";
import * as codes from "../rules/codes";
import { fixed } from "../rules/format";
import { halfUnitOfPercent } from "../rules/percent";
import { readPercentInColumn } from "../rules/percent-scale";
import { CellPos, SheetModel } from "../sheet/types";
import { TargetTable } from "../targets";
import { AuditRule, CompareOp, Condition, Expr, FieldFn } from "./ast";
import { placeOf } from "./parser";

const { M, indicatorCode } = codes;

/** What the rules are evaluated on: the sheet, and the previous period's sheet for 上期(x) when there is one. */
export interface AuditInput {
  model: SheetModel;
  previous?: SheetModel | null;
  targets: TargetTable | null;
  period: Period | null;
}

/**
 * The rule contexts the evaluation reads through: `ctx` is input.model's (the one the built-in rules ran in, so
 * cells are parsed once); `contextOf` builds one for the previous-period sheet, only if a rule reads 上期.
 */
export interface AuditEnvironment {
  ctx: RuleContext;
  contextOf(model: SheetModel): RuleContext;
}

/** How a side of a comparison is printed in a finding. */
type ValueKind = { kind: "amount"; unit: string } | { kind: "count" } | { kind: "rate" } | { kind: "plain" };

interface Compiled {
  /** The value for record r; null when it cannot be had (a blank cell, no base): the rule does not apply there. */
  get(r: number): number | null;
  /** How far the printed figures may lie from the true ones (half a unit of each cell's last printed digit). */
  half(r: number): number;
  /** Cells the value is read from in record r. */
  cells(r: number, out: CellPos[]): void;
  kind: ValueKind;
}

interface CompiledCompare {
  op: CompareOp;
  left: Compiled;
  right: Compiled;
  tolerance: number | null;
  text: string;
}

type CompiledCondition =
  | { kind: "compare"; c: CompiledCompare }
  | { kind: "and" | "or"; left: CompiledCondition; right: CompiledCondition };

/** What a sheet lacks for a rule: shown once in the rule's 提示 finding. */
type Missing = Bilingual;

/** Relative slack for binary noise (0.1 + 0.2), far below any printed digit. */
const EPS = 1e-9;

/**
 * Evaluates the rules on every unit record (a table's unit rows; the one record of a single-district form). A rule
 * that does not hold gives one finding per record at the rule's severity; a rule this sheet cannot evaluate (an
 * indicator it lacks, 上期 with no previous file, no 时序进度) gives one 提示 naming what is missing, not one per row.
 * Evaluation is bounded: each rule is a fixed tree walked once per record, with no loops or calls of its own.
 */
export function evaluateAuditRules(rules: readonly AuditRule[], input: AuditInput, env: AuditEnvironment): Finding[] {
  const ctx = env.ctx;
  const findings: Finding[] = [];
  if (rules.length === 0) return findings;
  const present = presentFields(ctx);
  let previous: PreviousSheet | null | undefined;
  const previousSheet = (): PreviousSheet | null => {
    if (previous === undefined) {
      previous = input.previous ? previousOf(env.contextOf(input.previous)) : null;
    }
    return previous;
  };

  const runnable: { rule: AuditRule; cond: CompiledCondition }[] = [];
  for (const rule of rules) {
    const missing: Missing[] = [];
    collectMissing(rule.condition, ctx, present, input.previous ?? null, previousSheet, missing);
    if (missing.length > 0) {
      findings.push(skipped(ctx, rule, missing));
      continue;
    }
    runnable.push({ rule, cond: compileCondition(rule.condition, ctx, previousSheet) });
  }
  if (runnable.length === 0) return findings;

  const failed: CompiledCompare[] = [];
  for (const info of ctx.units) {
    const r = info.index;
    for (const { rule, cond } of runnable) {
      failed.length = 0;
      if (holds(cond, r, failed) !== false) continue;
      findings.push(violation(ctx, rule, info, failed[0]));
    }
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------------------------
// What the sheet has

function key(indicator: number, measure: number): number {
  return indicator * codes.MEASURES.length + measure;
}

/** (indicator, measure) pairs some unit record of the sheet has a field for. */
function presentFields(ctx: RuleContext): Set<number> {
  const t = ctx.table;
  const set = new Set<number>();
  for (let i = 0; i < t.n; i++) if (t.kind[t.record[i]] === 0) set.add(key(t.indicator[i], t.measure[i]));
  return set;
}

function hasOwn(present: Set<number>, id: IndicatorId, measure: number): boolean {
  return present.has(key(indicatorCode(id), measure));
}

function hasValue(present: Set<number>, id: IndicatorId): boolean {
  return hasOwn(present, id, M.current) || hasOwn(present, id, M.rate);
}

function hasTarget(ctx: RuleContext, present: Set<number>, id: IndicatorId): boolean {
  if (hasOwn(present, id, M.target)) return true;
  if (!ctx.targetsGiven || ctx.targets === null) return false;
  for (const entry of ctx.targets.byUnit.values()) if (entry[id] !== undefined) return true;
  return false;
}

function nameOf(id: IndicatorId): string {
  return indicatorDef(id).name.zh;
}

function collectMissing(
  c: Condition | Expr,
  ctx: RuleContext,
  present: Set<number>,
  previousModel: SheetModel | null,
  previousSheet: () => PreviousSheet | null,
  out: Missing[],
): void {
  const add = (m: Missing): void => {
    if (!out.some((o) => o.zh === m.zh)) out.push(m);
  };
  switch (c.kind) {
    case "and":
    case "or":
    case "compare":
    case "arith":
      collectMissing(c.left, ctx, present, previousModel, previousSheet, out);
      collectMissing(c.right, ctx, present, previousModel, previousSheet, out);
      return;
    case "abs":
    case "negate":
      collectMissing(c.arg, ctx, present, previousModel, previousSheet, out);
      return;
    case "number":
      return;
    case "timeProgress":
      if (ctx.timeProgress === null) {
        add({ zh: "报表期别不明，无法计算时序进度（可用 --period 指定）", en: "the period is unknown, so 时序进度 cannot be computed (give --period)" });
      }
      return;
    case "field": {
      const id = c.indicator;
      const zh = nameOf(id);
      const en = indicatorDef(id).name.en;
      const lacks = (what: Bilingual): void => add(what);
      switch (c.fn) {
        case "value":
          if (!hasValue(present, id)) lacks({ zh: `本表没有“${zh}”`, en: `the sheet has no ${en}` });
          return;
        case "lastYear":
          if (!hasOwn(present, id, M.previous)) lacks({ zh: `本表没有“${zh}”的上年同期`, en: `the sheet has no same-period-last-year figure of ${en}` });
          return;
        case "target":
          if (!hasTarget(ctx, present, id)) lacks({ zh: `没有“${zh}”的年度目标`, en: `no annual target of ${en}` });
          return;
        case "yoy":
          if (!hasOwn(present, id, M.yoy) && !(hasValue(present, id) && hasOwn(present, id, M.previous))) {
            lacks({ zh: `本表没有“${zh}”的同比，也没有可计算同比的本期和上年同期`, en: `the sheet has no year-on-year figure of ${en}, nor its current and last-year figures` });
          }
          return;
        case "completion":
          if (!hasOwn(present, id, M.completion) && !(hasValue(present, id) && hasTarget(ctx, present, id))) {
            lacks({ zh: `本表没有“${zh}”的完成率，也没有可计算完成率的本期和年度目标`, en: `the sheet has no completion of ${en}, nor its current figure and annual target` });
          }
          return;
        case "previous": {
          if (previousModel === null) {
            lacks({ zh: "未提供上期报表", en: "no previous-period file was given" });
            return;
          }
          const prev = previousSheet();
          if (prev === null || !hasValue(prev.present, id)) {
            lacks({ zh: `上期报表没有“${zh}”`, en: `the previous-period file has no ${en}` });
          }
          return;
        }
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The previous period's sheet

interface PreviousSheet {
  ctx: RuleContext;
  present: Set<number>;
  /** Unit key → record index in the previous sheet. */
  byKey: Map<string, number>;
  /** A single-district form: its one unit is the unit of the current form whatever its label's spelling. */
  single: number | null;
}

function previousOf(ctx: RuleContext): PreviousSheet {
  const byKey = new Map<string, number>();
  for (const u of ctx.units) if (!u.duplicated && !byKey.has(u.key)) byKey.set(u.key, u.index);
  const single = ctx.model.layout === "transposed" && ctx.units.length === 1 ? ctx.units[0].index : null;
  return { ctx, present: presentFields(ctx), byKey, single };
}

// ---------------------------------------------------------------------------------------------------------------
// Compilation: each rule becomes closures over the context, so that 100,000 rows × 20 rules stay cheap.

function kindOfIndicator(id: IndicatorId): ValueKind {
  const def = indicatorDef(id);
  if (def.kind === "count") return { kind: "count" };
  if (def.kind === "rate") return { kind: "rate" };
  return { kind: "amount", unit: def.defaultUnit };
}

const RATE: ValueKind = { kind: "rate" };
const PLAIN: ValueKind = { kind: "plain" };

function arithKind(op: string, a: ValueKind, b: ValueKind): ValueKind {
  if (op === "+" || op === "-") {
    if (a.kind === "plain") return b;
    return a;
  }
  if (op === "*") return a.kind === "plain" ? b : b.kind === "plain" ? a : PLAIN;
  // A part over its whole is a rate; a figure over a plain number keeps its kind.
  if (b.kind === "plain") return a;
  if (a.kind === b.kind && a.kind !== "rate") return RATE;
  return PLAIN;
}

function compileCondition(c: Condition, ctx: RuleContext, prev: () => PreviousSheet | null): CompiledCondition {
  if (c.kind === "compare") {
    return {
      kind: "compare",
      c: { op: c.op, left: compile(c.left, ctx, prev), right: compile(c.right, ctx, prev), tolerance: c.tolerance, text: c.text },
    };
  }
  return { kind: c.kind, left: compileCondition(c.left, ctx, prev), right: compileCondition(c.right, ctx, prev) };
}

const NONE = (): void => undefined;

function compile(e: Expr, ctx: RuleContext, prev: () => PreviousSheet | null): Compiled {
  switch (e.kind) {
    case "number": {
      const v = e.value;
      return { get: () => v, half: () => 0, cells: NONE, kind: e.percent ? RATE : PLAIN };
    }
    case "timeProgress": {
      const v = ctx.timeProgress;
      return { get: () => v, half: () => 0, cells: NONE, kind: RATE };
    }
    case "abs": {
      const a = compile(e.arg, ctx, prev);
      return {
        get: (r) => {
          const v = a.get(r);
          return v === null ? null : Math.abs(v);
        },
        half: a.half,
        cells: a.cells,
        kind: a.kind,
      };
    }
    case "negate": {
      const a = compile(e.arg, ctx, prev);
      return {
        get: (r) => {
          const v = a.get(r);
          return v === null ? null : -v;
        },
        half: a.half,
        cells: a.cells,
        kind: a.kind,
      };
    }
    case "arith":
      return arith(e.op, compile(e.left, ctx, prev), compile(e.right, ctx, prev));
    case "field":
      return field(e.fn, e.indicator, ctx, prev);
  }
}

function arith(op: "+" | "-" | "*" | "/", a: Compiled, b: Compiled): Compiled {
  const cells = (r: number, out: CellPos[]): void => {
    a.cells(r, out);
    b.cells(r, out);
  };
  const kind = arithKind(op, a.kind, b.kind);
  switch (op) {
    case "+":
    case "-": {
      const sign = op === "+" ? 1 : -1;
      return {
        get: (r) => {
          const x = a.get(r);
          if (x === null) return null;
          const y = b.get(r);
          return y === null ? null : x + sign * y;
        },
        half: (r) => a.half(r) + b.half(r),
        cells,
        kind,
      };
    }
    case "*":
      return {
        get: (r) => {
          const x = a.get(r);
          if (x === null) return null;
          const y = b.get(r);
          return y === null ? null : x * y;
        },
        // First-order propagation: |x|·δy + |y|·δx (+ δx·δy, negligible but kept so the bound is not too tight).
        half: (r) => {
          const x = Math.abs(a.get(r) ?? 0);
          const y = Math.abs(b.get(r) ?? 0);
          const hx = a.half(r);
          const hy = b.half(r);
          return x * hy + y * hx + hx * hy;
        },
        cells,
        kind,
      };
    case "/":
      return {
        // Division by zero has no value: the rule does not apply to that row (as 同比 on a zero base).
        get: (r) => {
          const x = a.get(r);
          if (x === null) return null;
          const y = b.get(r);
          return y === null || y === 0 ? null : x / y;
        },
        half: (r) => {
          const x = a.get(r) ?? 0;
          const y = b.get(r) ?? 0;
          const hy = b.half(r);
          if (Math.abs(y) <= hy) return Infinity;
          return (a.half(r) + Math.abs(x / y) * hy) / (Math.abs(y) - hy);
        },
        cells,
        kind,
      };
  }
}

/** The entry of record r holding an indicator's own figure: 本期, or a rate indicator's own column. */
function valueEntry(ctx: RuleContext, r: number, code: number): number {
  const i = ctx.entryOf(r, code, M.current);
  return i >= 0 ? i : ctx.entryOf(r, code, M.rate);
}

/** A cell's figure: amounts in the indicator's default unit (亿元), rates as fractions, counts as they are. */
function readEntry(ctx: RuleContext, i: number, rate: boolean): number | null {
  if (i < 0) return null;
  if (!rate) return ctx.amountAt(i);
  return readPercentInColumn(ctx, i, ctx.fieldAt(i))?.fraction ?? null;
}

function halfOfEntry(ctx: RuleContext, i: number, rate: boolean): number {
  if (i < 0) return 0;
  if (!rate) return ctx.halfUnit(ctx.fieldAt(i));
  const reading = readPercentInColumn(ctx, i, ctx.fieldAt(i));
  return reading === null ? 0 : halfUnitOfPercent(reading);
}

function pushCell(ctx: RuleContext, i: number, out: CellPos[]): void {
  if (i < 0) return;
  const f = ctx.fieldAt(i);
  out.push({ row: f.row, col: f.col });
}

function field(fn: FieldFn, id: IndicatorId, ctx: RuleContext, prev: () => PreviousSheet | null): Compiled {
  const code = indicatorCode(id);
  const isRate = indicatorDef(id).kind === "rate";
  const own = kindOfIndicator(id);
  const infoOf = (r: number): RecordInfo => ctx.records[r];
  switch (fn) {
    case "value":
      return {
        get: (r) => readEntry(ctx, valueEntry(ctx, r, code), isRate),
        half: (r) => halfOfEntry(ctx, valueEntry(ctx, r, code), isRate),
        cells: (r, out) => pushCell(ctx, valueEntry(ctx, r, code), out),
        kind: own,
      };
    case "lastYear":
      return {
        get: (r) => readEntry(ctx, ctx.entryOf(r, code, M.previous), isRate),
        half: (r) => halfOfEntry(ctx, ctx.entryOf(r, code, M.previous), isRate),
        cells: (r, out) => pushCell(ctx, ctx.entryOf(r, code, M.previous), out),
        kind: own,
      };
    case "target":
      // A target is a figure the city set, not a rounded measurement: no rounding allowance.
      return {
        get: (r) => ctx.targetValue(infoOf(r), id),
        half: () => 0,
        cells: (r, out) => pushCell(ctx, ctx.entryOf(r, code, M.target), out),
        kind: own,
      };
    case "yoy":
      return ratioField(ctx, code, isRate, M.yoy, (r) => {
        const base = readEntry(ctx, ctx.entryOf(r, code, M.previous), isRate);
        // No percentage on a zero or negative base (domain: 新增, 扭亏/减亏/增亏 wording instead).
        return base === null || base <= 0 ? null : { base, half: halfOfEntry(ctx, ctx.entryOf(r, code, M.previous), isRate), cells: [ctx.entryOf(r, code, M.previous)], minus: true };
      });
    case "completion":
      return ratioField(ctx, code, isRate, M.completion, (r) => {
        const target = ctx.targetValue(infoOf(r), id);
        return target === null || target <= 0 ? null : { base: target, half: 0, cells: [ctx.entryOf(r, code, M.target)], minus: false };
      });
    case "previous": {
      const entry = (r: number): { p: PreviousSheet; i: number } | null => {
        const p = prev();
        if (p === null) return null;
        const info = infoOf(r);
        const pr = p.single ?? (info.duplicated ? undefined : p.byKey.get(info.key));
        if (pr === undefined) return null;
        const i = valueEntry(p.ctx, pr, code);
        return i < 0 ? null : { p, i };
      };
      return {
        get: (r) => {
          const e = entry(r);
          return e === null ? null : readEntry(e.p.ctx, e.i, isRate);
        },
        half: (r) => {
          const e = entry(r);
          return e === null ? 0 : halfOfEntry(e.p.ctx, e.i, isRate);
        },
        // Cells of another file are not cells of this sheet: none are named.
        cells: NONE,
        kind: own,
      };
    }
  }
}

interface Base {
  base: number;
  half: number;
  cells: number[];
  /** 同比 = (本期 − 基数) ÷ 基数; 完成率 = 本期 ÷ 基数. */
  minus: boolean;
}

/**
 * 同比 and 完成率 are computed from the row's own figures when it has them (本期 with 上年同期, 本期 with 年度目标):
 * the printed rate is checked against those by the built-in rate rules already, and a computed value carries no
 * ambiguity of scale (2.5 meaning 2.5% or 250%). The printed column is read only when the inputs are missing.
 */
function ratioField(
  ctx: RuleContext,
  code: number,
  isRate: boolean,
  measure: number,
  baseOf: (r: number) => Base | null,
): Compiled {
  const computed = (r: number): { value: number; half: number; cur: number; base: Base } | null => {
    const ci = valueEntry(ctx, r, code);
    const cur = readEntry(ctx, ci, isRate);
    if (cur === null) return null;
    const base = baseOf(r);
    if (base === null) return null;
    const value = base.minus ? (cur - base.base) / base.base : cur / base.base;
    const hc = halfOfEntry(ctx, ci, isRate);
    // d(c/b) ≤ (δc + |c/b|·δb) / (b − δb); the same bound holds for (c − b)/b = c/b − 1 up to the |c/b| term.
    const ratio = Math.abs(cur / base.base);
    const half = base.half >= base.base ? Infinity : (hc + ratio * base.half) / (base.base - base.half);
    return { value, half, cur, base };
  };
  return {
    get: (r) => {
      const c = computed(r);
      if (c !== null) return c.value;
      const i = ctx.entryOf(r, code, measure);
      return i < 0 ? null : readPercentInColumn(ctx, i, ctx.fieldAt(i))?.fraction ?? null;
    },
    half: (r) => {
      const c = computed(r);
      if (c !== null) return c.half;
      const i = ctx.entryOf(r, code, measure);
      if (i < 0) return 0;
      const reading = readPercentInColumn(ctx, i, ctx.fieldAt(i));
      return reading === null ? 0 : halfUnitOfPercent(reading);
    },
    cells: (r, out) => {
      const c = computed(r);
      if (c === null) {
        pushCell(ctx, ctx.entryOf(r, code, measure), out);
        return;
      }
      // The printed rate, where the sheet has one, is the cell a reviewer looks at; its inputs come after it.
      pushCell(ctx, ctx.entryOf(r, code, measure), out);
      pushCell(ctx, valueEntry(ctx, r, code), out);
      for (const i of c.base.cells) pushCell(ctx, i, out);
    },
    kind: RATE,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Evaluation

/**
 * true, false, or null when the rule does not apply to the row (a figure it needs is blank). 且 is false when a
 * side is false; 或 is true when a side is true. `failed` collects the comparisons that made it false.
 */
function holds(c: CompiledCondition, r: number, failed: CompiledCompare[]): boolean | null {
  if (c.kind === "compare") {
    const v = compare(c.c, r);
    if (v === false) failed.push(c.c);
    return v;
  }
  const a = holds(c.left, r, failed);
  if (c.kind === "and") {
    if (a === false) return false;
    const b = holds(c.right, r, failed);
    if (b === false) return false;
    return a === null || b === null ? null : true;
  }
  if (a === true) return true;
  const b = holds(c.right, r, failed);
  if (b === true) {
    failed.length = 0;
    return true;
  }
  return a === null || b === null ? null : false;
}

/**
 * A comparison is broken only when it is broken for every true value the printed figures can stand for: each
 * side may lie half a unit of its last printed digit from the truth, so `=` without a tolerance allows the sum of
 * those halves (counts are exact), and the other comparisons allow it too — 38.976 printed 38.98 is not above
 * 38.976 printed 38.98 ×1. The allowance is worked out only when the figures as printed break the rule.
 */
function compare(c: CompiledCompare, r: number): boolean | null {
  const x = c.left.get(r);
  if (x === null) return null;
  const y = c.right.get(r);
  if (y === null) return null;
  const eps = EPS * Math.max(1, Math.abs(x), Math.abs(y));
  const d = x - y;
  if (c.op === "=" && c.tolerance !== null) return Math.abs(d) <= c.tolerance + eps;
  if (strict(c.op, d, eps)) return true;
  if (c.op === "!=") return false;
  const slack = c.left.half(r) + c.right.half(r) + eps;
  switch (c.op) {
    case "=":
      return Math.abs(d) <= slack;
    case "<":
    case "<=":
      return d <= slack;
    case ">":
    case ">=":
      return -d <= slack;
  }
}

function strict(op: CompareOp, d: number, eps: number): boolean {
  switch (op) {
    case "=":
      return Math.abs(d) <= eps;
    case "!=":
      return Math.abs(d) > eps;
    case "<":
      return d < -eps;
    case "<=":
      return d <= eps;
    case ">":
      return d > eps;
    case ">=":
      return d >= -eps;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Findings

function sourceText(rule: AuditRule): Bilingual {
  return { zh: placeOf(rule.source.name, rule.source.line), en: `${rule.source.name.en}, line ${rule.source.line}` };
}

function show(kind: ValueKind, v: number): Bilingual {
  switch (kind.kind) {
    case "amount":
      return { zh: `${fixed(v, 2)}${kind.unit}`, en: `${fixed(v, 2)} ${kind.unit}` };
    case "count": {
      const n = Number.isInteger(v) ? String(v) : fixed(v, 2);
      return { zh: `${n}个`, en: n };
    }
    case "rate": {
      const p = `${fixed(v * 100, 1)}%`;
      return { zh: p, en: p };
    }
    case "plain": {
      const n = String(Number(fixed(v, 4)));
      return { zh: n, en: n };
    }
  }
}

function violation(ctx: RuleContext, rule: AuditRule, info: RecordInfo, c: CompiledCompare | undefined): Finding {
  const r = info.index;
  const cells: CellPos[] = [];
  let leftText: Bilingual | null = null;
  let rightText: Bilingual | null = null;
  let compared = rule.text;
  if (c !== undefined) {
    c.left.cells(r, cells);
    c.right.cells(r, cells);
    leftText = show(c.left.kind, c.left.get(r) as number);
    rightText = show(c.left.kind.kind === "plain" ? c.right.kind : c.left.kind, c.right.get(r) as number);
    if (c.right.kind.kind !== "plain" && c.left.kind.kind === "plain") leftText = show(c.right.kind, c.left.get(r) as number);
    compared = c.text;
  }
  const at = cells[0] ?? info.record.labelCell;
  const seen = new Set<string>();
  const related = cells.slice(1).filter((p) => {
    const k = `${p.row}:${p.col}`;
    if (seen.has(k) || (p.row === at?.row && p.col === at?.col)) return false;
    seen.add(k);
    return true;
  });
  const field = at === null ? undefined : ctx.model.columns.length > 0 ? fieldAtPos(ctx, r, at) : undefined;
  const subject = ctx.subject(at, info, field);
  const src = sourceText(rule);
  const sides =
    leftText === null || rightText === null
      ? { zh: "", en: "" }
      : { zh: `（左边 ${leftText.zh}，右边 ${rightText.zh}）`, en: ` (left ${leftText.en}, right ${rightText.en})` };
  const tail = rule.message === null ? { zh: "", en: "" } : { zh: `：${rule.message}`, en: `: ${rule.message}` };
  return ctx.finding({
    rule: "audit-rule",
    severity: rule.severity,
    at,
    record: info,
    indicator: field?.indicator ?? null,
    expected: c === undefined || rightText === null ? undefined : `${opText(c.op)} ${rightText.zh}`,
    message: {
      zh: `${subject.zh}：不符合${src.zh}“${compared}”${sides.zh}${tail.zh}`,
      en: `${subject.en}: fails ${src.en} "${compared}"${sides.en}${tail.en}`,
    },
    related,
  });
}

function opText(op: CompareOp): string {
  return op === "<=" ? "≤" : op === ">=" ? "≥" : op === "!=" ? "≠" : op;
}

function fieldAtPos(ctx: RuleContext, r: number, at: CellPos) {
  for (const f of ctx.records[r].record.fields) if (f.row === at.row && f.col === at.col) return f;
  return undefined;
}

function skipped(ctx: RuleContext, rule: AuditRule, missing: Missing[]): Finding {
  const src = sourceText(rule);
  return ctx.finding({
    rule: "audit-rule-skipped",
    severity: "info",
    at: null,
    message: {
      zh: `工作表“${ctx.sheet}”：${src.zh}“${rule.text}”未执行：${missing.map((m) => m.zh).join("；")}`,
      en: `Sheet ${ctx.sheet}: ${src.en} "${rule.text}" was not applied: ${missing.map((m) => m.en).join("; ")}`,
    },
  });
}
