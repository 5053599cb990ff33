/**
 * Reporting periods as they appear in sheet titles and headers ("2022年1—6月", "上半年", "前三季度", "Q1").
 *
 * Investment-promotion sheets are cumulative from January (1–N月), so what matters downstream is the end month:
 * it fixes the 时序进度 (time progress) a completion rate is compared with. The start month is kept so that a
 * quarter-only sheet (三季度 = 7–9月) is still recognisable as such.
 */

import { afterDigit, afterLatinLetter, Blocked, execNotAfter } from "./not-after";

export interface Period {
  year?: number;
  startMonth: number;
  endMonth: number;
  /** Normalised Chinese, always in month form so that equal periods print alike: "2022年1-6月", "1-6月", "6月". */
  label: string;
}

/** Arabic months, or Chinese numerals up to 十二 (一至六月, 十至十二月). */
const MONTH = "(\\d{1,2}|十[一二]?|[一二三四五六七八九])";
const QUARTER = "([1-4一二三四])";

const CHINESE_NUMERALS: Readonly<Record<string, number>> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
  十一: 11,
  十二: 12,
};

function numeral(token: string): number {
  return /^\d+$/.test(token) ? Number(token) : (CHINESE_NUMERALS[token] ?? Number.NaN);
}

function quarterMonths(firstQuarter: number, lastQuarter: number): [number, number] {
  return [(firstQuarter - 1) * 3 + 1, lastQuarter * 3];
}

interface PeriodPattern {
  /** Global when `notAfter` is set: it is then searched position by position. */
  regex: RegExp;
  /** Where a match may not start: digits must not be glued to a preceding digit, or "20221-6月" would read as "1-6月". */
  notAfter?: Blocked;
  months: (match: RegExpExecArray) => [number, number];
  /** 全年 also occurs in phrases such as "全年目标", so it names the period only when nothing more specific does. */
  weak?: boolean;
}

/**
 * Each pattern is searched anywhere in the text; the earliest match wins (a title names its period before any
 * other date), and among matches at the same place the longest ("1月-6月" over "1月").
 */
const PATTERNS: readonly PeriodPattern[] = [
  {
    regex: new RegExp(`${MONTH}月?-${MONTH}月`, "g"),
    notAfter: afterDigit,
    months: (m) => [numeral(m[1]), numeral(m[2])],
  },
  {
    regex: new RegExp(`${MONTH}月`, "g"),
    notAfter: afterDigit,
    months: (m) => [numeral(m[1]), numeral(m[1])],
  },
  {
    regex: new RegExp(`${QUARTER}-${QUARTER}季度`, "g"),
    notAfter: afterDigit,
    months: (m) => quarterMonths(numeral(m[1]), numeral(m[2])),
  },
  {
    regex: /前三季度/,
    months: () => [1, 9],
  },
  // "第3季度" starts at 第, which is never a digit; without 第 the quarter must not follow a digit.
  {
    regex: new RegExp(`第${QUARTER}季度`),
    months: (m) => quarterMonths(numeral(m[1]), numeral(m[1])),
  },
  {
    regex: new RegExp(`${QUARTER}季度`, "g"),
    notAfter: afterDigit,
    months: (m) => quarterMonths(numeral(m[1]), numeral(m[1])),
  },
  {
    regex: /Q([1-4])(?!\d)/gi,
    notAfter: afterLatinLetter,
    months: (m) => quarterMonths(Number(m[1]), Number(m[1])),
  },
  { regex: /上半年|半年报/, months: () => [1, 6] },
  { regex: /下半年/, months: () => [7, 12] },
  { regex: /全年|年报/, months: () => [1, 12], weak: true },
];

const DASHES = /[-—–～~〜－‐‑‒―−]/g;
/** 至/到 join months only before a numeral: "到位资金" must stay as it is. */
const WORD_DASHES = /[至到](?=[\d一二三四五六七八九十])/g;

/**
 * Folds the ways people type the same period into one spelling: full-width digits and letters, any dash or
 * 至/到, stray spaces. In yearbooks "一" is also used as a dash between digits ("1一6月"), never as the digit 1.
 */
function normalise(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, "")
    .replace(/(\d)一(?=\d)/g, "$1-")
    .replace(DASHES, "-")
    .replace(WORD_DASHES, "-")
    .replace(/月份/g, "月");
}

/** The year written right before the period ("2022年1-6月", "2022年度上半年", "2022Q1"). */
function yearBefore(prefix: string): number | undefined {
  const match = /(?:^|\D)(\d{4})(?:年度?)?$/.exec(prefix);
  return match ? Number(match[1]) : undefined;
}

export function formatPeriodLabel(startMonth: number, endMonth: number, year?: number): string {
  const months = startMonth === endMonth ? `${endMonth}月` : `${startMonth}-${endMonth}月`;
  return year === undefined ? months : `${year}年${months}`;
}

function isValidMonthRange(start: number, end: number): boolean {
  return Number.isInteger(start) && Number.isInteger(end) && start >= 1 && end <= 12 && start <= end;
}

function findPeriodMention(
  s: string,
  patterns: readonly PeriodPattern[],
): { match: RegExpExecArray; pattern: PeriodPattern } | null {
  let best: { match: RegExpExecArray; pattern: PeriodPattern } | null = null;
  for (const pattern of patterns) {
    const match = pattern.notAfter ? execNotAfter(pattern.regex, s, pattern.notAfter) : pattern.regex.exec(s);
    if (!match) continue;
    const earlier = best === null || match.index < best.match.index;
    const longerAtSamePlace =
      best !== null && match.index === best.match.index && match[0].length > best.match[0].length;
    if (earlier || longerAtSamePlace) best = { match, pattern };
  }
  return best;
}

export function parsePeriod(text: string): Period | null {
  const s = normalise(text);
  const best =
    findPeriodMention(
      s,
      PATTERNS.filter((p) => !p.weak),
    ) ??
    findPeriodMention(
      s,
      PATTERNS.filter((p) => p.weak),
    );
  if (best === null) return null;

  const [startMonth, endMonth] = best.pattern.months(best.match);
  // The first period named is the one meant; an impossible one (0月, 13月, 7-3月) is an error, not a cue to
  // look further along the title for something that happens to parse.
  if (!isValidMonthRange(startMonth, endMonth)) return null;

  const year = yearBefore(s.slice(0, best.match.index));
  const period: Period = { startMonth, endMonth, label: formatPeriodLabel(startMonth, endMonth, year) };
  if (year !== undefined) period.year = year;
  return period;
}

/**
 * Progress through the year at the end of the period. For the cumulative 1–N月 sheets this is N; a quarter or
 * half-year sheet (7–9月) is likewise "9 months into the year", which is what 时序进度 compares against.
 */
export function monthsElapsed(period: Period): number {
  return period.endMonth;
}

/** The cumulative sheet a date falls in: any day of June belongs to the 1–6月 report. */
export function periodFromDate(d: Date): Period {
  if (Number.isNaN(d.getTime())) throw new RangeError("periodFromDate: invalid Date");
  const year = d.getFullYear();
  const endMonth = d.getMonth() + 1;
  return { year, startMonth: 1, endMonth, label: formatPeriodLabel(1, endMonth, year) };
}
