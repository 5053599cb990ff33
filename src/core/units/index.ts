export type {
  AsOf,
  FormerName,
  GroupingScheme,
  RegistryData,
  RegistryPreset,
  Resolution,
  SchemeGroup,
  UnitKind,
  UnitRecord,
} from "./types";
export { UnitRegistry } from "./registry";
export { loadRegistry } from "./load";
export { normalizeUnitName } from "./normalize";
export { TOTAL_ROW_LABELS, TOTAL_ROW_SUFFIXES, aggregateStem, isAggregateLabel } from "./total-rows";
export { similarity } from "./similarity";
export { asOfToIsoDate } from "./asOf";
export { chongqing } from "./chongqing";
