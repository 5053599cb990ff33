import { AmountUnit, amountIn, convertAmount, isAmountUnit, parseCell, ParsedCell } from "../core/numbers";
import { ExcelError, valueError } from "./excel-errors";

/**
 * What a cell means as a figure: a number, blank (null), or an Excel error explaining why it is not a figure.
 * A blank cell reaches us as null on the web and as 0 on desktop (office-js #4702): null and "" are blank here, and
 * each function decides what an exact 0 means (blanks.ts).
 */
export type Figure = number | null | ExcelError;

/**
 * A figure is a number, null or an error, so "an object" is the test: it costs nothing per cell, unlike looking up
 * the runtime's global on million-cell ranges.
 */
export function isFigureError(figure: Figure): figure is ExcelError {
  return typeof figure === "object" && figure !== null;
}

function notAFigure(parsed: ParsedCell, raw: unknown): ExcelError {
  if (parsed.kind === "error") return valueError(`单元格为错误值：${parsed.code}`);
  if (parsed.kind === "not-a-number") return valueError(parsed.message.zh);
  return valueError(`无法识别的数值：${String(raw)}`);
}

/** A plain figure (a rate, a count, a month): text such as "12.5%" or "约95.1" is accepted, units are not converted. */
export function readFigure(raw: unknown): Figure {
  if (typeof raw === "number") return Number.isFinite(raw) ? raw : outOfRange();
  if (raw === null || raw === undefined || raw === "") return null;
  const parsed = parseCell(raw as string | boolean | Date);
  if (parsed.kind === "number") return parsed.value;
  if (parsed.kind === "blank") return null;
  if (parsed.kind === "below-unit") return 0;
  return notAFigure(parsed, raw);
}

/**
 * An amount in `unit` (亿元 by default): "389.76亿元" and "38976万元" both read as 389.76; a plain number, or text
 * without a unit, is taken as being in `assumed` (the unit the caller says the cells are in, `unit` by default).
 * A foreign-currency amount (万美元) cannot be mixed with 元 and is refused.
 */
export function readAmount(raw: unknown, unit: AmountUnit = "亿元", assumed: AmountUnit = unit): Figure {
  // The common case first: a plain number in the unit asked for (million-cell ranges go through here).
  if (typeof raw === "number" && assumed === unit) return Number.isFinite(raw) ? raw : outOfRange();
  const figure = readAmountAsIs(raw, unit, assumed);
  return typeof figure === "number" && !Number.isFinite(figure) ? outOfRange(raw) : figure;
}

/** Excel holds no Infinity or NaN: a figure or result beyond ±1.8e308 is refused with a message naming no number. */
export function outOfRange(raw?: unknown): ExcelError {
  return valueError(typeof raw === "string" ? `数值超出范围：${raw}` : "数值超出范围");
}

function readAmountAsIs(raw: unknown, unit: AmountUnit, assumed: AmountUnit): Figure {
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) return outOfRange();
    return assumed === unit ? raw : convertAmount(raw, assumed, unit) ?? valueError(`无法换算为${unit}：${raw}${assumed}`);
  }
  if (raw === null || raw === undefined || raw === "") return null;
  const parsed = parseCell(raw as string | boolean | Date);
  switch (parsed.kind) {
    case "number": {
      const written = parsed.unit !== undefined && isAmountUnit(parsed.unit);
      const value =
        written || parsed.scale !== undefined ? amountIn(parsed, unit) : convertAmount(parsed.value, assumed, unit);
      return value === null ? valueError(`币种或单位不同，无法换算为${unit}：${String(raw)}`) : value;
    }
    case "blank":
      return null;
    case "below-unit":
      return 0;
    default:
      return notAFigure(parsed, raw);
  }
}

/** Optional text argument: Excel passes null (web) or an empty value (desktop) when it is left out. */
export function readOptionalText(raw: unknown): string | null {
  if (raw === null || raw === undefined) return null;
  const text = String(raw).trim();
  return text === "" ? null : text;
}

export function firstCell(grid: unknown[][] | null | undefined): unknown {
  return grid && grid.length > 0 && grid[0].length > 0 ? grid[0][0] : null;
}
