import { Bilingual } from "../i18n";
import { indicatorDef, IndicatorId } from "../catalog";
import { AmountUnit, currencyOf, isAmountUnit } from "../numbers";
import { parsePeriod } from "../period";
import { overrideOutOfRange } from "./messages";
import { ColumnMapping, ColumnUnit, MappingOverride, Measure } from "./types";
import { IndicatorMatch, isPartText, matchIndicator, matchMeasure, normaliseHeaderText, unitsInCell } from "./vocabulary";

export interface MappingContext {
  /** The amount unit of the sheet's unit line ("单位：亿元、个" → 亿元). */
  unitLine: AmountUnit | null;
  /** The reporting year, to tell a "2022年1-6月" sub-header (本期) from a "2021年1-6月" one (上年同期). */
  sheetYear?: number;
}

/** Measures whose figures are percentages or percentage points rather than the indicator's own quantity. */
const PERCENT_MEASURES: ReadonlySet<Measure> = new Set(["yoy", "completion", "share", "pace"]);

/** The header texts a column shows, top to bottom, once: a vertical merge repeats its text in every row. */
export function headerOf(texts: readonly string[]): string[] {
  const header: string[] = [];
  for (const text of texts) if (text !== "" && text !== header[header.length - 1]) header.push(text);
  return header;
}

/**
 * A rate indicator (开工率, 资金到位率) has no separate "current" figure: the rate is the figure. Conversely a rate
 * measure on a plain indicator (after a user's override) is its current figure.
 */
export function settleMeasure(indicator: IndicatorId | null, measure: Measure | null): Measure | null {
  if (indicator === null || measure === null) return measure;
  const isRate = indicatorDef(indicator).kind === "rate";
  if (isRate && measure === "current") return "rate";
  if (!isRate && measure === "rate") return "current";
  return measure;
}

/** A sub-header that is a period or a year: the sheet's own year is 本期, the year before is 上年同期. */
function measureFromPeriod(text: string, sheetYear: number | undefined): Measure | null {
  if (/^(上年|去年|上年度)$/.test(text)) return "previous";
  if (/^(今年|本年度)$/.test(text)) return "current";
  const yearOnly = /^((?:19|20)\d{2})年?度?$/.exec(text);
  const year = yearOnly ? Number(yearOnly[1]) : parsePeriod(text)?.year;
  if (yearOnly === null && parsePeriod(text) === null) return null;
  return year !== undefined && sheetYear !== undefined && year === sheetYear - 1 ? "previous" : "current";
}

export interface HeaderReading {
  indicator: IndicatorMatch | null;
  measure: Measure | null;
  /** Units named by the header cells, bottom cell first. */
  valueUnits: ColumnUnit[];
  /** Units named by the cell that gave the measure and the cells below it, bottom first. */
  percentUnits: ColumnUnit[];
}

/**
 * Reads a column's header cells. The lowest cell that names an indicator is the column's indicator (a 其中 part
 * under its whole, or beside it when `left` is the whole of the columns to its left, is the part); the lowest cell
 * with a measure word is its measure, whether the measure row is above or below the indicator row.
 */
export function readHeader(header: readonly string[], sheetYear?: number, left?: IndicatorMatch | null): HeaderReading {
  const cells = header.map(normaliseHeaderText);
  let found: IndicatorMatch | null = null;
  let indicatorCell = -1;
  for (let i = 0; i < cells.length; i++) {
    // A 其中 cell with no whole above it is a part of the whole to its left ("到位资金 | 其中：市外").
    const match = matchIndicator(cells[i], found ?? (isPartText(cells[i]) ? left : null));
    if (match !== null) {
      found = match;
      indicatorCell = i;
    }
  }

  let measure: Measure | null = null;
  let measureCell = -1;
  for (let i = cells.length - 1; i >= 0 && measure === null; i--) {
    measure = matchMeasure(cells[i], i === indicatorCell ? found?.words : undefined);
    if (measure !== null) measureCell = i;
  }
  for (let i = cells.length - 1; i >= 0 && measure === null; i--) {
    measure = measureFromPeriod(cells[i], sheetYear);
    if (measure !== null) measureCell = i;
  }
  if (measure === null && found !== null) measure = "current";
  measure = settleMeasure(found?.id ?? null, measure);

  const units = cells.map(unitsInCell);
  const bottomFirst = (from: number) => units.slice(Math.max(from, 0)).reverse().flat();
  return { indicator: found, measure, valueUnits: bottomFirst(0), percentUnits: bottomFirst(measureCell) };
}

export interface SettledUnit {
  unit: ColumnUnit | null;
  unitSource: ColumnMapping["unitSource"];
}

function isPercentUnit(unit: ColumnUnit): boolean {
  return unit === "%" || unit === "个百分点";
}

/**
 * The unit of a column's figures: what the header itself says, else the unit line (amounts only), else the
 * indicator's default. 实际使用外资 is in 万美元 even when the unit line says 亿元: a line in yuan never applies to it.
 * Changes of a rate and 超（欠）序时进度 are in 个百分点; other growth, completion and share figures in %.
 */
export function settleUnit(
  indicator: IndicatorId | null,
  measure: Measure | null,
  valueUnits: readonly ColumnUnit[],
  percentUnits: readonly ColumnUnit[],
  unitLine: AmountUnit | null,
): SettledUnit {
  if (measure === "rank") return { unit: null, unitSource: null };
  const kind = indicator === null ? null : indicatorDef(indicator).kind;

  if (measure !== null && PERCENT_MEASURES.has(measure)) {
    const written = percentUnits.find(isPercentUnit);
    if (written !== undefined) return { unit: written, unitSource: "header" };
    const points = measure === "pace" || (measure === "yoy" && kind === "rate");
    return { unit: points ? "个百分点" : "%", unitSource: "default" };
  }

  if (indicator === null || kind === null) {
    const written = valueUnits[0];
    return written === undefined ? { unit: null, unitSource: null } : { unit: written, unitSource: "header" };
  }

  const fits = (unit: ColumnUnit): boolean =>
    kind === "count" ? unit === "个" : kind === "rate" ? unit === "%" : isAmountUnit(unit);
  const written = valueUnits.find(fits);
  if (written !== undefined) return { unit: written, unitSource: "header" };
  if (unitLine !== null && (kind === "amount" || kind === "foreign-amount")) {
    const lineCurrency = currencyOf(unitLine);
    if ((kind === "amount" && lineCurrency === "CNY") || (kind === "foreign-amount" && lineCurrency === "USD")) {
      return { unit: unitLine, unitSource: "unit-line" };
    }
  }
  return { unit: indicatorDef(indicator).defaultUnit, unitSource: "default" };
}

export function mapColumn(col: number, texts: readonly string[], context: MappingContext, left?: IndicatorMatch | null): ColumnMapping {
  const header = headerOf(texts);
  const reading = readHeader(header, context.sheetYear, left);
  const indicator = reading.indicator?.id ?? null;
  const { unit, unitSource } = settleUnit(indicator, reading.measure, reading.valueUnits, reading.percentUnits, context.unitLine);
  const recognised = indicator !== null || reading.measure !== null;
  return { col, header, indicator, measure: reading.measure, unit, unitSource, source: recognised ? "header" : "unmapped" };
}

/**
 * Every column of a table, left to right: a column whose header has no 其中 cell is the whole for the 其中 columns
 * right of it ("正式合同额 | 其中：工业 | 到位资金 | 其中：市外").
 */
export function mapColumns(texts: readonly (readonly string[])[], context: MappingContext): ColumnMapping[] {
  let whole: IndicatorMatch | null = null;
  return texts.map((t, col) => {
    const header = headerOf(t);
    const mapping = mapColumn(col, t, context, whole);
    if (!header.some((h) => isPartText(normaliseHeaderText(h)))) {
      const own = readHeader(header, context.sheetYear).indicator;
      if (own !== null) whole = own;
    }
    return mapping;
  });
}

/**
 * The user's corrections, applied last. An override that does not name the unit gets the unit the header implies
 * for the new indicator (a column re-read as 实际使用外资 is in 万美元 unless its header says otherwise).
 */
export function applyOverrides(
  columns: ColumnMapping[],
  overrides: readonly MappingOverride[],
  context: MappingContext,
): Bilingual[] {
  const notes: Bilingual[] = [];
  for (const override of overrides) {
    // Row corrections belong to one-district forms (transposed.ts).
    if (override.row !== undefined) continue;
    const index = columns.findIndex((c) => c.col === override.col);
    if (index < 0) {
      notes.push(overrideOutOfRange(override.col));
      continue;
    }
    const before = columns[index];
    const reading = readHeader(before.header, context.sheetYear);
    const measure =
      override.measure !== undefined
        ? override.measure
        : settleMeasure(override.indicator, override.indicator === null ? before.measure : (before.measure ?? "current"));
    const settled =
      override.unit !== undefined
        ? { unit: override.unit, unitSource: "user" as const }
        : settleUnit(override.indicator, measure, reading.valueUnits, reading.percentUnits, context.unitLine);
    columns[index] = { ...before, indicator: override.indicator, measure, ...settled, source: "user" };
  }
  return notes;
}
