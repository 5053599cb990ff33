import { promises as fs } from "node:fs";
import path from "node:path";
import { Bilingual } from "../core/i18n";
import { PreviousSheet } from "../core/previous";
import { PreviousMatch } from "../app/check";
import { SheetModel, readSheet } from "../core/sheet";
import { unitKey } from "../core/targets";
import { UnitRegistry } from "../core/units";
import { WorkbookError } from "../xlsx/errors";
import type { WorkbookLimits } from "../xlsx/limits";
import { readWorkbook } from "../xlsx/read";
import { discover } from "./discover";
import { readWorkbookFile } from "./read-file";
import { isCandidateSheet, looksLikeDataSheet } from "../app/sheet-selection";

/**
 * --previous: last period's file(s), read once before the current files are checked.
 *  - one file: every current sheet is compared with it (its sheet of the same name, else its first data sheet);
 *  - one folder: each current file is paired with the previous file of the same unit (a district's 1–5月 form with
 *    its 1–6月 form), a whole-city table with the previous whole-city table;
 *  - several files: the four quarters of a 全年 sheet, all compared with every current sheet.
 * The pairing of periods (same year, earlier, four quarters) is core's: see core/previous.
 */

export interface PreviousFile {
  /** Absolute path and the name shown in messages. */
  path: string;
  display: string;
  models: SheetModel[];
}

/**
 * What the checker asks for each current sheet. Exposed so that other checks of the same run (上期(x) in 审核公式)
 * read the same previous-period model as the built-in comparison.
 */
export interface PreviousSource {
  readonly mode: "file" | "folder" | "quarters";
  readonly files: readonly PreviousFile[];
  sheetsFor(model: SheetModel): PreviousMatch;
}

export type LoadedPrevious = { ok: true; source: PreviousSource } | { ok: false; message: Bilingual };

export interface PreviousLoadOptions {
  cwd: string;
  registry: UnitRegistry;
  limits: Partial<WorkbookLimits>;
}

function prefix(message: Bilingual): Bilingual {
  return { zh: `--previous：${message.zh}`, en: `--previous: ${message.en}` };
}

async function readPreviousFile(abs: string, display: string, options: PreviousLoadOptions): Promise<PreviousFile | Bilingual> {
  const read = await readWorkbookFile(abs, display, options.limits);
  if (!read.ok) return prefix(read.message);
  let data;
  try {
    data = await readWorkbook(read.bytes, { limits: options.limits, fileName: display });
  } catch (err) {
    if (err instanceof WorkbookError) return prefix(err.bilingual);
    throw err;
  }
  const models = data.sheets
    .filter((g) => isCandidateSheet(g.name, data.hiddenSheets))
    .map((g) => readSheet(g, { registry: options.registry }))
    .filter(looksLikeDataSheet);
  if (models.length === 0) {
    return prefix({
      zh: `上期报表 ${display} 中没有找到数据表（需要有单位名称列和至少一个指标列）`,
      en: `the previous file ${display} has no data sheet (one with a unit-name column and at least one indicator column)`,
    });
  }
  return { path: abs, display, models };
}

/** The sheet of a previous workbook a current sheet is compared with: the same name, else the first data sheet. */
function sheetOf(file: PreviousFile, model: SheetModel): PreviousSheet {
  const same = file.models.find((m) => m.sheet === model.sheet);
  return { model: same ?? file.models[0], name: file.display };
}

/** A one-district file is keyed by its unit; a whole-city table by "" (one such table per period). */
function unitOf(model: SheetModel): string {
  const units = model.records.filter((r) => r.kind === "unit");
  const perDistrict = model.layout === "transposed" || (units.length === 1 && !model.records.some((r) => r.kind === "total"));
  return perDistrict && units.length === 1 ? unitKey(units[0].resolution, units[0].label) : "";
}

export async function loadPrevious(specs: readonly string[], options: PreviousLoadOptions): Promise<LoadedPrevious> {
  const single = specs.length === 1 ? await fs.stat(path.resolve(options.cwd, specs[0])).catch(() => null) : null;
  const discovery = await discover(specs, { cwd: options.cwd });
  if (discovery.problems.length > 0) return { ok: false, message: prefix(discovery.problems[0].message) };
  const files: PreviousFile[] = [];
  for (const f of discovery.files) {
    const read = await readPreviousFile(f.path, f.display, options);
    if (!("models" in read)) return { ok: false, message: read };
    files.push(read);
  }
  if (files.length === 0) {
    return { ok: false, message: prefix({ zh: "没有找到上期报表", en: "no previous-period file found" }) };
  }
  if (single?.isDirectory()) return { ok: true, source: byUnit(files, specs[0]) };
  if (files.length === 1) {
    return { ok: true, source: { mode: "file", files, sheetsFor: (model) => ({ kind: "sheets", sheets: [sheetOf(files[0], model)] }) } };
  }
  return {
    ok: true,
    source: { mode: "quarters", files, sheetsFor: (model) => ({ kind: "sheets", sheets: files.map((f) => sheetOf(f, model)) }) },
  };
}

function byUnit(files: PreviousFile[], folder: string): PreviousSource {
  const byKey = new Map<string, PreviousSheet>();
  for (const file of files) {
    for (const model of file.models) {
      const key = unitOf(model);
      if (!byKey.has(key)) byKey.set(key, { model, name: file.display });
    }
  }
  return {
    mode: "folder",
    files,
    sheetsFor(model) {
      const key = unitOf(model);
      const found = byKey.get(key);
      if (found !== undefined) return { kind: "sheets", sheets: [found] };
      const unit = model.records.find((r) => r.kind === "unit");
      const what = key === "" ? { zh: "全市汇总表", en: "whole-city table" } : { zh: unit?.label ?? key, en: unit?.label ?? key };
      return {
        kind: "none",
        note: {
          zh: `上期报表文件夹 ${folder} 中没有${what.zh}的报表，工作表“${model.sheet}”未与上期对比`,
          en: `the previous-period folder ${folder} has no file for ${what.en}; sheet ${model.sheet} was not compared with the previous period`,
        },
      };
    },
  };
}
