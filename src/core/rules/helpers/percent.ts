import { RuleContext } from "../context";
import { decimalsOf, decimalsOfText } from "./precision";

/** One way of reading a rate cell (entry i of the field table). */
export interface PercentReading {
  /** The rate as a fraction (59.39% → 0.5939). */
  fraction: number;
  /** Decimals of the percentage as printed (59.39% → 2; may be negative for a fraction printed as "1"). */
  decimals: number;
  how: "text-percent" | "points" | "format-percent" | "fraction" | "times-100";
}

/**
 * The readings a rate cell allows. Percent cells arrive as fractions (0.125 with a % format) or as numbers ×100
 * (12.5). The cell decides when it can: text with "%" or 个百分点, or a number format with "%" (scaling) or a
 * literal "%"/个百分点 (not scaling, see formatInfo). Otherwise both
 * readings are returned and the caller keeps the one that matches its inputs (rate-mismatch) — a reported rate is
 * read the way that makes it agree with the sheet's own figures, and only if neither does is it a mismatch.
 */
export function percentReadings(ctx: RuleContext, i: number): PercentReading[] {
  const p = ctx.parsedAt(i);
  if (p.kind !== "number") return [];
  if (p.fromText && p.text !== undefined) {
    const d = decimalsOfText(p.text);
    if (p.percent) return [{ fraction: p.value, decimals: d, how: "text-percent" }];
    if (p.unit === "个百分点") return [{ fraction: p.value / 100, decimals: d, how: "points" }];
    return both(p.value, d);
  }
  const format = ctx.formatAt(i);
  if (format !== null && format.percent)
    return [{ fraction: p.value, decimals: format.decimals, how: "format-percent" }];
  // `0.00\%`, `0.00"%"`, `0.0"个百分点"`: the sign is literal text, so the cell holds the ×100 figure it prints.
  if (format !== null && format.percentLiteral)
    return [{ fraction: p.value / 100, decimals: format.decimals, how: format.points ? "points" : "times-100" }];
  return both(p.value, format !== null ? format.decimals : decimalsOf(p.value));
}

function both(value: number, decimals: number): PercentReading[] {
  return [
    { fraction: value / 100, decimals, how: "times-100" },
    { fraction: value, decimals: decimals - 2, how: "fraction" },
  ];
}

/** Half a unit of the last printed digit of the percentage, as a fraction (2 decimals → 0.00005). */
export function halfUnitOfPercent(reading: PercentReading): number {
  return Math.pow(10, -reading.decimals) / 200;
}

/**
 * A rate cell read without inputs to compare with (behind-schedule falls back on the printed 完成率): the cell
 * decides when it can, else a value above 3 is taken as ×100 (no completion of 300% is read as 3%), else as a
 * fraction.
 */
export function readPercentAlone(ctx: RuleContext, i: number): PercentReading | null {
  const readings = percentReadings(ctx, i);
  if (readings.length <= 1) return readings[0] ?? null;
  const times100 = readings[0];
  return Math.abs(times100.fraction * 100) > 3 ? times100 : readings[1];
}
