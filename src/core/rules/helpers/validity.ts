import { RecordInfo, RuleContext } from "../context";

/**
 * A unit outside its validity at the sheet's date (江北区 or 渝北区 in a 2026 sheet). As a statistician reads the
 * sheet, such a row is a leftover of an old template: invalid-unit flags it once, it is not part of the period's
 * totals, and no figure is demanded for it.
 */
export function outsideValidity(info: RecordInfo): boolean {
  return info.resolution !== null && info.resolution.status === "invalid";
}

/**
 * The end of the same period a year earlier (2026-06-30 → 2025-06-30): a unit valid only after that date did not
 * exist as such then (两江新区 as a district). Null when the sheet's date is unknown.
 */
export function previousPeriodEnd(ctx: RuleContext): string | null {
  return ctx.asOf === null ? null : `${Number(ctx.asOf.slice(0, 4)) - 1}${ctx.asOf.slice(4)}`;
}
