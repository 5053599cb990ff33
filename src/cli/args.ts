import { Command, CommanderError } from "commander";
import { Bilingual, Lang } from "../core/i18n";
import { Period } from "../core/period";
import { chongqing } from "../core/units";
import type { WorkbookLimits } from "../xlsx/limits";
import { parsePeriodOption, periodRefusal } from "./period-option";

export type OutputFormat = "text" | "json";

export interface CliOptions {
  /** Files, folders and globs as typed (resolved against cwd later). */
  inputs: string[];
  /** --sheet, repeatable; empty = every data sheet. */
  sheets: string[];
  /** --targets as typed ("FILE" or "FILE#SHEET"); split later, because a file name may itself contain "#". */
  targets: string | null;
  period: Period | null;
  /** A registry preset id, or "auto" (the engine picks it from the sheet's year). */
  preset: string;
  /** --preset was given: it then overrides the preset saved in a file's settings. */
  presetGiven?: true;
  /** --registry: another city's unit registry (the JSON format of src/core/units/data); null = Chongqing. */
  registry: string | null;
  format: OutputFormat;
  out: string | null;
  lang: Lang;
  limits: Partial<WorkbookLimits>;
  /** --rules: a file of 审核公式 as typed (resolved against cwd later); null = none. */
  rules: string | null;
  /** --only-present: check only the units a sheet (or batch) lists; absent ones are one 提示, not missing. */
  onlyPresent: boolean;
  /** --previous, repeatable: last period's file, a folder of them (paired by unit), or a 全年 sheet's four quarters. */
  previous: string[];
}

export type ParsedArgs =
  | { kind: "help"; lang: Lang }
  | { kind: "version"; lang: Lang }
  | { kind: "run"; options: CliOptions }
  /** A bad invocation (exit 2); `usage` = also print the usage lines. */
  | { kind: "error"; lang: Lang; message: Bilingual; usage: boolean };

const MB = 1024 * 1024;

/**
 * The language is needed to word errors about the other options, so it is read before (and independently of) the
 * real parse: a typo elsewhere on the line must still be reported in the language asked for.
 */
export function langFromArgv(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") break;
    const value = a === "--lang" ? argv[i + 1] : a.startsWith("--lang=") ? a.slice("--lang=".length) : undefined;
    const lang = value === undefined ? null : parseLang(value);
    if (lang) return lang;
  }
  return "zh";
}

/** "zh", "zh-CN", "en", "en-US" (what LANG-style settings look like); null for anything else. */
export function parseLang(value: string): Lang | null {
  const v = value.trim().toLowerCase();
  if (v === "zh" || v.startsWith("zh-") || v.startsWith("zh_")) return "zh";
  if (v === "en" || v.startsWith("en-") || v.startsWith("en_")) return "en";
  return null;
}

/** commander's accumulator for an option that may be given more than once (--sheet, --previous). */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export type OptionValues = Record<string, string | string[] | boolean | undefined>;

/**
 * A command line read by commander, for zs-check and zs-merge alike: its options, or --help / --version (which win
 * over everything else on the line, as in every other tool: "zs-check x.xlsx --help" shows help), or commander's
 * refusal in our words.
 */
export function parseCommand(
  cmd: Command,
  argv: readonly string[],
): { kind: "options"; options: OptionValues } | { kind: "help" } | { kind: "version" } | { kind: "error"; message: Bilingual } {
  try {
    cmd.parse([...argv], { from: "user" });
  } catch (err) {
    if (err instanceof CommanderError) return { kind: "error", message: commanderMessage(err) };
    throw err;
  }
  const o = cmd.opts<OptionValues>();
  if (o.help) return { kind: "help" };
  if (o.version) return { kind: "version" };
  return { kind: "options", options: o };
}

function program(): Command {
  // A new Command per call: commander keeps parsed values on the instance, and run() may be called many times
  // in one process (tests).
  return new Command()
    .name("zs-check")
    .argument("[inputs...]")
    .option("--sheet <name>", "", collect, [] as string[])
    .option("--targets <file>")
    .option("--previous <path>", "", collect, [] as string[])
    .option("--rules <file>")
    .option("--period <period>")
    .option("--preset <preset>")
    .option("--registry <file>")
    .option("--only-present")
    .option("--format <format>")
    .option("--out <dir>")
    .option("--lang <lang>")
    .option("--max-size <mb>")
    .option("--max-entries <n>")
    .option("--max-inflated <mb>")
    .option("--max-ratio <n>")
    .option("-h, --help")
    .option("-V, --version")
    // Help and errors are ours (bilingual, Chinese first); commander must neither print nor exit the process.
    .helpOption(false)
    .exitOverride()
    .configureOutput({ writeOut: () => undefined, writeErr: () => undefined, outputError: () => undefined });
}

/** commander's English message names the option in quotes; that name is all we keep of it. */
function quoted(message: string): string {
  const m = /'([^']+)'/.exec(message);
  return m ? m[1] : "";
}

export function commanderMessage(err: CommanderError): Bilingual {
  const flag = quoted(err.message);
  switch (err.code) {
    case "commander.unknownOption": {
      const hint = /Did you mean (\S+?)\?/.exec(err.message);
      const zhHint = hint ? `（是否要用 ${hint[1]}？）` : "";
      const enHint = hint ? ` (did you mean ${hint[1]}?)` : "";
      return { zh: `未知选项 ${flag}${zhHint}`, en: `unknown option ${flag}${enHint}` };
    }
    case "commander.optionMissingArgument":
      return { zh: `选项 ${flag} 缺少取值`, en: `option ${flag} needs a value` };
    default:
      return { zh: `命令行参数有误：${err.message}`, en: `bad command line: ${err.message}` };
  }
}

export type Problem = { message: Bilingual };

export function positiveNumber(value: string | undefined, flag: string, scale: number): number | Problem | undefined {
  if (value === undefined) return undefined;
  const n = Number(value.trim());
  if (value.trim() === "" || !Number.isFinite(n) || n <= 0) {
    return { message: { zh: `${flag} 需要一个正数，收到“${value}”`, en: `${flag} needs a positive number, got "${value}"` } };
  }
  return Math.round(n * scale);
}

export function isProblem(v: unknown): v is Problem {
  return typeof v === "object" && v !== null && "message" in v;
}

export function knownPresets(): string[] {
  return chongqing.presets().map((p) => p.id);
}

/** Parses argv (without "node" and the script path). Never throws, never prints, never exits. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const cmd = program();
  const line = readCommandLine(cmd, argv);
  if (line.kind !== "options") return line;
  const { lang, options: o } = line;
  const fail = (message: Bilingual, usage = true): ParsedArgs => ({ kind: "error", lang, message, usage });
  const { format, period, preset, registry, limits } = line.shared;

  const inputs = cmd.args.filter((a) => a.trim() !== "");
  if (inputs.length === 0) {
    return fail({ zh: "没有指定要检查的文件", en: "no files given to check" });
  }

  const sheets = (o.sheet as string[]).map((s) => s.trim()).filter((s) => s !== "");
  const out = typeof o.out === "string" && o.out.trim() !== "" ? o.out : null;
  if (o.out !== undefined && out === null) return fail({ zh: "--out 需要一个文件夹", en: "--out needs a folder" });
  const targets = typeof o.targets === "string" && o.targets.trim() !== "" ? o.targets : null;
  if (o.targets !== undefined && targets === null) {
    return fail({ zh: "--targets 需要一个文件", en: "--targets needs a file" });
  }

  const rules = typeof o.rules === "string" && o.rules.trim() !== "" ? o.rules : null;
  if (o.rules !== undefined && rules === null) return fail({ zh: "--rules 需要一个规则文件", en: "--rules needs a rules file" });

  const previousGiven = o.previous as string[];
  const previous = previousGiven.filter((p) => p.trim() !== "");
  if (previous.length < previousGiven.length) {
    return fail({ zh: "--previous 需要上期报表文件或文件夹", en: "--previous needs a previous-period file or folder" });
  }

  return {
    kind: "run",
    options: {
      inputs,
      sheets,
      targets,
      period,
      preset,
      ...(o.preset !== undefined ? { presetGiven: true as const } : {}),
      registry,
      format,
      out,
      lang,
      limits,
      onlyPresent: o.onlyPresent === true,
      previous,
      rules,
    },
  };
}

/**
 * The start both commands share: the language for messages, commander's reading (or --help / --version), and the
 * options both take, read and refused in zs-check's words.
 */
export function readCommandLine(
  cmd: Command,
  argv: readonly string[],
):
  | { kind: "help" | "version"; lang: Lang }
  | { kind: "error"; lang: Lang; message: Bilingual; usage: true }
  | { kind: "options"; lang: Lang; options: OptionValues; shared: SharedOptions } {
  const lang = langFromArgv(argv);
  const parsed = parseCommand(cmd, argv);
  if (parsed.kind === "error") return { kind: "error", lang, message: parsed.message, usage: true };
  if (parsed.kind !== "options") return { kind: parsed.kind, lang };
  const shared = readSharedOptions(parsed.options);
  if ("zh" in shared) return { kind: "error", lang, message: shared, usage: true };
  return { kind: "options", lang, options: parsed.options, shared };
}

/** What zs-check and zs-merge share: the options they both take, read and refused in the same words. */
export interface SharedOptions {
  format: "text" | "json";
  period: Period | null;
  preset: string;
  registry: string | null;
  limits: Partial<WorkbookLimits>;
}

/** Reads --lang (checked only), --format, --period, --preset, --registry and the zip limits; a refusal otherwise. */
export function readSharedOptions(o: Readonly<OptionValues>): SharedOptions | Bilingual {
  if (typeof o.lang === "string" && parseLang(o.lang) === null) {
    return { zh: `--lang 只能是 zh 或 en，收到“${o.lang}”`, en: `--lang must be zh or en, got "${o.lang}"` };
  }

  const format = (o.format as string | undefined) ?? "text";
  if (format !== "text" && format !== "json") {
    return { zh: `--format 只能是 text 或 json，收到“${format}”`, en: `--format must be text or json, got "${format}"` };
  }

  let period: Period | null = null;
  if (typeof o.period === "string") {
    period = parsePeriodOption(o.period);
    if (period === null) return periodRefusal(o.period);
  }

  const preset = (o.preset as string | undefined)?.trim() ?? "auto";
  const registry = typeof o.registry === "string" && o.registry.trim() !== "" ? o.registry : null;
  if (o.registry !== undefined && registry === null) {
    return { zh: "--registry 需要一个 JSON 文件", en: "--registry needs a JSON file" };
  }
  const presets = knownPresets();
  // Another registry's presets are checked once it is loaded (checkBatch).
  if (registry === null && preset !== "auto" && !presets.includes(preset)) {
    return {
      zh: `未知的预设“${preset}”。可用：${presets.join("、")}`,
      en: `unknown preset "${preset}". Known presets: ${presets.join(", ")}`,
    };
  }

  const limits: Partial<WorkbookLimits> = {};
  const limitSpecs: [string, string, keyof WorkbookLimits, number][] = [
    ["maxSize", "--max-size", "maxFileBytes", MB],
    ["maxEntries", "--max-entries", "maxEntries", 1],
    ["maxInflated", "--max-inflated", "maxInflatedBytes", MB],
    ["maxRatio", "--max-ratio", "maxCompressionRatio", 1],
  ];
  for (const [key, flag, field, scale] of limitSpecs) {
    const v = positiveNumber(o[key] as string | undefined, flag, scale);
    if (isProblem(v)) return v.message;
    if (v !== undefined) limits[field] = v;
  }
  return { format, period, preset, registry, limits };
}
