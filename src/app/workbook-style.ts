import { Severity, SEVERITIES } from "../core/findings";
import { Lang } from "../core/i18n";

/*
 * What every face writes into a workbook looks the same: the report sheet's name, the fills that mark cells by
 * severity (in Excel through conditional formats, in the annotated copy as cell fills, on the page's preview as
 * CSS) and the order in which a cell's findings are ranked. One definition here; the adapters convert the colours
 * to their own notation.
 */

/** The 校验结果 report sheet's name before "(2)", "(3)" … is appended when the user has a sheet of that name. */
export const REPORT_SHEET_NAMES: Readonly<Record<Lang, string>> = { zh: "校验结果", en: "Check results" };

export function reportSheetBaseName(lang: Lang): string {
  return REPORT_SHEET_NAMES[lang === "en" ? "en" : "zh"];
}

/**
 * Fills by severity as RRGGBB: Excel's own "Bad" and "Neutral" light fills and a light blue, so marked cells look
 * like what statisticians already know from Excel's cell styles, and black text stays readable on all three.
 */
export const SEVERITY_FILL_RGB: Readonly<Record<Severity, string>> = {
  error: "FFC7CE",
  verify: "FFEB9C",
  info: "DDEBF7",
};

/** "#FFC7CE": Office.js and CSS notation. */
export function severityFillHex(severity: Severity): string {
  return `#${SEVERITY_FILL_RGB[severity]}`;
}

/** "FFFFC7CE": the ARGB notation of .xlsx files (exceljs). */
export function severityFillArgb(severity: Severity): string {
  return `FF${SEVERITY_FILL_RGB[severity]}`;
}

/** Most severe first: 强制性, 核实性, 提示性 (the order of SEVERITIES). */
export function bySeverity(a: Severity, b: Severity): number {
  return SEVERITIES.indexOf(a) - SEVERITIES.indexOf(b);
}

export function mostSevere(list: readonly Severity[]): Severity {
  return [...list].sort(bySeverity)[0];
}
