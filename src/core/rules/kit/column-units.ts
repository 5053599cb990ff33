import { IndicatorDef } from "../../catalog";
import { AmountUnit } from "../../numbers";
import * as numbers from "../../numbers";
import { ColumnMapping, FieldRef, SheetModel } from "../../sheet/types";
import { DEF } from "../helpers/defs";

const { convertAmount, currencyOf, isAmountUnit } = numbers;

/** What rules read of the units amounts are written in. */
export interface ColumnUnitsView {
  /** The amount unit of the field's column (亿元 when nothing says otherwise); null for counts and rates. */
  amountUnit(field: FieldRef): AmountUnit | null;
  /** A value in the indicator's default unit expressed in the column's own unit (38.976亿元 → 389760 in 万元). */
  inColumnUnit(field: FieldRef, value: number): number;
}

/**
 * The unit each column's amounts are written in: the field's own unit, else the column's declared unit, else the
 * sheet's unit line when it is of the indicator's currency, else the indicator's default unit.
 */
export class ColumnUnits implements ColumnUnitsView {
  private readonly columns = new Map<number, ColumnMapping>();
  private readonly unitByColumn: ({ indicator: IndicatorDef["id"]; unit: AmountUnit } | undefined)[] = [];
  private readonly unitLine: AmountUnit | null;

  constructor(model: SheetModel) {
    for (const c of model.columns) this.columns.set(c.col, c);
    this.unitLine = model.unitLine?.unit ?? null;
  }

  amountUnit(field: FieldRef): AmountUnit | null {
    const def = DEF[field.indicator];
    if (def.kind !== "amount" && def.kind !== "foreign-amount") return null;
    return this.unitOf(def, field.unit !== null && isAmountUnit(field.unit) ? field.unit : null, field.col);
  }

  /** The unit of an amount field of indicator `def` with its own unit `own` in column `col`. */
  unitOf(def: IndicatorDef, own: AmountUnit | null, col: number): AmountUnit {
    if (own !== null) return own;
    // Per column (and indicator, in case a transposed form mixes them): asked for every cell of the column.
    const cached = this.unitByColumn[col];
    if (cached !== undefined && cached.indicator === def.id) return cached.unit;
    const defaultUnit = def.defaultUnit as AmountUnit;
    let unit = defaultUnit;
    const declared = this.columns.get(col)?.unit ?? null;
    const line = this.unitLine;
    if (declared !== null && isAmountUnit(declared)) unit = declared;
    // A unit line of 亿元 says nothing about a 万美元 column: only a unit of the same currency applies.
    else if (line !== null && currencyOf(line) === currencyOf(defaultUnit)) unit = line;
    this.unitByColumn[col] = { indicator: def.id, unit };
    return unit;
  }

  inColumnUnit(field: FieldRef, value: number): number {
    const unit = this.amountUnit(field);
    if (unit === null) return value;
    const from = DEF[field.indicator].defaultUnit as AmountUnit;
    return unit === from ? value : (convertAmount(value, from, unit) ?? value);
  }
}
