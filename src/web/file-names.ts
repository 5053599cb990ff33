import { Lang } from "../core/i18n";

const WORKBOOK = /\.(xlsx|xlsm)$/i;

/** Only OOXML workbooks can be read; .xls, .csv, .et (WPS) and the rest are refused by name before reading. */
export function isWorkbookName(name: string): boolean {
  return WORKBOOK.test(name.trim());
}

/**
 * "渝北区.xlsx" → "渝北区-校验.xlsx" / "渝北区-校验.json". Always .xlsx for the copy: exceljs writes a macro-free
 * workbook, and Excel refuses one named .xlsm.
 */
export function outputName(input: string, ext: "xlsx" | "json", lang: Lang = "zh"): string {
  const base = input.trim().replace(/\.[^./\\]+$/, "") || "workbook";
  return `${base}${lang === "zh" ? "-校验" : "-checked"}.${ext}`;
}
