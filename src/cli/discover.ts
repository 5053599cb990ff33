import { Stats, promises as fs } from "node:fs";
import path from "node:path";
import { Bilingual } from "../core/i18n";
import { defaultCaseInsensitive, expandGlob, globBase, hasGlob } from "./glob";
import { UNREAD_EXTENSIONS } from "./unreadable";

/**
 * Turns the command line's files, folders and globs into the list of workbooks to check.
 *
 * Folders are searched ONE level deep. Bureaus keep a folder per month; `--out` writes into a folder that is often
 * a subfolder of the inputs, and a recursive search would then pick up last run's annotated copies and report every
 * unit as submitted twice. Recursion is one `**` away for whoever wants it.
 */

export interface InputFile {
  /** Absolute path. */
  path: string;
  /** As shown in reports: relative to cwd when below it, else absolute. */
  display: string;
}

export type InputProblemReason = "not-found" | "no-match" | "empty-folder";

export interface InputProblem {
  input: string;
  reason: InputProblemReason;
  message: Bilingual;
}

export interface Discovery {
  files: InputFile[];
  problems: InputProblem[];
  /** Office lock files named on the command line (a shell's *.xlsx expands to them too), skipped. */
  skippedLockFiles: string[];
}

/**
 * Found in folders and by globs. .xls, .xlsb and the formats of UNREAD_EXTENSIONS (.et, .ods, .csv …) are included
 * so that a district that sent another format is listed as 未检查 with the reason (exit 2) instead of silently
 * counting as "not submitted".
 */
const WORKBOOK_EXTENSIONS = [".xlsx", ".xlsm", ".xlsb", ".xls", ...UNREAD_EXTENSIONS];

export function isWorkbookName(name: string): boolean {
  const ext = path.extname(name).toLowerCase();
  return WORKBOOK_EXTENSIONS.includes(ext);
}

/** Excel and WPS write "~$name.xlsx" next to an open workbook: a few bytes of lock data, never a workbook. */
export function isLockFile(name: string): boolean {
  return path.basename(name).startsWith("~$");
}

/** True when `p` is `dir` or below it (both absolute). */
export function isInside(p: string, dir: string): boolean {
  const rel = path.relative(dir, p);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}

function samePath(a: string, b: string, caseInsensitive: boolean): boolean {
  const x = path.resolve(a);
  const y = path.resolve(b);
  return caseInsensitive ? x.toLowerCase() === y.toLowerCase() : x === y;
}

export function displayPath(abs: string, cwd: string): string {
  const rel = path.relative(cwd, abs);
  return rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : abs;
}

/** Chinese file names in pinyin order and "2月" before "10月": the order a clerk would list them in. */
const collator = new Intl.Collator("zh-Hans-CN", { numeric: true });

function sortPaths(paths: string[]): string[] {
  return paths.sort((a, b) => collator.compare(a, b));
}

async function statOrNull(p: string): Promise<Stats | null> {
  try {
    return await fs.stat(p);
  } catch {
    return null;
  }
}

async function folderWorkbooks(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const out: string[] = [];
  for (const e of entries) {
    if (e.name.startsWith(".") || isLockFile(e.name) || !isWorkbookName(e.name)) continue;
    const p = path.join(dir, e.name);
    if (e.isFile() || (e.isSymbolicLink() && (await statOrNull(p))?.isFile())) out.push(p);
  }
  return sortPaths(out);
}

export interface DiscoverOptions {
  cwd: string;
  /** A file found in a folder or by a glob that must not be checked as a submission: the --targets workbook. */
  excludeFile?: string | null;
  /**
   * The --out folder: a glob searching a tree that contains it ("报送/**\/*.xlsx" with --out 报送/已标注) must not
   * pick up last run's annotated copies, or every unit would be reported as submitted twice. A folder input needs no
   * such care (it is searched one level deep), and a search that starts inside --out is left alone: writing there
   * is refused later as overwriting the originals.
   */
  outDir?: string | null;
  caseInsensitive?: boolean;
}

/**
 * A path that exists is taken literally, even if it contains "?" or "*" (legal in names on Linux); only a path that
 * does not exist is tried as a glob. The same file reached twice (named and matched, or through a link) is checked
 * once, or it would be reported as a duplicate submission of itself.
 */
export async function discover(inputs: readonly string[], options: DiscoverOptions): Promise<Discovery> {
  const { cwd } = options;
  const ci = options.caseInsensitive ?? defaultCaseInsensitive();
  const files: InputFile[] = [];
  const problems: InputProblem[] = [];
  const skippedLockFiles: string[] = [];
  const seen = new Set<string>();

  const add = async (abs: string): Promise<void> => {
    let key = abs;
    try {
      key = await fs.realpath(abs);
    } catch {
      // A file that vanished between listing and here is reported when it is read.
    }
    if (ci) key = key.toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    files.push({ path: abs, display: displayPath(abs, cwd) });
  };

  for (const input of inputs) {
    const abs = path.resolve(cwd, input);
    const excluded = (p: string): boolean => options.excludeFile != null && samePath(p, options.excludeFile, ci);
    const stat = await statOrNull(abs);
    if (stat?.isDirectory()) {
      const found = (await folderWorkbooks(abs)).filter((p) => !excluded(p));
      if (found.length === 0) problems.push({ input, reason: "empty-folder", message: emptyFolder(input) });
      for (const p of found) await add(p);
    } else if (stat) {
      if (isLockFile(abs)) skippedLockFiles.push(input);
      else await add(abs);
    } else if (hasGlob(input)) {
      const out = options.outDir ?? null;
      const skipOut = out !== null && !isInside(globBase(input, cwd), out);
      const found = sortPaths(
        (await expandGlob(input, cwd, ci)).filter(
          (p) => isWorkbookName(p) && !isLockFile(p) && !excluded(p) && !(skipOut && isInside(p, out)),
        ),
      );
      if (found.length === 0) problems.push({ input, reason: "no-match", message: noMatch(input) });
      for (const p of found) await add(p);
    } else {
      problems.push({ input, reason: "not-found", message: notFound(input) });
    }
  }
  return { files, problems, skippedLockFiles };
}

function notFound(input: string): Bilingual {
  return { zh: `找不到文件或文件夹 ${input}`, en: `no such file or folder: ${input}` };
}

function noMatch(input: string): Bilingual {
  return {
    zh: `${input} 没有匹配到任何工作簿（.xlsx / .xlsm）`,
    en: `${input} matched no workbook (.xlsx / .xlsm)`,
  };
}

function emptyFolder(input: string): Bilingual {
  return {
    zh: `文件夹 ${input} 中没有工作簿（.xlsx / .xlsm；子文件夹不检查，可用 "${input}/**/*.xlsx"）`,
    en: `folder ${input} holds no workbook (.xlsx / .xlsm; subfolders are not searched, use "${input}/**/*.xlsx")`,
  };
}
