import { Stats, promises as fs } from "node:fs";
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
export async function prepareOutDir(outDir: string, files: readonly InputFile[], shownOut: string): Promise<Bilingual | null> {
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
