import { validate, ValidationResult } from "../core/engine";
import { Lang } from "../core/i18n";
import { parsePeriod } from "../core/period";
import { CheckSettings, configFor } from "../core/settings";
import { readSheet, SheetGrid, SheetModel } from "../core/sheet";
import { targetsFromModel, TargetTable } from "../core/targets";
import { chongqing, UnitRegistry } from "../core/units";

export interface SheetCheck {
  model: SheetModel;
  result: ValidationResult;
}

/**
 * One sheet checked under a workbook's settings: the pipeline the task pane, the ribbon command and the standalone
 * page share (the CLI has its own, with files and flags). Pure: grids in, model and findings out.
 */
export function checkSheet(
  grid: SheetGrid,
  settings: CheckSettings,
  options: { targetsGrid?: SheetGrid | null; lang?: Lang; registry?: UnitRegistry } = {},
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
  const result = validate(model, targets, configFor(settings, grid.name, options.lang ?? "zh"), registry);
  return { model, result };
}
