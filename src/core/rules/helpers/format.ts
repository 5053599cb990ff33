import { IndicatorId } from "../../catalog";
import { Bilingual } from "../../i18n";
import { roundHalfUp } from "../../indicators";
import { CellValue } from "../../numbers";
import { Measure } from "../../sheet/types";
import { DEF } from "./defs";

/**
 * Numbers in messages as statisticians print them: amounts with their unit and 2 decimals (亿元), counts as
 * integers with 个, rates with %, and differences of rates in 个百分点 — never "%".
 */

const POW10 = [1, 10, 100, 1000, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10];

/**
 * Half-up rounding to `decimals` as text (四舍五入, halves away from zero). Messages of 100,000-row sheets format
 * hundreds of thousands of numbers, so the common case avoids roundHalfUp's decimal-string arithmetic: the binary
 * noise of x·10^d (0.285 × 100 = 28.499999999999996) is far below a relative 1e-12, and nudging by that much
 * decides halves the way the decimal figure does. Very large magnitudes fall back to roundHalfUp.
 */
export function fixed(value: number, decimals: number): string {
  const d = Math.max(0, Math.min(10, decimals));
  if (!Number.isFinite(value)) return String(value);
  const p = POW10[d];
  const m = Math.abs(value) * p;
  let s: string;
  if (m < 1e15) {
    const r = Math.round(m * (1 + 1e-12));
    s = (r / p).toFixed(d);
    if (r !== 0 && value < 0) s = `-${s}`;
  } else {
    s = roundHalfUp(value, d).toFixed(d);
  }
  return s.charCodeAt(0) === 45 && /^-0(?:\.0*)?$/.test(s) ? s.slice(1) : s;
}

/** "38.98亿元"; the en text keeps the sheet's unit so both readers compare it with the same cell. */
export function amountText(value: number, unit: string, decimals: number): Bilingual {
  const n = fixed(value, decimals);
  return { zh: `${n}${unit}`, en: `${n} ${unit}` };
}

export function percentText(fraction: number, decimals: number): string {
  return `${fixed(fraction * 100, decimals)}%`;
}

export function pointsText(points: number, decimals = 1): Bilingual {
  const n = fixed(points, decimals);
  return { zh: `${n}个百分点`, en: `${n} percentage points` };
}

/** A cell's content as written, quoted when it is text so that "约95.1" is visibly not a number. */
export function rawText(raw: CellValue): Bilingual {
  if (raw === null || raw === undefined) return { zh: "空白", en: "blank" };
  if (typeof raw === "string")
    return raw.trim() === "" ? { zh: "空白", en: "blank" } : { zh: `“${raw}”`, en: `"${raw}"` };
  if (raw instanceof Date) return { zh: raw.toISOString().slice(0, 10), en: raw.toISOString().slice(0, 10) };
  const s = String(raw);
  return { zh: s, en: s };
}

/** The value for Finding.value: the cell as written, a Date as its ISO date. */
export function findingValue(raw: CellValue): string | number | boolean | null {
  if (raw === undefined || raw === null) return null;
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? String(raw) : raw.toISOString();
  return raw;
}

export const MEASURE_NAMES: Readonly<Record<Measure, Bilingual>> = {
  current: { zh: "本期", en: "current" },
  previous: { zh: "上年同期", en: "same period last year" },
  yoy: { zh: "同比", en: "year-on-year" },
  target: { zh: "年度目标", en: "annual target" },
  completion: { zh: "完成率", en: "completion" },
  rank: { zh: "排名", en: "rank" },
  share: { zh: "占全市比重", en: "share of city total" },
  // No parentheses: field names stand inside the parentheses of a finding's subject.
  pace: { zh: "超/欠时序进度", en: "pace vs time progress" },
  rate: { zh: "比率", en: "rate" },
};

const fieldNames = new Map<string, Bilingual>();

/**
 * "正式合同额本期" / "Formal contract amount, current"; cached, as every finding of a column names it. Without
 * parentheses: the name stands inside the subject's "(渝北区, …)".
 */
export function fieldName(id: IndicatorId, measure: Measure): Bilingual {
  const key = `${id}|${measure}`;
  let cached = fieldNames.get(key);
  if (cached === undefined) {
    const name = DEF[id].name;
    const m = MEASURE_NAMES[measure];
    // A rate indicator's own column (开工率) needs no measure word.
    cached = measure === "rate" ? name : { zh: `${name.zh}${m.zh}`, en: `${name.en}, ${m.en}` };
    fieldNames.set(key, cached);
  }
  return cached;
}
