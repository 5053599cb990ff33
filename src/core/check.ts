import { AuditRule } from "./audit/ast";
import { AuditRulesError } from "./audit/errors";
import { parseAuditSheet } from "./audit/sheet";
import { validate, ValidationResult } from "./engine";
import { Lang } from "./i18n";
import { parsePeriod } from "./period";
import { CheckSettings, configFor } from "./settings";
import { readSheet, SheetGrid, SheetModel } from "./sheet";
import { targetsFromModel, TargetTable } from "./targets";
import { chongqing, UnitRegistry } from "./units";

export interface SheetCheck {
  model: SheetModel;
  result: ValidationResult;
}

export interface CheckSheetOptions {
  targetsGrid?: SheetGrid | null;
  lang?: Lang;
  registry?: UnitRegistry;
  /** The workbook's 审核规则 sheet, when it has one: its rules are checked too. */
  auditGrid?: SheetGrid | null;
  /** Rules from a rules file the user chose. */
  auditRules?: readonly AuditRule[];
  /** The previous period's sheet, for rules that read 上期(x). */
  previous?: SheetModel | null;
}

/**
 * One sheet checked under a workbook's settings: the pipeline the task pane, the ribbon command and the standalone
 * page share (the CLI has its own, with files and flags). Pure: grids in, model and findings out. A 审核规则 sheet
 * with a syntax error throws AuditRulesError before anything is checked.
 */
export function checkSheet(grid: SheetGrid, settings: CheckSettings, options: CheckSheetOptions = {}): SheetCheck {
  const auditRules = [...(options.auditRules ?? [])];
  if (options.auditGrid) {
    const parsed = parseAuditSheet(options.auditGrid);
    if (!parsed.ok) throw new AuditRulesError(parsed.errors);
    auditRules.push(...parsed.rules);
  }
  const registry = options.registry ?? chongqing;
  const period = settings.period ? parsePeriod(settings.period) : null;
  const model = readSheet(grid, { registry, period, overrides: settings.mapping[grid.name] ?? [] });
  let targets: TargetTable | null = null;
  if (settings.targets.kind === "sheet" && options.targetsGrid) {
    targets = targetsFromModel(readSheet(options.targetsGrid, { registry }), registry);
  } else if (settings.targets.kind === "none") {
    targets = { source: "", byUnit: new Map() };
  }
  const result = validate(model, targets, configFor(settings, grid.name, options.lang ?? "zh"), registry, {
    auditRules,
    previous: options.previous ?? null,
  });
  return { model, result };
}
