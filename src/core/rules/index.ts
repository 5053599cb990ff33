import { Bilingual } from "../i18n";
import { declaration as addinFormulaDeclaration, addinFormula } from "./addin-formula";
import { declaration as behindScheduleDeclaration, behindSchedule } from "./behind-schedule";
import { declaration as blankValueDeclaration, blankValue } from "./blank-value";
import { declaration as duplicateMappingDeclaration, duplicateMapping } from "./duplicate-mapping";
import { declaration as duplicateUnitDeclaration, duplicateUnit } from "./duplicate-unit";
import { declaration as formulaErrorDeclaration, formulaError } from "./formula-error";
import { declaration as invalidUnitDeclaration, invalidUnit } from "./invalid-unit";
import { declaration as missingUnitDeclaration, missingUnit } from "./missing-unit";
import { declaration as negativeValueDeclaration, negativeValue } from "./negative-value";
import { declaration as noTargetDeclaration, noTarget } from "./no-target";
import { declaration as notComparableDeclaration, notComparable } from "./not-comparable";
import { declaration as outlierDeclaration, outlier } from "./outlier";
import { declaration as partExceedsWholeDeclaration, partExceedsWhole } from "./part-exceeds-whole";
import { declaration as partsSumMismatchDeclaration, partsSumMismatch } from "./parts-sum-mismatch";
import { declaration as rateMismatchDeclaration, rateMismatch } from "./rate-mismatch";
import { Rule } from "./rule";
import { duplicateSubmission, missingSubmission } from "./submission-rules";
import { declaration as textNumberDeclaration, textNumber } from "./text-number";
import { declaration as totalMismatchDeclaration, totalMismatch } from "./total-mismatch";
import { declaration as unitSlipDeclaration, unitSlip } from "./unit-slip";
import { declaration as unknownUnitDeclaration, unknownUnit } from "./unknown-unit";

export type { Rule } from "./rule";
export type { RuleDeclaration, SettingKey } from "./declaration";
export type { RuleContext, RecordInfo, FindingInput, TargetInput, ContextOptions } from "./context";
export { createContext } from "./context";

/**
 * Every rule's declaration, in the order the README's rules table lists them: RuleId, RULE_NAMES, the README's
 * table and the JSON report's schema are generated from this list (scripts/rules-table.ts).
 */
export const DECLARATIONS = [
  duplicateUnitDeclaration,
  unknownUnitDeclaration,
  missingUnitDeclaration,
  invalidUnitDeclaration,
  formulaErrorDeclaration,
  textNumberDeclaration,
  negativeValueDeclaration,
  blankValueDeclaration,
  noTargetDeclaration,
  unitSlipDeclaration,
  totalMismatchDeclaration,
  partExceedsWholeDeclaration,
  duplicateMappingDeclaration,
  partsSumMismatchDeclaration,
  rateMismatchDeclaration,
  behindScheduleDeclaration,
  outlierDeclaration,
  notComparableDeclaration,
  addinFormulaDeclaration,
  duplicateSubmission,
  missingSubmission,
] as const;

export type RuleId = (typeof DECLARATIONS)[number]["id"];

/** Rule names as reviewers call them: the pane's grouped list and the 规则 column of the 校验结果 report. */
export const RULE_NAMES: Readonly<Record<RuleId, Bilingual>> = Object.freeze(
  Object.fromEntries(DECLARATIONS.map((d) => [d.id, d.name])) as Record<RuleId, Bilingual>,
);

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
};
