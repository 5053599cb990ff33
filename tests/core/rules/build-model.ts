/*
 * Builds SheetModels directly, the way the sheet reader would, so rule tests do not depend on readSheet.
 * Layout of a built table: row 0 title, row 1 header ("单位" + one header per column), data rows from row 2, then
 * footer rows. Column 0 holds the unit names; column k+1 holds spec.columns[k].
 */
import { IndicatorId, indicatorDef } from "../../../src/core/catalog";
import { ConfigInput, createRuleContext, validate, ValidationResult } from "../../../src/core/engine";
import { Finding, RuleId } from "../../../src/core/findings";
import { CellValue } from "../../../src/core/numbers";
import { Period, parsePeriod } from "../../../src/core/period";
import { Rule } from "../../../src/core/rules";
import {
  CellPos,
  ColumnMapping,
  ColumnUnit,
  DataRecord,
  FieldRef,
  Measure,
  RowInfo,
  RowKind,
  SheetModel,
} from "../../../src/core/sheet/types";
import { TargetTable, periodAsOf } from "../../../src/core/targets";
import { loadRegistry, UnitRegistry, chongqing } from "../../../src/core/units";

export interface ColSpec {
  indicator: IndicatorId;
  measure: Measure;
  unit?: ColumnUnit | null;
  header?: string[];
  /** Number format for every data cell of the column. */
  format?: string;
}

export interface RowObject {
  label: string;
  values: CellValue[];
  kind?: RowKind;
  hidden?: boolean;
  /** Per-cell number formats (overrides the column's). */
  formats?: (string | undefined)[];
}

export type RowSpec = [string, ...CellValue[]] | RowObject;

export interface ModelSpec {
  sheet?: string;
  title?: string | null;
  /** Defaults to the title's period. */
  period?: Period | null;
  columns: ColSpec[];
  rows: RowSpec[];
  footer?: string[];
  origin?: CellPos;
  registry?: UnitRegistry;
  /** Leave record.resolution unset, as a reader without a registry would. */
  unresolved?: boolean;
}

export const H1_2022 = "2022年1—6月全市招商引资主要指标完成情况表";

const MEASURE_WORD: Record<Measure, string> = {
  current: "本期",
  previous: "上年同期",
  yoy: "同比",
  target: "年度目标",
  completion: "完成率",
  rank: "排名",
  share: "占比",
  pace: "超序时进度",
  rate: "",
  month: "当月",
};

function toRow(spec: RowSpec): RowObject {
  if (Array.isArray(spec)) {
    const [label, ...values] = spec;
    return { label, values };
  }
  return spec;
}

export function buildModel(spec: ModelSpec): SheetModel {
  const registry = spec.registry ?? chongqing;
  const title = spec.title === undefined ? H1_2022 : spec.title;
  const period = spec.period !== undefined ? spec.period : title === null ? null : parsePeriod(title);
  const asOf = periodAsOf(period?.year, period?.endMonth);
  const width = spec.columns.length + 1;
  const values: CellValue[][] = [];
  const formats: (string | null | undefined)[][] = [];
  let anyFormat = false;

  values.push([title ?? "", ...new Array<CellValue>(width - 1).fill(null)]);
  formats.push(new Array(width).fill(null));
  const headers = spec.columns.map(
    (c) => c.header ?? [indicatorDef(c.indicator).name.zh, MEASURE_WORD[c.measure]].filter((h) => h !== ""),
  );
  values.push(["单位", ...headers.map((h) => h.join(""))]);
  formats.push(new Array(width).fill(null));

  const columns: ColumnMapping[] = spec.columns.map((c, k) => ({
    col: k + 1,
    header: headers[k],
    indicator: c.indicator,
    measure: c.measure,
    unit: c.unit ?? null,
    unitSource: c.unit ? "header" : null,
    source: "header",
  }));

  const rows: RowInfo[] = [
    { row: 0, kind: "note", label: title ?? "", hidden: false },
    { row: 1, kind: "note", label: "单位", hidden: false },
  ];
  const records: DataRecord[] = [];
  const hiddenRows: number[] = [];

  spec.rows.map(toRow).forEach((r) => {
    const row = values.length;
    const cells: CellValue[] = [r.label, ...r.values];
    while (cells.length < width) cells.push(null);
    values.push(cells);
    const rowFormats = spec.columns.map((c, k) => r.formats?.[k] ?? c.format ?? null);
    if (rowFormats.some((f) => f !== null)) anyFormat = true;
    formats.push([null, ...rowFormats]);

    const resolution = registry.resolve(r.label, asOf);
    const kind: RowKind =
      r.kind ?? (resolution.status === "aggregate" ? (resolution.kind === "total" ? "total" : "group") : "unit");
    const hidden = r.hidden ?? false;
    if (hidden) hiddenRows.push(row);
    const info: RowInfo = { row, kind, label: r.label.trim(), hidden };
    if (kind === "unit" && !spec.unresolved) info.resolution = resolution;
    rows.push(info);
    if (kind === "unit" || kind === "total" || kind === "group") {
      const fields: FieldRef[] = spec.columns.map((c, k) => ({
        row,
        col: k + 1,
        indicator: c.indicator,
        measure: c.measure,
        unit: c.unit ?? null,
      }));
      const record: DataRecord = { kind, label: r.label.trim(), labelCell: { row, col: 0 }, fields };
      if (!spec.unresolved) record.resolution = resolution;
      records.push(record);
    }
  });
  for (const text of spec.footer ?? []) {
    const row = values.length;
    values.push([text, ...new Array<CellValue>(width - 1).fill(null)]);
    formats.push(new Array(width).fill(null));
    rows.push({ row, kind: "footer", label: text, hidden: false });
  }

  return {
    sheet: spec.sheet ?? "汇总",
    layout: "table",
    grid: {
      name: spec.sheet ?? "汇总",
      values,
      ...(anyFormat ? { numberFormats: formats } : {}),
      ...(hiddenRows.length > 0 ? { hiddenRows } : {}),
      ...(spec.origin ? { origin: spec.origin } : {}),
    },
    title: title === null ? null : { row: 0, text: title },
    period,
    unitLine: null,
    headerRows: [1],
    nameColumn: 0,
    columns,
    rows,
    records,
    notes: [],
  };
}

export interface FormSpec {
  sheet?: string;
  unit: string;
  title?: string;
  period?: Period | null;
  fields: { indicator: IndicatorId; measure: Measure; value: CellValue; unit?: ColumnUnit | null; format?: string }[];
  registry?: UnitRegistry;
}

/**
 * A single district's form (transposed layout): title, "填报单位" row with the unit in B2, then one row per field
 * with its name in A and its figure in B.
 */
export function buildForm(spec: FormSpec): SheetModel {
  const registry = spec.registry ?? chongqing;
  const title = spec.title ?? "2022年1—6月招商引资情况表";
  const period = spec.period !== undefined ? spec.period : parsePeriod(title);
  const resolution = registry.resolve(spec.unit, periodAsOf(period?.year, period?.endMonth));
  const values: CellValue[][] = [
    [title, null],
    ["填报单位", spec.unit],
  ];
  const formats: (string | null | undefined)[][] = [
    [null, null],
    [null, null],
  ];
  const fields: FieldRef[] = [];
  let anyFormat = false;
  spec.fields.forEach((f) => {
    const row = values.length;
    values.push([`${indicatorDef(f.indicator).name.zh}${MEASURE_WORD[f.measure]}`, f.value]);
    formats.push([null, f.format ?? null]);
    if (f.format) anyFormat = true;
    fields.push({ row, col: 1, indicator: f.indicator, measure: f.measure, unit: f.unit ?? null });
  });
  const record: DataRecord = {
    kind: "unit",
    label: spec.unit.trim(),
    labelCell: { row: 1, col: 1 },
    resolution,
    fields,
  };
  return {
    sheet: spec.sheet ?? "报表",
    layout: "transposed",
    grid: { name: spec.sheet ?? "报表", values, ...(anyFormat ? { numberFormats: formats } : {}) },
    title: { row: 0, text: title },
    period,
    unitLine: null,
    headerRows: [],
    nameColumn: 0,
    columns: [],
    rows: values.map((v, row) => ({ row, kind: row === 1 ? "unit" : "note", label: String(v[0]), hidden: false })),
    records: [record],
    notes: [],
  };
}

export interface RunOptions {
  targets?: TargetTable | null;
  config?: ConfigInput;
  registry?: UnitRegistry;
}

/** Findings of one rule run on its own. */
export function run(rule: Rule, model: SheetModel, options: RunOptions = {}): Finding[] {
  const ctx = createRuleContext(model, options.targets ?? null, options.config ?? {}, options.registry ?? chongqing);
  return rule.run(ctx);
}

/** Findings of one rule within a full validate() run. */
export function validated(model: SheetModel, rule: RuleId, options: RunOptions = {}): Finding[] {
  return fullRun(model, options).findings.filter((f) => f.rule === rule);
}

export function fullRun(model: SheetModel, options: RunOptions = {}): ValidationResult {
  return validate(model, options.targets ?? null, options.config ?? {}, options.registry ?? chongqing);
}

/** The 41 units of the 2020 preset in printing order, by official name. */
export const UNITS_2020: string[] = chongqing.unitsOf("chongqing-2020").map((u) => u.name);
export const UNITS_2026: string[] = chongqing.unitsOf("chongqing-2026").map((u) => u.name);

/** Rows for every unit of a preset with generated figures (deterministic), for whole-city tables. */
export function allUnitRows(names: readonly string[], values: (i: number, name: string) => CellValue[]): RowSpec[] {
  return names.map((name, i) => [name, ...values(i, name)] as RowSpec);
}

export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as object)) deepFreeze(child);
  }
  return value;
}

/** Rounds to 2 decimals the way a sheet prints 亿元 (for building consistent totals). */
export function r2(x: number): number {
  return Math.round(x * 100) / 100;
}

/**
 * A whole-city table: the 41 units of 2022 with one amount column, figures 10.00 + 1.37·i, and a 全市 row equal
 * to their sum (or `total`). `edit` changes rows before the total is added (by official name).
 */
export function cityAmounts(
  options: {
    column?: ColSpec;
    total?: CellValue;
    edit?: (rows: RowSpec[]) => void;
    title?: string | null;
  } = {},
): SheetModel {
  const rows: RowSpec[] = UNITS_2020.map((name, i) => [name, r2(10 + 1.37 * i)] as RowSpec);
  options.edit?.(rows);
  const sum = r2(
    rows.reduce((s, r) => s + (typeof (r as [string, number])[1] === "number" ? (r as [string, number])[1] : 0), 0),
  );
  rows.unshift(["全市", options.total === undefined ? sum : options.total]);
  return buildModel({
    columns: [options.column ?? { indicator: "contract-amount", measure: "current" }],
    rows,
    ...(options.title !== undefined ? { title: options.title } : {}),
  });
}

/** The single finding of a rule (fails the test with what was found otherwise). */
export function only(findings: Finding[]): Finding {
  if (findings.length !== 1)
    throw new Error(
      `expected exactly one finding, got ${findings.length}: ${findings.map((f) => `${f.rule} ${f.cell} ${f.message.zh}`).join(" | ")}`,
    );
  return findings[0];
}

/**
 * A registry of n units named 测试1区 … that all count in the city total, with one preset and one grouping scheme
 * (A: units 1–3, B: the rest): arithmetic tests that need "41 units" without Chongqing's functional zones.
 */
export function testRegistry(n: number): UnitRegistry {
  const units = Array.from({ length: n }, (_, i) => ({
    code: `t${i + 1}`,
    name: `测试${i + 1}区`,
    kind: "district" as const,
    aliases: [],
    groups: { s: i < 3 ? "甲片区" : "乙片区" },
    countsInCityTotal: true,
    rankedInOverall: true,
  }));
  return loadRegistry({
    id: "test",
    city: "测试市",
    name: { zh: "测试市", en: "Test City" },
    schemes: [{ id: "s", name: { zh: "片区", en: "areas" }, groups: [{ name: "甲片区" }, { name: "乙片区" }] }],
    units,
    presets: [
      {
        id: "test-all",
        name: { zh: `${n}个单位`, en: `${n} units` },
        units: units.map((u) => u.code),
        defaultScheme: "s",
      },
    ],
    aggregateNames: ["全市", "合计"],
  });
}
