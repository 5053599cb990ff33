import { IndicatorId } from "../../catalog";
import * as numbers from "../../numbers";
import { FieldRef, Measure } from "../../sheet/types";
import * as codes from "../helpers/codes";
import { RecordInfo } from "./records";

// Imported bindings are property getters under the CommonJS transform (jest, tsx): hot loops read local copies.
const { AMOUNT_UNITS, isAmountUnit } = numbers;
const { INDICATOR_DEFS, M, indicatorCode } = codes;

const MEASURE_COUNT = codes.MEASURES.length;

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

/** What rules read of the field table. */
export interface FieldTableView {
  /** The fields of all records as typed arrays. */
  readonly table: FieldTable;
  fieldAt(i: number): FieldRef;
  infoAt(i: number): RecordInfo;
  /** The sheet column of entry i (-1 when the field lies outside the grid). */
  colAt(i: number): number;
  /** The entry of the same record with this indicator and measure code, or -1. */
  sibling(i: number, indicator: number, measure: number): number;
  /** The entry of record r with this indicator and measure code, or -1. */
  entryOf(r: number, indicator: number, measure: number): number;
  /** Records with the same fields in the same order share a shape id (a table has one): per-shape work is done once. */
  shapeOf(r: number): number;
}

/**
 * The field table of a sheet, with each entry's cell in the per-cell caches (row × width + col) and the amount
 * unit its field declares.
 */
export class FieldIndex implements FieldTableView {
  readonly table: FieldTable;
  /** Columns covered by the per-cell caches: up to the rightmost field (a used range may run far to the right). */
  readonly width: number;
  /** Per entry: the cell index (-1 outside the grid). */
  readonly cell: Int32Array;
  /** Per entry: the field's own amount unit (0 none, else index in AMOUNT_UNITS + 1). */
  readonly unit: Uint8Array;
  /** Shape per record (see shapeId) and each shape's (indicator, measure) → slot lookup. */
  private readonly shapeIds: Int32Array;
  private readonly shapes: Int16Array[] = [];

  constructor(
    private readonly records: readonly RecordInfo[],
    rowCount: number,
  ) {
    let n = 0;
    for (const info of records) n += info.record.fields.length;
    const record = new Int32Array(n);
    const indicator = new Uint8Array(n);
    const measure = new Uint8Array(n);
    const start = new Int32Array(records.length + 1);
    const kind = new Uint8Array(records.length);
    const rows = new Int32Array(n);
    const cols = new Int32Array(n);
    let maxCol = 0;
    const unit = new Uint8Array(n);
    const shapeOf = new Int32Array(records.length);
    // String → code lookups are cached per column: a table's column always holds one indicator, measure and unit.
    const lastId: (IndicatorId | undefined)[] = [];
    const lastCode: number[] = [];
    const lastMeasure: (Measure | undefined)[] = [];
    const lastMeasureCode: number[] = [];
    const lastUnit: (FieldRef["unit"] | undefined)[] = [];
    const lastUnitCode: number[] = [];
    const shapeIds = new Map<string, number>();
    let i = 0;
    for (let r = 0; r < records.length; r++) {
      start[r] = i;
      const rec = records[r].record;
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
        r > 0 && sameShape(indicator, measure, start[r - 1], start[r], i)
          ? shapeOf[r - 1]
          : this.shapeId(indicator, measure, start[r], i, shapeIds);
    }
    start[records.length] = i;
    this.table = { n, record, indicator, measure, start, kind };
    this.unit = unit;
    this.shapeIds = shapeOf;
    this.width = maxCol + 1;
    const cell = new Int32Array(n);
    for (let e = 0; e < n; e++) {
      const row = rows[e];
      const col = cols[e];
      cell[e] = row >= 0 && row < rowCount && col >= 0 ? row * this.width + col : -1;
    }
    this.cell = cell;
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
        // Kept as a guard: records come without repeats (see withoutRepeats).
        if (lookup[at] < 0) lookup[at] = k - from;
      }
      id = this.shapes.length;
      this.shapes.push(lookup);
      ids.set(key, id);
    }
    return id;
  }

  fieldAt(i: number): FieldRef {
    const r = this.table.record[i];
    return this.records[r].record.fields[i - this.table.start[r]];
  }

  infoAt(i: number): RecordInfo {
    return this.records[this.table.record[i]];
  }

  colAt(i: number): number {
    const c = this.cell[i];
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
    return k < 0 ? -1 : this.table.start[r] + k;
  }
}

/** Whether the record at [b, end) lists the same indicators and measures in the same order as the one at [a, b). */
function sameShape(indicator: Uint8Array, measure: Uint8Array, a: number, b: number, end: number): boolean {
  if (b - a !== end - b) return false;
  for (let k = 0; k < b - a; k++) if (indicator[a + k] !== indicator[b + k] || measure[a + k] !== measure[b + k]) return false;
  return true;
}
