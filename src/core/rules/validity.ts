import { RecordInfo } from "./context";

/**
 * A unit outside its validity at the sheet's date (江北区 or 渝北区 in a 2026 sheet). As a statistician reads the
 * sheet, such a row is a leftover of an old template: invalid-unit flags it once, it is not part of the period's
 * totals, and no figure is demanded for it.
 */
export function outsideValidity(info: RecordInfo): boolean {
  return info.resolution !== null && info.resolution.status === "invalid";
}
