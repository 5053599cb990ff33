import { promises as fs } from "node:fs";
import path from "node:path";
import { Bilingual } from "../core/i18n";
import { readSheet } from "../core/sheet";
import { TargetTable, targetsFromModel } from "../core/targets";
import { UnitRegistry } from "../core/units";
import { WorkbookError } from "../xlsx/errors";
import { readWorkbook } from "../xlsx/read";
import type { WorkbookLimits } from "../xlsx/limits";
import { displayPath } from "./discover";
import { readWorkbookFile } from "./read-file";
import { isCandidateSheet } from "../app/sheet-selection";

/**
 * --targets FILE[#SHEET]: the city bureau hands out annual targets once a year in a workbook of its own, and every
 * monthly sheet is checked against it.
 */

export interface TargetsSpec {
  /** Absolute path. */
  file: string;
  sheet: string | null;
}

/**
 * "a.xlsx#目标" → a.xlsx, sheet 目标. The split is at the LAST "#", and only when the whole text is not itself an
 * existing file: "#" is legal in file names ("2022#2.xlsx").
 */
export async function splitTargetsSpec(spec: string, cwd: string): Promise<TargetsSpec> {
  const whole = path.resolve(cwd, spec);
  try {
    if ((await fs.stat(whole)).isFile()) return { file: whole, sheet: null };
  } catch {
    // Not a file as written: try FILE#SHEET.
  }
  const at = spec.lastIndexOf("#");
  if (at <= 0) return { file: whole, sheet: null };
  const sheet = spec.slice(at + 1).trim();
  return { file: path.resolve(cwd, spec.slice(0, at)), sheet: sheet === "" ? null : sheet };
}

export type LoadedTargets = { ok: true; table: TargetTable; file: string; sheet: string } | { ok: false; message: Bilingual };

export async function loadTargets(
  spec: string,
  options: { cwd: string; registry: UnitRegistry; limits: Partial<WorkbookLimits> },
): Promise<LoadedTargets> {
  const { file, sheet } = await splitTargetsSpec(spec, options.cwd);
  const shown = displayPath(file, options.cwd);
  const read = await readWorkbookFile(file, shown, options.limits);
  if (!read.ok) return { ok: false, message: prefix(read.message) };

  let data;
  try {
    data = await readWorkbook(read.bytes, { limits: options.limits, fileName: shown, sheets: sheet ? [sheet] : undefined });
  } catch (err) {
    if (err instanceof WorkbookError) return { ok: false, message: prefix(err.bilingual) };
    throw err;
  }

  const grids = sheet ? data.sheets : data.sheets.filter((g) => isCandidateSheet(g.name, data.hiddenSheets));
  for (const grid of grids) {
    const table = targetsFromModel(readSheet(grid, { registry: options.registry }), options.registry);
    if (table.byUnit.size > 0) return { ok: true, table, file: shown, sheet: grid.name };
  }
  return {
    ok: false,
    message: sheet
      ? {
          zh: `目标文件 ${shown} 的工作表 ${sheet} 中没有找到年度目标列（表头应含“年度目标”或“目标任务”）`,
          en: `targets file ${shown}: worksheet ${sheet} has no annual-target columns (headers should say 年度目标 or 目标任务)`,
        }
      : {
          zh: `目标文件 ${shown} 中没有找到含年度目标列的工作表（表头应含“年度目标”或“目标任务”）；可用 文件#工作表 指定`,
          en: `targets file ${shown} has no worksheet with annual-target columns (headers should say 年度目标 or 目标任务); name one with FILE#SHEET`,
        },
  };
}

function prefix(message: Bilingual): Bilingual {
  return { zh: `--targets：${message.zh}`, en: `--targets: ${message.en}` };
}
