import { AuditRule } from "./audit/ast";
import { evaluateAuditRules } from "./audit/evaluate";
import { withDefaults } from "./config";
import { Finding, Summary, summarize } from "./findings";
import { timeProgress as timeProgressOf } from "./indicators";
import { Period, formatPeriodLabel } from "./period";
import { RULES } from "./rules";
import { RuleContext, createContext } from "./rules/context";
import { ColumnMapping, SheetModel } from "./sheet/types";
import { sortFindings } from "./sort-findings";
import { dateSheet } from "./sheet-dating";
import { TargetTable, targetsFromModel } from "./targets";
import { UnitRegistry, chongqing } from "./units";

export interface ValidationResult {
  sheet: string;
  /** The sheet's period, with year and months from the configuration where the title does not give them. */
  period: Period | null;
  /** Registry preset the units were checked against (chosen from the period when config.preset is "auto"). */
  preset: string;
  /** The column mapping the findings rest on, echoed so that a report shows what was understood. */
  mapping: ColumnMapping[];
  findings: Finding[];
  summary: Summary;
}

/** Inputs beyond the sheet itself: the city's 审核公式 and the previous period's sheet they may read (上期). */
export interface ValidationExtras {
  auditRules?: readonly AuditRule[] | null;
  previous?: SheetModel | null;
}

/**
 * What validate() and checkSubmissions() accept: any part of ValidationConfig, thresholds included field by field
 * (a Partial<ValidationConfig> is one).
 */
export type ConfigInput = NonNullable<Parameters<typeof withDefaults>[0]>;

/**
 * Validates one sheet: a pure function of (model, targets, configuration, registry). Nothing is mutated, and the
 * same input gives the same findings in the same order.
 *
 * targets null → the sheet's own target columns (if any). Preset "auto" → the registry's preset for the period's
 * end (config.year and config.months fill in what the title leaves out); with no year at all the registry's first
 * preset (chongqing-2020 for Chongqing) is used and reported in the result.
 */
export function validate(
  model: SheetModel,
  targets: TargetTable | null,
  config: ConfigInput = {},
  registry: UnitRegistry = chongqing,
  extra: ValidationExtras = {},
): ValidationResult {
  const ctx = createRuleContext(model, targets, config, registry);
  const findings: Finding[] = [];
  for (const rule of RULES) {
    const out = rule.run(ctx);
    for (let i = 0; i < out.length; i++) findings.push(out[i]);
  }
  if (extra.auditRules && extra.auditRules.length > 0) {
    // The rules read through the same context, so cells the built-in rules parsed are not parsed again.
    const out = evaluateAuditRules(
      extra.auditRules,
      { model, previous: extra.previous ?? null, targets, period: ctx.period },
      { ctx, contextOf: (m) => createRuleContext(m, null, config, registry) },
    );
    for (let i = 0; i < out.length; i++) findings.push(out[i]);
  }
  sortFindings(findings);
  return {
    sheet: model.sheet,
    period: ctx.period,
    preset: ctx.preset.id,
    mapping: model.columns,
    findings,
    summary: summarize(findings),
  };
}

/**
 * The context validate() runs its rules in: preset, scheme, dates, time progress and targets settled once. Exported
 * so that a single rule can be run on its own (tests, a pane that re-checks one rule).
 */
export function createRuleContext(
  model: SheetModel,
  targets: TargetTable | null,
  config: ConfigInput = {},
  registry: UnitRegistry = chongqing,
): RuleContext {
  const cfg = withDefaults(config);
  const { year, months, preset, asOf } = dateSheet(model.period, cfg, registry);
  const schemes = new Set(registry.schemes().map((s) => s.id));
  const scheme = config.scheme !== undefined && schemes.has(config.scheme) ? config.scheme : preset.defaultScheme;
  const period = effectivePeriod(model.period, year, months);
  const progress = months === null ? null : timeProgressOf(months);
  const timeProgress = progress !== null && progress.ok ? progress.value : null;
  const ownTargets = () => targetsFromModel(model, registry);
  return createContext({
    model,
    config: cfg,
    registry,
    preset,
    scheme,
    asOf,
    year,
    period,
    timeProgress,
    targets,
    ownTargets,
  });
}

function effectivePeriod(period: Period | null, year: number | null, months: number | null): Period | null {
  if (period !== null) {
    if (period.year !== undefined || year === null) return period;
    return { ...period, year, label: formatPeriodLabel(period.startMonth, period.endMonth, year) };
  }
  if (months === null) return null;
  const p: Period = { startMonth: 1, endMonth: months, label: formatPeriodLabel(1, months, year ?? undefined) };
  if (year !== null) p.year = year;
  return p;
}

export { sortFindings } from "./sort-findings";
export { checkSubmissions } from "./cross-file";
export type { Submission, UncheckedFile } from "./cross-file";
