/*
 * The ZS custom functions. Each is a thin wrapper: it reads cells into figures, calls the pure indicator in
 * src/core, and turns a "not computable" outcome into an Excel error with a Chinese message. Ids (the JSDoc
 * @customfunction tag) are ASCII and must never change: workbooks store them in their formulas. Display names and
 * help in Chinese come from metadata.zh-CN.json, keyed by the same ids.
 *
 * Every argument arrives as a matrix (a single cell is 1×1); a range returns a spilled array of the same shape.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes untyped cell values */
// First: the runtime is ES2016 and the modules below use a few newer library members at load time.
import "./es2016-builtins";
import { AmountUnit, normalizeAmountUnit, parseCell } from "../core/numbers";
import {
  completion as completionOf,
  DEFAULT_TIERS,
  makeRanker,
  paceOf,
  ppChange as ppChangeOf,
  share as shareOf,
  timeProgress as timeProgressOf,
  tier as tierOf,
  TimeProgressMethod,
  totalOf,
  yoy as yoyOf,
} from "../core/indicators";
import { parsePeriod, Period } from "../core/period";
import { chongqing, AsOf } from "../core/units";
import { Outcome } from "../core/result";
import { excelSerialToDate, isYear, looksLikeSerialDate } from "./excel-dates";
import { ExcelError, fromNotComputable, isExcelError, naError, SHAPE_MISMATCH, valueError } from "./excel-errors";
import { firstCell, isFigureError, readAmount, readFigure, readOptionalText } from "./inputs";
import { flatten, Grid, mapCells } from "./grid";

type Cell = number | string | ExcelError;

function mismatch(): ExcelError {
  return valueError(SHAPE_MISMATCH);
}

function settle(outcome: Outcome): number | ExcelError {
  return outcome.ok ? outcome.value : fromNotComputable(outcome);
}

/**
 * Completion of the annual target: cumulative actual ÷ annual target, as a fraction (format the cell as %).
 * A blank, "-" or 0 target means "no target" (#N/A 无年度目标), never a division by zero.
 * @customfunction COMPLETION COMPLETION
 * @param actual Cumulative actual (1–N月), a number or text such as "约95.1" or "389.76亿元"; a cell or a range.
 * @param target Annual target in the same unit; a cell or a range of the same size.
 * @returns Completion rate (0.5939 = 59.39%).
 */
export function completion(actual: any[][], target: any[][]): any[][] {
  return mapCells<Cell>(
    [actual, target],
    (cells) => {
      const a = readAmount(cells[0]);
      if (isFigureError(a)) return a;
      const t = readAmount(cells[1]);
      if (isFigureError(t)) return t;
      return settle(completionOf(a, t));
    },
    mismatch,
  );
}

/**
 * Year-over-year growth: (current − same period last year) ÷ same period last year, as a fraction.
 * Base 0 → #N/A 基期为0，不计算增速; negative base → #N/A 基期为负，不计算增速; blank base → #N/A 无上年同期数.
 * @customfunction YOY YOY
 * @param current This period's figure; a cell or a range.
 * @param previous Same period last year, from the sheet's own column (published bases are often restated).
 * @returns Growth rate (0.2205 = 22.05%).
 */
export function yoy(current: any[][], previous: any[][]): any[][] {
  return mapCells<Cell>(
    [current, previous],
    (cells) => {
      const c = readAmount(cells[0]);
      if (isFigureError(c)) return c;
      const p = readAmount(cells[1]);
      if (isFigureError(p)) return p;
      return settle(yoyOf(c, p));
    },
    mismatch,
  );
}

/**
 * Change of a rate in percentage points: (current rate − previous rate) × 100. Rates are fractions (53.9% is
 * stored as 0.539) or text such as "53.9%". Suggested number format: 0.0"个百分点".
 * @customfunction PPCHANGE PPCHANGE
 * @param currentRate Current rate, e.g. 53.9%; a cell or a range.
 * @param previousRate Previous rate, e.g. 38.7%; a cell or a range.
 * @returns Change in percentage points (15.2).
 */
export function ppchange(currentRate: any[][], previousRate: any[][]): any[][] {
  return mapCells<Cell>(
    [currentRate, previousRate],
    (cells) => {
      const c = readFigure(cells[0]);
      if (isFigureError(c)) return c;
      const p = readFigure(cells[1]);
      if (isFigureError(p)) return p;
      return settle(ppChangeOf(c, p));
    },
    mismatch,
  );
}

function readMethod(raw: unknown): TimeProgressMethod | ExcelError {
  const text = readOptionalText(raw);
  if (text === null) return "months";
  const t = text.toLowerCase();
  if (["months", "month", "月", "按月"].includes(t)) return "months";
  if (["days", "day", "日", "天", "按日", "按天"].includes(t)) return "days";
  return valueError(`无法识别的计算方法：${text}（应为"月"或"日"）`);
}

/** A period cell: a month count 0–12, a period text ("1-6月", "上半年", "前三季度"), or a date. */
function readPeriod(raw: unknown): number | Date | Period | ExcelError {
  if (typeof raw === "number") {
    if (looksLikeSerialDate(raw)) return excelSerialToDate(raw);
    if (Number.isInteger(raw) && raw >= 0 && raw <= 12) return raw;
    return valueError(`无法识别的期间：${raw}（应为月数0–12、"1-6月"之类的期间或日期）`);
  }
  if (raw instanceof Date) return raw;
  const text = readOptionalText(raw);
  if (text === null) return valueError("缺少期间：应为月数、\"1-6月\"之类的期间或日期");
  const period = parsePeriod(text);
  if (period !== null) return period;
  const parsed = parseCell(text);
  if (parsed.kind === "number" && Number.isInteger(parsed.value) && parsed.value >= 0 && parsed.value <= 12) {
    return parsed.value;
  }
  return valueError(`无法识别的期间：${text}`);
}

/**
 * Time progress (时序进度) of a 1–N月 cumulative period: months elapsed ÷ 12 (1–6月 = 50%), as published
 * bulletins compute it. The day-count variant (method "日") is available but does not match them.
 * @customfunction TIMEPROGRESS TIMEPROGRESS
 * @param period Period text ("1-6月", "上半年", "前三季度", "2022年1-9月"), a month count 0–12, or a date; a cell or a range.
 * @param [method] "月" (months ÷ 12, default) or "日" (days elapsed ÷ days in the year).
 * @returns Time progress as a fraction (0.5 = 50%).
 */
export function timeprogress(period: any[][], method?: any[][]): any[][] {
  const m = readMethod(firstCell(method));
  return mapCells<Cell>(
    [period],
    (cells) => {
      if (isExcelError(m)) return m;
      const p = readPeriod(cells[0]);
      if (isExcelError(p)) return p;
      return settle(timeProgressOf(p, m));
    },
    mismatch,
  );
}

/**
 * How far completion is ahead of (+) or behind (−) time progress, in percentage points: completion − time progress.
 * Suggested number format: +0.0"个百分点";-0.0"个百分点".
 * @customfunction PACE PACE
 * @param actual Cumulative actual; a cell or a range.
 * @param target Annual target; a cell or a range.
 * @param period Period text ("1-6月"), a month count 0–12, or a date; a cell or a range.
 * @returns Percentage points ahead (+) or behind (−) time progress (8.6).
 */
export function pace(actual: any[][], target: any[][], period: any[][]): any[][] {
  return mapCells<Cell>(
    [actual, target, period],
    (cells) => {
      const a = readAmount(cells[0]);
      if (isFigureError(a)) return a;
      const t = readAmount(cells[1]);
      if (isFigureError(t)) return t;
      const p = readPeriod(cells[2]);
      if (isExcelError(p)) return p;
      return settle(paceOf(a, t, p));
    },
    mismatch,
  );
}

/** The city total: one number, or the sum of a list that skips 全市/合计/小计 and group rows when names are given. */
function readTotal(totalOrValues: Grid, names: Grid | undefined): number | ExcelError {
  if (totalOrValues.length === 1 && totalOrValues[0].length === 1 && !names) {
    const total = readAmount(totalOrValues[0][0]);
    if (isExcelError(total)) return total;
    return total === null ? naError("无全市合计数") : total;
  }
  const cells = flatten(totalOrValues);
  const values: (number | null)[] = new Array(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const v = readAmount(cells[i]);
    if (isExcelError(v)) return valueError(`合计区域第${i + 1}个单元格无法识别：${String(cells[i])}`);
    values[i] = v;
  }
  const nameList = names ? flatten(names).map((n) => (n === null || n === undefined ? null : String(n))) : undefined;
  return settle(totalOf(values, nameList, (name) => chongqing.isAggregateName(name)));
}

/**
 * Share of the city total (占全市比重): value ÷ total, as a fraction. Given a list of values with their unit
 * names, rows named 全市/合计/总计/小计 or a group (主城都市区 …) are never counted into the total.
 * @customfunction SHARE SHARE
 * @param value The unit's figure; a cell or a range.
 * @param totalOrValues The city total (one cell), or the list of all units' figures to add up.
 * @param [names] Unit names beside the list, so that total and subtotal rows are left out of the sum.
 * @returns Share as a fraction (0.107 = 10.7%).
 */
export function share(value: any[][], totalOrValues: any[][], names?: any[][]): any[][] {
  const total = readTotal(totalOrValues, names ?? undefined);
  return mapCells<Cell>(
    [value],
    (cells) => {
      if (isExcelError(total)) return total;
      const v = readAmount(cells[0]);
      if (isFigureError(v)) return v;
      return settle(shareOf(v, total));
    },
    mismatch,
  );
}

function readAscending(raw: unknown): boolean | ExcelError {
  if (raw === null || raw === undefined || raw === "") return false;
  if (typeof raw === "boolean") return raw;
  if (typeof raw === "number") return raw !== 0;
  const t = String(raw).trim().toLowerCase();
  if (["升序", "asc", "ascending", "true", "1"].includes(t)) return true;
  if (["降序", "desc", "descending", "false", "0"].includes(t)) return false;
  return valueError(`无法识别的排序方式：${String(raw)}（应为0降序或1升序）`);
}

function readGroup(raw: unknown): string | null {
  return raw === null || raw === undefined || raw === "" ? null : String(raw).trim();
}

/**
 * Rank within a list (competition ranking: 1, 2, 2, 4), highest first by default; optionally within a group
 * (e.g. among 主城新区 only). Blank and non-numeric cells are not ranked.
 * @customfunction RANK RANK
 * @param value The figure to rank; a cell or a range (spills one rank per cell).
 * @param values All figures of the list.
 * @param [groups] The group of each figure in the list (same size as values).
 * @param [group] The group to rank within; a cell or a range beside value (each row in its own group).
 * @param [ascending] 0 or FALSE: highest first (default); 1 or TRUE: lowest first.
 * @returns The rank (1 = first).
 */
export function rank(value: any[][], values: any[][], groups?: any[][], group?: any[][], ascending?: any[][]): any[][] {
  const asc = readAscending(firstCell(ascending));
  if (isExcelError(asc)) return [[asc]];
  const list = flatten(values).map((v) => {
    const f = readAmount(v);
    return isExcelError(f) ? null : f;
  });
  const groupList = groups ? flatten(groups).map(readGroup) : undefined;
  if (groupList && groupList.length !== list.length) return [[valueError("分组区域应与数值区域同样大小")]];
  const ranker = makeRanker(list, { groups: groupList, ascending: asc });
  const groupGrid: Grid = group ?? [[null]];
  return mapCells<Cell>(
    [value, groupGrid],
    (cells) => {
      const v = readAmount(cells[0]);
      if (isFigureError(v)) return v;
      return settle(ranker(v, groupList ? readGroup(cells[1]) : undefined));
    },
    mismatch,
  );
}

function readUnit(raw: unknown, fallback: AmountUnit): AmountUnit | ExcelError {
  const text = readOptionalText(raw);
  if (text === null) return fallback;
  return normalizeAmountUnit(text) ?? valueError(`无法识别的金额单位：${text}（如 亿元、万元、元）`);
}

/**
 * Size tier of an amount (规模档次), exclusive bands: 百亿级 ≥100, 50亿级 [50,100), 30亿级 [30,50), 10亿级 [10,30)
 * 亿元; below 10亿元 the result is empty.
 * @customfunction TIER TIER
 * @param amount The amount (a project's or a unit's contract amount); a cell or a range.
 * @param [unit] The unit of plain numbers in amount: "亿元" (default), "万元" or "元".
 * @returns The tier label, e.g. 百亿级; empty below the lowest tier.
 */
export function tier(amount: any[][], unit?: any[][]): any[][] {
  const from = readUnit(firstCell(unit), "亿元");
  return mapCells<Cell>(
    [amount],
    (cells) => {
      if (isExcelError(from)) return from;
      const yi = readAmount(cells[0], "亿元", from);
      if (isFigureError(yi)) return yi;
      if (yi === null) return naError("缺少金额");
      return tierOf(yi, DEFAULT_TIERS)?.label.zh ?? "";
    },
    mismatch,
  );
}

/**
 * Reads an amount written as text, as statisticians type it ("1.08万亿元", "389.76亿元", "约95.1", "1,234", "３３")
 * and returns it as a number in the requested unit. "…" (below the table's unit) reads as 0; a blank stays empty.
 * @customfunction AMOUNT AMOUNT
 * @param text The text or number; a cell or a range.
 * @param [unit] The unit of the result: "亿元" (default), "万元", "元", "万美元" ….
 * @returns The amount as a number in that unit.
 */
export function amount(text: any[][], unit?: any[][]): any[][] {
  const to = readUnit(firstCell(unit), "亿元");
  return mapCells<Cell>(
    [text],
    (cells) => {
      if (isExcelError(to)) return to;
      const v = readAmount(cells[0], to);
      if (isFigureError(v)) return v;
      return v === null ? "" : v;
    },
    mismatch,
  );
}

function readAsOf(raw: unknown): AsOf | undefined | ExcelError {
  if (raw === null || raw === undefined || raw === "") return undefined;
  if (typeof raw === "number") {
    if (isYear(raw)) return raw;
    if (looksLikeSerialDate(raw)) return excelSerialToDate(raw);
    return valueError(`无法识别的日期或年份：${raw}`);
  }
  if (raw instanceof Date) return raw;
  return String(raw).trim();
}

/**
 * The official name of a reporting unit as people type it: 渝北 → 渝北区, 石柱县 → 石柱土家族自治县, 开县 → 开州区,
 * 万盛 → 万盛经开区. Unknown names give #N/A with suggestions (壁山区 → 璧山区?); a unit that no longer exists at
 * as_of gives #N/A naming its successor (渝北区 in 2026 → 两江新区). Total rows (全市, 合计) are returned as written.
 * @customfunction DISTRICT DISTRICT
 * @param name The unit name as written; a cell or a range.
 * @param [asOf] The year or date of the sheet (2026, "2026-06", a date): units are checked against it.
 * @returns The official unit name.
 */
export function district(name: any[][], asOf?: any[][]): any[][] {
  const when = readAsOf(firstCell(asOf));
  return mapCells<Cell>(
    [name],
    (cells) => {
      if (isExcelError(when)) return when;
      const text = readOptionalText(cells[0]);
      if (text === null) return naError("缺少单位名称");
      const r = chongqing.resolve(text, when);
      switch (r.status) {
        case "ok":
          return r.unit.name;
        case "aggregate":
          return r.input.replace(/\s+/g, "");
        case "invalid":
          return naError(r.message.zh);
        case "unknown":
          return naError(r.message.zh);
      }
    },
    mismatch,
  );
}

/**
 * The region (片区) of a reporting unit under a grouping scheme: "2020" (一区两群, default) or "2024" (2024 spatial
 * plan: 中心城区 / 渝西地区 / 渝东新城 …).
 * @customfunction REGION REGION
 * @param name The unit name as written; a cell or a range.
 * @param [scheme] "2020" (default) or "2024".
 * @returns The group name, e.g. 主城新区.
 */
export function region(name: any[][], scheme?: any[][]): any[][] {
  const schemeText = readOptionalText(firstCell(scheme)) ?? "2020";
  const schemeId = schemeText.replace(/年|版|方案/g, "");
  const known = chongqing.schemes().some((s) => s.id === schemeId);
  return mapCells<Cell>(
    [name],
    (cells) => {
      if (!known) {
        const ids = chongqing
          .schemes()
          .map((s) => s.id)
          .join("、");
        return valueError(`无法识别的片区方案：${schemeText}（可选：${ids}）`);
      }
      const text = readOptionalText(cells[0]);
      if (text === null) return naError("缺少单位名称");
      const r = chongqing.resolve(text);
      if (r.status === "unknown") return naError(r.message.zh);
      if (r.status === "aggregate") return naError(`"${text}"是汇总行，不是单位`);
      return chongqing.groupOf(r.unit, schemeId) ?? naError(`${r.unit.name}在${schemeId}方案中没有片区`);
    },
    mismatch,
  );
}
