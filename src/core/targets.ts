import { IndicatorId, indicatorDef } from "./catalog";
import { AmountUnit, CellValue, ParsedCell, amountIn, convertAmount, isAmountUnit, parseCell } from "./numbers";
import { MEASURE_SYNONYMS } from "./catalog";
import { columnLetters } from "./rules/helpers/address";
import { ColumnMapping, DataRecord, FieldRef, SheetModel } from "./sheet/types";
import { periodAsOf } from "./sheet-dating";
import { Resolution, UnitRegistry, chongqing, normalizeUnitName } from "./units";

/**
 * Annual targets (年度目标) by unit. They come from the data sheet's own 年度目标 columns or from a separate
 * targets sheet (the city bureau hands targets out once a year); completion and no-target read them from here.
 */
export interface TargetValue {
  /** In the indicator's default unit (亿元 for amounts, 个 for counts); null = no target ("-", blank, text). */
  value: number | null;
  /** The cell as written: a "-" stays "-", so "no target on purpose" can be told from "forgot to fill in". */
  raw: CellValue;
  sheet: string;
  cell: string | null;
}

export interface TargetTable {
  source: string;
  /** Key: the registry's unit code; the normalised label for units the registry does not know. */
  byUnit: Map<string, Partial<Record<IndicatorId, TargetValue>>>;
}

/** How a record is keyed across sheets: the unit code when the label resolved, else the label without spaces. */
export function unitKey(resolution: Resolution | undefined | null, label: string): string {
  if (resolution && (resolution.status === "ok" || resolution.status === "invalid")) return resolution.unit.code;
  return normalizeUnitName(label);
}

/** Re-exported: sheet-dating.ts decides the dates (targets, engine and readers all use it). */
export { periodAsOf };

const TARGET_WORDS = /目标|任务/;
const CURRENT_WORDS = MEASURE_SYNONYMS.current;

/**
 * A sheet that is itself a list of targets ("2023年各区县招商引资目标任务表") has indicator columns with no measure
 * word, which the reader maps as "current". It is recognised by its title or headers naming 目标/任务 while no
 * column says 本期/累计/完成 and no column is a target, rate or comparison column.
 */
export function isTargetsOnlySheet(model: SheetModel): boolean {
  const mapped = model.columns.filter((c) => c.indicator !== null);
  if (mapped.length === 0) return false;
  if (!mapped.every((c) => c.measure === "current")) return false;
  if (mapped.some((c) => c.header.some((h) => CURRENT_WORDS.some((w) => h.includes(w))))) return false;
  const texts = [model.title?.text ?? "", ...model.columns.flatMap((c) => c.header)];
  return texts.some((t) => TARGET_WORDS.test(t));
}

function cellAddress(model: SheetModel, row: number, col: number): string {
  const origin = model.grid.origin ?? { row: 0, col: 0 };
  return `${columnLetters(origin.col + col)}${origin.row + row + 1}`;
}

function rawAt(model: SheetModel, row: number, col: number): CellValue {
  const r = model.grid.values[row];
  return r === undefined ? null : r[col];
}

function amountUnitOf(model: SheetModel, field: FieldRef, column: ColumnMapping | undefined): AmountUnit {
  const def = indicatorDef(field.indicator);
  const defaultUnit = def.defaultUnit as AmountUnit;
  const declared = field.unit ?? column?.unit ?? null;
  if (declared !== null && isAmountUnit(declared)) return declared;
  const line = model.unitLine?.unit ?? null;
  if (line !== null && convertAmount(1, line, defaultUnit) !== null) return line;
  return defaultUnit;
}

/** A target cell's figure in the indicator's default unit; null for "-", blanks and text that is not a number. */
export function targetFigure(parsed: ParsedCell, field: FieldRef, unit: AmountUnit | null): number | null {
  const def = indicatorDef(field.indicator);
  if (def.kind === "amount" || def.kind === "foreign-amount") {
    const from = unit ?? (def.defaultUnit as AmountUnit);
    const v = amountIn(parsed, from);
    return v === null ? null : convertAmount(v, from, def.defaultUnit as AmountUnit);
  }
  if (parsed.kind === "below-unit") return 0;
  if (parsed.kind !== "number") return null;
  // A rate target (开工率 75) as a fraction: "%" decides, else a value above 1.5 can only be a percentage.
  if (def.kind === "rate")
    return parsed.percent ? parsed.value : parsed.value > 1.5 ? parsed.value / 100 : parsed.value;
  return parsed.percent || (parsed.unit !== undefined && isAmountUnit(parsed.unit)) ? null : parsed.value;
}

/**
 * The target columns (measure "target") of a sheet by unit; in a targets-only sheet, its indicator columns.
 * Only unit rows are taken (a 全市 row's target is the city's, not a unit's). When a unit appears twice the
 * first row wins: the duplicate is reported when the targets sheet itself is validated.
 */
export function targetsFromModel(model: SheetModel, registry: UnitRegistry = chongqing): TargetTable {
  const measure = isTargetsOnlySheet(model) ? "current" : "target";
  const columns = new Map(model.columns.map((c) => [c.col, c]));
  const byUnit = new Map<string, Partial<Record<IndicatorId, TargetValue>>>();
  const asOf = periodAsOf(model.period?.year, model.period?.endMonth);
  for (const record of model.records) {
    if (record.kind !== "unit") continue;
    // No per-record arrays: a 100,000-row data sheet without target columns should cost one pass and nothing else.
    let entry: Partial<Record<IndicatorId, TargetValue>> | undefined;
    for (const field of record.fields) {
      if (field.measure !== measure) continue;
      if (entry === undefined) {
        const resolution = record.resolution ?? resolveQuietly(registry, record, asOf);
        const key = unitKey(resolution, record.label);
        entry = byUnit.get(key);
        if (entry === undefined) {
          entry = {};
          byUnit.set(key, entry);
        }
      }
      if (entry[field.indicator] !== undefined) continue;
      const raw = rawAt(model, field.row, field.col);
      const def = indicatorDef(field.indicator);
      const unit =
        def.kind === "amount" || def.kind === "foreign-amount"
          ? amountUnitOf(model, field, columns.get(field.col))
          : null;
      entry[field.indicator] = {
        value: targetFigure(parseCell(raw), field, unit),
        raw,
        sheet: model.sheet,
        cell: cellAddress(model, field.row, field.col),
      };
    }
  }
  return { source: model.sheet, byUnit };
}

function resolveQuietly(registry: UnitRegistry, record: DataRecord, asOf: string | undefined): Resolution | undefined {
  try {
    return registry.resolve(record.label, asOf);
  } catch {
    return undefined;
  }
}
