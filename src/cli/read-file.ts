import { promises as fs } from "node:fs";
import { Bilingual } from "../core/i18n";
import { DEFAULT_LIMITS } from "../xlsx/limits";
import type { WorkbookLimits } from "../xlsx/limits";

export type ReadFileResult =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; reason: "too-large" | "io"; message: Bilingual };

function megabytes(n: number): string {
  const mb = n / (1024 * 1024);
  return `${mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10} MB`;
}

/**
 * Reads a workbook's bytes once (they are reused for the annotated copy). The size is checked on the file's
 * metadata BEFORE reading: the adapter's own size limit only sees bytes already in memory, and a 5 GB file
 * renamed .xlsx should be refused, not loaded.
 */
export async function readWorkbookFile(
  absPath: string,
  shown: string,
  limits: Partial<WorkbookLimits>,
): Promise<ReadFileResult> {
  const max = limits.maxFileBytes ?? DEFAULT_LIMITS.maxFileBytes;
  try {
    const stat = await fs.stat(absPath);
    if (stat.isDirectory()) {
      return { ok: false, reason: "io", message: { zh: `${shown} 是文件夹，不是工作簿`, en: `${shown} is a folder, not a workbook` } };
    }
    if (stat.size > max) {
      return {
        ok: false,
        reason: "too-large",
        message: {
          zh: `文件 ${shown} 大小 ${megabytes(stat.size)}，超过上限 ${megabytes(max)}（可用 --max-size 调整）`,
          en: `File ${shown} is ${megabytes(stat.size)}, over the limit of ${megabytes(max)} (see --max-size)`,
        },
      };
    }
    const buffer = await fs.readFile(absPath);
    return { ok: true, bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength) };
  } catch (err) {
    return { ok: false, reason: "io", message: ioMessage(shown, err) };
  }
}

/** The common errno cases in words a clerk understands; the code itself for the rest. */
export function ioMessage(shown: string, err: unknown): Bilingual {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "ENOENT":
      return { zh: `找不到文件 ${shown}`, en: `no such file: ${shown}` };
    case "EACCES":
    case "EPERM":
      return { zh: `没有权限读取文件 ${shown}`, en: `no permission to read ${shown}` };
    case "EBUSY":
      return { zh: `文件 ${shown} 正被其他程序占用`, en: `${shown} is locked by another program` };
    default: {
      const detail = err instanceof Error ? err.message : String(err);
      return { zh: `无法读取文件 ${shown}：${detail}`, en: `cannot read ${shown}: ${detail}` };
    }
  }
}
