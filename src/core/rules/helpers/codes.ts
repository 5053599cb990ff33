import { INDICATORS, IndicatorDef, IndicatorId } from "../../catalog";
import { Measure } from "../../sheet/types";

/**
 * Small integer codes for indicators and measures, so that the field table (see RuleContext.table) can hold them
 * in typed arrays and bulk passes compare numbers instead of reading 1.2M objects.
 */

export const INDICATOR_DEFS: readonly IndicatorDef[] = INDICATORS;

const INDICATOR_CODE = new Map<IndicatorId, number>(INDICATORS.map((d, i) => [d.id, i]));

export function indicatorCode(id: IndicatorId): number {
  const code = INDICATOR_CODE.get(id);
  if (code === undefined) throw new Error(`unknown indicator id: ${id}`);
  return code;
}

export const MEASURES: readonly Measure[] = [
  "current",
  "previous",
  "yoy",
  "target",
  "completion",
  "rank",
  "share",
  "pace",
  "rate",
];

/** Measure → code (its index in MEASURES). */
export const M: Readonly<Record<Measure, number>> = Object.freeze(
  Object.fromEntries(MEASURES.map((m, i) => [m, i])) as Record<Measure, number>,
);

/** Per indicator code. */
export const KIND: readonly IndicatorDef["kind"][] = INDICATORS.map((d) => d.kind);
export const IS_AMOUNT: readonly boolean[] = INDICATORS.map((d) => d.kind === "amount" || d.kind === "foreign-amount");
export const IS_RATE: readonly boolean[] = INDICATORS.map((d) => d.kind === "rate");
export const PART_OF: readonly number[] = INDICATORS.map((d) =>
  d.partOf === undefined ? -1 : indicatorCode(d.partOf),
);
export const SUM_OF_PARTS: readonly (readonly number[] | null)[] = INDICATORS.map((d) =>
  d.sumOfParts === undefined ? null : d.sumOfParts.map(indicatorCode),
);
export const RATIO: readonly ({ numerator: number; denominator: number } | null)[] = INDICATORS.map((d) =>
  d.ratio === undefined
    ? null
    : { numerator: indicatorCode(d.ratio.numerator), denominator: indicatorCode(d.ratio.denominator) },
);
