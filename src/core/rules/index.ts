import { Bilingual } from "../i18n";
import { declaration as addinFormulaDeclaration, Details as AddinFormulaDetails, addinFormula } from "./addin-formula";
import { declaration as behindScheduleDeclaration, Details as BehindScheduleDetails, behindSchedule } from "./behind-schedule";
import { declaration as blankValueDeclaration, Details as BlankValueDetails, blankValue } from "./blank-value";
import { declaration as duplicateMappingDeclaration, Details as DuplicateMappingDetails, duplicateMapping } from "./duplicate-mapping";
import { declaration as duplicateUnitDeclaration, Details as DuplicateUnitDetails, duplicateUnit } from "./duplicate-unit";
import { declaration as formulaErrorDeclaration, Details as FormulaErrorDetails, formulaError } from "./formula-error";
import { declaration as invalidUnitDeclaration, Details as InvalidUnitDetails, invalidUnit } from "./invalid-unit";
import { declaration as missingUnitDeclaration, Details as MissingUnitDetails, missingUnit } from "./missing-unit";
import { declaration as negativeValueDeclaration, Details as NegativeValueDetails, negativeValue } from "./negative-value";
import { declaration as noTargetDeclaration, Details as NoTargetDetails, noTarget } from "./no-target";
import { declaration as notComparableDeclaration, Details as NotComparableDetails, notComparable } from "./not-comparable";
import { declaration as outlierDeclaration, Details as OutlierDetails, outlier } from "./outlier";
import { declaration as partExceedsWholeDeclaration, Details as PartExceedsWholeDetails, partExceedsWhole } from "./part-exceeds-whole";
import { declaration as partsSumMismatchDeclaration, Details as PartsSumMismatchDetails, partsSumMismatch } from "./parts-sum-mismatch";
import { declaration as rateMismatchDeclaration, Details as RateMismatchDetails, rateMismatch } from "./rate-mismatch";
import { Rule } from "./rule";
import { DuplicateSubmissionDetails, duplicateSubmission, MissingSubmissionDetails, missingSubmission } from "./submission-rules";
import { auditRule, AuditRuleDetails, auditRuleSkipped, AuditRuleSkippedDetails } from "./audit-rules";
import {
  cumulativeDecrease,
  CumulativeDecreaseDetails,
  monthMismatch,
  MonthMismatchDetails,
  quartersMismatch,
  QuartersMismatchDetails,
  targetChanged,
  TargetChangedDetails,
  unitDropped,
  UnitDroppedDetails,
} from "./previous-rules";
import { declaration as textNumberDeclaration, Details as TextNumberDetails, textNumber } from "./text-number";
import { declaration as totalMismatchDeclaration, Details as TotalMismatchDetails, totalMismatch } from "./total-mismatch";
import { declaration as unitSlipDeclaration, Details as UnitSlipDetails, unitSlip } from "./unit-slip";
import { declaration as unknownUnitDeclaration, Details as UnknownUnitDetails, unknownUnit } from "./unknown-unit";
import { declaration as yoySwingDeclaration, Details as YoySwingDetails, yoySwing } from "./yoy-swing";

export type { Rule } from "./rule";
export type { RuleDeclaration, SettingKey } from "./declaration";
export type { RuleContext, RecordInfo, FindingInput, ContextOptions } from "./context";
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
  yoySwingDeclaration,
  cumulativeDecrease,
  targetChanged,
  unitDropped,
  monthMismatch,
  quartersMismatch,
  auditRule,
  auditRuleSkipped,
  duplicateSubmission,
  missingSubmission,
] as const;

export type RuleId = (typeof DECLARATIONS)[number]["id"];

/** Every rule's details record, told apart by `rule`: what a finding states, as data (Finding.details). */
export type FindingDetails =
  | DuplicateUnitDetails
  | UnknownUnitDetails
  | MissingUnitDetails
  | InvalidUnitDetails
  | FormulaErrorDetails
  | TextNumberDetails
  | NegativeValueDetails
  | BlankValueDetails
  | NoTargetDetails
  | UnitSlipDetails
  | TotalMismatchDetails
  | PartExceedsWholeDetails
  | DuplicateMappingDetails
  | PartsSumMismatchDetails
  | RateMismatchDetails
  | BehindScheduleDetails
  | OutlierDetails
  | NotComparableDetails
  | AddinFormulaDetails
  | YoySwingDetails
  | CumulativeDecreaseDetails
  | TargetChangedDetails
  | UnitDroppedDetails
  | MonthMismatchDetails
  | QuartersMismatchDetails
  | AuditRuleDetails
  | AuditRuleSkippedDetails
  | DuplicateSubmissionDetails
  | MissingSubmissionDetails;

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
