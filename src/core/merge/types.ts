import { IndicatorId } from "../catalog";
import { Summary } from "../findings";
import { Period } from "../period";
import { SheetModel } from "../sheet/types";
import { UnitRecord } from "../units";

/** Where a merged number was read: the submitted file, its sheet and the cell (null for a whole-table source). */
export interface SourceRef {
  file: string;
  sheet: string;
  cell: string | null;
}

export interface SourcedValue {
  /** In the indicator's default unit (亿元 for amounts, 个 for counts), whatever unit the submission used. */
  value: number;
  source: SourceRef;
}

/** The three figures a submission gives per indicator; everything else is computed from them. */
export type InputMeasure = "current" | "previous" | "target";

export type UnitInputs = Partial<Record<InputMeasure, SourcedValue>>;

/** One checked sheet offered for merging (the CLI has already refused files with 强制性 findings, unless --force). */
export interface MergeSubmission {
  file: string;
  model: SheetModel;
  /** The sheet's check summary, carried to the 来源 sheet. */
  summary: Summary;
  /** 核实说明 stored in the workbook. */
  explanations: number;
}

/** The same unit in two or more submissions: none of them is merged, and every file is named. */
export interface DuplicateSubmission {
  unit: UnitRecord;
  files: string[];
}

/** A unit row label that is not a unit of the preset (unknown, or not valid at the period): not merged. */
export interface UnmergedRow {
  file: string;
  sheet: string;
  label: string;
}

/** What a cell of the merged table holds before it is written: the value, or null = blank (never 0). */
export interface MeasureCells {
  current: number | null;
  previous: number | null;
  yoy: number | null;
  target: number | null;
  completion: number | null;
  /** 超（欠）序时进度 in 个百分点. */
  pace: number | null;
  share: number | null;
  rankInGroup: number | null;
  rankOverall: number | null;
}

export interface UnitRow {
  kind: "unit";
  unit: UnitRecord;
  /** 序号, 1-based in print order. */
  seq: number;
  /** The most specific group of the scheme: ranks within it. */
  group: string | null;
  /** The file the unit's figures came from; null = no submission (row left blank). */
  file: string | null;
  inputs: Partial<Record<IndicatorId, UnitInputs>>;
  cells: Partial<Record<IndicatorId, MeasureCells>>;
}

export interface AggregateRow {
  kind: "total" | "group";
  label: string;
  /** Nesting depth: 0 for 全市 and outer groups, 1 for 中心城区 inside 主城都市区. */
  level: number;
  /** Indices (into MergedTable.rows) of the unit rows added into this row: those that count in the city total. */
  members: number[];
  cells: Partial<Record<IndicatorId, MeasureCells>>;
}

export type MergedRow = UnitRow | AggregateRow;

/** Which measure columns an indicator gets: 上年同期/同比 only when some submission gives a base, and so on. */
export interface IndicatorColumns {
  indicator: IndicatorId;
  kind: "count" | "amount";
  withPrevious: boolean;
  withTarget: boolean;
}

export interface MergedTable {
  period: Period | null;
  /** Months elapsed (N of 1–N月), for 时序进度; null when the period is unknown. */
  months: number | null;
  preset: string;
  scheme: string;
  indicators: IndicatorColumns[];
  rows: MergedRow[];
  /** Units of the preset with no submission at all, in registry order (their rows are blank; duplicates are not here). */
  missing: UnitRecord[];
  duplicates: DuplicateSubmission[];
  /** Files that could not be read, with the unit their name gives when that unit's row stayed blank. */
  unreadable: { file: string; unit: UnitRecord | null }[];
  unmerged: UnmergedRow[];
  submissions: { file: string; sheet: string; summary: Summary; explanations: number; units: string[] }[];
}
