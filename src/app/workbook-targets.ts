import { Bilingual } from "../core/i18n";
import { SheetGrid, SheetModel, readSheet } from "../core/sheet";
import { TargetTable, isTargetsOnlySheet, targetsFromModel } from "../core/targets";
import { hasOwnTargets, targetsSheetByName } from "../core/targets-sheet";
import { UnitRegistry } from "../core/units";
import { isCandidateSheet } from "./sheet-selection";

export interface WorkbookTargets {
  table: TargetTable;
  sheet: string;
  note: Bilingual;
}

/**
 * Without --targets, a sheet with no 年度目标 columns of its own is checked against the targets sheet of the same
 * workbook: one named like 年度目标/目标任务, else one that is itself a list of targets. The note says so, so the
 * user knows which figures the completions were computed from. Null when the sheet has its own targets or the
 * workbook has no such sheet.
 */
export function sameWorkbookTargets(
  model: SheetModel,
  grids: readonly SheetGrid[],
  hidden: readonly string[],
  registry: UnitRegistry,
): WorkbookTargets | null {
  if (hasOwnTargets(model)) return null;
  const others = grids.filter((g) => g.name !== model.sheet && isCandidateSheet(g.name, hidden));
  const byName = targetsSheetByName(
    others.map((g) => g.name),
    model.sheet,
  );
  const ordered = byName === null ? others : [others.find((g) => g.name === byName) as SheetGrid, ...others.filter((g) => g.name !== byName)];
  for (const grid of ordered) {
    const targetsModel = readSheet(grid, { registry });
    if (grid.name !== byName && !isTargetsOnlySheet(targetsModel)) continue;
    const table = targetsFromModel(targetsModel, registry);
    if (table.byUnit.size === 0) continue;
    return {
      table,
      sheet: grid.name,
      note: {
        zh: `工作表“${model.sheet}”没有年度目标列：按本工作簿的工作表“${grid.name}”中的年度目标计算完成率（未指定 --targets）`,
        en: `Sheet ${model.sheet} has no annual-target columns: completion is computed from the targets in sheet ${grid.name} of this workbook (no --targets given)`,
      },
    };
  }
  return null;
}
