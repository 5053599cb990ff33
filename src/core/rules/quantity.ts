import { Bilingual } from "../i18n";
import { AmountUnit } from "../numbers";
import { FieldRef } from "../sheet/types";
import { RuleContext } from "./context";
import { DEF } from "./helpers/defs";
import { amountText, fixed } from "./helpers/format";
import { decimalsOf } from "./helpers/precision";

/**
 * A figure in a finding's details, as the sheet states it: an amount in its column's unit (亿元, 万元, 万美元), a
 * count in 个, a rate in % (59.39 for 59.39%). Scripts read these instead of the message's prose.
 */
export interface Quantity {
  value: number;
  unit: AmountUnit | "个" | "%";
}

/** Twelve significant digits: enough for any sheet, without the binary noise of a unit conversion (38.976000000001). */
export function clean(x: number): number {
  const r = Number(x.toPrecision(12));
  return Object.is(r, -0) ? 0 : r;
}

/** A value in the indicator's default unit (as the rules compute) as the field's column states it. */
export function quantityOf(ctx: RuleContext, field: FieldRef, value: number): Quantity {
  const kind = DEF[field.indicator].kind;
  if (kind === "count") return { value: clean(value), unit: "个" };
  if (kind === "rate") return { value: clean(value * 100), unit: "%" };
  return { value: clean(ctx.inColumnUnit(field, value)), unit: ctx.amountUnit(field) as AmountUnit };
}

/** "38.98亿元", "29个", "59.39%": how messages print a quantity (amounts with 2 decimals, counts as they are). */
export function quantityText(q: Quantity, decimals = 2): Bilingual {
  if (q.unit === "个") return amountText(q.value, "个", decimalsOf(q.value) === 0 ? 0 : 2);
  if (q.unit === "%") {
    const t = `${fixed(q.value, 2)}%`;
    return { zh: t, en: t };
  }
  return amountText(q.value, q.unit, decimals);
}
