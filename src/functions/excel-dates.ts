/**
 * Excel stores a date as a serial day number (1 = 1900-01-01, with Lotus's phantom 1900-02-29 at 60). A date cell
 * passed to a custom function arrives as that number, so functions that take a period or an as-of date must tell
 * a month count (0–12) or a year (1900–2999) from a serial date.
 */
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** Serial → a local Date at midnight of the same calendar day (the indicators read local calendar fields). */
export function excelSerialToDate(serial: number): Date {
  const utc = new Date(EXCEL_EPOCH_UTC + Math.floor(serial) * DAY_MS);
  return new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate());
}

/** Serials from 1901-01-01 on; smaller numbers are month counts or years, never dates. */
export function looksLikeSerialDate(n: number): boolean {
  return Number.isInteger(n) && n >= 367 && n < 2_958_466;
}

export function isYear(n: number): boolean {
  return Number.isInteger(n) && n >= 1900 && n <= 2999;
}
