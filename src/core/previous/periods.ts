import { Bilingual } from "../i18n";
import { Period, formatPeriodLabel } from "../period";

/**
 * Whether the previous file(s) can be compared with the current one, and how. A 1–N月 sheet is compared with an
 * earlier 1–M月 sheet of the same year (cumulative); a 全年 (1–12月) sheet with its four quarters (sum). Anything else
 * is refused with both periods named, before a single figure is compared: a wrong pairing would only produce false
 * alarms (every figure "below last month" when last month is really last year).
 */
export type Pairing =
  | { kind: "cumulative"; current: Period; previous: Period }
  | { kind: "quarters"; current: Period; quarters: readonly Period[] }
  | { kind: "refused"; message: Bilingual };

/** A file as the refusal names it: its name (or sheet) and the period read from it, if any. */
export interface Labelled {
  name: string;
  period: Period | null;
}

const QUARTER_NAMES = ["一季度", "二季度", "三季度", "四季度"];

function shown(p: Period | null): Bilingual {
  return p === null ? { zh: "期别不明", en: "period unknown" } : { zh: p.label, en: p.label };
}

function named(f: Labelled): Bilingual {
  const s = shown(f.period);
  return { zh: `“${f.name}”（${s.zh}）`, en: `"${f.name}" (${s.en})` };
}

function refuse(zh: string, en: string): Pairing {
  return { kind: "refused", message: { zh, en } };
}

function quarterOf(p: Period): number | null {
  return p.endMonth % 3 === 0 && p.startMonth === p.endMonth - 2 ? p.endMonth / 3 : null;
}

/** Same year, or a side whose year is unknown (its title gives only the months). */
function sameYear(a: Period, b: Period): boolean {
  return a.year === undefined || b.year === undefined || a.year === b.year;
}

export function pairPeriods(current: Labelled, previous: readonly Labelled[]): Pairing {
  const cur = named(current);
  if (current.period === null) {
    return refuse(
      `本期报表${cur.zh}的期别无法识别（标题中应有“2022年1—6月”等，或用 --period 指定），不能与上期对比。`,
      `The period of the current file ${cur.en} is unknown (its title should name it, e.g. 2022年1—6月, or use --period); it cannot be compared with a previous period.`,
    );
  }
  if (previous.length > 1) return pairQuarters(current, current.period, previous);
  const prev = previous[0];
  const was = named(prev);
  if (prev.period === null) {
    return refuse(
      `上期报表${was.zh}的期别无法识别（标题中应有“2022年1—5月”等），不能与本期${cur.zh}对比。`,
      `The period of the previous file ${was.en} is unknown (its title should name it, e.g. 2022年1—5月); it cannot be compared with the current file ${cur.en}.`,
    );
  }
  const p = prev.period;
  const c = current.period;
  if (c.startMonth !== 1 || p.startMonth !== 1) {
    return refuse(
      `上期对比需要两份1月起的累计报表：本期${cur.zh}，上期${was.zh}。全年报表与四个季度对比时，请用 --previous 依次给出四个季度的报表。`,
      `Comparing with the previous period needs two cumulative sheets from January: current ${cur.en}, previous ${was.en}. To check a 全年 sheet against its quarters, give the four quarterly files with --previous.`,
    );
  }
  if (!sameYear(c, p) || p.endMonth >= c.endMonth) {
    return refuse(
      `上期报表应为同一年度更早的期别：本期${cur.zh}，上期${was.zh}，不能对比。`,
      `The previous file must be an earlier period of the same year: current ${cur.en}, previous ${was.en}; they cannot be compared.`,
    );
  }
  return { kind: "cumulative", current: c, previous: p };
}

function pairQuarters(current: Labelled, c: Period, previous: readonly Labelled[]): Pairing {
  const cur = named(current);
  const all = previous.map((f) => named(f));
  const list = { zh: all.map((a) => a.zh).join("、"), en: all.map((a) => a.en).join(", ") };
  if (c.startMonth !== 1 || c.endMonth !== 12) {
    return refuse(
      `给出多份上期报表时，本期应为全年（1-12月）报表，与四个季度的报表对比；本期为${cur.zh}，上期为${list.zh}。`,
      `Several previous files are compared only with a full-year (1-12月) sheet, as its four quarters; the current file is ${cur.en}, the previous ones ${list.en}.`,
    );
  }
  const quarters: (Period | null)[] = [null, null, null, null];
  let sound = previous.length === 4;
  for (const f of previous) {
    const q = f.period === null ? null : quarterOf(f.period);
    if (f.period === null || q === null || quarters[q - 1] !== null || !sameYear(c, f.period)) sound = false;
    else quarters[q - 1] = f.period;
  }
  if (!sound) {
    const year = c.year;
    const expected = [1, 2, 3, 4].map((q) => formatPeriodLabel(q * 3 - 2, q * 3, year)).join("、");
    return refuse(
      `全年报表${cur.zh}应与同一年度的四个季度（${expected}）各一份对比，收到：${list.zh}。`,
      `A full-year sheet ${cur.en} is compared with one file for each quarter of the same year (${expected}); got ${list.en}.`,
    );
  }
  return { kind: "quarters", current: c, quarters: quarters as Period[] };
}

/** "一季度" … for messages; the period's own label beside it says the months. */
export function quarterName(q: number): string {
  return QUARTER_NAMES[q - 1] ?? `${q}季度`;
}
