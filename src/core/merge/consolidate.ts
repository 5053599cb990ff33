import { INDICATORS, IndicatorId } from "../catalog";
import { ConfigInput } from "../engine";
import { completion, makeRanker, pace, share, timeProgress, yoy } from "../indicators";
import { Period } from "../period";
import { TargetTable } from "../targets";
import { Outcome } from "../result";
import { RegistryPreset, UnitRecord, UnitRegistry, chongqing } from "../units";
import { unitNamedIn } from "../units/in-text";
import { collectSubmissions, isMergeable } from "./collect";
import {
  AggregateRow,
  IndicatorColumns,
  MeasureCells,
  MergeSubmission,
  MergedRow,
  MergedTable,
  UnitInputs,
  UnitRow,
} from "./types";

export interface MergeOptions {
  registry?: UnitRegistry;
  /** Registry preset id; default: the preset of the period's year (chongqing-2020 for 2022). */
  preset?: string;
  /** Grouping scheme id ("2020", "2024"); default: the preset's own. */
  scheme?: string;
  /** Overrides the period read from the submissions' titles. */
  period?: Period | null;
  /** Annual targets from the city's targets workbook (--targets), for units whose submission gives none. */
  targets?: TargetTable | null;
  /** Files of the batch that could not be read: the unit a file's name gives is not called missing. */
  unreadable?: readonly string[];
}

/** A unit's own 年度目标 wins; otherwise the targets workbook's, with its cell as the source. */
function withTargets(inputs: Partial<Record<IndicatorId, UnitInputs>>, code: string, table: TargetTable | null | undefined): Partial<Record<IndicatorId, UnitInputs>> {
  const given = table?.byUnit.get(code);
  if (table === null || table === undefined || given === undefined) return inputs;
  const out = { ...inputs };
  for (const [id, entry] of Object.entries(out) as [IndicatorId, UnitInputs][]) {
    const t = given[id];
    if (entry.target !== undefined || entry.current === undefined || t === undefined || t.value === null) continue;
    out[id] = { ...entry, target: { value: t.value, source: { file: table.source, sheet: t.sheet, cell: t.cell } } };
  }
  return out;
}

const valueOf = (o: Outcome): number | null => (o.ok ? o.value : null);

function periodOf(submissions: readonly MergeSubmission[], given: Period | null | undefined): Period | null {
  if (given) return given;
  // The submissions of one month share it; the first title that states a period (with a year, if any does) is used.
  const periods = submissions.map((s) => s.model.period).filter((p): p is Period => p !== null);
  return periods.find((p) => p.year !== undefined) ?? periods[0] ?? null;
}

function choosePreset(registry: UnitRegistry, id: string | undefined, period: Period | null): RegistryPreset {
  if (id !== undefined && id !== "auto") return registry.preset(id);
  if (period?.year !== undefined) return registry.presetFor(`${period.year}-${String(period.endMonth).padStart(2, "0")}`);
  return registry.presets()[0];
}

function emptyCells(): MeasureCells {
  return {
    current: null,
    previous: null,
    yoy: null,
    target: null,
    completion: null,
    pace: null,
    share: null,
    rankInGroup: null,
    rankOverall: null,
  };
}

/** Sums the members' values in row order (the order the written SUM adds them); null when none has a value. */
function sumOf(rows: readonly MergedRow[], members: readonly number[], pick: (r: UnitRow) => number | null): number | null {
  let total = 0;
  let counted = 0;
  for (const i of members) {
    const v = pick(rows[i] as UnitRow);
    if (v === null) continue;
    total += v;
    counted++;
  }
  return counted === 0 ? null : total;
}

function indicatorColumns(units: readonly UnitRow[]): IndicatorColumns[] {
  const out: IndicatorColumns[] = [];
  for (const def of INDICATORS) {
    if (!isMergeable(def.id)) continue;
    const given = units.map((u) => u.inputs[def.id]).filter((x): x is UnitInputs => x !== undefined);
    if (!given.some((g) => g.current !== undefined)) continue;
    out.push({
      indicator: def.id,
      kind: def.kind === "count" ? "count" : "amount",
      withPrevious: given.some((g) => g.previous !== undefined),
      withTarget: given.some((g) => g.target !== undefined),
    });
  }
  return out;
}

/** Outer group first, then its children, each followed by its own units (the way city tables print them). */
function layoutRows(
  registry: UnitRegistry,
  units: readonly UnitRecord[],
  scheme: string,
  rowFor: (unit: UnitRecord, seq: number, group: string | null) => UnitRow,
): MergedRow[] {
  const total: AggregateRow = { kind: "total", label: "全市", level: 0, members: [], cells: {} };
  const rows: MergedRow[] = [total];
  const groups = registry.schemes().find((s) => s.id === scheme)?.groups ?? [];
  const leafOf = new Map(units.map((u) => [u.code, registry.groupOf(u, scheme) ?? null]));
  const placed = new Set<string>();
  const aggregates: { row: AggregateRow; group: string }[] = [];
  let seq = 1;
  const depth = (name: string): number => {
    let d = 0;
    let g = groups.find((x) => x.name === name);
    while (g?.parent !== undefined) {
      d++;
      g = groups.find((x) => x.name === g?.parent);
    }
    return d;
  };
  for (const group of groups) {
    const row: AggregateRow = { kind: "group", label: group.name, level: depth(group.name), members: [], cells: {} };
    rows.push(row);
    aggregates.push({ row, group: group.name });
    for (const unit of units) {
      if (leafOf.get(unit.code) !== group.name) continue;
      rows.push(rowFor(unit, seq++, group.name));
      placed.add(unit.code);
    }
  }
  // A unit the scheme does not group (another city's registry) is still listed, after the groups.
  for (const unit of units) if (!placed.has(unit.code)) rows.push(rowFor(unit, seq++, null));

  rows.forEach((r, i) => {
    if (r.kind !== "unit" || !r.unit.countsInCityTotal) return;
    total.members.push(i);
    for (const a of aggregates) if (registry.groupPath(r.unit, scheme).includes(a.group)) a.row.members.push(i);
  });
  return rows;
}

function unitCells(inputs: UnitInputs | undefined, progress: number | null): MeasureCells {
  const cells = emptyCells();
  cells.current = inputs?.current?.value ?? null;
  cells.previous = inputs?.previous?.value ?? null;
  cells.target = inputs?.target?.value ?? null;
  return withRates(cells, progress);
}

function withRates(cells: MeasureCells, progress: number | null): MeasureCells {
  if (cells.current !== null && cells.previous !== null) cells.yoy = valueOf(yoy(cells.current, cells.previous));
  if (cells.current !== null && cells.target !== null) cells.completion = valueOf(completion(cells.current, cells.target));
  if (cells.completion !== null && progress !== null) cells.pace = pace(cells.completion, progress);
  return cells;
}

/**
 * Consolidates checked one-district forms and unit tables into the city table: registry order, grouped by the
 * scheme with subtotal rows, a 全市 row that adds only units counting in the city total, and per indicator the
 * rates, shares and ranks computed through src/core/indicators. Missing units stay blank; duplicates are not merged.
 */
export function consolidate(submissions: readonly MergeSubmission[], options: MergeOptions = {}): MergedTable {
  const registry = options.registry ?? chongqing;
  const period = periodOf(submissions, options.period);
  const preset = choosePreset(registry, options.preset, period);
  const scheme = options.scheme ?? preset.defaultScheme;
  const presetUnits = registry.unitsOf(preset.id);
  const config: ConfigInput = { preset: preset.id };
  if (period?.year !== undefined) config.year = period.year;
  if (period) config.months = period.endMonth;
  const collected = collectSubmissions(submissions, registry, presetUnits, config);
  const months = period?.endMonth ?? null;
  const progress = months === null ? null : valueOf(timeProgress(months));

  const rows = layoutRows(registry, presetUnits, scheme, (unit, seq, group) => {
    const sub = collected.byUnit.get(unit.code);
    return { kind: "unit", unit, seq, group, file: sub?.file ?? null, inputs: sub ? withTargets(sub.inputs, unit.code, options.targets) : {}, cells: {} };
  });
  const unitRows = rows.filter((r): r is UnitRow => r.kind === "unit");
  const indicators = indicatorColumns(unitRows);
  const unreadable = (options.unreadable ?? []).map((file) => {
    const named = unitNamedIn(file.split(/[\\/]/).pop() ?? file, presetUnits);
    const blank = named !== null && unitRows.some((r) => r.unit.code === named.code && r.file === null);
    return { file, unit: blank ? named : null };
  });

  for (const { indicator } of indicators) fillIndicator(rows, unitRows, indicator, progress);

  return {
    period,
    months,
    preset: preset.id,
    scheme,
    indicators,
    rows,
    // A unit submitted twice did submit (it is listed with the duplicates), and so did one whose file could not be
    // read (listed with the file, as zs-check's cross-file check does): neither is missing.
    missing: unitRows
      .filter((r) => r.file === null && !collected.duplicates.some((d) => d.unit.code === r.unit.code) && !unreadable.some((u) => u.unit?.code === r.unit.code))
      .map((r) => r.unit),
    duplicates: collected.duplicates,
    unreadable,
    unmerged: collected.unmerged,
    submissions: submissions.map((s) => ({
      file: s.file,
      sheet: s.model.sheet,
      summary: s.summary,
      explanations: s.explanations,
      units: collected.unitsOf.get(s) ?? [],
    })),
  };
}

function fillIndicator(rows: MergedRow[], unitRows: readonly UnitRow[], indicator: IndicatorId, progress: number | null): void {
  for (const r of unitRows) r.cells[indicator] = unitCells(r.inputs[indicator], progress);
  const aggregates = rows.filter((r): r is AggregateRow => r.kind !== "unit");
  for (const a of aggregates) {
    const cell = (r: UnitRow): MeasureCells => r.cells[indicator] as MeasureCells;
    const cells = emptyCells();
    cells.current = sumOf(rows, a.members, (r) => cell(r).current);
    cells.previous = sumOf(rows, a.members, (r) => cell(r).previous);
    cells.target = sumOf(rows, a.members, (r) => cell(r).target);
    withRates(cells, progress);
    // A subtotal's rate over a partial base misleads (a 同比 of units that gave a 上年同期 against the 本期 of all of
    // them): it is left blank unless as many members give the base or target as give 本期. The written formula
    // compares the same two COUNTs.
    const given = (pick: (c: MeasureCells) => number | null): number => a.members.filter((i) => pick(cell(rows[i] as UnitRow)) !== null).length;
    const withCurrent = given((c) => c.current);
    if (given((c) => c.previous) !== withCurrent) cells.yoy = null;
    if (given((c) => c.target) !== withCurrent) {
      cells.completion = null;
      cells.pace = null;
    }
    a.cells[indicator] = cells;
  }
  const cityTotal = (rows[0] as AggregateRow).cells[indicator]?.current ?? null;
  for (const r of rows) {
    const cells = r.cells[indicator] as MeasureCells;
    if (cells.current !== null && cityTotal !== null) cells.share = valueOf(share(cells.current, cityTotal));
  }
  // Competition ranks (1, 2, 2, 4) of 本期 among all units, and within the unit's own group.
  const values = unitRows.map((r) => (r.cells[indicator] as MeasureCells).current);
  const rankOf = makeRanker(values, { groups: unitRows.map((r) => r.group) });
  for (const r of unitRows) {
    const cells = r.cells[indicator] as MeasureCells;
    if (cells.current === null) continue;
    cells.rankOverall = valueOf(rankOf(cells.current));
    if (r.group !== null) cells.rankInGroup = valueOf(rankOf(cells.current, r.group));
  }
}
