export type {
  AmountUnit,
  CellValue,
  CountUnit,
  NotNumberReason,
  ParsedBelowUnit,
  ParsedBlank,
  ParsedCell,
  ParsedErrorValue,
  ParsedNotNumber,
  ParsedNumber,
  Scale,
} from "./types";
export { parseCell, toNumber } from "./parse-cell";
export { AMOUNT_UNITS, amountIn, convertAmount, currencyOf, isAmountUnit, normalizeAmountUnit } from "./amount-units";
export type { Currency } from "./amount-units";
export { EXCEL_ERROR_CODES } from "./markers";
export { normalizeFullWidth } from "./normalize-text";
