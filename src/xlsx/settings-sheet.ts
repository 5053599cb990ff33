import type ExcelJS from "exceljs";
import { CheckSettings } from "../core/settings";
import { SETTINGS_SHEET, settingsRows } from "../app/settings-sheet";
import { writeHiddenTextSheet } from "./hidden-sheet";

/** Writes the check settings into the workbook's settings sheet (format: src/app/settings-sheet.ts). */
export function writeSettingsSheet(wb: ExcelJS.Workbook, settings: CheckSettings): void {
  writeHiddenTextSheet(wb, SETTINGS_SHEET, settingsRows(settings));
}
