import { AmountUnit, normalizeAmountUnit, normalizeFullWidth } from "../numbers";
import { afterAnyOf, allNotAfter, execNotAfter } from "../not-after";
import { formatPeriodLabel, parsePeriod, Period } from "../period";
import { textOf } from "./cells";
import { SheetGrid } from "./types";

/**
 * What sits above a table: the title (with the reporting period), the unit line ("单位：亿元、个") and, on a
 * single-district form, the "填报单位：渝北区" line.
 */
export interface Preamble {
  title: { row: number; text: string } | null;
  period: Period | null;
  unitLine: { row: number; text: string; unit: AmountUnit | null } | null;
  reporter: { row: number; col: number; text: string } | null;
  /** A year named in the preamble even without months ("2022年各区县年度目标任务"): units are resolved as of it. */
  year: number | null;
}

// 填报单位 / 报送单位 name who reports, not the unit of measure.
const REPORTER = /(?:填报|报送|报表|制表)单位\s*[:：]\s*([^\s:：]+)/;
const UNIT_LINE = /((?:金额|计量|货币)?单位)\s*[:：]\s*([^\s;；]+)/g;
const NOT_A_UNIT_LINE = afterAnyOf(["填报", "报送", "报表", "制表"]);
const TITLE_WORDS = /(表|情况|统计|通报|汇总|一览|月报|季报|年报)/;
const YEAR = /(?:^|\D)((?:19|20)\d{2})\s*年/;

export function isUnitLineText(text: string): boolean {
  return execNotAfter(UNIT_LINE, normalizeFullWidth(text), NOT_A_UNIT_LINE) !== null;
}

export function isReporterText(text: string): boolean {
  return REPORTER.test(normalizeFullWidth(text));
}

/** Preamble rows that are neither the unit line nor a 填报单位 line (they are never headers either). */
export function isMetaText(text: string): boolean {
  return isUnitLineText(text) || isReporterText(text);
}

/**
 * The amount unit a unit line names. "单位：亿元、个" lists one per kind, so the first amount unit wins; an
 * explicit "金额单位：万元" beats a general "单位：…" in the same line.
 */
export function unitLineAmount(text: string): AmountUnit | null {
  const normalised = normalizeFullWidth(text);
  let general: AmountUnit | null = null;
  for (const match of allNotAfter(UNIT_LINE, normalised, NOT_A_UNIT_LINE)) {
    const amount = match[2]
      .split(/[、,，/和及]/)
      .map((word) => normalizeAmountUnit(word.replace(/[()（）]/g, "")))
      .find((unit): unit is AmountUnit => unit !== null);
    if (amount === undefined) continue;
    if (match[1] === "金额单位") return amount;
    general ??= amount;
  }
  return general;
}

function rowText(grid: SheetGrid, row: number): string {
  const seen: string[] = [];
  for (const value of grid.values[row] ?? []) {
    const text = textOf(value);
    if (text !== "" && !seen.includes(text)) seen.push(text);
  }
  return seen.join(" ");
}

export function readPreamble(grid: SheetGrid, rows: readonly number[]): Preamble {
  let unitLine: Preamble["unitLine"] = null;
  let reporter: Preamble["reporter"] = null;
  const candidates: { row: number; text: string }[] = [];

  for (const row of rows) {
    const cells = grid.values[row] ?? [];
    const others: string[] = [];
    for (let col = 0; col < cells.length; col++) {
      const text = textOf(cells[col]);
      if (text === "") continue;
      const reporterMatch = REPORTER.exec(normalizeFullWidth(text));
      if (reporterMatch !== null && reporter === null) reporter = { row, col, text: reporterMatch[1] };
      // A unit line may also be glued to the title: "…完成情况表（单位：亿元）".
      if (unitLine === null && isUnitLineText(text)) unitLine = { row, text, unit: unitLineAmount(text) };
      if (!isMetaText(text) && !others.includes(text)) others.push(text);
    }
    if (others.length > 0) candidates.push({ row, text: others.join(" ") });
  }

  // The title names the period or calls itself a 表/情况; a lone "附件2" above it is not the title.
  const title =
    candidates.find((c) => parsePeriod(c.text) !== null && TITLE_WORDS.test(c.text)) ??
    candidates.find((c) => parsePeriod(c.text) !== null) ??
    candidates.find((c) => TITLE_WORDS.test(c.text)) ??
    candidates[0] ??
    null;

  const ordered = title === null ? candidates : [title, ...candidates];
  const yearMatch = ordered.map((c) => YEAR.exec(normalizeFullWidth(c.text))).find((m) => m !== null);
  const year = yearMatch ? Number(yearMatch[1]) : null;
  return { title, period: findPeriod(grid, rows, title), unitLine, reporter, year };
}

/** The title's period; failing that another preamble line's. A year written elsewhere completes a bare "1—6月". */
function findPeriod(grid: SheetGrid, rows: readonly number[], title: Preamble["title"]): Period | null {
  const texts = rows.map((row) => rowText(grid, row));
  const ordered = title === null ? texts : [title.text, ...texts];
  let period: Period | null = null;
  for (const text of ordered) {
    period = parsePeriod(text);
    if (period !== null) break;
  }
  if (period === null || period.year !== undefined) return period;
  for (const text of ordered) {
    const year = YEAR.exec(normalizeFullWidth(text));
    if (year !== null) {
      const y = Number(year[1]);
      return { ...period, year: y, label: formatPeriodLabel(period.startMonth, period.endMonth, y) };
    }
  }
  return period;
}

/**
 * A footnote or note that states the period, below or beside the table: "注：统计期间为2022年1—9月",
 * "说明：本表数据为1-9月累计数", "数据截至2022年9月底". Only rows that read as notes are looked at (they start with
 * 注/备注/说明/附注, or name a 统计期间/数据时间), so a unit row or a header cell ("截至6月底到位资金") never
 * supplies the period. "截至9月" on a cumulative sheet means 1–9月.
 */
export function findNotePeriod(grid: SheetGrid, fromRow: number): { period: Period; text: string } | null {
  for (let row = fromRow; row < grid.values.length; row++) {
    const written = rowText(grid, row).trim();
    const text = normalizeFullWidth(written);
    if (text === "" || !NOTE.test(text)) continue;
    const period = parsePeriod(text);
    if (period === null) continue;
    if (UP_TO.test(text) && period.startMonth === period.endMonth) {
      return { period: { ...period, startMonth: 1, label: formatPeriodLabel(1, period.endMonth, period.year) }, text: written };
    }
    return { period, text: written };
  }
  return null;
}

const NOTE = /^(?:注|备注|说明|附注|填表说明|数据说明)|统计期间|统计时段|统计时间|数据期间|数据时间|报告期/;
const UP_TO = /截至|截止/;
