import { Stats, constants as fsConstants, promises as fs } from "node:fs";
import path from "node:path";
import { Bilingual } from "../core/i18n";
import { InputFile } from "./discover";

export const REPORT_FILE = "zs-check-report.json";

async function statOrNull(p: string): Promise<Stats | null> {
  try {
    return await fs.stat(p);
  } catch {
    return null;
  }
}

function sameFile(a: Stats, b: Stats): boolean {
  // dev + ino: the same file reached through a link or, on a case-insensitive disk, a differently cased path.
  return a.dev === b.dev && a.ino === b.ino;
}

/**
 * Checked BEFORE anything is read: an annotated copy must never replace its original (the tool marks, it never
 * changes a submitter's file), and two inputs with the same name would overwrite each other's copy. Creates the
 * folder when missing. Returns the problem, or null when the folder is ready.
 */
export async function prepareOutDir(
  outDir: string,
  files: readonly InputFile[],
  shownOut: string,
  protectedFiles: readonly ProtectedFile[] = [],
): Promise<Bilingual | null> {
  const existing = await statOrNull(outDir);
  if (existing && !existing.isDirectory()) {
    return { zh: `--out ${shownOut} 是一个文件，不是文件夹`, en: `--out ${shownOut} is a file, not a folder` };
  }

  const byName = new Map<string, InputFile>();
  for (const file of files) {
    const name = path.basename(file.path);
    const dest = path.join(outDir, name);
    const destStat = await statOrNull(dest);
    const srcStat = await statOrNull(file.path);
    if (path.resolve(dest) === path.resolve(file.path) || (destStat && srcStat && sameFile(destStat, srcStat))) {
      return {
        zh: `--out ${shownOut} 会覆盖原文件 ${file.display}。请换一个文件夹，标注副本不能替换原报表`,
        en: `--out ${shownOut} would overwrite the original ${file.display}. Choose another folder: an annotated copy never replaces the original`,
      };
    }
    for (const named of protectedFiles) {
      const namedStat = await statOrNull(named.path);
      if (path.resolve(dest) === path.resolve(named.path) || (destStat && namedStat && sameFile(destStat, namedStat))) {
        return {
          zh: `${file.display} 的标注副本会与命令行中的 ${named.display} 同名同处。请换一个 --out 文件夹，命令行中的文件一律不覆盖`,
          en: `the annotated copy of ${file.display} would land on ${named.display}, named on the command line. Choose another --out folder: files named on the command line are never overwritten`,
        };
      }
    }
    // Windows and macOS would write both to one file; compare names as those file systems do.
    const key = name.toLowerCase();
    const other = byName.get(key);
    if (other) {
      return {
        zh: `${other.display} 和 ${file.display} 同名，标注副本会在 ${shownOut} 中互相覆盖。请分两次检查，或用不同的 --out`,
        en: `${other.display} and ${file.display} have the same name; their annotated copies would overwrite each other in ${shownOut}. Check them separately or use different --out folders`,
      };
    }
    byName.set(key, file);
  }

  try {
    await fs.mkdir(outDir, { recursive: true });
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return { zh: `无法创建文件夹 ${shownOut}：${detail}`, en: `cannot create folder ${shownOut}: ${detail}` };
  }
  return null;
}

/** A file named on the command line besides the inputs (--targets, --registry): never a destination. */
export interface ProtectedFile {
  path: string;
  display: string;
}

export interface WrittenFile {
  /** Where the bytes landed. */
  path: string;
  /** True when the plain name was taken and a numbered one ("A (2).xlsx") was used instead. */
  renamed: boolean;
}

const MAX_NUMBERED_NAMES = 999;

function numberedName(name: string, n: number): string {
  if (n === 1) return name;
  const ext = path.extname(name);
  return `${name.slice(0, name.length - ext.length)} (${n})${ext}`;
}

function tempNameIn(dir: string): string {
  return path.join(dir, `.zs-check-${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}.tmp`);
}

/**
 * Puts `tmp` at `dest` only if nothing is there: a hard link fails with EEXIST instead of replacing, so a file this
 * run did not create (last month's copy, a colleague's run into the same folder, a targets workbook) is never
 * overwritten, even when two runs race. Disks without hard links (FAT USB sticks, some shares) get an exclusive copy.
 */
async function placeWithoutReplacing(tmp: string, dest: string): Promise<boolean> {
  try {
    await fs.link(tmp, dest);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "EEXIST") return false;
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EXDEV" && code !== "ENOSYS") throw err;
  }
  try {
    await fs.copyFile(tmp, dest, fsConstants.COPYFILE_EXCL);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw err;
  }
}

/**
 * Writes a new file named `name` in `dir`, or "name (2)", "name (3)"… when that name is taken — the way browsers
 * save downloads, so a statistician recognises it. The bytes go to a temporary file first: a crash leaves no
 * half-written copy under a real name.
 */
export async function writeNewFile(dir: string, name: string, bytes: Uint8Array | string): Promise<WrittenFile> {
  const tmp = tempNameIn(dir);
  await fs.writeFile(tmp, bytes, { flag: "wx" });
  try {
    for (let n = 1; n <= MAX_NUMBERED_NAMES; n++) {
      const dest = path.join(dir, numberedName(name, n));
      if (await placeWithoutReplacing(tmp, dest)) return { path: dest, renamed: n > 1 };
    }
    throw Object.assign(new Error(`${MAX_NUMBERED_NAMES} files named like ${name} already exist`), { code: "EEXIST" });
  } finally {
    await fs.rm(tmp, { force: true });
  }
}

/** Our own report from an earlier run (replaceable), as opposed to a user's file that happens to share the name. */
async function isOurReport(file: string): Promise<boolean> {
  try {
    const parsed = JSON.parse(await fs.readFile(file, "utf8")) as { files?: unknown; batch?: unknown };
    return Array.isArray(parsed.files) && typeof parsed.batch === "object" && parsed.batch !== null;
  } catch {
    return false;
  }
}

/**
 * The JSON report names exactly the copies this run wrote, so it replaces an earlier run's report in one step
 * (temporary file, then rename): a reader never sees a half-written report, and two runs into one folder leave the
 * last one's report whole rather than a mix. Anything else already called zs-check-report.json is kept, and the
 * report goes beside it under a numbered name.
 */
export async function writeReportFile(outDir: string, json: string): Promise<WrittenFile> {
  const dest = path.join(outDir, REPORT_FILE);
  if ((await statOrNull(dest)) !== null && !(await isOurReport(dest))) return writeNewFile(outDir, REPORT_FILE, json);
  const tmp = tempNameIn(outDir);
  await fs.writeFile(tmp, json, { encoding: "utf8", flag: "wx" });
  try {
    await fs.rename(tmp, dest);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
  return { path: dest, renamed: false };
}
