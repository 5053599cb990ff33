/*
 * The ZSTJ custom functions. Each is a thin wrapper: it reads cells into figures, calls the pure indicator in
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
import { Period } from "../core/period";
import { parsePeriodInput } from "../core/period-input";
import { chongqing, AsOf } from "../core/units";
import { Outcome } from "../core/result";
import { excelSerialToDate, isYear, looksLikeSerialDate } from "./excel-dates";
import { ExcelError, fromNotComputable, isExcelError, naError, SHAPE_MISMATCH, valueError } from "./excel-errors";
import { firstCell, isFigureError, outOfRange, readAmount, readFigure, readOptionalText } from "./inputs";
import { flatten, Grid, mapCells } from "./grid";
import { isEmptyCell, isOmitted, isZeroOrBlank } from "./blanks";

type Cell = number | string | ExcelError;

function mismatch(): ExcelError {
  return valueError(SHAPE_MISMATCH);
}

/** Excel holds no Infinity or NaN: an overflowing result becomes #VALUE! 数值超出范围. */
function finite(value: Cell): Cell {
  return typeof value === "number" && !Number.isFinite(value) ? outOfRange() : value;
}

/** mapCells for the ZSTJ functions: shapes that do not broadcast are #VALUE!. Computed numbers pass through finite(). */
function eachCell(grids: readonly Grid[], fn: (cells: readonly unknown[]) => Cell): Cell[][] {
  return mapCells<Cell>(grids, fn, mismatch);
}

/** An optional argument's single value, or null when it is left out or points at an empty cell. */
function optionalValue(grid: unknown[][] | null | undefined): unknown {
  return isOmitted(grid) ? null : firstCell(grid);
}

function settle(outcome: Outcome): number | ExcelError {
  return outcome.ok ? outcome.value : fromNotComputable(outcome);
}

/**
 * Completion of the annual target: cumulative actual ÷ annual target, as a fraction (format the cell as %).
 * A blank, "-" or 0 target means "no target" (#N/A 无年度目标), never a division by zero. An actual of 0 or blank
 * gives #N/A (desktop Excel passes a blank cell as 0, so a 0% could be a unit that has not reported).
 * @customfunction COMPLETION COMPLETION
 * @param actual Cumulative actual (1–N月), a number or text such as "约95.1" or "389.76亿元"; a cell or a range.
 * @param target Annual target in the same unit; a cell or a range of the same size.
 * @returns Completion rate (0.5939 = 59.39%).
 */
export function completion(actual: any[][], target: any[][]): any[][] {
  return eachCell([actual, target], (cells) => {
    const a = readAmount(cells[0]);
    if (isFigureError(a)) return a;
    const t = readAmount(cells[1]);
    if (isFigureError(t)) return t;
    return completionGuard(a, t) ?? finite(settle(completionOf(a, t)));
  });
}

const ACTUAL_ZERO_OR_BLANK = "累计完成为0或空白，不计算完成率";

/**
 * Why completion cannot be computed, or null when it can: no target first (the reason whatever the actual), then an
 * actual that may be a blank cell. No closure per cell: this runs on million-cell ranges.
 */
function completionGuard(a: number | null, t: number | null): Cell | null {
  if (t === null || t <= 0) return settle(completionOf(a ?? 0, t));
  if (a === null || a === 0) return naError(ACTUAL_ZERO_OR_BLANK);
  return null;
}

/**
 * Year-over-year growth: (current − same period last year) ÷ same period last year, as a fraction.
 * Base 0 or blank → #N/A 上年同期为0或空白，不计算增速; negative base → #N/A 基期为负，不计算增速; current 0 or blank →
 * #N/A 本期为0或空白，不计算增速 (desktop Excel passes a blank cell as 0: a blank must never read as −100%).
 * @customfunction YOY YOY
 * @param current This period's figure; a cell or a range.
 * @param previous Same period last year, from the sheet's own column (published bases are often restated).
 * @returns Growth rate (0.2205 = 22.05%).
 */
export function yoy(current: any[][], previous: any[][]): any[][] {
  return eachCell([current, previous], (cells) => {
    const c = readAmount(cells[0]);
    if (isFigureError(c)) return c;
    const p = readAmount(cells[1]);
    if (isFigureError(p)) return p;
    if (isZeroOrBlank(p)) return naError("上年同期为0或空白，不计算增速");
    if (p !== null && p < 0) return settle(yoyOf(c ?? 0, p));
    if (isZeroOrBlank(c)) return naError("本期为0或空白，不计算增速");
    return finite(settle(yoyOf(c, p)));
  });
}

/**
 * Change of a rate in percentage points: (current rate − previous rate) × 100. Rates are fractions (53.9% is
 * stored as 0.539) or text such as "53.9%". Suggested number format: 0.0"个百分点". A rate of 0 or blank gives
 * #N/A (desktop Excel passes a blank cell as 0, which would read as a change from or to 0%).
 * @customfunction PPCHANGE PPCHANGE
 * @param currentRate Current rate, e.g. 53.9%; a cell or a range.
 * @param previousRate Previous rate, e.g. 38.7%; a cell or a range.
 * @returns Change in percentage points (15.2).
 */
export function ppchange(currentRate: any[][], previousRate: any[][]): any[][] {
  return eachCell([currentRate, previousRate], (cells) => {
    const c = readFigure(cells[0]);
    if (isFigureError(c)) return c;
    const p = readFigure(cells[1]);
    if (isFigureError(p)) return p;
    if (isZeroOrBlank(c) || isZeroOrBlank(p)) return naError("比率为0或空白，不计算增减");
    return finite(settle(ppChangeOf(c, p)));
  });
}

function readMethod(raw: unknown): TimeProgressMethod | ExcelError {
  const text = isEmptyCell(raw) ? null : readOptionalText(raw);
  if (text === null) return "months";
  const t = text.toLowerCase();
  if (["months", "month", "月", "按月"].includes(t)) return "months";
  if (["days", "day", "日", "天", "按日", "按天"].includes(t)) return "days";
  return valueError(`无法识别的计算方法：${text}（应为"月"或"日"）`);
}

const NO_PERIOD = "缺少期间：应为月数、\"1-6月\"之类的期间或日期";

/**
 * A period cell: a month count 1–12, a period text ("1-6月", "上半年", "前三季度"), or a date. A 0 is an empty cell
 * on desktop (no 1–N月 sheet covers zero months), so it is "no period", as null is on the web.
 */
function readPeriod(raw: unknown): number | Date | Period | ExcelError {
  if (raw === 0) return valueError(NO_PERIOD);
  if (typeof raw === "number") {
    if (looksLikeSerialDate(raw)) return excelSerialToDate(raw);
    if (Number.isInteger(raw) && raw >= 1 && raw <= 12) return raw;
    return valueError(`无法识别的期间：${raw}（应为月数1–12、"1-6月"之类的期间或日期）`);
  }
  if (raw instanceof Date) return raw;
  const text = readOptionalText(raw);
  if (text === null) return valueError(NO_PERIOD);
  // The same reading as the CLI's --period and the pane's 统计期间 field, so "2022-06" works in all three.
  const period = parsePeriodInput(text);
  if (period !== null) return period;
  const parsed = parseCell(text);
  if (parsed.kind === "number" && Number.isInteger(parsed.value) && parsed.value >= 1 && parsed.value <= 12) {
    return parsed.value;
  }
  return valueError(`无法识别的期间：${text}`);
}

/**
 * Time progress (时序进度) of a 1–N月 cumulative period: months elapsed ÷ 12 (1–6月 = 50%), as published
 * bulletins compute it. The day-count variant (method "日") is available but does not match them.
 * @customfunction TIMEPROGRESS TIMEPROGRESS
 * @param period Period text ("1-6月", "上半年", "前三季度", "2022年1-9月", "2022-06"), a month count 1–12, or a date; a cell or a range.
 * @param [method] "月" (months ÷ 12, default) or "日" (days elapsed ÷ days in the year).
 * @returns Time progress as a fraction (0.5 = 50%).
 */
export function timeprogress(period: any[][], method?: any[][]): any[][] {
  const m = readMethod(optionalValue(method));
  return eachCell([period], (cells) => {
    if (isExcelError(m)) return m;
    const p = readPeriod(cells[0]);
    if (isExcelError(p)) return p;
    return settle(timeProgressOf(p, m));
  });
}

/**
 * How far completion is ahead of (+) or behind (−) time progress, in percentage points: completion − time progress.
 * Suggested number format: +0.0"个百分点";-0.0"个百分点". An actual of 0 or blank gives #N/A, as in COMPLETION.
 * @customfunction PACE PACE
 * @param actual Cumulative actual; a cell or a range.
 * @param target Annual target; a cell or a range.
 * @param period Period text ("1-6月"), a month count 1–12, or a date; a cell or a range.
 * @returns Percentage points ahead (+) or behind (−) time progress (8.6).
 */
export function pace(actual: any[][], target: any[][], period: any[][]): any[][] {
  return eachCell([actual, target, period], (cells) => {
    const a = readAmount(cells[0]);
    if (isFigureError(a)) return a;
    const t = readAmount(cells[1]);
    if (isFigureError(t)) return t;
    const p = readPeriod(cells[2]);
    if (isExcelError(p)) return p;
    return completionGuard(a, t) ?? finite(settle(paceOf(a, t, p)));
  });
}

const TOTAL_ZERO_OR_BLANK = "全市合计为0或空白，不计算比重";

/**
 * The city total: one number, or the sum of a list that skips 全市/合计/小计 and group rows when names are given.
 * Empty cells in the list add nothing whether they arrive as 0 or null; a total of 0 may be an empty cell.
 */
function readTotal(totalOrValues: Grid, names: Grid | undefined): number | ExcelError {
  if (totalOrValues.length === 1 && totalOrValues[0].length === 1 && !names) {
    const total = readAmount(totalOrValues[0][0]);
    if (isExcelError(total)) return total;
    return isZeroOrBlank(total) ? naError(TOTAL_ZERO_OR_BLANK) : (total as number);
  }
  const cells = flatten(totalOrValues);
  const values: (number | null)[] = new Array(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const v = readAmount(cells[i]);
    if (isExcelError(v)) return valueError(`合计区域第${i + 1}个单元格无法识别：${String(cells[i])}`);
    values[i] = v;
  }
  const nameList = names ? flatten(names).map((n) => (isEmptyCell(n) ? null : String(n))) : undefined;
  const total = totalOf(values, nameList, (name) => chongqing.isAggregateName(name));
  if (total.ok && !Number.isFinite(total.value)) return outOfRange();
  // Only blanks (null on the web, 0 on desktop) to add up: the same answer on both.
  if ((total.ok && total.value === 0) || (!total.ok && total.reason === "missing-input")) {
    return naError(TOTAL_ZERO_OR_BLANK);
  }
  return settle(total);
}

/**
 * Share of the city total (占全市比重): value ÷ total, as a fraction. Given a list of values with their unit
 * names, rows named 全市/合计/总计/小计 or a group (主城都市区 …) are never counted into the total. A value or
 * total of 0 or blank gives #N/A (desktop Excel passes a blank cell as 0).
 * @customfunction SHARE SHARE
 * @param value The unit's figure; a cell or a range.
 * @param totalOrValues The city total (one cell), or the list of all units' figures to add up.
 * @param [names] Unit names beside the list, so that total and subtotal rows are left out of the sum.
 * @returns Share as a fraction (0.107 = 10.7%).
 */
export function share(value: any[][], totalOrValues: any[][], names?: any[][]): any[][] {
  const total = readTotal(totalOrValues, omittedList(names, totalOrValues) ? undefined : names);
  return eachCell([value], (cells) => {
    if (isExcelError(total)) return total;
    const v = readAmount(cells[0]);
    if (isFigureError(v)) return v;
    if (isZeroOrBlank(v)) return naError("本单位数为0或空白，不计算比重");
    return finite(settle(shareOf(v, total)));
  });
}

/**
 * A list argument that goes with `list` (names, groups) left out: omitted, or a single empty cell beside a list of
 * several (it cannot be a list of one per value).
 */
function omittedList(grid: unknown[][] | null | undefined, list: Grid): boolean {
  if (grid === null || grid === undefined || grid.length === 0) return true;
  const single = grid.length === 1 && grid[0].length === 1;
  return single && isEmptyCell(grid[0][0]) && flatten(list).length > 1;
}

function readAscending(raw: unknown): boolean | ExcelError {
  if (isEmptyCell(raw)) return false;
  if (typeof raw === "boolean") return raw;
  if (typeof raw === "number") return raw !== 0;
  const t = String(raw).trim().toLowerCase();
  if (["升序", "asc", "ascending", "true", "1"].includes(t)) return true;
  if (["降序", "desc", "descending", "false", "0"].includes(t)) return false;
  return valueError(`无法识别的排序方式：${String(raw)}（应为0降序或1升序）`);
}

function readGroup(raw: unknown): string | null {
  return isEmptyCell(raw) ? null : String(raw).trim();
}

/** A figure in the list to rank: 0 or blank is not ranked (on desktop a blank cell arrives as 0). */
function rankable(raw: unknown): number | null {
  const f = readAmount(raw);
  return isExcelError(f) || isZeroOrBlank(f) ? null : f;
}

/**
 * Rank within a list (competition ranking: 1, 2, 2, 4), highest first by default; optionally within a group
 * (e.g. among 主城新区 only). Blank, 0 and non-numeric cells are not ranked (desktop Excel passes a blank cell as 0).
 * @customfunction RANK RANK
 * @param value The figure to rank; a cell or a range (spills one rank per cell).
 * @param values All figures of the list.
 * @param [groups] The group of each figure in the list (same size as values).
 * @param [group] The group to rank within; a cell or a range beside value (each row in its own group).
 * @param [ascending] 0 or FALSE: highest first (default); 1 or TRUE: lowest first.
 * @returns The rank (1 = first).
 */
export function rank(value: any[][], values: any[][], groups?: any[][], group?: any[][], ascending?: any[][]): any[][] {
  const asc = readAscending(optionalValue(ascending));
  if (isExcelError(asc)) return [[asc]];
  const list = flatten(values).map(rankable);
  const groupList = omittedList(groups, values) ? undefined : flatten(groups).map(readGroup);
  if (groupList && groupList.length !== list.length) return [[valueError("分组区域应与数值区域同样大小")]];
  const ranker = makeRanker(list, { groups: groupList, ascending: asc });
  const groupGrid: Grid = isOmitted(group) ? [[null]] : (group as Grid);
  return eachCell([value, groupGrid], (cells) => {
    const v = readAmount(cells[0]);
    if (isFigureError(v)) return v;
    if (isZeroOrBlank(v)) return naError("数值为0或空白，不参与排名");
    return settle(ranker(v, groupList ? readGroup(cells[1]) : undefined));
  });
}

function readUnit(raw: unknown, fallback: AmountUnit): AmountUnit | ExcelError {
  const text = isEmptyCell(raw) ? null : readOptionalText(raw);
  if (text === null) return fallback;
  return normalizeAmountUnit(text) ?? valueError(`无法识别的金额单位：${text}（如 亿元、万元、元）`);
}

/**
 * Size tier of an amount (规模档次), exclusive bands: 百亿级 ≥100, 50亿级 [50,100), 30亿级 [30,50), 10亿级 [10,30)
 * 亿元; below 10亿元, and for an amount of 0 or blank, the result is empty.
 * @customfunction TIER TIER
 * @param amount The amount (a project's or a unit's contract amount); a cell or a range.
 * @param [unit] The unit of plain numbers in amount: "亿元" (default), "万元" or "元".
 * @returns The tier label, e.g. 百亿级; empty below the lowest tier.
 */
export function tier(amount: any[][], unit?: any[][]): any[][] {
  const from = readUnit(optionalValue(unit), "亿元");
  return eachCell([amount], (cells) => {
    if (isExcelError(from)) return from;
    const yi = readAmount(cells[0], "亿元", from);
    if (isFigureError(yi)) return yi;
    // No amount has no tier: the same empty answer for a blank on the web (null) and on desktop (0).
    if (yi === null) return "";
    return tierOf(yi, DEFAULT_TIERS)?.label.zh ?? "";
  });
}

/**
 * Reads an amount written as text, as statisticians type it ("1.08万亿元", "389.76亿元", "约95.1", "1,234", "３３")
 * and returns it as a number in the requested unit. "…" (below the table's unit) reads as 0; a blank stays empty on
 * the web and is 0 on desktop, which passes an empty cell as 0 (as Excel's own =A1 shows it).
 * @customfunction AMOUNT AMOUNT
 * @param text The text or number; a cell or a range.
 * @param [unit] The unit of the result: "亿元" (default), "万元", "元", "万美元" ….
 * @returns The amount as a number in that unit.
 */
export function amount(text: any[][], unit?: any[][]): any[][] {
  const to = readUnit(optionalValue(unit), "亿元");
  return eachCell([text], (cells) => {
    if (isExcelError(to)) return to;
    const v = readAmount(cells[0], to);
    if (isFigureError(v)) return v;
    return v === null ? "" : v;
  });
}

function readAsOf(raw: unknown): AsOf | undefined | ExcelError {
  if (isEmptyCell(raw)) return undefined;
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
  const when = readAsOf(optionalValue(asOf));
  return eachCell([name], (cells) => {
    if (isExcelError(when)) return when;
    const text = readName(cells[0]);
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
  });
}

/** A unit name; an empty cell (null on the web, 0 on desktop) is no name. */
function readName(raw: unknown): string | null {
  return isEmptyCell(raw) ? null : readOptionalText(raw);
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
  const schemeText = readName(optionalValue(scheme)) ?? "2020";
  const schemeId = schemeText.replace(/年|版|方案/g, "");
  const known = chongqing.schemes().some((s) => s.id === schemeId);
  return eachCell([name], (cells) => {
    if (!known) {
      const ids = chongqing
        .schemes()
        .map((s) => s.id)
        .join("、");
      return valueError(`无法识别的片区方案：${schemeText}（可选：${ids}）`);
    }
    const text = readName(cells[0]);
    if (text === null) return naError("缺少单位名称");
    const r = chongqing.resolve(text);
    if (r.status === "unknown") return naError(r.message.zh);
    if (r.status === "aggregate") return naError(`"${text}"是汇总行，不是单位`);
    return chongqing.groupOf(r.unit, schemeId) ?? naError(`${r.unit.name}在${schemeId}方案中没有片区`);
  });
}
