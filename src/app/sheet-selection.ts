import { SheetModel } from "../core/sheet";
import { isTargetsOnlySheet } from "../core/targets";
import { REPORT_SHEET_NAMES } from "./workbook-style";

/**
 * Which worksheets of a workbook are checked when --sheet is not given. A workbook from a district often carries
 * more than the table: a cover page, notes, a hidden lookup sheet, last run's 校验结果 report, a targets sheet.
 * Checking those would bury the real findings under "no unit column" noise.
 */

const REPORT_NAME = new RegExp(`^(${Object.values(REPORT_SHEET_NAMES).join("|")})(\\(\\d+\\))?$`, "i");

/** The report sheet every face writes ("校验结果", "Check results", "校验结果(2)" …): our own output. */
export function isReportSheetName(name: string): boolean {
  return REPORT_NAME.test(name.trim());
}

/** A sheet worth checking before reading it: not our report, not hidden by the user (helper sheets are). */
export function isCandidateSheet(name: string, hiddenSheets: readonly string[]): boolean {
  if (isReportSheetName(name)) return false;
  const lower = name.toLowerCase();
  return !hiddenSheets.some((h) => h.toLowerCase() === lower);
}

/**
 * A data sheet: the reader found the unit-name column and at least one indicator. In a table the indicators are
 * columns; in a single-district form (transposed: indicators down, 本期/上年同期/年度目标 across) they are rows,
 * so there the test is that the form's record has fields. A sheet that is only a list of annual targets is not
 * checked as data (its figures are targets, not results); it is what --targets reads.
 */
export function looksLikeDataSheet(model: SheetModel): boolean {
  if (model.nameColumn === null) return false;
  const hasIndicators =
    model.layout === "transposed"
      ? model.records.some((r) => r.fields.length > 0)
      : model.columns.some((c) => c.indicator !== null);
  return hasIndicators && !isTargetsOnlySheet(model);
}
