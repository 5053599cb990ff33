import { IndicatorId } from "../catalog";
import { ValidationConfig } from "../config";
import { Bilingual } from "../i18n";
import { AmountUnit, CellValue, ParsedCell } from "../numbers";
import { Period } from "../period";
import { CellPos, FieldRef, Measure, SheetModel } from "../sheet/types";
import { TargetTable, TargetValue } from "../targets";
import { RegistryPreset, UnitRecord, UnitRegistry } from "../units";
import { CellCache, CellReads } from "./kit/cells";
import { ColumnUnits, ColumnUnitsView } from "./kit/column-units";
import { FieldIndex, FieldTable, FieldTableView } from "./kit/field-table";
import { FindingBuilder, FindingBuilderView, FindingInput } from "./kit/finding-builder";
import { Printed, PrintedPrecision } from "./kit/printed";
import { GroupPaths, RecordInfo, SheetRecords, indexRecords } from "./kit/records";
import { TargetLookup, TargetLookupView } from "./kit/target-lookup";
import { Finding } from "../findings";
import { FormatInfo } from "./helpers/precision";

export type { RecordInfo } from "./kit/records";
export type { FieldTable } from "./kit/field-table";
export type { FindingInput } from "./kit/finding-builder";
export { KIND_GROUP, KIND_TOTAL, KIND_UNIT } from "./kit/field-table";

/** The decisions validate() settled once for the whole sheet. */
export interface SheetSettings {
  readonly model: SheetModel;
  readonly config: ValidationConfig;
  readonly registry: UnitRegistry;
  readonly preset: RegistryPreset;
  /** Grouping scheme for subtotal rows: config.scheme when the caller set it, else the preset's default. */
  readonly scheme: string;
  /**
   * ISO date the units are resolved at: the end of the sheet's period, or — when its year is unknown — the edge of
   * the preset's validity (so 两江新区 reads as the preset's 两江新区); null when neither says anything.
   */
  readonly asOf: string | null;
  readonly period: Period | null;
  /** 时序进度 as a fraction (1–6月 → 0.5); null when the period's months are unknown. */
  readonly timeProgress: number | null;
}

/**
 * Everything a rule may read: the kit of the modules under ./kit, with the per-cell work (parsing, unit
 * conversion, printed precision) done at most once per cell and shared between rules. Rules are pure functions
 * of this context. A field's figures are read by field-table entry (ctx.table, entry i); where a finding is and
 * how a value is shown are said of a cell position or a FieldRef (ctx.fieldAt(i)).
 */
export interface RuleContext
  extends SheetSettings,
    SheetRecords,
    FieldTableView,
    CellReads,
    ColumnUnitsView,
    PrintedPrecision,
    TargetLookupView,
    FindingBuilderView {
  /** Group path of a unit in the context's scheme, cached. */
  groupPath(unit: UnitRecord, scheme?: string): readonly string[];
  /** Computes once per validation run; lets rules share work (unit-slip results feed the outlier rule). */
  memo<T>(key: string, compute: () => T): T;
}

export interface ContextOptions {
  model: SheetModel;
  config: ValidationConfig;
  registry: UnitRegistry;
  preset: RegistryPreset;
  scheme: string;
  asOf: string | null;
  /** Year the sheet is resolved at; the reader's resolutions are reused only when they were made for this year. */
  year: number | null;
  period: Period | null;
  timeProgress: number | null;
  /** A separate targets table, or null to use the sheet's own target columns. */
  targets: TargetTable | null;
  /** Builds the table of the sheet's own target columns, when someone asks for ctx.targets. */
  ownTargets: () => TargetTable;
}

/** The kit: each member is forwarded to the module that owns it. */
class Context implements RuleContext {
  readonly model: SheetModel;
  readonly config: ValidationConfig;
  readonly registry: UnitRegistry;
  readonly preset: RegistryPreset;
  readonly scheme: string;
  readonly asOf: string | null;
  readonly period: Period | null;
  readonly timeProgress: number | null;
  readonly records: readonly RecordInfo[];
  readonly units: readonly RecordInfo[];
  readonly totals: readonly RecordInfo[];
  readonly groups: readonly RecordInfo[];
  readonly table: FieldTable;
  readonly targetsGiven: boolean;

  private readonly fields: FieldIndex;
  private readonly cells: CellCache;
  private readonly columnUnits: ColumnUnits;
  private readonly printed: Printed;
  private readonly targetLookup: TargetLookup;
  private readonly builder: FindingBuilder;
  private readonly paths: GroupPaths;
  private readonly memos = new Map<string, unknown>();

  constructor(o: ContextOptions) {
    this.model = o.model;
    this.config = o.config;
    this.registry = o.registry;
    this.preset = o.preset;
    this.scheme = o.scheme;
    this.asOf = o.asOf;
    this.period = o.period;
    this.timeProgress = o.timeProgress;
    const grid = o.model.grid;
    const hiddenRows = new Set<number>(grid.hiddenRows ?? []);
    for (const r of o.model.rows) if (r.hidden) hiddenRows.add(r.row);
    const sheetRecords = indexRecords({
      model: o.model,
      registry: o.registry,
      scheme: o.scheme,
      asOf: o.asOf,
      year: o.year,
      hiddenRows,
    });
    this.records = sheetRecords.records;
    this.units = sheetRecords.units;
    this.totals = sheetRecords.totals;
    this.groups = sheetRecords.groups;
    // Every run walks all fields at least once (the cell scan), so the table is built up front.
    this.fields = new FieldIndex(this.records, grid.values.length);
    this.table = this.fields.table;
    this.columnUnits = new ColumnUnits(o.model);
    this.cells = new CellCache(grid.values, this.fields, this.columnUnits);
    this.printed = new Printed(grid.numberFormats, this.fields, this.cells, this.columnUnits);
    this.targetLookup = new TargetLookup(o.targets, o.ownTargets, this.records, this.fields, this.cells);
    this.targetsGiven = this.targetLookup.targetsGiven;
    this.builder = new FindingBuilder(o.model, hiddenRows, this.cells, this.columnUnits);
    this.paths = new GroupPaths(o.registry, o.scheme);
  }

  // Field table
  fieldAt(i: number): FieldRef {
    return this.fields.fieldAt(i);
  }
  infoAt(i: number): RecordInfo {
    return this.fields.infoAt(i);
  }
  colAt(i: number): number {
    return this.fields.colAt(i);
  }
  sibling(i: number, indicator: number, measure: number): number {
    return this.fields.sibling(i, indicator, measure);
  }
  entryOf(r: number, indicator: number, measure: number): number {
    return this.fields.entryOf(r, indicator, measure);
  }
  shapeOf(r: number): number {
    return this.fields.shapeOf(r);
  }

  // Cells
  rawAt(i: number): CellValue {
    return this.cells.rawAt(i);
  }
  parsedAt(i: number): ParsedCell {
    return this.cells.parsedAt(i);
  }
  numberAt(i: number): number | null {
    return this.cells.numberAt(i);
  }
  plainAt(i: number): boolean {
    return this.cells.plainAt(i);
  }
  amountAt(i: number): number | null {
    return this.cells.amountAt(i);
  }

  // Column units
  amountUnit(field: FieldRef): AmountUnit | null {
    return this.columnUnits.amountUnit(field);
  }
  inColumnUnit(field: FieldRef, value: number): number {
    return this.columnUnits.inColumnUnit(field, value);
  }

  // Printed precision
  formatAt(i: number): FormatInfo | null {
    return this.printed.formatAt(i);
  }
  decimalsAt(i: number): number {
    return this.printed.decimalsAt(i);
  }
  printedDecimalsAt(i: number): number {
    return this.printed.printedDecimalsAt(i);
  }
  halfUnitAt(i: number): number {
    return this.printed.halfUnitAt(i);
  }

  // Targets
  get targets(): TargetTable | null {
    return this.targetLookup.targets;
  }
  targetFor(info: RecordInfo, indicator: IndicatorId): TargetValue | undefined {
    return this.targetLookup.targetFor(info, indicator);
  }
  targetAt(i: number): number | null {
    return this.targetLookup.targetAt(i);
  }

  // Findings
  cell(pos: CellPos): string {
    return this.builder.cell(pos);
  }
  subject(
    pos: CellPos | null,
    info?: RecordInfo | null,
    field?: { indicator: IndicatorId; measure: Measure } | null,
  ): Bilingual {
    return this.builder.subject(pos, info, field);
  }
  display(field: FieldRef, value: number): Bilingual {
    return this.builder.display(field, value);
  }
  finding(input: FindingInput): Finding {
    return this.builder.finding(input);
  }

  groupPath(unit: UnitRecord, scheme?: string): readonly string[] {
    return this.paths.groupPath(unit, scheme);
  }

  memo<T>(key: string, compute: () => T): T {
    if (this.memos.has(key)) return this.memos.get(key) as T;
    const value = compute();
    this.memos.set(key, value);
    return value;
  }
}

export function createContext(options: ContextOptions): RuleContext {
  return new Context(options);
}
