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
  return `${baseName(input)}${lang === "zh" ? "-校验" : "-checked"}.${ext}`;
}

/** "渝北区.xlsx" → "渝北区-固化.xlsx": the file to send, after 报送前固化. */
export function frozenName(input: string, lang: Lang = "zh"): string {
  return `${baseName(input)}${lang === "zh" ? "-固化" : "-frozen"}.xlsx`;
}

function baseName(input: string): string {
  return input.trim().replace(/\.[^./\\]+$/, "") || "workbook";
}
