// Types for scripts/lib/excel-api-sets.js (CommonJS).
/** Class name (without "Excel.") → member → "1.7" | "online" | "desktop". */
export type ExcelApiSets = Record<string, Record<string, string>>;
export function excelApiSets(file?: string): ExcelApiSets;
export function parseExcelApiSets(source: string): ExcelApiSets;
export function compareVersions(a: string, b: string): number;
export const TYPES_FILE: string;
