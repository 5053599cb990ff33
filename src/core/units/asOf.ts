import { AsOf } from "./types";
import { normalizeUnitName } from "./normalize";

/**
 * Turns an AsOf into an ISO date "YYYY-MM-DD" so validity checks are plain string comparisons.
 * A period stands for its last day because sheets are cumulative to the end of the period
 * (a 2025年1-12月 sheet still reports the units of 2025, even if a reform was announced in November).
 * Throws on text that names no year: silently guessing a period would pick the wrong unit list.
 */
export function asOfToIsoDate(asOf: AsOf): string {
  if (asOf instanceof Date) return fromDate(asOf);
  if (typeof asOf === "number") return fromYearNumber(asOf);
  const cached = cache.get(asOf);
  if (cached !== undefined) return cached;
  const iso = fromText(asOf);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(asOf, iso);
  return iso;
}

// The same few period labels are passed with every row of a sheet; parsing them once keeps resolve() cheap.
const cache = new Map<string, string>();
const CACHE_LIMIT = 256;

function fromDate(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new Error("asOf: invalid Date");
  // Local calendar day: the day the user sees in Excel, not the UTC one.
  return isoDate(date.getFullYear(), date.getMonth() + 1, date.getDate());
}

function fromYearNumber(year: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new Error(`asOf: a number must be a four-digit year, got ${year}`);
  }
  return isoDate(year, 12, 31);
}

const ISO_DAY = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:T.*)?$/;
const ISO_MONTH = /^(\d{4})[-/.](\d{1,2})$/;
const YEAR_ONLY = /^(\d{4})$/;
const CHINESE_PERIOD = /^(\d{4})年(.*)$/;
const MONTH_DAY = /(\d{1,2}|[一二三四五六七八九十]{1,3})月(?:份)?(\d{1,2})日/;
// The last "N月" of "1-6月", "1月—6月", "一至六月" is the end of the cumulative period.
const MONTHS = /(\d{1,2}|[一二三四五六七八九十]{1,3})月/g;

// Named periods used in bulletin titles, mapped to their last month.
const NAMED_PERIODS: [RegExp, number][] = [
  [/前三季度|三季度|第三季度|Q3/i, 9],
  [/上半年|二季度|第二季度|Q2|H1/i, 6],
  [/一季度|第一季度|Q1/i, 3],
  // "2026年度"/"2026年底" leave just "度"/"底" after the 年.
  [/下半年|四季度|第四季度|全年|^度|^底|^末|Q4|H2/i, 12],
];

function fromText(text: string): string {
  const t = normalizeUnitName(text);
  let m = ISO_DAY.exec(t);
  if (m) return checkedDate(Number(m[1]), Number(m[2]), Number(m[3]), text);
  m = ISO_MONTH.exec(t);
  if (m) return endOfMonth(Number(m[1]), Number(m[2]), text);
  m = YEAR_ONLY.exec(t);
  if (m) return isoDate(Number(m[1]), 12, 31);
  m = CHINESE_PERIOD.exec(t);
  if (m) return fromChinesePeriod(Number(m[1]), m[2], text);
  throw new Error(`asOf: cannot read a year from "${text}" (expected e.g. 2026, "2026-06", "2026-06-30", "2022年1-6月")`);
}

function fromChinesePeriod(year: number, rest: string, original: string): string {
  if (rest === "") return isoDate(year, 12, 31);
  const day = MONTH_DAY.exec(rest);
  if (day) return checkedDate(year, monthNumber(day[1]), Number(day[2]), original);
  const months = [...rest.matchAll(MONTHS)];
  if (months.length > 0) return endOfMonth(year, monthNumber(months[months.length - 1][1]), original);
  for (const [pattern, month] of NAMED_PERIODS) {
    if (pattern.test(rest)) return endOfMonth(year, month, original);
  }
  throw new Error(`asOf: cannot read the period in "${original}"`);
}

const CHINESE_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

function monthNumber(token: string): number {
  if (/^\d+$/.test(token)) return Number(token);
  if (token === "十") return 10;
  if (token.startsWith("十")) return 10 + (CHINESE_DIGITS[token[1]] ?? NaN);
  return CHINESE_DIGITS[token] ?? NaN;
}

function endOfMonth(year: number, month: number, original: string): string {
  if (!(month >= 1 && month <= 12)) throw new Error(`asOf: no month ${month} in "${original}"`);
  // Day 0 of the next month is the last day of this one (leap years included).
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return isoDate(year, month, lastDay);
}

function checkedDate(year: number, month: number, day: number, original: string): string {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) {
    throw new Error(`asOf: "${original}" is not a calendar date`);
  }
  return isoDate(year, month, day);
}

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
