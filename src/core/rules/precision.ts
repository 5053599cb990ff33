/**
 * The printed precision of a cell: what the reader of the sheet sees. Rounding tolerances depend on it
 * ((n+1)·u/2 for totals, half a unit of the last digit for rates), so it is read from the number format when
 * the source has one and from the value itself otherwise.
 */

export interface FormatInfo {
  /** Digits after the decimal point that the format shows. */
  decimals: number;
  /** The format multiplies by 100 and prints "%". */
  percent: boolean;
}

const formatCache = new Map<string, FormatInfo | null>();

/**
 * Reads an Excel number format ("0.00", "#,##0.0", "0.0%", "0.00_);[Red](0.00)"). Null for formats that say
 * nothing about decimals ("General", "@", empty): the value then decides.
 */
export function formatInfo(format: string | null | undefined): FormatInfo | null {
  if (format === null || format === undefined) return null;
  const cached = formatCache.get(format);
  if (cached !== undefined) return cached;
  const info = parseFormat(format);
  if (formatCache.size < 4096) formatCache.set(format, info);
  return info;
}

function parseFormat(format: string): FormatInfo | null {
  // Only the first section (positive numbers) matters; literal text in quotes and [colour] tags are skipped.
  const section = format
    .split(";")[0]
    .replace(/"[^"]*"/g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/\\./g, "");
  if (!/[0#?]/.test(section)) return null;
  const percent = section.includes("%");
  const dot = section.indexOf(".");
  let decimals = 0;
  if (dot >= 0) {
    for (let i = dot + 1; i < section.length; i++) {
      const c = section[i];
      if (c === "0" || c === "#" || c === "?") decimals++;
      else break;
    }
  }
  return { decimals, percent };
}

const POW10 = [1, 10, 100, 1000, 1e4, 1e5, 1e6, 1e7];

/** More decimals than this means the value was never rounded (a formula result): treated as this many. */
export const MAX_DECIMALS = 6;

/**
 * Decimals of a number as typed (38.9 → 1, 38.97 → 2, 800 → 0), without building its string: this runs for every
 * cell of a column. Binary noise (0.1 + 0.2) is tolerated; more than MAX_DECIMALS counts as MAX_DECIMALS.
 */
export function decimalsOf(value: number): number {
  const v = Math.abs(value);
  if (!Number.isFinite(v)) return 0;
  for (let k = 0; k <= MAX_DECIMALS; k++) {
    const s = v * POW10[k];
    if (Math.abs(s - Math.round(s)) <= 1e-9 * Math.max(1, s)) return k;
  }
  return MAX_DECIMALS;
}

/** Decimals written in a number's text ("约95.10" → 2, "1,234" → 0, "12.5%" → 1). */
export function decimalsOfText(text: string): number {
  const m = /\d\.(\d+)/.exec(text);
  return m === null ? 0 : Math.min(m[1].length, MAX_DECIMALS);
}

/** One unit of the last printed digit: 2 decimals → 0.01. */
export function unitOfDecimals(decimals: number): number {
  return decimals >= 0 && decimals < POW10.length ? 1 / POW10[decimals] : Math.pow(10, -decimals);
}
