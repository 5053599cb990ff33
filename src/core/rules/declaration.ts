import { ValidationConfig } from "../config";
import { Severity } from "../findings";
import { Bilingual } from "../i18n";

/** A setting a rule reads: a top-level key of ValidationConfig, or one of its thresholds. */
export type SettingKey =
  | Exclude<keyof ValidationConfig, "thresholds" | "lang">
  | `thresholds.${keyof ValidationConfig["thresholds"] & string}`;

/**
 * What a rule is, as data: the README's rules table, RULE_NAMES, RuleId and the JSON report's schema are all
 * generated from these, so that a rule is described in one place, beside its code.
 */
export interface RuleDeclaration {
  /** Stable id, printed in the JSON report: never renamed. */
  readonly id: string;
  /** What a reviewer calls the problem (单位重复, 疑似单位错填), not what the code does. */
  readonly name: Bilingual;
  /** Every severity the rule can give, most severe first. */
  readonly severities: readonly Severity[];
  /** The settings the rule's outcome depends on. */
  readonly settings: readonly SettingKey[];
  /** One or two sentences for the README's rules table: what is flagged and at which level. */
  readonly description: Bilingual;
}

/** Keeps the id a literal type, so that RuleId can be derived from the declarations. */
export function declareRule<const D extends RuleDeclaration>(declaration: D): D {
  return declaration;
}
