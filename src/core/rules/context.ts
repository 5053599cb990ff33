import { IndicatorDef, IndicatorId } from "../catalog";
import { ValidationConfig } from "../config";
import { Expected, Finding, FindingDetails, RuleId, Severity } from "../findings";
import { Bilingual } from "../i18n";
import { AmountUnit, CellValue, ParsedCell } from "../numbers";
import * as numbers from "../numbers";
import { Period } from "../period";
import { CellPos, ColumnMapping, DataRecord, FieldRef, Measure, SheetModel } from "../sheet/types";
import { TargetTable, TargetValue } from "../targets";
import * as targets from "../targets";
import { RegistryPreset, Resolution, UnitRecord, UnitRegistry } from "../units";
import * as units from "../units";
import * as address from "./address";
import * as codes from "./codes";
import * as defs from "./defs";
import * as format from "./format";
import { FormatInfo } from "./precision";
import * as precision from "./precision";

// Imported bindings are property getters under the CommonJS transform (jest, tsx): hot loops read local copies.
const { AMOUNT_UNITS, amountIn, convertAmount, currencyOf, isAmountUnit, parseCell } = numbers;
const { unitKey } = targets;
const { normalizeUnitName } = units;
const { columnLetters } = address;
const { INDICATOR_DEFS, M, indicatorCode } = codes;
const { DEF } = defs;
const { amountText, fieldName, findingValue, fixed } = format;
const { MAX_DECIMALS, decimalsOf, decimalsOfText, formatInfo, unitOfDecimals } = precision;

/** A record of the sheet with what the rules need to know about its unit, worked out once. */
export interface RecordInfo {
  record: DataRecord;
  /** Position in model.records (and ctx.records). */
  index: number;
  resolution: Resolution | null;
  /** Unit code, or the normalised label when the registry does not know it: 渝北, 渝北区 and "渝北区 " share one key. */
  key: string;
  /** The unit the label names (ok, or invalid at the sheet's date). */
  unit: UnitRecord | null;
  /** The registry's first suggestion for an unknown label (壁山区 → 璧山区): used to place the row, never as fact. */
  likely: UnitRecord | null;
  /** Official name where resolved, else the label as written. */
  name: string;
  /** For group rows: the group the label names, in `groupScheme`. */
  group: string | null;
  groupScheme: string | null;
  hidden: boolean;
  /**
   * Another unit row has the same key (duplicate-unit, 强制性). Which of the rows is that unit cannot be told, so
   * none of them is looked up in a targets table: a row must not inherit another row's target.
   */
  duplicated: boolean;
}

export interface FindingInput {
  rule: RuleId;
  severity: Severity;
  /** The cell the finding is about; null for the sheet as a whole (a missing unit). */
  at: CellPos | null;
  record?: RecordInfo | null;
  /** Overrides the unit name taken from `record`. */
  unit?: string | null;
  indicator?: IndicatorId | null;
  /** Overrides the cell's value as written. */
  value?: string | number | boolean | null;
  expected?: Expected;
  /** The rule's facts as data (numbers with their units, names, cells): what the message is rendered from. */
  details: FindingDetails;
  message: Bilingual;
  related?: readonly CellPos[];
}

/**
 * The target a completion is computed against, whichever source it comes from. A target is a figure set by the
 * city, not a measurement rounded for print: it carries no rounding allowance of its own.
 */
export interface TargetInput {
  value: number;
  /** The cell in this sheet, when the target is one of its own columns. */
  pos: CellPos | null;
}

/**
 * Every field of every record, flattened into typed arrays (entry i). Bulk passes over a 100,000-row sheet read
 * these instead of 1.2M field objects scattered over the heap; a rule touches a FieldRef (ctx.fieldAt) only for
 * the cells it reports.
 */
export interface FieldTable {
  readonly n: number;
  /** Index into ctx.records. */
  readonly record: Int32Array;
  /** Indicator code (codes.ts) and measure code (codes.M). */
  readonly indicator: Uint8Array;
  readonly measure: Uint8Array;
  /** First entry of each record; start[r + 1] ends it (length: records + 1). Entry i is field i − start[r] of record r. */
  readonly start: Int32Array;
  /** Record kind per record: 0 unit, 1 total, 2 group. */
  readonly kind: Uint8Array;
}

export const KIND_UNIT = 0;
export const KIND_TOTAL = 1;
export const KIND_GROUP = 2;

/**
 * Everything a rule may read, with the per-cell work (parsing, unit conversion, printed precision) done at most
 * once per cell and shared between rules. Rules are pure functions of this context.
 *
 * Cells are addressed either by position (a FieldRef or any CellPos) or, in bulk passes, by field-table entry
 * (the ...At methods); both reach the same per-cell caches.
 */
export interface RuleContext {
  readonly model: SheetModel;
  readonly sheet: string;
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
  /**
   * The targets table in use: the one given to validate(), or else the sheet's own target columns (built on first
   * access; rules read a row's own 年度目标 cell directly and need it only for a given table).
   */
  readonly targets: TargetTable | null;
  /** Targets come from a separate table (looked up by unit), not from the sheet's own columns. */
  readonly targetsGiven: boolean;
  /** All records in sheet order, and the same split by kind. */
  readonly records: readonly RecordInfo[];
  readonly units: readonly RecordInfo[];
  readonly totals: readonly RecordInfo[];
  readonly groups: readonly RecordInfo[];
  /** The fields of all records as typed arrays. */
  readonly table: FieldTable;

  column(col: number): ColumnMapping | undefined;
  raw(pos: CellPos): CellValue;
  parsed(pos: CellPos): ParsedCell;
  /** The cell holds a finite JS number as handed over by the source (no text, no parsing needed). */
  plain(pos: CellPos): boolean;
  /** The figure as written ("12.5%" → 0.125, "…" → 0); null for blanks, errors and text. Units not converted. */
  number(pos: CellPos): number | null;
  /** An amount in its indicator's default unit (亿元, 万美元) using the column's declared unit; counts as is. */
  amount(field: FieldRef): number | null;
  /** The amount unit of the field's column (亿元 when nothing says otherwise); null for counts and rates. */
  amountUnit(field: FieldRef): AmountUnit | null;

  /** Field-table accessors: the same as the methods above, for entry i. */
  fieldAt(i: number): FieldRef;
  infoAt(i: number): RecordInfo;
  numberAt(i: number): number | null;
  plainAt(i: number): boolean;
  amountAt(i: number): number | null;
  /** format() of entry i's cell. */
  formatAt(i: number): FormatInfo | null;
  /** decimals() of entry i's cell. */
  decimalsAt(i: number): number;
  /** printedDecimals() of entry i's cell, without touching its FieldRef (bulk passes). */
  printedDecimalsAt(i: number): number;
  /** The target entry i's indicator is compared with: the record's own 年度目标 cell, else the targets table. */
  targetAt(i: number): number | null;
  /** The sheet column of entry i (-1 when the field lies outside the grid). */
  colAt(i: number): number;
  /** The entry of the same record with this indicator and measure code, or -1. */
  sibling(i: number, indicator: number, measure: number): number;
  /** The entry of record r with this indicator and measure code, or -1. */
  entryOf(r: number, indicator: number, measure: number): number;
  /** Records with the same fields in the same order share a shape id (a table has one): per-shape work is done once. */
  shapeOf(r: number): number;

  /** Number format information of the cell (the section that applies to its value), when it has a meaningful format. */
  format(pos: CellPos): FormatInfo | null;
  /** Printed decimals of the cell in its own unit (a % format counts the decimals of the percentage). */
  decimals(pos: CellPos): number;
  /** Half a unit of the field's last printed digit (see printedDecimals), in the indicator's default unit; 0 for counts. */
  halfUnit(field: FieldRef): number;
  /** Most decimals printed in a column (all record rows): its rounding unit. */
  columnDecimals(col: number): number;
  /**
   * Decimals the cell is printed to: its number format or its text when it has one, else its own or its column's
   * when that shows more (a bare 59 among 2-decimal figures).
   */
  printedDecimals(pos: CellPos): number;
  field(record: DataRecord, indicator: IndicatorId, measure: Measure): FieldRef | undefined;
  /** The target of the targets table in use for this unit; none for a duplicated unit row (see RecordInfo). */
  targetFor(info: RecordInfo, indicator: IndicatorId): TargetValue | undefined;
  /** The target a completion is computed against: the record's own 年度目标 cell first, else the targets table. */
  targetInput(info: RecordInfo, indicator: IndicatorId): TargetInput | null;
  /** targetInput's value alone, without allocating (run for every row). */
  targetValue(info: RecordInfo, indicator: IndicatorId): number | null;
  /** A value in the indicator's default unit expressed in the column's own unit (38.976亿元 → 389760 in 万元). */
  inColumnUnit(field: FieldRef, value: number): number;
  /** A value in the indicator's default unit shown in the column's unit: "389760.00万元", "38.98亿元", "29个". */
  display(field: FieldRef, value: number): Bilingual;
  /** Group path of a unit in the context's scheme, cached. */
  groupPath(unit: UnitRecord, scheme?: string): readonly string[];
  /** Computes once per validation run; lets rules share work (unit-slip results feed the outlier rule). */
  memo<T>(key: string, compute: () => T): T;
  /** A1 address, respecting grid.origin. */
  cell(pos: CellPos): string;
  /** "工作表“汇总”C7（渝北区，正式合同额本期）" — where a finding is, for the start of its message. */
  subject(
    pos: CellPos | null,
    info?: RecordInfo | null,
    field?: { indicator: IndicatorId; measure: Measure } | null,
  ): Bilingual;
  finding(input: FindingInput): Finding;
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

// Parse-state flags per cell.
const PARSED = 1;
const PLAIN = 2; // a JS number as the source handed it: no ParsedCell object is kept
const AMOUNT = 4; // amount cached

const MEASURE_COUNT = codes.MEASURES.length;

const AGGREGATE_PREFIX = /^其中[:：,，、]?/;
const AGGREGATE_SUFFIX = /(?:合计|小计|总计|汇总|共计)$/;

class Context implements RuleContext {
  readonly model: SheetModel;
  readonly sheet: string;
  readonly config: ValidationConfig;
  readonly registry: UnitRegistry;
  readonly preset: RegistryPreset;
  readonly scheme: string;
  readonly asOf: string | null;
  readonly period: Period | null;
  readonly timeProgress: number | null;
  readonly targetsGiven: boolean;
  private targetTable: TargetTable | null;
  private readonly ownTargets: () => TargetTable;
  readonly records: RecordInfo[] = [];
  readonly units: RecordInfo[] = [];
  readonly totals: RecordInfo[] = [];
  readonly groups: RecordInfo[] = [];

  private readonly values: CellValue[][];
  private readonly formats: (string | null | undefined)[][] | undefined;
  private readonly originRow: number;
  private readonly originCol: number;
  /** Columns covered by the per-cell caches: up to the rightmost field. */
  private readonly width: number;
  /** Per cell (row × width + col): PARSED | PLAIN | AMOUNT flags, the figure as written, the amount. */
  private readonly state: Uint8Array;
  private readonly num: Float64Array;
  /** Amounts that differ from the figure as written (a unit conversion, a parsed text); allocated on first need. */
  private amt: Float64Array | null = null;
  /** Parse results of cells that are not plain numbers (text, blanks, errors): few in a real sheet. */
  private readonly objects = new Map<number, ParsedCell>();
  private readonly columns = new Map<number, ColumnMapping>();
  private readonly memos = new Map<string, unknown>();
  private readonly paths = new Map<string, readonly string[]>();
  private readonly hiddenRows: ReadonlySet<number>;
  /** targets.byUnit entry per record index (null: none), looked up once. */
  private readonly targetEntries: (Partial<Record<IndicatorId, TargetValue>> | null | undefined)[] = [];
  private decimalsByColumn: Map<number, number> | null = null;
  private readonly unitByColumn: ({ indicator: IndicatorId; unit: AmountUnit } | undefined)[] = [];
  /** "工作表“汇总”" and "汇总!", the start of every message. */
  private readonly sheetZh: string;
  private readonly sheetEn: string;
  private readonly fieldTable: FieldTable;
  /** Per table entry: the cell index (-1 outside the grid) and the field's own amount unit (0 none, else index + 1). */
  private entryCell: Int32Array = new Int32Array(0);
  private entryUnit: Uint8Array = new Uint8Array(0);
  /** Shape per record (see shapeId) and each shape's (indicator, measure) → slot lookup. */
  private shapeIds: Int32Array = new Int32Array(0);
  private readonly shapes: Int16Array[] = [];
  private lastRow = -1;
  private lastCol = -1;
  private lastCell = "";

  constructor(o: ContextOptions) {
    this.model = o.model;
    this.sheet = o.model.sheet;
    this.sheetZh = `工作表“${this.sheet}”`;
    this.sheetEn = `${this.sheet}!`;
    this.config = o.config;
    this.registry = o.registry;
    this.preset = o.preset;
    this.scheme = o.scheme;
    this.asOf = o.asOf;
    this.period = o.period;
    this.timeProgress = o.timeProgress;
    this.targetTable = o.targets;
    this.targetsGiven = o.targets !== null;
    this.ownTargets = o.ownTargets;
    const grid = o.model.grid;
    this.values = grid.values;
    this.formats = grid.numberFormats;
    this.originRow = grid.origin?.row ?? 0;
    this.originCol = grid.origin?.col ?? 0;
    for (const c of o.model.columns) this.columns.set(c.col, c);
    const hidden = new Set<number>(grid.hiddenRows ?? []);
    for (const r of o.model.rows) if (r.hidden) hidden.add(r.row);
    this.hiddenRows = hidden;
    this.indexRecords(o.year);
    // Every run walks all fields at least once (the cell scan), so the table is built up front. The per-cell caches
    // cover the grid's rows and the columns that hold fields: a used range may run far to the right of the table.
    const built = this.buildTable();
    this.fieldTable = built.table;
    this.width = built.maxCol + 1;
    const size = this.width * this.values.length;
    this.state = new Uint8Array(size);
    this.num = new Float64Array(size);
    const cell = new Int32Array(built.table.n);
    const rowCount = this.values.length;
    for (let i = 0; i < cell.length; i++) {
      const row = built.rows[i];
      const col = built.cols[i];
      cell[i] = row >= 0 && row < rowCount && col >= 0 ? row * this.width + col : -1;
    }
    this.entryCell = cell;
  }

  private indexRecords(year: number | null): void {
    // The reader resolved labels at the sheet's own period; when the engine settles on another year (config.year,
    // or the default preset for a sheet without one) they are resolved again, once per distinct label.
    const readerYear = this.model.period?.year ?? null;
    const trustReader = readerYear !== null && readerYear === year;
    const cache = new Map<string, Resolution>();
    const resolve = (label: string): Resolution => {
      let r = cache.get(label);
      if (r === undefined) {
        r = this.registry.resolve(label, this.asOf ?? undefined);
        cache.set(label, r);
      }
      return r;
    };
    const groupLabels = this.schemeGroupLabels();
    const records = this.model.records;
    const checked = withoutRepeats(this.model);
    for (let index = 0; index < records.length; index++) {
      const record = checked(records[index]);
      let resolution: Resolution | null = record.resolution ?? null;
      if (resolution === null || !trustReader || !this.fromThisRegistry(resolution)) resolution = resolve(record.label);
      const unit = resolution.status === "ok" || resolution.status === "invalid" ? resolution.unit : null;
      const likely = resolution.status === "unknown" ? (resolution.suggestions[0] ?? null) : null;
      const info: RecordInfo = {
        record,
        index,
        resolution,
        key: unitKey(resolution, record.label),
        unit,
        likely,
        name: unit?.name ?? record.label,
        group: null,
        groupScheme: null,
        hidden: record.labelCell !== null && this.hiddenRows.has(record.labelCell.row),
        duplicated: false,
      };
      if (record.kind === "group") {
        const key = normalizeUnitName(record.label).replace(AGGREGATE_PREFIX, "").replace(AGGREGATE_SUFFIX, "");
        const own = groupLabels.get(key) ?? groupLabels.get(normalizeUnitName(record.label));
        if (own !== undefined) {
          info.group = own;
          info.groupScheme = this.scheme;
        } else if (resolution.status === "aggregate" && resolution.kind === "group" && resolution.group !== undefined) {
          info.group = resolution.group;
          info.groupScheme = resolution.scheme ?? this.scheme;
        }
      }
      this.records.push(info);
      if (record.kind === "unit") this.units.push(info);
      else if (record.kind === "total") this.totals.push(info);
      else this.groups.push(info);
    }
    const firstOf = new Map<string, RecordInfo>();
    for (const info of this.units) {
      if (info.key === "") continue;
      const first = firstOf.get(info.key);
      if (first === undefined) firstOf.set(info.key, info);
      else first.duplicated = info.duplicated = true;
    }
  }

  /** Names and aliases of the groups of the context's scheme, for subtotal rows. */
  private schemeGroupLabels(): Map<string, string> {
    const labels = new Map<string, string>();
    const scheme = this.registry.schemes().find((s) => s.id === this.scheme);
    for (const g of scheme?.groups ?? []) {
      for (const label of [g.name, ...(g.aliases ?? [])]) labels.set(normalizeUnitName(label), g.name);
    }
    return labels;
  }

  private fromThisRegistry(r: Resolution): boolean {
    if (r.status === "ok" || r.status === "invalid") return this.registry.byCode(r.unit.code) === r.unit;
    return true;
  }

  get targets(): TargetTable | null {
    if (this.targetTable === null) this.targetTable = this.ownTargets();
    return this.targetTable;
  }

  // ---- Field table ----

  get table(): FieldTable {
    return this.fieldTable;
  }

  private buildTable(): { table: FieldTable; rows: Int32Array; cols: Int32Array; maxCol: number } {
    let n = 0;
    for (const info of this.records) n += info.record.fields.length;
    const record = new Int32Array(n);
    const indicator = new Uint8Array(n);
    const measure = new Uint8Array(n);
    const start = new Int32Array(this.records.length + 1);
    const kind = new Uint8Array(this.records.length);
    const rows = new Int32Array(n);
    const cols = new Int32Array(n);
    let maxCol = 0;
    const unit = new Uint8Array(n);
    const shapeOf = new Int32Array(this.records.length);
    // String → code lookups are cached per column: a table's column always holds one indicator, measure and unit.
    const lastId: (IndicatorId | undefined)[] = [];
    const lastCode: number[] = [];
    const lastMeasure: (Measure | undefined)[] = [];
    const lastMeasureCode: number[] = [];
    const lastUnit: (FieldRef["unit"] | undefined)[] = [];
    const lastUnitCode: number[] = [];
    const shapeIds = new Map<string, number>();
    let i = 0;
    for (let r = 0; r < this.records.length; r++) {
      start[r] = i;
      const rec = this.records[r].record;
      kind[r] = rec.kind === "unit" ? KIND_UNIT : rec.kind === "total" ? KIND_TOTAL : KIND_GROUP;
      const fields = rec.fields;
      for (let k = 0; k < fields.length; k++, i++) {
        const f = fields[k];
        record[i] = r;
        const col = f.col;
        if (lastId[col] !== f.indicator) {
          lastId[col] = f.indicator;
          lastCode[col] = indicatorCode(f.indicator);
        }
        if (lastMeasure[col] !== f.measure) {
          lastMeasure[col] = f.measure;
          lastMeasureCode[col] = M[f.measure];
        }
        indicator[i] = lastCode[col];
        measure[i] = lastMeasureCode[col];
        rows[i] = f.row;
        cols[i] = col;
        if (col > maxCol) maxCol = col;
        if (lastUnit[col] !== f.unit) {
          lastUnit[col] = f.unit;
          lastUnitCode[col] = f.unit !== null && isAmountUnit(f.unit) ? AMOUNT_UNITS.indexOf(f.unit) + 1 : 0;
        }
        unit[i] = lastUnitCode[col];
      }
      shapeOf[r] =
        r > 0 && this.sameShape(indicator, measure, start[r - 1], start[r], i)
          ? shapeOf[r - 1]
          : this.shapeId(indicator, measure, start[r], i, shapeIds);
    }
    start[this.records.length] = i;
    this.entryUnit = unit;
    this.shapeIds = shapeOf;
    return { table: { n, record, indicator, measure, start, kind }, rows, cols, maxCol };
  }

  /** Whether the record at [b, end) lists the same indicators and measures in the same order as the one at [a, b). */
  private sameShape(indicator: Uint8Array, measure: Uint8Array, a: number, b: number, end: number): boolean {
    if (b - a !== end - b) return false;
    for (let k = 0; k < b - a; k++)
      if (indicator[a + k] !== indicator[b + k] || measure[a + k] !== measure[b + k]) return false;
    return true;
  }

  /**
   * Records with the same fields in the same order share a "shape": a lookup from (indicator, measure) to the
   * field's slot, so that finding a sibling field (the target beside a 本期) is one array read. A table has one
   * shape; a ragged model a few.
   */
  private shapeId(
    indicator: Uint8Array,
    measure: Uint8Array,
    from: number,
    to: number,
    ids: Map<string, number>,
  ): number {
    let key = "";
    for (let k = from; k < to; k++) key += `${indicator[k]}.${measure[k]},`;
    let id = ids.get(key);
    if (id === undefined) {
      const lookup = new Int16Array(INDICATOR_DEFS.length * MEASURE_COUNT).fill(-1);
      for (let k = from; k < to; k++) {
        const at = indicator[k] * MEASURE_COUNT + measure[k];
        // Kept as a guard: withoutRepeats leaves out later fields of the same indicator and measure.
        if (lookup[at] < 0) lookup[at] = k - from;
      }
      id = this.shapes.length;
      this.shapes.push(lookup);
      ids.set(key, id);
    }
    return id;
  }

  fieldAt(i: number): FieldRef {
    const r = this.fieldTable.record[i];
    return this.records[r].record.fields[i - this.fieldTable.start[r]];
  }

  infoAt(i: number): RecordInfo {
    return this.records[this.table.record[i]];
  }

  numberAt(i: number): number | null {
    const c = this.entryCell[i];
    if (c < 0) return null;
    this.loadIndex(c);
    const v = this.num[c];
    return v === v ? v : null;
  }

  plainAt(i: number): boolean {
    const c = this.entryCell[i];
    if (c < 0) return false;
    this.loadIndex(c);
    return (this.state[c] & PLAIN) !== 0;
  }

  amountAt(i: number): number | null {
    const c = this.entryCell[i];
    if (c < 0) return null;
    const u = this.entryUnit[i];
    return this.amountOf(
      c,
      INDICATOR_DEFS[this.fieldTable.indicator[i]],
      u === 0 ? null : AMOUNT_UNITS[u - 1],
      c % this.width,
    );
  }

  /**
   * The amount of cell c. A plain number already in the indicator's default unit (the bulk of a sheet) is its own
   * amount and is not stored twice; anything else is computed once and kept in `amt`.
   */
  private amountOf(c: number, def: IndicatorDef, own: AmountUnit | null, col: number): number | null {
    this.loadIndex(c);
    const state = this.state[c];
    if ((state & AMOUNT) !== 0) {
      const v = (this.amt as Float64Array)[c];
      return v === v ? v : null;
    }
    if ((state & PLAIN) !== 0) {
      if (def.kind === "count") return this.num[c];
      if (
        (def.kind === "amount" || def.kind === "foreign-amount") &&
        this.amountUnitOf(def, own, col) === def.defaultUnit
      )
        return this.num[c];
    }
    if (this.amt === null) this.amt = new Float64Array(this.state.length);
    const v = this.computeAmount(c, def, own, col);
    this.amt[c] = v;
    this.state[c] |= AMOUNT;
    return v === v ? v : null;
  }

  targetAt(i: number): number | null {
    const t = this.table;
    const own = this.sibling(i, t.indicator[i], M.target);
    if (own >= 0) return this.amountAt(own);
    // The sheet's own targets are its rows' own cells: only a separate table is looked up by unit.
    if (t.kind[t.record[i]] !== KIND_UNIT || !this.targetsGiven) return null;
    return this.targetFor(this.records[t.record[i]], INDICATOR_DEFS[t.indicator[i]].id)?.value ?? null;
  }

  colAt(i: number): number {
    const c = this.entryCell[i];
    return c < 0 ? -1 : c % this.width;
  }

  sibling(i: number, indicator: number, measure: number): number {
    return this.entryOf(this.table.record[i], indicator, measure);
  }

  shapeOf(r: number): number {
    return this.shapeIds[r];
  }

  entryOf(r: number, indicator: number, measure: number): number {
    const k = this.shapes[this.shapeIds[r]][indicator * MEASURE_COUNT + measure];
    return k < 0 ? -1 : this.fieldTable.start[r] + k;
  }

  // ---- Cells ----

  column(col: number): ColumnMapping | undefined {
    return this.columns.get(col);
  }

  raw(pos: CellPos): CellValue {
    const row = this.values[pos.row];
    return row === undefined ? null : row[pos.col];
  }

  private index(pos: CellPos): number {
    return pos.row >= 0 && pos.row < this.values.length && pos.col >= 0 && pos.col < this.width
      ? pos.row * this.width + pos.col
      : -1;
  }

  /** Parses cell i into the caches, once. */
  private loadIndex(i: number): void {
    if ((this.state[i] & PARSED) !== 0) return;
    const row = (i / this.width) | 0;
    const raw = this.values[row][i - row * this.width];
    // Fast path: most cells are finite JS numbers; they need neither parseCell nor an object.
    if (typeof raw === "number" && raw - raw === 0) {
      this.num[i] = raw === 0 ? 0 : raw;
      this.state[i] = PARSED | PLAIN;
      return;
    }
    const p = parseCell(raw);
    this.objects.set(i, p);
    this.num[i] = p.kind === "number" ? p.value : p.kind === "below-unit" ? 0 : Number.NaN;
    this.state[i] = PARSED;
  }

  private load(pos: CellPos): number {
    const i = this.index(pos);
    if (i >= 0) this.loadIndex(i);
    return i;
  }

  parsed(pos: CellPos): ParsedCell {
    const i = this.load(pos);
    // Outside the cached area (no field there): parsed as asked, not cached.
    if (i < 0) return parseCell(this.raw(pos));
    if ((this.state[i] & PLAIN) !== 0)
      return { kind: "number", value: this.num[i], percent: false, approximate: false, fromText: false };
    return this.objects.get(i) as ParsedCell;
  }

  plain(pos: CellPos): boolean {
    const i = this.load(pos);
    return i >= 0 && (this.state[i] & PLAIN) !== 0;
  }

  number(pos: CellPos): number | null {
    const i = this.load(pos);
    if (i < 0) {
      const p = this.parsed(pos);
      return p.kind === "number" ? p.value : p.kind === "below-unit" ? 0 : null;
    }
    const v = this.num[i];
    return v === v ? v : null;
  }

  amountUnit(field: FieldRef): AmountUnit | null {
    const def = DEF[field.indicator];
    if (def.kind !== "amount" && def.kind !== "foreign-amount") return null;
    return this.amountUnitOf(def, field.unit !== null && isAmountUnit(field.unit) ? field.unit : null, field.col);
  }

  private amountUnitOf(def: IndicatorDef, own: AmountUnit | null, col: number): AmountUnit {
    if (own !== null) return own;
    // Per column (and indicator, in case a transposed form mixes them): asked for every cell of the column.
    const cached = this.unitByColumn[col];
    if (cached !== undefined && cached.indicator === def.id) return cached.unit;
    const defaultUnit = def.defaultUnit as AmountUnit;
    let unit = defaultUnit;
    const declared = this.columns.get(col)?.unit ?? null;
    const line = this.model.unitLine?.unit ?? null;
    if (declared !== null && isAmountUnit(declared)) unit = declared;
    // A unit line of 亿元 says nothing about a 万美元 column: only a unit of the same currency applies.
    else if (line !== null && currencyOf(line) === currencyOf(defaultUnit)) unit = line;
    this.unitByColumn[col] = { indicator: def.id, unit };
    return unit;
  }

  amount(field: FieldRef): number | null {
    const i = this.index(field);
    if (i < 0) return null;
    const own = field.unit !== null && isAmountUnit(field.unit) ? field.unit : null;
    return this.amountOf(i, DEF[field.indicator], own, field.col);
  }

  private computeAmount(i: number, def: IndicatorDef, own: AmountUnit | null, col: number): number {
    const plain = (this.state[i] & PLAIN) !== 0;
    if (def.kind === "amount" || def.kind === "foreign-amount") {
      const from = this.amountUnitOf(def, own, col);
      const to = def.defaultUnit as AmountUnit;
      let v: number | null;
      if (plain) v = this.num[i];
      else v = amountIn(this.objects.get(i) as ParsedCell, from);
      if (v !== null && from !== to) v = convertAmount(v, from, to);
      return v === null ? Number.NaN : v;
    }
    if (def.kind === "count") {
      if (plain) return this.num[i];
      const p = this.objects.get(i) as ParsedCell;
      if (p.kind === "below-unit") return 0;
      if (p.kind !== "number" || p.percent || p.scale !== undefined) return Number.NaN;
      if (p.unit !== undefined && (isAmountUnit(p.unit) || p.unit === "个百分点")) return Number.NaN;
      return p.value;
    }
    return Number.NaN;
  }

  format(pos: CellPos): FormatInfo | null {
    const row = this.formats?.[pos.row];
    if (row === undefined) return null;
    // The section that prints the value decides (a negative or zero may have its own decimals).
    const v = this.values[pos.row]?.[pos.col];
    return formatInfo(row[pos.col], typeof v === "number" ? v : undefined);
  }

  formatAt(i: number): FormatInfo | null {
    const c = this.entryCell[i];
    if (this.formats === undefined || c < 0) return null;
    const row = (c / this.width) | 0;
    return this.format({ row, col: c - row * this.width });
  }

  decimalsAt(i: number): number {
    const c = this.entryCell[i];
    return c < 0 ? 0 : this.decimalsOfCell(c);
  }

  printedDecimalsAt(i: number): number {
    const c = this.entryCell[i];
    if (c < 0) return 0;
    const own = this.decimalsOfCell(c);
    if ((this.state[c] & PLAIN) === 0) return own;
    if (this.formats !== undefined) {
      const row = (c / this.width) | 0;
      if (this.format({ row, col: c - row * this.width }) !== null) return own;
    }
    return Math.max(own, this.columnDecimals(c % this.width));
  }

  decimals(pos: CellPos): number {
    const i = this.load(pos);
    return i < 0 ? 0 : this.decimalsOfCell(i);
  }

  private decimalsOfCell(i: number): number {
    this.loadIndex(i);
    if ((this.state[i] & PLAIN) !== 0) {
      // A number format decides what is printed; it does not apply to text, which shows as typed.
      const row = (i / this.width) | 0;
      const f = this.formats === undefined ? null : this.format({ row, col: i - row * this.width });
      return f !== null ? f.decimals : decimalsOf(this.num[i]);
    }
    const p = this.objects.get(i) as ParsedCell;
    if (p.kind !== "number") return 0;
    // "12.5%" prints one decimal of the percentage, whatever its fraction is.
    if (p.fromText && p.text !== undefined) return decimalsOfText(p.text);
    return decimalsOf(p.value);
  }

  halfUnit(field: FieldRef): number {
    const def = DEF[field.indicator];
    // Counts are exact: 29 projects is not 29 ± 0.5.
    if (def.kind === "count") return 0;
    // The column's precision, not the cell's: 59 in a column of 2-decimal figures was printed as 59.00.
    const half = unitOfDecimals(this.printedDecimals(field)) / 2;
    if (def.kind !== "amount" && def.kind !== "foreign-amount") return half;
    const from = this.amountUnitOf(def, field.unit !== null && isAmountUnit(field.unit) ? field.unit : null, field.col);
    const to = def.defaultUnit as AmountUnit;
    return from === to ? half : (convertAmount(half, from, to) ?? half);
  }

  printedDecimals(pos: CellPos): number {
    const own = this.decimals(pos);
    // A number format or a typed text says exactly what is printed: a subtotal formatted 0.0 among 0.00 figures
    // carries ±0.05 of its own. Only a bare number (no format) takes its column's precision.
    if (!this.plain(pos) || this.format(pos) !== null) return own;
    return Math.max(own, this.columnDecimals(pos.col));
  }

  columnDecimals(col: number): number {
    let all = this.decimalsByColumn;
    if (all === null) {
      // One pass over every figure of every record, on first use.
      all = new Map<number, number>();
      const t = this.table;
      for (let i = 0; i < t.n; i++) {
        if (this.numberAt(i) === null) continue;
        const d = this.decimalsAt(i);
        const col = this.colAt(i);
        const seen = all.get(col);
        if (seen === undefined || d > seen) all.set(col, d);
      }
      this.decimalsByColumn = all;
    }
    return Math.min(all.get(col) ?? 0, MAX_DECIMALS);
  }

  field(record: DataRecord, indicator: IndicatorId, measure: Measure): FieldRef | undefined {
    const fields = record.fields;
    for (let k = 0; k < fields.length; k++) {
      const f = fields[k];
      if (f.indicator === indicator && f.measure === measure) return f;
    }
    return undefined;
  }

  targetFor(info: RecordInfo, indicator: IndicatorId): TargetValue | undefined {
    const table = this.targets;
    if (table === null || table.byUnit.size === 0 || info.duplicated) return undefined;
    let entry = this.targetEntries[info.index];
    if (entry === undefined) {
      // By unit code first; a table keyed by labels the registry does not know falls back to the label.
      entry = table.byUnit.get(info.key) ?? table.byUnit.get(normalizeUnitName(info.record.label)) ?? null;
      this.targetEntries[info.index] = entry;
    }
    return entry === null ? undefined : entry[indicator];
  }

  targetValue(info: RecordInfo, indicator: IndicatorId): number | null {
    const own = this.field(info.record, indicator, "target");
    if (own !== undefined) return this.amount(own);
    if (info.record.kind !== "unit" || !this.targetsGiven) return null;
    return this.targetFor(info, indicator)?.value ?? null;
  }

  targetInput(info: RecordInfo, indicator: IndicatorId): TargetInput | null {
    const own = this.field(info.record, indicator, "target");
    if (own !== undefined) {
      const v = this.amount(own);
      return v === null ? null : { value: v, pos: { row: own.row, col: own.col } };
    }
    if (info.record.kind !== "unit" || !this.targetsGiven) return null;
    const t = this.targetFor(info, indicator);
    if (t === undefined || t.value === null) return null;
    return { value: t.value, pos: null };
  }

  inColumnUnit(field: FieldRef, value: number): number {
    const unit = this.amountUnit(field);
    if (unit === null) return value;
    const from = DEF[field.indicator].defaultUnit as AmountUnit;
    return unit === from ? value : (convertAmount(value, from, unit) ?? value);
  }

  display(field: FieldRef, value: number): Bilingual {
    const def = DEF[field.indicator];
    if (def.kind === "count") return amountText(value, "个", decimalsOf(value) === 0 ? 0 : 2);
    if (def.kind === "rate") return { zh: `${fixed(value * 100, 2)}%`, en: `${fixed(value * 100, 2)}%` };
    return amountText(this.inColumnUnit(field, value), this.amountUnit(field) as AmountUnit, 2);
  }

  groupPath(unit: UnitRecord, scheme: string = this.scheme): readonly string[] {
    const key = `${scheme}\u0000${unit.code}`;
    let path = this.paths.get(key);
    if (path === undefined) {
      try {
        path = this.registry.groupPath(unit, scheme);
      } catch {
        path = [];
      }
      this.paths.set(key, path);
    }
    return path;
  }

  memo<T>(key: string, compute: () => T): T {
    if (this.memos.has(key)) return this.memos.get(key) as T;
    const value = compute();
    this.memos.set(key, value);
    return value;
  }

  cell(pos: CellPos): string {
    // A finding asks twice for its own cell (message and Finding.cell): the last address is kept.
    if (pos.row === this.lastRow && pos.col === this.lastCol) return this.lastCell;
    this.lastRow = pos.row;
    this.lastCol = pos.col;
    this.lastCell = `${columnLetters(this.originCol + pos.col)}${this.originRow + pos.row + 1}`;
    return this.lastCell;
  }

  subject(
    pos: CellPos | null,
    info?: RecordInfo | null,
    field?: { indicator: IndicatorId; measure: Measure } | null,
  ): Bilingual {
    // Built by plain concatenation: this runs once per finding, and 100,000-row sheets can have that many.
    const cell = pos === null ? "" : this.cell(pos);
    let zh = pos === null ? this.sheetZh : this.sheetZh + cell;
    let en = pos === null ? `Sheet ${this.sheet}` : this.sheetEn + cell;
    let zhParts = "";
    let enParts = "";
    if (info) {
      zhParts = info.name;
      enParts = info.name;
    }
    if (field) {
      const name = fieldName(field.indicator, field.measure);
      zhParts = zhParts === "" ? name.zh : `${zhParts}，${name.zh}`;
      enParts = enParts === "" ? name.en : `${enParts}, ${name.en}`;
    }
    if (pos !== null && this.hiddenRows.size > 0 && this.hiddenRows.has(pos.row)) {
      zhParts = zhParts === "" ? "隐藏行" : `${zhParts}，隐藏行`;
      enParts = enParts === "" ? "hidden row" : `${enParts}, hidden row`;
    }
    if (zhParts !== "") {
      zh = `${zh}（${zhParts}）`;
      en = `${en} (${enParts})`;
    }
    return { zh, en };
  }

  finding(input: FindingInput): Finding {
    const at = input.at;
    const f: Finding = {
      rule: input.rule,
      severity: input.severity,
      sheet: this.sheet,
      cell: at === null ? null : this.cell(at),
      row: at === null ? null : this.originRow + at.row + 1,
      column: at === null ? null : columnLetters(this.originCol + at.col),
      unit: input.unit !== undefined ? input.unit : (input.record?.name ?? null),
      indicator: input.indicator ?? null,
      value: input.value !== undefined ? input.value : at === null ? null : findingValue(this.raw(at)),
      message: input.message,
      details: input.details,
    };
    if (input.expected !== undefined) f.expected = input.expected;
    // Only for the cell's own value: the report prints it (and 应为) with the sheet's format.
    const format = at === null || input.value !== undefined ? null : this.formats?.[at.row]?.[at.col];
    if (typeof format === "string" && formatInfo(format) !== null) f.valueFormat = format;
    if (input.related !== undefined && input.related.length > 0) f.related = input.related.map((p) => this.cell(p));
    return f;
  }
}

/**
 * A record as the rules see it: a later field with the same indicator and measure as an earlier one (a second row
 * read as 正式合同额 on a one-district form, a second 到位资金本期 column) is left out. Its sibling lookups would
 * reach the first field's inputs, so checking it would compare one row's rate with another row's figures;
 * duplicate-mapping reports it as unchecked until the user maps it. A table without repeated columns (nearly all)
 * keeps its records as they are.
 */
function withoutRepeats(model: SheetModel): (record: DataRecord) => DataRecord {
  const keyOf = (f: { indicator: IndicatorId; measure: Measure }) => `${f.indicator}|${f.measure}`;
  if (model.layout === "table") {
    const seen = new Set<string>();
    const repeated = new Set<number>();
    for (const c of model.columns) {
      if (c.indicator === null || c.measure === null) continue;
      const key = keyOf({ indicator: c.indicator, measure: c.measure });
      if (seen.has(key)) repeated.add(c.col);
      else seen.add(key);
    }
    if (repeated.size === 0) return (record) => record;
    return (record) => ({ ...record, fields: record.fields.filter((f) => !repeated.has(f.col)) });
  }
  return (record) => {
    const seen = new Set<string>();
    const fields = record.fields.filter((f) => {
      const key = keyOf(f);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    return fields.length === record.fields.length ? record : { ...record, fields };
  };
}

export function createContext(options: ContextOptions): RuleContext {
  return new Context(options);
}
