import { SheetModel } from "./sheet/types";
import { isTargetsOnlySheet } from "./targets";

/**
 * Finding the annual targets when the user has not said where they are. The city bureau hands them out as a
 * sheet named for them (年度目标, 目标任务, 2022年目标); a workbook that carries one beside the monthly sheet should
 * be checked against it without the user having to know the option exists.
 */

/** Strong names first: a sheet called 年度目标 beats one merely containing 目标 (目标完成情况 is a results sheet). */
const STRONG = /年度目标|目标任务|任务目标|全年目标|目标表/;
const WEAK = /目标|targets?\b/i;
/** Results sheets whose names contain 目标 too ("目标完成情况"): never offered as targets by their name. */
const RESULTS = /完成|进度|情况|结果/;

/** The sheet whose name marks it as the targets sheet, other than `checked`; null when none does. */
export function targetsSheetByName(sheets: readonly string[], checked: string | null): string | null {
  const others = sheets.filter((s) => s !== checked && !RESULTS.test(s));
  return others.find((s) => STRONG.test(s)) ?? others.find((s) => WEAK.test(s)) ?? null;
}

/** The sheet has target figures of its own: 年度目标 columns, or it is itself a list of targets. */
export function hasOwnTargets(model: SheetModel): boolean {
  return isTargetsOnlySheet(model) || model.columns.some((c) => c.indicator !== null && c.measure === "target");
}
