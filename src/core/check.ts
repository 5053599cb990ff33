import { sortFindings, validate, ValidationResult } from "./engine";
import { summarize } from "./findings";
import { Bilingual, Lang } from "./i18n";
import { checkAgainstPrevious } from "./previous";
import { parsePeriod } from "./period";
import { CheckSettings, configFor } from "./settings";
import { readSheet, SheetGrid, SheetModel } from "./sheet";
import { targetsFromModel, TargetTable } from "./targets";
import { chongqing, UnitRegistry } from "./units";

export interface SheetCheck {
  model: SheetModel;
  result: ValidationResult;
  /** Why the 上期报表 could not be compared (another year, a later period); null when it was, or none was set. */
  previousRefused: Bilingual | null;
}

/**
 * One sheet checked under a workbook's settings: the pipeline the task pane, the ribbon command and the standalone
 * page share (the CLI has its own, with files and flags). Pure: grids in, model and findings out.
 */
export function checkSheet(
  grid: SheetGrid,
  settings: CheckSettings,
  options: { targetsGrid?: SheetGrid | null; previousGrid?: SheetGrid | null; lang?: Lang; registry?: UnitRegistry } = {},
): SheetCheck {
  const registry = options.registry ?? chongqing;
  const period = settings.period ? parsePeriod(settings.period) : null;
  const model = readSheet(grid, { registry, period, overrides: settings.mapping[grid.name] ?? [] });
  let targets: TargetTable | null = null;
  if (settings.targets.kind === "sheet" && options.targetsGrid) {
    targets = targetsFromModel(readSheet(options.targetsGrid, { registry }), registry);
  } else if (settings.targets.kind === "none") {
    targets = { source: "", byUnit: new Map() };
  }
  const config = configFor(settings, grid.name, options.lang ?? "zh");
  const result = validate(model, targets, config, registry);
  if (!settings.previousSheet || !options.previousGrid) return { model, result, previousRefused: null };
  // The previous sheet's own title gives its period; the checked sheet's period override is not its.
  const previous = readSheet(options.previousGrid, { registry });
  const compared = checkAgainstPrevious(model, grid.name, [{ model: previous, name: settings.previousSheet }], { config, registry, targets });
  if (!compared.ok) return { model, result, previousRefused: compared.message };
  const findings = sortFindings([...result.findings, ...compared.findings]);
  return { model, result: { ...result, findings, summary: summarize(findings) }, previousRefused: null };
}
