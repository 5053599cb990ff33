import path from "node:path";
import { deflateRawSync } from "node:zlib";
import { SettingFlags } from "../app/effective-settings";
import { Finding } from "../core/findings";
import { Bilingual, Lang } from "../core/i18n";
import { MergeSubmission, MergedTable, consolidate } from "../core/merge";
import { TargetTable } from "../core/targets";
import { UnitRegistry, chongqing } from "../core/units";
import { SUMMARY_SHEET, writeMergedWorkbook } from "../xlsx/merged-workbook";
import { CheckContext, FileOutcome, checkFile } from "./check-file";
import { discover, displayPath } from "./discover";
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from "./exit-code";
import { CliIO } from "./io";
import { MergeCliOptions } from "./merge-args";
import { mergeUsageHint } from "./merge-help";
import { MergeReport, formatMergeJson, formatMergeText } from "./merge-report";
import { writeNewFile } from "./out-dir";
import { periodEcho } from "./period-option";
import { Progress } from "./progress";
import { loadRegistry } from "./registry-option";
import { say } from "./say";
import { loadTargets } from "./targets-option";

const PROGRAM = "zs-merge";

function tell(io: CliIO, lang: Lang, message: Bilingual): void {
  say(io, lang, message, PROGRAM);
}

/** The 汇总表 an earlier zs-merge run wrote: a city table, never a district's submission. */
function isOwnOutput(outcome: FileOutcome): boolean {
  return outcome.sheets.some((s) => s.model.sheet === SUMMARY_SHEET && (s.model.title?.text.endsWith("全市招商引资主要指标汇总表") ?? false));
}

async function setUp(
  options: MergeCliOptions,
  io: CliIO,
): Promise<{ registry: UnitRegistry; targets: TargetTable | null; targetsFile: string | null } | null> {
  const { lang, cwd } = { lang: options.lang, cwd: io.cwd };
  const loaded = options.registry === null ? { ok: true as const, registry: chongqing } : await loadRegistry(options.registry, cwd);
  if (!loaded.ok) {
    tell(io, lang, loaded.message);
    return null;
  }
  const registry = loaded.registry;
  const presetIds = registry.presets().map((p) => p.id);
  if (options.preset !== "auto" && !presetIds.includes(options.preset)) {
    tell(io, lang, { zh: `未知的预设“${options.preset}”。可用：${presetIds.join("、")}`, en: `unknown preset "${options.preset}". Known presets: ${presetIds.join(", ")}` });
    return null;
  }
  const schemes = registry.schemes().map((s) => s.id);
  if (options.grouping !== null && !schemes.includes(options.grouping)) {
    tell(io, lang, { zh: `未知的分组方案“${options.grouping}”。可用：${schemes.join("、")}`, en: `unknown grouping scheme "${options.grouping}". Known schemes: ${schemes.join(", ")}` });
    return null;
  }
  if (options.targets === null) return { registry, targets: null, targetsFile: null };
  const t = await loadTargets(options.targets, { cwd, registry, limits: options.limits });
  if (!t.ok) {
    tell(io, lang, t.message);
    return null;
  }
  // The 来源 sheet names the targets workbook, not only its sheet.
  return { registry, targets: { ...t.table, source: t.file }, targetsFile: path.resolve(cwd, t.file) };
}

/**
 * A merging run: the same discovery and per-file check as zs-check, then the refusal of files with 强制性 findings
 * (unless --force), the consolidation, and the new workbook, written without replacing any existing file.
 */
export async function mergeBatch(options: MergeCliOptions, io: CliIO): Promise<number> {
  const { lang } = options;
  const { cwd } = io;
  const ready = await setUp(options, io);
  if (ready === null) return EXIT_USAGE;
  const { registry, targets, targetsFile } = ready;
  const outPath = path.resolve(cwd, options.out);

  const discovery = await discover(options.inputs, { cwd, excludeFile: targetsFile });
  for (const skipped of discovery.skippedLockFiles) tell(io, lang, { zh: `已跳过 Office 临时锁定文件 ${skipped}`, en: `skipped the Office lock file ${skipped}` });
  for (const p of discovery.problems) tell(io, lang, p.message);
  // The output of an earlier run, named again by a folder or glob, is not a submission.
  const files = discovery.files.filter((f) => f.path !== outPath);
  if (files.length === 0) {
    if (discovery.problems.length === 0) tell(io, lang, { zh: "没有要汇总的文件", en: "no files to merge" });
    io.stderr.write(mergeUsageHint(lang));
    return EXIT_USAGE;
  }
  if (options.period) tell(io, lang, periodEcho(options.period));

  // Each submission is checked under its own stored settings, as zs-check does; what the city typed overrides them.
  const flags: SettingFlags = {};
  if (options.period) flags.period = options.period.label;
  if (options.preset !== "auto") flags.preset = options.preset;
  if (targets !== null) flags.targets = true;
  const ctx: CheckContext = { registry, flags, targets, auditRules: [], sheets: options.sheets, limits: options.limits, lang, outDir: null };
  const progress = new Progress(io.stderr, files.length, files.length > 1 && (io.stderrIsTTY ?? io.isTTY), lang === "zh" ? "检查中" : "Checking");
  const outcomes: FileOutcome[] = [];
  for (let i = 0; i < files.length; i++) {
    progress.update(i, files[i].display);
    outcomes.push(await checkFile(files[i], ctx));
  }
  progress.done();

  const report: MergeReport = {
    output: null,
    renamed: false,
    merged: [],
    forced: [],
    refused: [],
    unreadable: [],
    ownOutputs: [],
    duplicates: [],
    missing: [],
    unmerged: [],
    inputProblems: discovery.problems.map((p) => p.message),
  };
  const submissions: MergeSubmission[] = [];
  for (const o of outcomes) {
    if (o.error !== null) {
      report.unreadable.push({ file: o.file.display, unit: null, reason: o.error.message });
      continue;
    }
    if (isOwnOutput(o)) {
      report.ownOutputs.push(o.file.display);
      continue;
    }
    const errors: Finding[] = o.sheets.flatMap((s) => s.result.findings.filter((f) => f.severity === "error"));
    if (errors.length > 0 && !options.force) {
      report.refused.push({ file: o.file.display, findings: errors });
      continue;
    }
    if (errors.length > 0) report.forced.push({ file: o.file.display, findings: errors });
    for (const s of o.sheets) {
      submissions.push({ file: o.file.display, model: s.model, summary: s.result.summary, explanations: o.explanations.filter((e) => e.sheet === s.model.sheet).length });
    }
  }

  let table: MergedTable;
  try {
    table = consolidate(submissions, {
      registry,
      preset: options.preset,
      scheme: options.grouping ?? undefined,
      period: options.period,
      targets,
      unreadable: report.unreadable.map((u) => u.file),
    });
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    tell(io, lang, { zh: `汇总时出现内部错误：${detail}`, en: `internal error while merging: ${detail}` });
    return EXIT_USAGE;
  }
  // A submission counts as merged for the units it gave that were not refused as duplicates.
  const duplicated = new Set(table.duplicates.map((d) => d.unit.code));
  report.merged = table.submissions
    .map((s) => ({ file: s.file, sheet: s.sheet, units: s.units.filter((u) => !duplicated.has(u)).length, summary: s.summary }))
    .filter((m) => m.units > 0);
  report.duplicates = table.duplicates.map((d) => ({ unit: d.unit.name, files: d.files }));
  for (const u of report.unreadable) u.unit = table.unreadable.find((x) => x.file === u.file)?.unit?.name ?? null;
  report.missing = table.missing.map((u) => u.name);
  report.unmerged = table.unmerged;

  try {
    const written = await writeNewFile(path.dirname(outPath), path.basename(outPath), writeMergedWorkbook(table, (data) => deflateRawSync(data)));
    report.output = displayPath(written.path, cwd);
    report.renamed = written.renamed;
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    tell(io, lang, { zh: `无法写入 ${options.out}：${detail}`, en: `cannot write ${options.out}: ${detail}` });
    return EXIT_USAGE;
  }

  io.stdout.write(options.format === "json" ? formatMergeJson(report, lang) : formatMergeText(report, lang));
  if (report.unreadable.length > 0 || report.inputProblems.length > 0) return EXIT_USAGE;
  const mustFix = report.refused.length + report.forced.length + report.duplicates.length;
  return mustFix > 0 ? EXIT_FINDINGS : EXIT_OK;
}
