import path from "node:path";
import { AUDIT_SHEET_NAME, AuditRule, findAuditSheet, isAuditSheetName, parseAuditSheet } from "../core/audit";
import { ValidationConfig } from "../core/config";
import { ValidationResult, validate } from "../core/engine";
import { Explanation } from "../core/explanations";
import { Bilingual, Lang } from "../core/i18n";
import { Period } from "../core/period";
import { SheetGrid, SheetModel, readSheet } from "../core/sheet";
import { TargetTable } from "../core/targets";
import { UnitRegistry } from "../core/units";
import { WorkbookError } from "../xlsx/errors";
import { readWorkbook } from "../xlsx/read";
import type { WorkbookLimits } from "../xlsx/limits";
import { InputFile } from "./discover";
import { writeNewFile } from "./out-dir";
import { readWorkbookFile } from "./read-file";
import { isCandidateSheet, looksLikeDataSheet } from "./sheet-selection";
import { csvNoCopy, isCsvName, readCsvWorkbook } from "./csv";
import { unreadFormat } from "./unreadable";
import { sameWorkbookTargets } from "./workbook-targets";

/** Why a file was not (fully) checked: the adapter's reasons, plus the CLI's own. */
export interface FileError {
  reason: string;
  message: Bilingual;
  /** The reason in a few words, without the file name (for lists of files). */
  brief?: Bilingual;
}

export interface SheetOutcome {
  model: SheetModel;
  result: ValidationResult;
}

export interface FileOutcome {
  file: InputFile;
  sheets: SheetOutcome[];
  /** Set when the file could not be read or checked; `sheets` is then empty (or holds what was done). */
  error: FileError | null;
  /** Harmless facts: macros ignored, chart sheets skipped. */
  notes: Bilingual[];
  /** Where the annotated copy was written (--out). */
  annotatedCopy: string | null;
  /** 核实说明 stored in the workbook (written from the task pane or the standalone page). */
  explanations: Explanation[];
}

export interface CheckContext {
  registry: UnitRegistry;
  config: Partial<ValidationConfig>;
  /** From --targets; null = each sheet's own 年度目标 columns. */
  targets: TargetTable | null;
  /** --rules, parsed; empty = none. A workbook's own 审核规则 sheet is added to these for its sheets. */
  auditRules: readonly AuditRule[];
  /** --sheet; empty = every data sheet. */
  sheets: readonly string[];
  period: Period | null;
  limits: Partial<WorkbookLimits>;
  lang: Lang;
  /** Absolute --out folder (already created), or null. */
  outDir: string | null;
}

function chooseSheets(grids: readonly SheetGrid[], hidden: readonly string[], ctx: CheckContext): SheetModel[] {
  const read = (grid: SheetGrid): SheetModel => readSheet(grid, { registry: ctx.registry, period: ctx.period });
  // Sheets named with --sheet are checked whatever they look like: the user asked for them.
  // The 审核规则 sheet is read for its rules (optionalSheets), not checked, unless it was named itself.
  if (ctx.sheets.length > 0) {
    const named = new Set(ctx.sheets.map((s) => s.toLowerCase()));
    return grids.filter((g) => named.has(g.name.toLowerCase())).map(read);
  }
  return grids
    .filter((g) => isCandidateSheet(g.name, hidden) && !isAuditSheetName(g.name))
    .map(read)
    .filter(looksLikeDataSheet);
}

function noDataSheet(shown: string, names: readonly string[]): FileError {
  return {
    reason: "no-data-sheet",
    message: {
      zh: `文件 ${shown} 中没有找到数据表（需要有单位名称列和至少一个指标列；现有工作表：${names.join("、")}）。可用 --sheet 指定`,
      en: `File ${shown} has no data sheet (one with a unit-name column and at least one indicator column; it has: ${names.join(", ")}). Name one with --sheet`,
    },
  };
}

/**
 * One workbook, start to end: bytes read once; limits checked (inside readWorkbook, before anything is inflated);
 * grids; sheet models; validation; the annotated copy from the same bytes. Every failure becomes the file's
 * `error` so that the rest of the batch is still checked: this function does not throw for a bad file.
 */
export async function checkFile(file: InputFile, ctx: CheckContext): Promise<FileOutcome> {
  const outcome: FileOutcome = { file, sheets: [], error: null, notes: [], annotatedCopy: null, explanations: [] };
  const read = await readWorkbookFile(file.path, file.display, ctx.limits);
  if (!read.ok) return { ...outcome, error: { reason: read.reason, message: read.message } };
  const unread = unreadFormat(file.display, read.bytes);
  if (unread !== null) return { ...outcome, error: unread };

  try {
    // A workbook renamed .csv is read as the workbook it is.
    const csv = isCsvName(file.display) && !(read.bytes[0] === 0x50 && read.bytes[1] === 0x4b);
    const data = csv
      ? readCsvWorkbook(read.bytes, file.display)
      : await readWorkbook(read.bytes, {
          limits: ctx.limits,
          fileName: file.display,
          sheets: ctx.sheets.length > 0 ? [...ctx.sheets] : undefined,
          optionalSheets: [AUDIT_SHEET_NAME],
        });
    outcome.notes.push(...data.notes);
    outcome.explanations = data.explanations;

    // A template's own 审核规则 sheet is read before anything is checked: a mistake in it refuses the file.
    const rulesSheet = findAuditSheet(data.sheets);
    let auditRules = ctx.auditRules;
    if (rulesSheet !== null) {
      const parsed = parseAuditSheet(rulesSheet);
      if (!parsed.ok) return { ...outcome, error: rulesRefusal(file.display, parsed.errors.map((e) => e.message)) };
      auditRules = [...auditRules, ...parsed.rules];
    }

    const models = chooseSheets(data.sheets, data.hiddenSheets, ctx);
    if (models.length === 0) return { ...outcome, error: noDataSheet(file.display, data.sheetNames) };

    for (const model of models) {
      // null targets: the engine reads the sheet's own 年度目标 columns, or this workbook's targets sheet.
      let targets = ctx.targets;
      if (targets === null) {
        const own = sameWorkbookTargets(model, data.sheets, data.hiddenSheets, ctx.registry);
        if (own !== null) {
          targets = own.table;
          outcome.notes.push(own.note);
        }
      }
      outcome.sheets.push({ model, result: validate(model, targets, ctx.config, ctx.registry, { auditRules }) });
    }

    if (ctx.outDir !== null && csv) outcome.notes.push(csvNoCopy(file.display));
    else if (ctx.outDir !== null) {
      // exceljs (about a third of the start-up) is loaded only when a copy is written: reading is our own.
      // require, not import(): under tsx's require hook (bin/zs-check.js) import() of an extensionless .ts path fails.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { writeAnnotatedCopy } = require("../xlsx/annotate") as typeof import("../xlsx/annotate");
      const copy = await writeAnnotatedCopy(
        read.bytes,
        outcome.sheets.map((s) => ({ sheet: s.result.sheet, findings: s.result.findings })),
        { lang: ctx.lang, limits: ctx.limits, fileName: file.display },
      );
      const name = path.basename(file.path);
      const written = await writeNewFile(ctx.outDir, name, copy);
      outcome.annotatedCopy = written.path;
      if (written.renamed) {
        const shown = path.basename(written.path);
        outcome.notes.push({
          zh: `输出文件夹中已有 ${name}（本次检查之前就有，不覆盖），标注副本另存为 ${shown}`,
          en: `the output folder already holds ${name} (not written by this run, so not replaced); the annotated copy is ${shown}`,
        });
      }
    }
    return outcome;
  } catch (err) {
    return { ...outcome, error: errorOf(file.display, err) };
  }
}

function rulesRefusal(shown: string, messages: Bilingual[]): FileError {
  return {
    reason: "rules-syntax",
    message: {
      zh: `文件 ${shown} 的“审核规则”工作表有错误，未检查：${messages.map((m) => m.zh).join("；")}`,
      en: `the 审核规则 sheet of ${shown} has errors, so the file was not checked: ${messages.map((m) => m.en).join("; ")}`,
    },
    brief: { zh: "审核规则有错误", en: "errors in its 审核规则 sheet" },
  };
}

function errorOf(shown: string, err: unknown): FileError {
  if (err instanceof WorkbookError) return { reason: err.reason, message: err.bilingual };
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const detail = err instanceof Error ? err.message : String(err);
  if (typeof code === "string") {
    return {
      reason: "write-failed",
      message: { zh: `文件 ${shown} 的标注副本无法写入：${detail}`, en: `could not write the annotated copy of ${shown}: ${detail}` },
    };
  }
  // A bug in a checker must not hide the other 40 files' results: report it against this file and go on.
  return {
    reason: "internal",
    message: { zh: `检查文件 ${shown} 时出现内部错误：${detail}`, en: `internal error while checking ${shown}: ${detail}` },
  };
}
