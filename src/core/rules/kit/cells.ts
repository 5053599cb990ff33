import { IndicatorDef } from "../../catalog";
import { AmountUnit, CellValue, ParsedCell } from "../../numbers";
import * as numbers from "../../numbers";
import { CellPos } from "../../sheet/types";
import * as codes from "../helpers/codes";
import { ColumnUnits } from "./column-units";
import { FieldIndex } from "./field-table";

// Imported bindings are property getters under the CommonJS transform (jest, tsx): hot loops read local copies.
const { AMOUNT_UNITS, amountIn, convertAmount, parseCell } = numbers;
const { INDICATOR_DEFS } = codes;

/** What rules read of a field's cell, by field-table entry. */
export interface CellReads {
  /** The cell of entry i as the source handed it. */
  rawAt(i: number): CellValue;
  /** The cell of entry i parsed (once: the same object comes back). */
  parsedAt(i: number): ParsedCell;
  /** The figure as written ("12.5%" → 0.125, "…" → 0); null for blanks, errors and text. Units not converted. */
  numberAt(i: number): number | null;
  /** The cell holds a finite JS number as handed over by the source (no text, no parsing needed). */
  plainAt(i: number): boolean;
  /** An amount in its indicator's default unit (亿元, 万美元) using the column's declared unit; counts as is. */
  amountAt(i: number): number | null;
}

// Parse-state flags per cell.
const PARSED = 1;
const PLAIN = 2; // a JS number as the source handed it: no ParsedCell object is kept
const AMOUNT = 4; // amount cached

/**
 * Per-cell parse results, figures and amounts, worked out at most once per cell and shared by every rule. Cells
 * are kept in typed arrays indexed row × width + col over the rows of the grid and the columns that hold fields.
 */
export class CellCache implements CellReads {
  private readonly values: CellValue[][];
  private readonly width: number;
  /** Per cell: PARSED | PLAIN | AMOUNT flags, the figure as written, the amount. */
  private readonly state: Uint8Array;
  private readonly num: Float64Array;
  /** Amounts that differ from the figure as written (a unit conversion, a parsed text); allocated on first need. */
  private amt: Float64Array | null = null;
  /** Parse results of cells that are not plain numbers (text, blanks, errors): few in a real sheet. */
  private readonly objects = new Map<number, ParsedCell>();

  constructor(
    values: CellValue[][],
    private readonly fields: FieldIndex,
    private readonly units: ColumnUnits,
  ) {
    this.values = values;
    this.width = fields.width;
    const size = this.width * values.length;
    this.state = new Uint8Array(size);
    this.num = new Float64Array(size);
  }

  /** The cell of a grid position, whether or not a field lies there. */
  raw(pos: CellPos): CellValue {
    const row = this.values[pos.row];
    return row === undefined ? null : row[pos.col];
  }

  rawAt(i: number): CellValue {
    const f = this.fields.fieldAt(i);
    return this.raw(f);
  }

  parsedAt(i: number): ParsedCell {
    const c = this.fields.cell[i];
    // Outside the grid: parsed as asked, not cached.
    if (c < 0) return parseCell(this.rawAt(i));
    this.load(c);
    if ((this.state[c] & PLAIN) !== 0)
      return { kind: "number", value: this.num[c], percent: false, approximate: false, fromText: false };
    return this.objects.get(c) as ParsedCell;
  }

  numberAt(i: number): number | null {
    const c = this.fields.cell[i];
    if (c < 0) return null;
    this.load(c);
    const v = this.num[c];
    return v === v ? v : null;
  }

  plainAt(i: number): boolean {
    const c = this.fields.cell[i];
    if (c < 0) return false;
    this.load(c);
    return (this.state[c] & PLAIN) !== 0;
  }

  amountAt(i: number): number | null {
    const c = this.fields.cell[i];
    if (c < 0) return null;
    const u = this.fields.unit[i];
    return this.amountOf(c, INDICATOR_DEFS[this.fields.table.indicator[i]], u === 0 ? null : AMOUNT_UNITS[u - 1]);
  }

  // ---- By cell index, for the printed-precision module ----

  /** Number of cells covered by the caches (rows × width). */
  get size(): number {
    return this.state.length;
  }

  /** Parses cell c into the caches, once. */
  load(c: number): void {
    if ((this.state[c] & PARSED) !== 0) return;
    const row = (c / this.width) | 0;
    const raw = this.values[row][c - row * this.width];
    // Fast path: most cells are finite JS numbers; they need neither parseCell nor an object.
    if (typeof raw === "number" && raw - raw === 0) {
      this.num[c] = raw === 0 ? 0 : raw;
      this.state[c] = PARSED | PLAIN;
      return;
    }
    const p = parseCell(raw);
    this.objects.set(c, p);
    this.num[c] = p.kind === "number" ? p.value : p.kind === "below-unit" ? 0 : Number.NaN;
    this.state[c] = PARSED;
  }

  /** Cell c (loaded) is a plain number. */
  isPlain(c: number): boolean {
    return (this.state[c] & PLAIN) !== 0;
  }

  /** The figure of cell c (loaded), NaN when none. */
  figure(c: number): number {
    return this.num[c];
  }

  /** The parse result of cell c (loaded) when it is not a plain number. */
  parsedObject(c: number): ParsedCell {
    return this.objects.get(c) as ParsedCell;
  }

  /** The raw value of cell c. */
  rawOf(c: number): CellValue {
    const row = (c / this.width) | 0;
    return this.values[row][c - row * this.width];
  }

  /**
   * The amount of cell c. A plain number already in the indicator's default unit (the bulk of a sheet) is its own
   * amount and is not stored twice; anything else is computed once and kept in `amt`.
   */
  private amountOf(c: number, def: IndicatorDef, own: AmountUnit | null): number | null {
    this.load(c);
    const state = this.state[c];
    if ((state & AMOUNT) !== 0) {
      const v = (this.amt as Float64Array)[c];
      return v === v ? v : null;
    }
    if ((state & PLAIN) !== 0) {
      if (def.kind === "count") return this.num[c];
      if (
        (def.kind === "amount" || def.kind === "foreign-amount") &&
        this.units.unitOf(def, own, c % this.width) === def.defaultUnit
      )
        return this.num[c];
    }
    if (this.amt === null) this.amt = new Float64Array(this.state.length);
    const v = this.computeAmount(c, def, own);
    this.amt[c] = v;
    this.state[c] |= AMOUNT;
    return v === v ? v : null;
  }

  private computeAmount(c: number, def: IndicatorDef, own: AmountUnit | null): number {
    const plain = (this.state[c] & PLAIN) !== 0;
    if (def.kind === "amount" || def.kind === "foreign-amount") {
      const from = this.units.unitOf(def, own, c % this.width);
      const to = def.defaultUnit as AmountUnit;
      let v: number | null;
      if (plain) v = this.num[c];
      else v = amountIn(this.objects.get(c) as ParsedCell, from);
      if (v !== null && from !== to) v = convertAmount(v, from, to);
      return v === null ? Number.NaN : v;
    }
    if (def.kind === "count") {
      if (plain) return this.num[c];
      const p = this.objects.get(c) as ParsedCell;
      if (p.kind === "below-unit") return 0;
      if (p.kind !== "number" || p.percent || p.scale !== undefined) return Number.NaN;
      if (p.unit !== undefined && (numbers.isAmountUnit(p.unit) || p.unit === "个百分点")) return Number.NaN;
      return p.value;
    }
    return Number.NaN;
  }
}
