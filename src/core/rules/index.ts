import { addinFormula } from "./addin-formula";
import { behindSchedule } from "./behind-schedule";
import { blankValue } from "./blank-value";
import { duplicateMapping } from "./duplicate-mapping";
import { duplicateUnit } from "./duplicate-unit";
import { formulaError } from "./formula-error";
import { invalidUnit } from "./invalid-unit";
import { missingUnit } from "./missing-unit";
import { negativeValue } from "./negative-value";
import { noTarget } from "./no-target";
import { notComparable } from "./not-comparable";
import { outlier } from "./outlier";
import { partExceedsWhole } from "./part-exceeds-whole";
import { partsSumMismatch } from "./parts-sum-mismatch";
import { rateMismatch } from "./rate-mismatch";
import { Rule } from "./rule";
import { textNumber } from "./text-number";
import { totalMismatch } from "./total-mismatch";
import { unitSlip } from "./unit-slip";
import { unknownUnit } from "./unknown-unit";
import { yoySwing } from "./yoy-swing";

export type { Rule } from "./rule";
export type { RuleContext, RecordInfo, FindingInput, ContextOptions } from "./context";
export { createContext } from "./context";

/**
 * Every sheet rule. The engine sorts their findings (compareFindings), so this order does not show in reports.
 * duplicate-submission and missing-submission compare files, so they live in engine.checkSubmissions, not here.
 */
export const RULES: readonly Rule[] = Object.freeze([
  duplicateUnit,
  duplicateMapping,
  unknownUnit,
  missingUnit,
  invalidUnit,
  formulaError,
  textNumber,
  negativeValue,
  blankValue,
  noTarget,
  unitSlip,
  totalMismatch,
  partExceedsWhole,
  partsSumMismatch,
  rateMismatch,
  behindSchedule,
  outlier,
  notComparable,
  yoySwing,
  addinFormula,
]);

export {
  addinFormula,
  behindSchedule,
  blankValue,
  duplicateMapping,
  duplicateUnit,
  formulaError,
  invalidUnit,
  missingUnit,
  negativeValue,
  noTarget,
  notComparable,
  outlier,
  partExceedsWhole,
  partsSumMismatch,
  rateMismatch,
  textNumber,
  totalMismatch,
  unitSlip,
  unknownUnit,
  yoySwing,
};
