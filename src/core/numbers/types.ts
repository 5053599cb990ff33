import { Bilingual } from "../i18n";

/** What a worksheet cell can hand us: Office.js values, exceljs values, or text typed by a clerk. */
export type CellValue = number | string | boolean | null | undefined | Date;

export type AmountUnit = "元" | "万元" | "亿元" | "万亿元" | "美元" | "万美元" | "亿美元";
export type CountUnit = "个" | "项" | "家" | "户";
/** A multiplier written with no currency ("3万", "1.2亿"): the currency is whatever the column is in. */
export type Scale = "万" | "亿" | "万亿";

export interface ParsedNumber {
  kind: "number";
  /** The value in its own written unit: "389.76亿元" → 389.76, "12.5%" → 0.125, "1.08万亿元" → 1.08. */
  value: number;
  unit?: AmountUnit | CountUnit | "个百分点";
  scale?: Scale;
  /** Written with % or ‰; value is already divided by 100 (or 1000). */
  percent: boolean;
  /** Written with a marker such as 约, 近, 超过, 左右, 余, 多, 以上: the figure is not exact. */
  approximate: boolean;
  /** The cell held text rather than a number: worth a 提示, since sums in Excel skip text. */
  fromText: boolean;
  text?: string;
}

/** Deliberately empty: "", "—", "-", "/", "无", "暂无", the yearbook dash "一". */
export interface ParsedBlank {
  kind: "blank";
  marker: string;
}

/** "…": the figure is below the table's unit (≈0), which is not the same as missing. */
export interface ParsedBelowUnit {
  kind: "below-unit";
  text: string;
}

export interface ParsedErrorValue {
  kind: "error";
  code: string;
}

export type NotNumberReason =
  | "no-digits"
  | "bad-separators"
  | "trailing-text" // any text besides the number that is not a known unit, before or after it
  | "several-numbers"
  | "boolean"
  | "date"
  | "non-finite"
  | "unknown-unit";

export interface ParsedNotNumber {
  kind: "not-a-number";
  reason: NotNumberReason;
  text: string;
  message: Bilingual;
}

export type ParsedCell = ParsedNumber | ParsedBlank | ParsedBelowUnit | ParsedErrorValue | ParsedNotNumber;
