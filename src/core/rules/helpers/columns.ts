import { FieldRef } from "../../sheet/types";
import * as codes from "./codes";
import { RuleContext } from "../context";
import * as context from "../context";

// Imported bindings are property getters under the CommonJS transform (jest, tsx): hot loops read local copies.
const { IS_RATE, M } = codes;
const { KIND_UNIT } = context;

/** The figures of one column over the unit rows, in the indicator's default unit. */
export interface UnitColumn {
  col: number;
  /** The first field seen in the column: its indicator, measure and unit stand for the column. */
  field: FieldRef;
  indicator: number;
  measure: number;
  n: number;
  values: Float64Array;
  /** The field-table entry of each value. */
  entry: Int32Array;
}

/**
 * Amount and count columns (本期, 上年同期, 目标) of the unit rows as typed arrays, built once and shared by the
 * column statistics (unit-slip medians, outliers). Blanks and text are left out. A transposed form (one record)
 * gives one-value columns that no statistic uses. Work per record shape: which slot feeds which column is settled
 * once for a table's 100,000 rows.
 */
export function unitColumns(ctx: RuleContext): readonly UnitColumn[] {
  return ctx.memo("unit-columns", () => {
    const t = ctx.table;
    const capacity = ctx.units.length;
    const byCol = new Map<number, UnitColumn>();
    const slotsByShape = new Map<number, (UnitColumn | null)[]>();
    for (let r = 0; r < ctx.records.length; r++) {
      if (t.kind[r] !== KIND_UNIT) continue;
      const start = t.start[r];
      const end = t.start[r + 1];
      const shape = ctx.shapeOf(r);
      let slots = slotsByShape.get(shape);
      if (slots === undefined) {
        slots = [];
        for (let i = start; i < end; i++) {
          const m = t.measure[i];
          const counted =
            (m === M.current || m === M.previous || m === M.target) && !IS_RATE[t.indicator[i]] && ctx.colAt(i) >= 0;
          let c: UnitColumn | null = null;
          if (counted) {
            const col = ctx.colAt(i);
            c = byCol.get(col) ?? null;
            if (c === null) {
              c = {
                col,
                field: ctx.fieldAt(i),
                indicator: t.indicator[i],
                measure: m,
                n: 0,
                values: new Float64Array(capacity),
                entry: new Int32Array(capacity),
              };
              byCol.set(col, c);
            }
          }
          slots.push(c);
        }
        slotsByShape.set(shape, slots);
      }
      for (let k = 0; k < slots.length; k++) {
        const c = slots[k];
        if (c === null) continue;
        const v = ctx.amountAt(start + k);
        // Only a malformed model puts two fields of one record in one column; the column keeps one value per unit.
        if (v === null || c.n === capacity) continue;
        c.values[c.n] = v;
        c.entry[c.n] = start + k;
        c.n++;
      }
    }
    return [...byCol.values()];
  });
}
