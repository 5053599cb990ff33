import { Bilingual } from "../core/i18n";
import { parsePeriod } from "../core/period";
import { readSheet } from "../core/sheet";
import { targetsFromModel } from "../core/targets";
import type { WorkbookData } from "../xlsx/read";
import { SheetGrid } from "../core/sheet/types";
import { isCandidateSheet, looksLikeDataSheet } from "../app/sheet-selection";
import { isWorkbookName } from "./file-names";

export type Intake = { ok: true } | { ok: false; message: Bilingual };

/**
 * Before anything is read: the name (only .xlsx/.xlsm). The archive's limits (declared sizes, entry count,
 * compression ratios: a zip bomb is refused without inflating a byte) are checked by the reader itself, in the
 * read worker, on the one walk of the zip directory it makes; same limits and messages as zs-check.
 */
export function precheck(fileName: string): Intake {
  if (!isWorkbookName(fileName)) {
    return {
      ok: false,
      message: {
        zh: `“${fileName}”不是 .xlsx 或 .xlsm 工作簿。只能校验 Excel 2007 及以后的格式：请在 Excel 或 WPS 中“另存为” .xlsx 后再试。`,
        en: `"${fileName}" is not an .xlsx or .xlsm workbook. Only Excel 2007+ workbooks can be checked: save it as .xlsx in Excel or WPS and try again.`,
      },
    };
  }
  return { ok: true };
}

/** File.arrayBuffer where the browser has it; FileReader otherwise (older WPS-embedded browsers). */
export function readFileBytes(file: Blob): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === "function") return file.arrayBuffer().then((b) => new Uint8Array(b));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error("FileReader failed"));
    reader.readAsArrayBuffer(file);
  });
}

/**
 * The sheet to show first, as zs-check would choose: the first visible sheet that reads as a data table (a
 * unit-name column and indicators), skipping our own 校验结果 report and pure targets sheets; else the first
 * visible one. Only the first few candidates are read, so a workbook of many big sheets opens quickly.
 */
export function firstDataSheet(sheets: readonly SheetGrid[], hidden: readonly string[]): string | undefined {
  const candidates = sheets.filter((g) => isCandidateSheet(g.name, hidden));
  // One candidate (the usual district file): nothing to choose, so no sheet is read twice.
  if (candidates.length === 1) return candidates[0].name;
  for (const grid of candidates.slice(0, 5)) {
    if (looksLikeDataSheet(readSheet(grid))) return grid.name;
  }
  return candidates[0]?.name ?? sheets[0]?.name;
}

/** A dropped file whose name says it holds targets (年度目标, 目标任务, targets-2022.xlsx). */
const TARGETS_NAME = /目标|任务|target/i;

/**
 * Two workbooks dropped together: which is the sheet to check and which holds the annual targets. The name
 * decides when exactly one says 目标/target; otherwise the first is checked and the second gives the targets
 * (the order the user chose them in).
 */
export function splitTargetsFile<T extends { name: string }>(files: readonly T[]): { data: T; targets: T } {
  const named = files.filter((f) => TARGETS_NAME.test(f.name));
  if (named.length === 1) return { data: files.find((f) => f !== named[0]) as T, targets: named[0] };
  return { data: files[0], targets: files[1] };
}

/**
 * Adds the targets sheet of a second workbook to the checked one's sheets, under a name that says where it
 * comes from ("目标任务（targets-2022.xlsx）"), so the pane can choose it like any other sheet. Only the grids are
 * joined: the annotated copy is written from the checked file's own bytes and never carries it. Null when the
 * second workbook has no sheet with annual-target columns.
 */
export function attachTargetsSheet(
  data: WorkbookData,
  targets: WorkbookData,
  fileName: string,
): { name: string; source: string } | null {
  for (const grid of targets.sheets.filter((g) => isCandidateSheet(g.name, targets.hiddenSheets))) {
    if (targetsFromModel(readSheet(grid)).byUnit.size === 0) continue;
    let name = `${grid.name}（${fileName}）`;
    for (let n = 2; data.sheetNames.includes(name); n++) name = `${grid.name}（${fileName}）(${n})`;
    data.sheets.push({ ...grid, name });
    data.sheetNames.push(name);
    return { name, source: grid.name };
  }
  return null;
}

/** A dropped file whose name says it is last period's (上期, 上月, previous). */
const PREVIOUS_NAME = /上期|上月|previous/i;

/**
 * Workbooks dropped together (at most three): the sheet to check, perhaps annual targets (see splitTargetsFile),
 * perhaps last period's sheet (上期报表, as zs-check --previous). The previous one is the file whose name says so, or
 * else of two names that give periods of one year ("2022年1-5月.xlsx", "2022年1-6月.xlsx") the one that ends
 * earlier. Null when no file reads as last period's: the caller keeps the two-file (targets) behaviour.
 */
export function splitPreviousFile<T extends { name: string }>(files: readonly T[]): { rest: T[]; previous: T } | null {
  const named = files.filter((f) => PREVIOUS_NAME.test(f.name));
  if (named.length === 1) return { rest: files.filter((f) => f !== named[0]), previous: named[0] };
  if (named.length > 1) return null;
  const dated = files
    .filter((f) => !TARGETS_NAME.test(f.name))
    .map((f) => ({ f, p: parsePeriod(f.name.replace(/\.[^.]*$/, "")) }))
    .filter((x) => x.p !== null && x.p.startMonth === 1);
  if (dated.length !== 2) return null;
  const [a, b] = dated;
  if (a.p === null || b.p === null || a.p.year !== b.p.year || a.p.endMonth === b.p.endMonth) return null;
  const previous = a.p.endMonth < b.p.endMonth ? a.f : b.f;
  return { rest: files.filter((f) => f !== previous), previous };
}

/**
 * Adds the first data sheet of last period's workbook to the checked one's sheets, named after its file
 * ("1-5月（上期 2022年1-5月.xlsx）"), so the pane can choose it as 上期报表 like any other sheet. As with targets, only
 * the grids are joined: the annotated copy is written from the checked file's own bytes. Null without a data sheet.
 */
export function attachPreviousSheet(data: WorkbookData, previous: WorkbookData, fileName: string): { name: string; source: string } | null {
  const candidates = previous.sheets.filter((g) => isCandidateSheet(g.name, previous.hiddenSheets));
  const grid = candidates.find((g) => looksLikeDataSheet(readSheet(g)));
  if (grid === undefined) return null;
  let name = `${grid.name}（上期 ${fileName}）`;
  for (let n = 2; data.sheetNames.includes(name); n++) name = `${grid.name}（上期 ${fileName}）(${n})`;
  data.sheets.push({ ...grid, name });
  data.sheetNames.push(name);
  return { name, source: grid.name };
}
