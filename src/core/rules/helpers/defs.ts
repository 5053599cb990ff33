import { INDICATORS, IndicatorDef, IndicatorId } from "../../catalog";

/** Catalog entries by id, without indicatorDef's existence check: ids in a SheetModel come from the catalog. */
export const DEF: Readonly<Record<IndicatorId, IndicatorDef>> = Object.freeze(
  Object.fromEntries(INDICATORS.map((d) => [d.id, d])) as Record<IndicatorId, IndicatorDef>,
);
