import { Bilingual } from "./i18n";

/**
 * Why an indicator has no value. Statisticians print "—" or a word (新增, 扭亏) in these cases, never a number,
 * so the reason travels with the result instead of a NaN or Infinity that could leak into a sheet.
 */
export type NotComputableReason =
  | "no-target" // 无年度目标: target blank, "-", zero
  | "base-zero" // 基期为0: growth from nothing has no percentage (新增)
  | "base-negative" // 基期为负: a signed percentage would mislead (扭亏/减亏/增亏)
  | "missing-input" // an input is blank
  | "invalid-input" // an input is text that is not a number, or out of its domain
  | "not-found"; // a lookup (group, period) found nothing

export interface Computed {
  ok: true;
  value: number;
}

export interface NotComputable {
  ok: false;
  reason: NotComputableReason;
  message: Bilingual;
}

export type Outcome = Computed | NotComputable;

export function computed(value: number): Computed {
  return { ok: true, value };
}

export function notComputable(reason: NotComputableReason, message: Bilingual): NotComputable {
  return { ok: false, reason, message };
}
