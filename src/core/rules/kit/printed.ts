import { AmountUnit, CellValue, ParsedCell } from "../../numbers";
import * as numbers from "../../numbers";
import * as codes from "../helpers/codes";
import { FormatInfo } from "../helpers/precision";
import * as precision from "../helpers/precision";
import { CellCache } from "./cells";
import { ColumnUnits } from "./column-units";
import { FieldIndex } from "./field-table";

// Imported bindings are property getters under the CommonJS transform (jest, tsx): hot loops read local copies.
const { AMOUNT_UNITS, convertAmount } = numbers;
const { INDICATOR_DEFS } = codes;
const { MAX_DECIMALS, decimalsOf, decimalsOfText, formatInfo, unitOfDecimals } = precision;

/** What rules read of how a field's figure is printed, by field-table entry. */
export interface PrintedPrecision {
  /** Number format information of entry i's cell (the section that applies to its value), when it has a meaningful format. */
  formatAt(i: number): FormatInfo | null;
  /** Decimals entry i's cell shows by itself: its number format, its text as typed, or its value. */
  decimalsAt(i: number): number;
  /**
   * Decimals entry i's cell is printed to: its number format or its text when it has one, else its own or its
   * column's when that shows more (a bare 59 among 2-decimal figures).
   */
  printedDecimalsAt(i: number): number;
  /** Half a unit of entry i's last printed digit (see printedDecimalsAt), in the indicator's default unit; 0 for counts. */
  halfUnitAt(i: number): number;
}

/** Printed precision of the sheet's figures: number formats, typed decimals and each column's rounding unit. */
export class Printed implements PrintedPrecision {
  private readonly formats: (string | null | undefined)[][] | undefined;
  private readonly width: number;
  /** Most decimals per column (capped at MAX_DECIMALS), filled on first use. */
  private decimalsByColumn: Int8Array | null = null;
  /** Decimals per cell, -1 until worked out: the column pass and total-mismatch ask for every figure. */
  private readonly decimalsCache: Int8Array;

  constructor(
    formats: (string | null | undefined)[][] | undefined,
    private readonly fields: FieldIndex,
    private readonly cells: CellCache,
    private readonly units: ColumnUnits,
  ) {
    this.formats = formats;
    this.width = fields.width;
    this.decimalsCache = new Int8Array(cells.size).fill(-1);
  }

  /** The format string of cell c, when the sheet has formats. */
  private formatOf(c: number, value: CellValue): FormatInfo | null {
    const row = this.formats?.[(c / this.width) | 0];
    if (row === undefined) return null;
    // The section that prints the value decides (a negative or zero may have its own decimals).
    return formatInfo(row[c % this.width], typeof value === "number" ? value : undefined);
  }

  formatAt(i: number): FormatInfo | null {
    const c = this.fields.cell[i];
    if (this.formats === undefined || c < 0) return null;
    return this.formatOf(c, this.cells.rawOf(c));
  }

  decimalsAt(i: number): number {
    const c = this.fields.cell[i];
    return c < 0 ? 0 : this.decimalsOfCell(c);
  }

  printedDecimalsAt(i: number): number {
    const c = this.fields.cell[i];
    if (c < 0) return 0;
    const own = this.decimalsOfCell(c);
    // A number format or a typed text says exactly what is printed: a subtotal formatted 0.0 among 0.00 figures
    // carries ±0.05 of its own. Only a bare number (no format) takes its column's precision.
    if (!this.cells.isPlain(c)) return own;
    if (this.formats !== undefined && this.formatOf(c, this.cells.rawOf(c)) !== null) return own;
    return Math.max(own, this.columnDecimals(c % this.width));
  }

  halfUnitAt(i: number): number {
    const def = INDICATOR_DEFS[this.fields.table.indicator[i]];
    // Counts are exact: 29 projects is not 29 ± 0.5.
    if (def.kind === "count") return 0;
    // The column's precision, not the cell's: 59 in a column of 2-decimal figures was printed as 59.00.
    const half = unitOfDecimals(this.printedDecimalsAt(i)) / 2;
    if (def.kind !== "amount" && def.kind !== "foreign-amount") return half;
    const u = this.fields.unit[i];
    const from = this.units.unitOf(def, u === 0 ? null : AMOUNT_UNITS[u - 1], this.fields.colAt(i));
    const to = def.defaultUnit as AmountUnit;
    return from === to ? half : (convertAmount(half, from, to) ?? half);
  }

  private decimalsOfCell(c: number): number {
    let d = this.decimalsCache[c];
    if (d < 0) {
      d = this.computeDecimals(c);
      this.decimalsCache[c] = d;
    }
    return d;
  }

  private computeDecimals(c: number): number {
    this.cells.load(c);
    if (this.cells.isPlain(c)) {
      // A number format decides what is printed; it does not apply to text, which shows as typed.
      const f = this.formats === undefined ? null : this.formatOf(c, this.cells.rawOf(c));
      return f !== null ? f.decimals : decimalsOf(this.cells.figure(c));
    }
    const p: ParsedCell = this.cells.parsedObject(c);
    if (p.kind !== "number") return 0;
    // "12.5%" prints one decimal of the percentage, whatever its fraction is.
    if (p.fromText && p.text !== undefined) return decimalsOfText(p.text);
    return decimalsOf(p.value);
  }

  /** Most decimals printed in a column (all record rows): its rounding unit. */
  private columnDecimals(col: number): number {
    let all = this.decimalsByColumn;
    if (all === null) {
      // One pass over every figure of every record, on first use.
      all = new Int8Array(this.width);
      const t = this.fields.table;
      for (let i = 0; i < t.n; i++) {
        if (this.cells.numberAt(i) === null) continue;
        const d = Math.min(this.decimalsAt(i), MAX_DECIMALS);
        const column = this.fields.colAt(i);
        if (d > all[column]) all[column] = d;
      }
      this.decimalsByColumn = all;
    }
    return all[col];
  }
}
