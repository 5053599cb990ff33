import { IndicatorId, indicatorDef } from "../catalog";
import { Expected, Finding } from "../findings";
import { Bilingual } from "../i18n";
import { Period } from "../period";
import { RecordInfo, RuleContext } from "../rules/context";
import * as codes from "../rules/helpers/codes";
import { fixed } from "../rules/helpers/format";
import { halfUnitOfPercent } from "../rules/helpers/percent";
import { unitOfDecimals } from "../rules/helpers/precision";
import { readPercentInColumn } from "../rules/helpers/percent-scale";
import { entryOfField } from "../rules/helpers/field-figures";
import { AuditRuleRef } from "../rules/audit-rules";
import { CellPos, SheetModel } from "../sheet/types";
import { TargetTable } from "../targets";
import { AuditRule, CompareOp, Condition, Expr, FieldFn } from "./ast";
import { placeOf } from "./parser";

const { M, indicatorCode, KIND } = codes;
const IS_COUNT: readonly boolean[] = KIND.map((k) => k === "count");

/**
 * What the rules are evaluated on: the sheet, and the previous period's sheet for 上期(x) when there is one. The
 * model, targets and period are those env.ctx was built from (validate() passes both); the previous model is read
 * through env.contextOf only if a rule asks for 上期.
 */
export interface AuditInput {
  model: SheetModel;
  previous?: SheetModel | null;
  targets: TargetTable | null;
  period: Period | null;
}

/**
 * The rule contexts the evaluation reads through: `ctx` is input.model's (the one the built-in rules ran in, so
 * cells are parsed once); `contextOf` gives one for the previous-period sheet, only if a rule reads 上期 — a caller
 * that already built that context for its own checks can hand it back instead of building another.
 */
export interface AuditEnvironment {
  ctx: RuleContext;
  contextOf(model: SheetModel): RuleContext;
}

/** How a side of a comparison is printed in a finding. */
type ValueKind = { kind: "amount"; unit: string } | { kind: "count" } | { kind: "rate" } | { kind: "plain" };

interface Compiled {
  /** The value for record r; NaN when it cannot be had (a blank cell, no base): the rule does not apply there. */
  get(r: number): number;
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
  const columns = new Columns(ctx);
  const present = columns.present;
  let previous: PreviousSheet | null | undefined;
  const previousSheet = (): PreviousSheet | null => {
    if (previous === undefined) {
      previous = input.previous ? previousOf(ctx, env.contextOf(input.previous)) : null;
    }
    return previous;
  };
  const compileEnv: Env = { columns, previous: previousSheet };

  const runnable: { rule: AuditRule; cond: CompiledCondition }[] = [];
  for (const rule of rules) {
    const missing: Missing[] = [];
    collectMissing(rule.condition, ctx, present, input.previous ?? null, previousSheet, missing);
    if (missing.length > 0) {
      findings.push(skipped(ctx, rule, missing));
      continue;
    }
    runnable.push({ rule, cond: compileCondition(rule.condition, compileEnv) });
  }
  if (runnable.length === 0) return findings;

  const failed: CompiledCompare[] = [];
  const units = ctx.units;
  // Rule by rule: each rule's closures stay hot over all rows. The engine sorts findings afterwards.
  for (const { rule, cond } of runnable) {
    for (let k = 0; k < units.length; k++) {
      const r = units[k].index;
      failed.length = 0;
      if (holds(cond, r, failed) !== false) continue;
      findings.push(violation(ctx, rule, units[k], failed[0]));
    }
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------------------------
// What the sheet has

function key(indicator: number, measure: number): number {
  return indicator * codes.MEASURES.length + measure;
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
          if (prev === null || !hasValue(prev.columns.present, id)) {
            lacks({ zh: `上期报表没有“${zh}”`, en: `the previous-period file has no ${en}` });
          }
          return;
        }
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Columns: the figures the rules read, per record, worked out once per sheet and shared by every rule

const NO_ENTRY = -1;

/**
 * A sheet's fields by (indicator, measure) as arrays indexed by record, built in one pass over the field table;
 * figures are read into Float64Arrays (NaN: none) the first time a rule asks. Twenty rules over 100,000 rows then
 * cost array reads, not 2,000,000 lookups through the context.
 */
class Columns {
  private readonly entries: (Int32Array | undefined)[] = [];
  private readonly figures = new Map<string, Float64Array>();
  readonly present = new Set<number>();

  constructor(readonly ctx: RuleContext) {
    const t = ctx.table;
    const n = ctx.records.length;
    for (let i = 0; i < t.n; i++) {
      const r = t.record[i];
      if (t.kind[r] !== 0) continue;
      const k = key(t.indicator[i], t.measure[i]);
      let e = this.entries[k];
      if (e === undefined) {
        e = new Int32Array(n).fill(NO_ENTRY);
        this.entries[k] = e;
        this.present.add(k);
      }
      if (e[r] === NO_ENTRY) e[r] = i;
    }
  }

  /** The entry of record r for (indicator, measure), or -1. */
  entry(code: number, measure: number, r: number): number {
    const e = this.entries[key(code, measure)];
    return e === undefined ? NO_ENTRY : e[r];
  }

  /** An indicator's own figure: 本期, or a rate indicator's own column. */
  valueEntry(code: number, r: number): number {
    const i = this.entry(code, M.current, r);
    return i >= 0 ? i : this.entry(code, M.rate, r);
  }

  /** Figures of (indicator, measure) by record: amounts in the default unit, rates as fractions; NaN for none. */
  figuresOf(code: number, measure: number | "value", rate: boolean): Float64Array {
    const name = `${code}|${measure}`;
    let out = this.figures.get(name);
    if (out !== undefined) return out;
    out = new Float64Array(this.ctx.records.length).fill(NaN);
    for (const u of this.ctx.units) {
      const r = u.index;
      const i = measure === "value" ? this.valueEntry(code, r) : this.entry(code, measure, r);
      const v = readEntry(this.ctx, i, rate);
      if (v !== null) out[r] = v;
    }
    this.figures.set(name, out);
    return out;
  }

  /** Targets by record (the row's own 年度目标 cell, else the targets table); NaN for none. */
  targetsOf(id: IndicatorId): Float64Array {
    const name = `target|${id}`;
    let out = this.figures.get(name);
    if (out !== undefined) return out;
    out = new Float64Array(this.ctx.records.length).fill(NaN);
    for (const u of this.ctx.units) {
      const v = targetValue(this.ctx, u, id);
      if (v !== null) out[u.index] = v;
    }
    this.figures.set(name, out);
    return out;
  }
}

/** The row's own 年度目标 cell, else (a unit row) the targets table's entry: what 完成率(x) and 年度目标(x) read. */
function targetValue(ctx: RuleContext, info: RecordInfo, id: IndicatorId): number | null {
  const own = entryOfField(ctx, info, { indicator: id, measure: "target" });
  if (own >= 0) return ctx.amountAt(own);
  if (info.record.kind !== "unit" || !ctx.targetsGiven) return null;
  return ctx.targetFor(info, id)?.value ?? null;
}

// ---------------------------------------------------------------------------------------------------------------
// The previous period's sheet

interface PreviousSheet {
  columns: Columns;
  /** Record of the current sheet → record of the previous one holding the same unit (-1: none). */
  match: Int32Array;
}

function previousOf(current: RuleContext, ctx: RuleContext): PreviousSheet {
  const match = new Int32Array(current.records.length).fill(NO_ENTRY);
  const theirs = ctx.units;
  const ours = current.units;
  // A single-district form: its one unit is the current form's unit whatever the spelling of its label.
  if (ctx.model.layout === "transposed" && theirs.length === 1) {
    for (const u of ours) match[u.index] = theirs[0].index;
    return { columns: new Columns(ctx), match };
  }
  // Month after month the template lists the units in the same order: pair row by row while the keys agree, and
  // look the rest up by key.
  let byKey: Map<string, number> | null = null;
  for (let k = 0; k < ours.length; k++) {
    const u = ours[k];
    if (u.duplicated) continue;
    const same = theirs[k];
    if (same !== undefined && same.key === u.key && !same.duplicated) {
      match[u.index] = same.index;
      continue;
    }
    if (byKey === null) {
      byKey = new Map();
      for (const t of theirs) if (!t.duplicated && !byKey.has(t.key)) byKey.set(t.key, t.index);
    }
    const pr = byKey.get(u.key);
    if (pr !== undefined) match[u.index] = pr;
  }
  return { columns: new Columns(ctx), match };
}

// ---------------------------------------------------------------------------------------------------------------
// Compilation: each rule becomes closures over per-record arrays. Values are numbers, NaN where a figure is
// missing (a blank cell, no base): NaN carries through arithmetic, and a comparison with it does not apply.

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

interface Env {
  columns: Columns;
  previous: () => PreviousSheet | null;
}

function compileCondition(c: Condition, env: Env): CompiledCondition {
  if (c.kind === "compare") {
    return {
      kind: "compare",
      c: { op: c.op, left: compile(c.left, env), right: compile(c.right, env), tolerance: c.tolerance, text: c.text },
    };
  }
  return { kind: c.kind, left: compileCondition(c.left, env), right: compileCondition(c.right, env) };
}

const NONE = (): void => undefined;

function compile(e: Expr, env: Env): Compiled {
  switch (e.kind) {
    case "number": {
      const v = e.value;
      return { get: () => v, half: () => 0, cells: NONE, kind: e.percent ? RATE : PLAIN };
    }
    case "timeProgress": {
      const v = env.columns.ctx.timeProgress ?? NaN;
      return { get: () => v, half: () => 0, cells: NONE, kind: RATE };
    }
    case "abs": {
      const a = compile(e.arg, env);
      const get = a.get;
      return { get: (r) => Math.abs(get(r)), half: a.half, cells: a.cells, kind: a.kind };
    }
    case "negate": {
      const a = compile(e.arg, env);
      const get = a.get;
      return { get: (r) => -get(r), half: a.half, cells: a.cells, kind: a.kind };
    }
    case "arith":
      return arith(e.op, compile(e.left, env), compile(e.right, env));
    case "field":
      return field(e.fn, e.indicator, env);
  }
}

function arith(op: "+" | "-" | "*" | "/", a: Compiled, b: Compiled): Compiled {
  const cells = (r: number, out: CellPos[]): void => {
    a.cells(r, out);
    b.cells(r, out);
  };
  const kind = arithKind(op, a.kind, b.kind);
  const x = a.get;
  const y = b.get;
  switch (op) {
    case "+":
      return { get: (r) => x(r) + y(r), half: (r) => a.half(r) + b.half(r), cells, kind };
    case "-":
      return { get: (r) => x(r) - y(r), half: (r) => a.half(r) + b.half(r), cells, kind };
    case "*":
      return {
        get: (r) => x(r) * y(r),
        // First-order propagation |x|·δy + |y|·δx, plus δx·δy so that the bound is never too tight.
        half: (r) => {
          const hx = a.half(r);
          const hy = b.half(r);
          return Math.abs(x(r)) * hy + Math.abs(y(r)) * hx + hx * hy;
        },
        cells,
        kind,
      };
    case "/":
      return {
        // Division by zero has no value: the rule does not apply to that row (as 同比 on a zero base).
        get: (r) => {
          const d = y(r);
          return d === 0 ? NaN : x(r) / d;
        },
        half: (r) => {
          const d = Math.abs(y(r));
          const hy = b.half(r);
          if (d <= hy) return Infinity;
          return (a.half(r) + Math.abs(x(r) / d) * hy) / (d - hy);
        },
        cells,
        kind,
      };
  }
}

/** A cell's figure: amounts in the indicator's default unit (亿元), rates as fractions, counts as they are. */
function readEntry(ctx: RuleContext, i: number, rate: boolean): number | null {
  if (i < 0) return null;
  if (!rate) return ctx.amountAt(i);
  return readPercentInColumn(ctx, i)?.fraction ?? null;
}

/** Rate cells' half units per context, by entry: reading a percent cell allocates, and a rule may ask every row. */
const rateHalves = new WeakMap<RuleContext, Float64Array>();

/**
 * Half a unit of the entry's last printed digit, in the figure's own terms (ctx.halfUnit, which it equals). Run for
 * every row where a rule holds only within rounding (a rate against its inputs), so it avoids FieldRefs: the
 * printed decimals come from the field table, and a unit conversion (万元 → 亿元) is the ratio of the amount to
 * the figure as written.
 */
function halfOfEntry(ctx: RuleContext, i: number, rate: boolean): number {
  if (i < 0) return 0;
  if (rate) {
    let cache = rateHalves.get(ctx);
    if (cache === undefined) {
      cache = new Float64Array(ctx.table.n).fill(NaN);
      rateHalves.set(ctx, cache);
    }
    const known = cache[i];
    if (known === known) return known;
    const reading = readPercentInColumn(ctx, i);
    return (cache[i] = reading === null ? 0 : halfUnitOfPercent(reading));
  }
  // Counts are exact: 29 projects is not 29 ± 0.5.
  if (IS_COUNT[ctx.table.indicator[i]]) return 0;
  const half = unitOfDecimals(ctx.printedDecimalsAt(i)) / 2;
  const written = ctx.numberAt(i);
  const amount = ctx.amountAt(i);
  if (written === amount) return half;
  if (written === null || amount === null || written === 0) return ctx.halfUnitAt(i);
  return half * Math.abs(amount / written);
}

function pushCell(ctx: RuleContext, i: number, out: CellPos[]): void {
  if (i < 0) return;
  const f = ctx.fieldAt(i);
  out.push({ row: f.row, col: f.col });
}

function field(fn: FieldFn, id: IndicatorId, env: Env): Compiled {
  const cols = env.columns;
  const ctx = cols.ctx;
  const code = indicatorCode(id);
  const isRate = indicatorDef(id).kind === "rate";
  const own = kindOfIndicator(id);
  switch (fn) {
    case "value": {
      const v = cols.figuresOf(code, "value", isRate);
      return {
        get: (r) => v[r],
        half: (r) => halfOfEntry(ctx, cols.valueEntry(code, r), isRate),
        cells: (r, out) => pushCell(ctx, cols.valueEntry(code, r), out),
        kind: own,
      };
    }
    case "lastYear": {
      const v = cols.figuresOf(code, M.previous, isRate);
      return {
        get: (r) => v[r],
        half: (r) => halfOfEntry(ctx, cols.entry(code, M.previous, r), isRate),
        cells: (r, out) => pushCell(ctx, cols.entry(code, M.previous, r), out),
        kind: own,
      };
    }
    case "target": {
      const v = cols.targetsOf(id);
      // A target is a figure the city set, not a rounded measurement: no rounding allowance.
      return { get: (r) => v[r], half: () => 0, cells: (r, out) => pushCell(ctx, cols.entry(code, M.target, r), out), kind: own };
    }
    case "yoy":
      return ratioField(cols, code, isRate, M.yoy, cols.figuresOf(code, M.previous, isRate), true, (r) =>
        halfOfEntry(ctx, cols.entry(code, M.previous, r), isRate),
        (r, out) => pushCell(ctx, cols.entry(code, M.previous, r), out),
      );
    case "completion":
      return ratioField(cols, code, isRate, M.completion, cols.targetsOf(id), false, () => 0, (r, out) =>
        pushCell(ctx, cols.entry(code, M.target, r), out),
      );
    case "previous": {
      const p = env.previous();
      if (p === null) return { get: () => NaN, half: () => 0, cells: NONE, kind: own };
      const theirs = p.columns.figuresOf(code, "value", isRate);
      const v = new Float64Array(ctx.records.length).fill(NaN);
      for (const u of ctx.units) {
        const pr = p.match[u.index];
        if (pr >= 0) v[u.index] = theirs[pr];
      }
      return {
        get: (r) => v[r],
        half: (r) => {
          const pr = p.match[r];
          return pr < 0 ? 0 : halfOfEntry(p.columns.ctx, p.columns.valueEntry(code, pr), isRate);
        },
        // Cells of another file are not cells of this sheet: none are named.
        cells: NONE,
        kind: own,
      };
    }
  }
}

/**
 * 同比 and 完成率 are computed from the row's own figures when it has them (本期 with 上年同期, 本期 with 年度目标):
 * the printed rate is checked against those by the built-in rate rules already, and a computed value carries no
 * ambiguity of scale (2.5 meaning 2.5% or 250%). The printed column is read only when the inputs are missing.
 * No rate on a zero or negative base (domain: 新增, 扭亏/减亏/增亏 wording instead).
 */
function ratioField(
  cols: Columns,
  code: number,
  isRate: boolean,
  measure: number,
  bases: Float64Array,
  growth: boolean,
  baseHalf: (r: number) => number,
  baseCells: (r: number, out: CellPos[]) => void,
): Compiled {
  const ctx = cols.ctx;
  const cur = cols.figuresOf(code, "value", isRate);
  const printed = cols.figuresOf(code, measure, true);
  const computable = (r: number): boolean => cur[r] === cur[r] && bases[r] > 0;
  return {
    get: (r) => {
      if (!computable(r)) return printed[r];
      return growth ? (cur[r] - bases[r]) / bases[r] : cur[r] / bases[r];
    },
    half: (r) => {
      if (!computable(r)) {
        const i = cols.entry(code, measure, r);
        const reading = i < 0 ? null : readPercentInColumn(ctx, i);
        return reading === null ? 0 : halfUnitOfPercent(reading);
      }
      // d(c/b) ≤ (δc + |c/b|·δb) / (b − δb); (c − b)/b = c/b − 1 has the same bound.
      const b = bases[r];
      const hb = baseHalf(r);
      if (hb >= b) return Infinity;
      return (halfOfEntry(ctx, cols.valueEntry(code, r), isRate) + Math.abs(cur[r] / b) * hb) / (b - hb);
    },
    cells: (r, out) => {
      // The printed rate, where the sheet has one, is the cell a reviewer looks at; its inputs come after it.
      pushCell(ctx, cols.entry(code, measure, r), out);
      if (!computable(r)) return;
      pushCell(ctx, cols.valueEntry(code, r), out);
      baseCells(r, out);
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
  if (x !== x) return null;
  const y = c.right.get(r);
  if (y !== y) return null;
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
    expected: c === undefined ? undefined : expectedOf(c.op, c.right.get(r)),
    details: {
      rule: "audit-rule",
      ref: refOf(rule),
      compared,
      op: c?.op ?? null,
      left: c === undefined ? null : finiteOrNull(c.left.get(r)),
      right: c === undefined ? null : finiteOrNull(c.right.get(r)),
      message: rule.message,
    },
    message: {
      zh: `${subject.zh}：不符合${src.zh}“${compared}”${sides.zh}${tail.zh}`,
      en: `${subject.en}: fails ${src.en} "${compared}"${sides.en}${tail.en}`,
    },
    related,
  });
}

function refOf(rule: AuditRule): AuditRuleRef {
  return { source: rule.source.name.zh, line: rule.source.line, text: rule.text };
}

function finiteOrNull(v: number | null | undefined): number | null {
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

/** The bound the right side sets, for the report's 应为 column: ≤ x, ≥ x, or = x. */
function expectedOf(op: CompareOp, right: number | null | undefined): Expected | undefined {
  const v = finiteOrNull(right);
  if (v === null) return undefined;
  if (op === "<=" || op === "<") return { kind: "at-most", max: v };
  if (op === ">=" || op === ">") return { kind: "at-least", min: v, percent: false };
  if (op === "=") return { kind: "figure", value: v };
  return undefined;
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
    details: { rule: "audit-rule-skipped", ref: refOf(rule), missing },
    message: {
      zh: `工作表“${ctx.model.sheet}”：${src.zh}“${rule.text}”未执行：${missing.map((m) => m.zh).join("；")}`,
      en: `Sheet ${ctx.model.sheet}: ${src.en} "${rule.text}" was not applied: ${missing.map((m) => m.en).join("; ")}`,
    },
  });
}
