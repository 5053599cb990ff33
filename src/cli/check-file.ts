import path from "node:path";
import { AUDIT_SHEET_NAME, AuditRule, AuditRulesError } from "../core/audit";
import { ValidationResult } from "../core/engine";
import { Explanation } from "../core/explanations";
import { Bilingual, Lang } from "../core/i18n";
import { CheckSettings } from "../core/settings";
import { SheetModel } from "../core/sheet";
import { TargetTable } from "../core/targets";
import { UnitRegistry } from "../core/units";
import { checkWorkbook } from "../app/check";
import { effectiveSettings, SettingFlags } from "../app/effective-settings";
import { FileError } from "../app/report";
import { WorkbookError } from "../xlsx/errors";
import { readWorkbook } from "../xlsx/read";
import type { WorkbookLimits } from "../xlsx/limits";
import { InputFile } from "./discover";
import { writeNewFile } from "./out-dir";
import { readWorkbookFile } from "./read-file";
import { csvNoCopy, isCsvName, readCsvWorkbook } from "./csv";
import { unreadFormat } from "./unreadable";
import { PreviousSource } from "./previous-option";

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
  /** The settings the file was checked under: its stored ones with the command line's flags on top. */
  settings: CheckSettings | null;
}

export interface CheckContext {
  registry: UnitRegistry;
  /** --period, --preset, --only-present, --targets as given: they override the settings stored in the file. */
  flags: SettingFlags;
  /** From --targets; null = as the file's settings say (by default each sheet's own 年度目标 columns). */
  targets: TargetTable | null;
  /** --rules, parsed; empty = none. A workbook's own 审核规则 sheet is added to these for its sheets. */
  auditRules: readonly AuditRule[];
  /** --sheet; empty = every data sheet. */
  sheets: readonly string[];
  limits: Partial<WorkbookLimits>;
  lang: Lang;
  /** Absolute --out folder (already created), or null. */
  outDir: string | null;
  /** --previous: last period's sheets, paired with each current sheet; null without the option. */
  previous?: PreviousSource | null;
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
  const outcome: FileOutcome = { file, sheets: [], error: null, notes: [], annotatedCopy: null, explanations: [], settings: null };
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

    // The file is checked the way it was set up where it was made (issue 10 §2); flags say otherwise explicitly.
    const effective = effectiveSettings(data.settings, ctx.flags, file.display);
    outcome.settings = effective.settings;
    outcome.notes.push(...effective.notes);
    const checked = checkWorkbook(data, {
      settings: effective.settings,
      lang: ctx.lang,
      registry: ctx.registry,
      sheets: ctx.sheets,
      targets: ctx.targets,
      previous: ctx.previous ? (model) => (ctx.previous as PreviousSource).sheetsFor(model) : undefined,
      displayName: file.display,
      auditRules: ctx.auditRules,
    });
    if (checked.sheets.length === 0) return { ...outcome, error: noDataSheet(file.display, data.sheetNames) };
    outcome.sheets.push(...checked.sheets);
    outcome.notes.push(...checked.notes);
    // A pairing of periods that makes no sense is the file's error (exit 2); the sheets' own findings still stand.
    const refused = checked.sheets.find((s) => s.previousRefused !== null)?.previousRefused;
    if (refused) {
      return { ...outcome, error: { reason: "previous-period", message: refused, brief: { zh: "上期报表期别不符", en: "previous period does not fit" } } };
    }

    if (ctx.outDir !== null && csv) outcome.notes.push(csvNoCopy(file.display));
    else if (ctx.outDir !== null) {
      // The writer is loaded only when a copy is written.
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
    // A template's own 审核规则 sheet with a mistake refuses the file before anything is checked.
    if (err instanceof AuditRulesError) return { ...outcome, error: rulesRefusal(file.display, err.errors.map((e) => e.message)) };
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
