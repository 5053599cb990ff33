import { RecordInfo, RuleContext } from "../context";
import { FieldRef } from "../../sheet/types";
import { indicatorCode, M } from "./codes";

/*
 * Figures by FieldRef, for checks that walk a record's own fields and compare them with another sheet's (the
 * previous-period comparison, consolidation): the kit reads by field-table entry, and these find the entry.
 */

/** The field-table entry of a record's field, or -1 when the record has no such indicator and measure. */
export function entryOfField(ctx: RuleContext, info: RecordInfo, field: Pick<FieldRef, "indicator" | "measure">): number {
  return ctx.entryOf(info.index, indicatorCode(field.indicator), M[field.measure]);
}

/** The field itself (the other sheet's counterpart of a field), or undefined. */
export function fieldOf(ctx: RuleContext, info: RecordInfo, field: Pick<FieldRef, "indicator" | "measure">): FieldRef | undefined {
  const i = entryOfField(ctx, info, field);
  return i < 0 ? undefined : ctx.fieldAt(i);
}

/** The amount in 亿元 (counts as they are), or null for a blank or unreadable cell or a missing field. */
export function amountOfField(ctx: RuleContext, info: RecordInfo, field: Pick<FieldRef, "indicator" | "measure">): number | null {
  const i = entryOfField(ctx, info, field);
  return i < 0 ? null : ctx.amountAt(i);
}

/** Half a unit of the field's last printed digit, in the amount's unit. */
export function halfUnitOfField(ctx: RuleContext, info: RecordInfo, field: Pick<FieldRef, "indicator" | "measure">): number {
  const i = entryOfField(ctx, info, field);
  return i < 0 ? 0 : ctx.halfUnitAt(i);
}
