import { bi } from "../i18n";
import { Period, monthsElapsed, parsePeriod } from "../period";
import { NotComputable, Outcome, computed, notComputable } from "../result";
import { completion } from "./completion";

/**
 * "months" (default): months elapsed ÷ 12, so 1–6月 is exactly 50%. Published bulletins use this — checked
 * against five of them (domain.md) — and "时间过半" means it.
 * "days": day of the year ÷ days in the year (leap-aware), for users who want calendar precision; it does not
 * reproduce published 超/欠时序进度 figures.
 */
export type TimeProgressMethod = "months" | "days";

const DAYS_BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInYear(year: number | undefined): number {
  return year !== undefined && isLeapYear(year) ? 366 : 365;
}

/** Days from 1 January through the last day of `month` (0 → none). A year we do not know is taken as common. */
function daysThroughEndOfMonth(month: number, year: number | undefined): number {
  const leapDay = year !== undefined && isLeapYear(year) && month >= 2 ? 1 : 0;
  return DAYS_BEFORE_MONTH[month] + leapDay;
}

function daysInMonth(year: number, month: number): number {
  return daysThroughEndOfMonth(month, year) - daysThroughEndOfMonth(month - 1, year);
}

function invalid(zh: string, en: string): NotComputable {
  return notComputable("invalid-input", bi(zh, en));
}

function fromMonthsElapsed(months: number, method: TimeProgressMethod, year?: number): number {
  return method === "months" ? months / 12 : daysThroughEndOfMonth(months, year) / daysInYear(year);
}

function fromMonthCount(months: number, method: TimeProgressMethod): Outcome {
  if (!Number.isInteger(months) || months < 0 || months > 12) {
    return invalid(
      `已过月数应为0至12的整数：${months}`,
      `Months elapsed must be a whole number from 0 to 12: ${months}`,
    );
  }
  return computed(fromMonthsElapsed(months, method));
}

function fromPeriod(period: Period, method: TimeProgressMethod): Outcome {
  const { startMonth, endMonth, year } = period;
  const wellFormed =
    Number.isInteger(startMonth) &&
    Number.isInteger(endMonth) &&
    startMonth >= 1 &&
    startMonth <= endMonth &&
    endMonth <= 12;
  if (!wellFormed || (year !== undefined && !Number.isInteger(year))) {
    return invalid(`期间无效：${period.label}`, `Invalid period: ${period.label}`);
  }
  return computed(fromMonthsElapsed(monthsElapsed(period), method, year));
}

/**
 * Calendar fields are read in local time, the way `new Date(2022, 5, 30)` writes them; callers turning an Excel
 * date serial into a Date should build it the same way so that the day does not shift across time zones.
 */
function fromDate(d: Date, method: TimeProgressMethod): Outcome {
  if (Number.isNaN(d.getTime())) return invalid("日期无效", "Invalid date");
  const year = d.getFullYear();
  const month = d.getMonth() + 1;
  const day = d.getDate();
  if (method === "days") return computed((daysThroughEndOfMonth(month - 1, year) + day) / daysInYear(year));
  // A month counts once its last day is over: 30 June closes June, 15 June does not.
  const monthsCompleted = day === daysInMonth(year, month) ? month : month - 1;
  return computed(monthsCompleted / 12);
}

function fromText(text: string, method: TimeProgressMethod): Outcome {
  const trimmed = text.trim();
  // A month count typed as text ("6") is common in cells formatted as text.
  if (/^\d+$/.test(trimmed)) return fromMonthCount(Number(trimmed), method);
  const period = parsePeriod(trimmed);
  if (period === null) return invalid(`无法识别的期间：“${text}”`, `Unrecognised period: "${text}"`);
  return fromPeriod(period, method);
}

/**
 * 时序进度 (time progress) as a fraction of the year.
 * - number: months elapsed, a whole number 0–12 (a 1–N月 sheet is N);
 * - string: a period as written in a title or header ("1-6月", "2022年上半年", "前三季度");
 * - Date: progress by the end of that day;
 * - Period: progress at the end of its last month (a period without a year counts a 365-day year).
 */
export function timeProgress(input: number | string | Date | Period, method: TimeProgressMethod = "months"): Outcome {
  if (method !== "months" && method !== "days") {
    return invalid(`时序进度算法无效：${String(method)}`, `Unknown time-progress method: ${String(method)}`);
  }
  if (typeof input === "number") return fromMonthCount(input, method);
  if (typeof input === "string") return fromText(input, method);
  if (input instanceof Date) return fromDate(input, method);
  return fromPeriod(input, method);
}

/**
 * 超/欠时序进度 in 百分点: positive means ahead of the calendar. Both arguments are fractions (0.586, 0.5 → 8.6).
 */
export function pace(completionRate: number, progress: number): number {
  return (completionRate - progress) * 100;
}

/** Completion rate compared with time progress in one step; whichever cannot be computed says why. */
export function paceOf(
  actual: number | null,
  target: number | null,
  period: number | string | Date | Period,
  method: TimeProgressMethod = "months",
): Outcome {
  const rate = completion(actual, target);
  if (!rate.ok) return rate;
  const progress = timeProgress(period, method);
  if (!progress.ok) return progress;
  return computed(pace(rate.value, progress.value));
}
