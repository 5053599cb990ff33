import { IndicatorId } from "./catalog";
import { Lang } from "./i18n";
import { MappingOverride } from "./sheet/types";

/** Everything a validation run can be told; the engine is a pure function of (sheet, targets, configuration). */
export interface ValidationConfig {
  /** Registry preset id, or "auto" to pick it from the sheet's period (chongqing-2020 before 2026). */
  preset: string;
  /** Year of the sheet when its title does not say; null = from the title, else the current registry. */
  year: number | null;
  /** Months of a 1–N月 sheet when its title does not say. */
  months: number | null;
  /** Grouping scheme id for group subtotals ("2020" 一区两群, "2024" spatial plan). */
  scheme: string;
  /** Indicators whose blank cells are reported (blank-value); others may be left blank. */
  requiredIndicators: IndicatorId[];
  thresholds: {
    /** behind-schedule: completion below time progress by more than this many 百分点 is info … */
    behindScheduleInfo: number;
    /** … and by more than this many is verify. */
    behindScheduleVerify: number;
    /** unit-slip: a value within this factor of 10⁴× (or 1/10⁴) its reference is flagged. */
    unitSlipTolerance: number;
    /** outlier: robust z-score (|x − median| / (1.4826·MAD)) above this is info. */
    outlierZ: number;
    /** outlier: columns with fewer values than this are not checked. */
    outlierMinValues: number;
    /** yoy-swing: an amount whose |同比| exceeds this many % is 核实性 (local 审核评估 rules: 30%); 0 turns it off. */
    yoySwing: number;
  };
  /** Column mapping corrections by the user. */
  mapping: MappingOverride[];
  /**
   * Check only the units a table lists (zs-check --only-present): units of the period's list that are absent are
   * not reported as missing, only counted in one 提示性 note.
   */
  onlyPresentUnits: boolean;
  lang: Lang;
}

export const DEFAULT_CONFIG: ValidationConfig = {
  preset: "auto",
  year: null,
  months: null,
  scheme: "2020",
  requiredIndicators: ["signed-projects", "contract-amount", "funds-in-place"],
  thresholds: {
    behindScheduleInfo: 5,
    behindScheduleVerify: 20,
    unitSlipTolerance: 5,
    outlierZ: 5,
    outlierMinValues: 8,
    yoySwing: 30,
  },
  mapping: [],
  onlyPresentUnits: false,
  lang: "zh",
};

/** Defaults with a user's partial settings on top (thresholds merged field by field). */
export function withDefaults(partial: Partial<Omit<ValidationConfig, "thresholds">> & { thresholds?: Partial<ValidationConfig["thresholds"]> } = {}): ValidationConfig {
  return {
    ...DEFAULT_CONFIG,
    ...partial,
    thresholds: { ...DEFAULT_CONFIG.thresholds, ...(partial.thresholds ?? {}) },
    mapping: partial.mapping ?? DEFAULT_CONFIG.mapping,
    requiredIndicators: partial.requiredIndicators ?? DEFAULT_CONFIG.requiredIndicators,
  };
}
