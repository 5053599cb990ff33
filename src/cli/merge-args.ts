import { Command } from "commander";
import { Bilingual, Lang } from "../core/i18n";
import { Period } from "../core/period";
import type { WorkbookLimits } from "../xlsx/limits";
import { OutputFormat, collect, readCommandLine } from "./args";

/** zs-merge's options: zs-check's, worded the same, plus what consolidating needs (--grouping, --force). */
export interface MergeCliOptions {
  inputs: string[];
  /** The workbook to write (a file, not a folder); never replaces an existing file. */
  out: string;
  sheets: string[];
  targets: string | null;
  period: Period | null;
  preset: string;
  /** Grouping scheme id; null = the preset's own. */
  grouping: string | null;
  registry: string | null;
  /** Merge files with 强制性 findings instead of refusing them. */
  force: boolean;
  format: OutputFormat;
  lang: Lang;
  limits: Partial<WorkbookLimits>;
}

export type ParsedMergeArgs =
  | { kind: "help"; lang: Lang }
  | { kind: "version"; lang: Lang }
  | { kind: "run"; options: MergeCliOptions }
  | { kind: "error"; lang: Lang; message: Bilingual; usage: boolean };


function program(): Command {
  return new Command()
    .name("zs-merge")
    .argument("[inputs...]")
    .option("--out <file>")
    .option("--sheet <name>", "", collect, [] as string[])
    .option("--targets <file>")
    .option("--period <period>")
    .option("--preset <preset>")
    .option("--grouping <scheme>")
    .option("--registry <file>")
    .option("--force")
    .option("--format <format>")
    .option("--lang <lang>")
    .option("--max-size <mb>")
    .option("--max-entries <n>")
    .option("--max-inflated <mb>")
    .option("--max-ratio <n>")
    .option("-h, --help")
    .option("-V, --version")
    .helpOption(false)
    .exitOverride()
    .configureOutput({ writeOut: () => undefined, writeErr: () => undefined, outputError: () => undefined });
}

/** Parses zs-merge's argv (without "node" and the script). Never throws, prints or exits. */
export function parseMergeArgs(argv: readonly string[]): ParsedMergeArgs {
  const cmd = program();
  // The options both commands take are read, and refused, in zs-check's words.
  const line = readCommandLine(cmd, argv);
  if (line.kind !== "options") return line;
  const { lang, options: o } = line;
  const fail = (message: Bilingual, usage = true): ParsedMergeArgs => ({ kind: "error", lang, message, usage });
  const { format, period, preset, registry, limits } = line.shared;
  const grouping = typeof o.grouping === "string" ? o.grouping.trim() : null;
  if (grouping === "") return fail({ zh: "--grouping 需要一个分组方案，如 2020 或 2024", en: "--grouping needs a scheme, such as 2020 or 2024" });


  const inputs = cmd.args.filter((a) => a.trim() !== "");
  if (inputs.length === 0) return fail({ zh: "没有指定要汇总的文件", en: "no files given to merge" });
  const out = typeof o.out === "string" ? o.out.trim() : "";
  if (out === "") return fail({ zh: "请用 --out 指定汇总表文件名，如 --out 汇总.xlsx", en: "name the merged workbook with --out, e.g. --out merged.xlsx" });
  if (!/\.xlsx$/i.test(out)) {
    return fail({ zh: `--out 应为 .xlsx 文件名，收到“${out}”`, en: `--out must name an .xlsx file, got "${out}"` });
  }
  const targets = typeof o.targets === "string" && o.targets.trim() !== "" ? o.targets : null;
  if (o.targets !== undefined && targets === null) return fail({ zh: "--targets 需要一个文件", en: "--targets needs a file" });
  const sheets = (o.sheet as string[]).map((s) => s.trim()).filter((s) => s !== "");

  return {
    kind: "run",
    options: { inputs, out, sheets, targets, period, preset, grouping, registry, force: o.force === true, format, lang, limits },
  };
}
