import path from "node:path";
import { ValidationConfig } from "../core/config";
import { checkSubmissions } from "../core/engine";
import { Finding } from "../core/findings";
import { TargetTable } from "../core/targets";
import { chongqing } from "../core/units";
import { CliOptions } from "./args";
import { SettingFlags } from "../app/effective-settings";
import { CheckContext, FileOutcome, checkFile } from "./check-file";
import { paintFor } from "./color";
import { InputProblem, discover, displayPath } from "./discover";
import { EXIT_USAGE, exitCodeFor } from "./exit-code";
import { usageHint } from "./help";
import { CliIO } from "./io";
import { formatJson } from "../app/json-format";
import { REPORT_FILE, prepareOutDir, writeReportFile } from "./out-dir";
import { Progress } from "./progress";
import { buildReport } from "./build-report";
import { periodEcho } from "./period-option";
import { say } from "./say";
import { loadTargets } from "./targets-option";
import { PreviousSource, loadPrevious } from "./previous-option";
import { loadRegistry } from "./registry-option";
import { loadRules } from "./rules-option";
import { formatText } from "./text-format";
import { briefReason } from "./unreadable";

/**
 * A checking run, once the command line is known to be sound: targets, discovery, the --out folder, every file in
 * turn, the cross-file check, the report, the exit status. Loaded lazily by main.ts so that --help and --version
 * do not pay for exceljs.
 */
export async function checkBatch(options: CliOptions, io: CliIO): Promise<number> {
  const { lang } = options;
  const { cwd } = io;
  const loadedRegistry = options.registry === null ? { ok: true as const, registry: chongqing } : await loadRegistry(options.registry, cwd);
  if (!loadedRegistry.ok) {
    say(io, lang, loadedRegistry.message);
    return EXIT_USAGE;
  }
  const registry = loadedRegistry.registry;
  const presetIds = registry.presets().map((p) => p.id);
  if (options.preset !== "auto" && !presetIds.includes(options.preset)) {
    say(io, lang, {
      zh: `未知的预设“${options.preset}”。可用：${presetIds.join("、")}`,
      en: `unknown preset "${options.preset}". Known presets: ${presetIds.join(", ")}`,
    });
    return EXIT_USAGE;
  }

  let targets: TargetTable | null = null;
  let targetsFile: string | null = null;
  if (options.targets !== null) {
    const loaded = await loadTargets(options.targets, { cwd, registry, limits: options.limits });
    if (!loaded.ok) {
      say(io, lang, loaded.message);
      return EXIT_USAGE;
    }
    targets = loaded.table;
    targetsFile = path.resolve(cwd, loaded.file);
  }

  let previous: PreviousSource | null = null;
  if (options.previous.length > 0) {
    const loaded = await loadPrevious(options.previous, { cwd, registry, limits: options.limits });
    if (!loaded.ok) {
      say(io, lang, loaded.message);
      return EXIT_USAGE;
    }
    previous = loaded.source;
  }

  let auditRules: CheckContext["auditRules"] = [];
  let rulesFile: string | null = null;
  if (options.rules !== null) {
    const loaded = await loadRules(options.rules, cwd);
    if (!loaded.ok) {
      for (const m of loaded.messages) say(io, lang, m);
      return EXIT_USAGE;
    }
    auditRules = loaded.rules;
    rulesFile = loaded.file;
  }

  const outDir = options.out === null ? null : path.resolve(cwd, options.out);
  const discovery = await discover(options.inputs, {
    cwd,
    // Folders and globs must not pick up the targets workbook or last run's annotated copies.
    excludeFile: targetsFile,
    outDir,
  });
  for (const skipped of discovery.skippedLockFiles) {
    say(io, lang, { zh: `已跳过 Office 临时锁定文件 ${skipped}`, en: `skipped the Office lock file ${skipped}` });
  }
  for (const p of discovery.problems) say(io, lang, p.message);
  if (discovery.files.length === 0) {
    if (discovery.problems.length === 0) say(io, lang, { zh: "没有要检查的文件", en: "no files to check" });
    io.stderr.write(usageHint(lang));
    return EXIT_USAGE;
  }

  if (outDir !== null) {
    // Everything named on the command line is off limits, not only the inputs (`--targets T/A.xlsx --out T`).
    const previousFiles = previous === null ? [] : previous.files.map((f) => f.path);
    const named = [targetsFile, rulesFile, ...previousFiles, options.registry === null ? null : path.resolve(cwd, options.registry)]
      .filter((p): p is string => p !== null)
      .map((p) => ({ path: p, display: displayPath(p, cwd) }));
    const problem = await prepareOutDir(outDir, discovery.files, displayPath(outDir, cwd), named);
    if (problem) {
      say(io, lang, problem);
      return EXIT_USAGE;
    }
  }

  // What was typed is said back as understood, so a wrong reading (三季度 = 7-9月) is seen before the results.
  if (options.period) say(io, lang, periodEcho(options.period));
  // The cross-file check (duplicate and missing submissions) runs under the command line's own settings.
  const config: Partial<ValidationConfig> = { preset: options.preset, lang, onlyPresentUnits: options.onlyPresent };
  if (options.period) {
    config.months = options.period.endMonth;
    if (options.period.year !== undefined) config.year = options.period.year;
  }
  const flags: SettingFlags = {};
  if (options.period) flags.period = options.period.label;
  if (options.presetGiven) flags.preset = options.preset;
  if (options.onlyPresent) flags.onlyPresentUnits = true;
  if (targets !== null) flags.targets = true;
  const ctx: CheckContext = {
    registry,
    flags,
    targets,
    auditRules,
    sheets: options.sheets,
    limits: options.limits,
    lang,
    outDir,
    previous,
  };

  // Last period's files are what this period is compared with, not submissions of this period.
  const previousPaths = new Set(previous?.files.map((f) => f.path) ?? []);
  const files = discovery.files.filter((f) => !previousPaths.has(f.path));
  const showProgress = files.length > 1 && (io.stderrIsTTY ?? io.isTTY);
  const progress = new Progress(io.stderr, files.length, showProgress, lang === "zh" ? "检查中" : "Checking");
  const outcomes: FileOutcome[] = [];
  for (let i = 0; i < files.length; i++) {
    progress.update(i, files[i].display);
    // One at a time: parsing is CPU-bound on this thread, so overlapping files would only raise peak memory.
    outcomes.push(await checkFile(files[i], ctx));
  }
  progress.done();

  let batch: Finding[] = [];
  try {
    const submissions = outcomes.flatMap((o) =>
      o.sheets.map((s) => ({ file: o.file.display, sheet: s.model.sheet, model: s.model, result: s.result })),
    );
    // One file is not a batch: checking a single district's sheet must not list the other 40 units as missing.
    // Files that could not be read are not absent districts: the cross-file check is told which they are.
    const unchecked = outcomes.flatMap((o) => (o.error === null ? [] : [{ file: o.file.display, reason: briefReason(o.error) }]));
    if (files.length > 1) batch = checkSubmissions(submissions, config, registry, unchecked);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    say(io, lang, { zh: `跨文件检查出现内部错误：${detail}`, en: `internal error in the cross-file check: ${detail}` });
    return finish(io, options, outcomes, discovery.problems, [], outDir, EXIT_USAGE);
  }
  return finish(io, options, outcomes, discovery.problems, batch, outDir, null);
}

async function finish(
  io: CliIO,
  options: CliOptions,
  outcomes: FileOutcome[],
  problems: readonly InputProblem[],
  batch: Finding[],
  outDir: string | null,
  forcedExit: number | null,
): Promise<number> {
  const { lang } = options;
  const report = buildReport(outcomes, problems, batch);
  for (const o of outcomes) if (o.error) say(io, lang, o.error.message);

  const json = options.format === "json" || outDir !== null ? formatJson(report, lang) : "";
  io.stdout.write(options.format === "json" ? json : formatText(report, lang, paintFor(io.isTTY, io.env)));

  let exit = forcedExit ?? exitCodeFor(report);
  if (outDir !== null) {
    try {
      const written = await writeReportFile(outDir, json);
      if (written.renamed) {
        say(io, lang, {
          zh: `输出文件夹中已有一个不是本工具报告的 ${REPORT_FILE}，未覆盖；报告写入 ${path.basename(written.path)}`,
          en: `the output folder holds a ${REPORT_FILE} that is not one of our reports; it was kept and the report is ${path.basename(written.path)}`,
        });
      }
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err);
      say(io, lang, { zh: `无法写入 ${REPORT_FILE}：${detail}`, en: `cannot write ${REPORT_FILE}: ${detail}` });
      exit = EXIT_USAGE;
    }
  }
  return exit;
}
