import { Bilingual } from "../core/i18n";
import { fileLabel, formatBytes } from "./format";
import { readZipDirectory, ZipEntry } from "./zip";

export interface WorkbookLimits {
  maxFileBytes: number;
  maxEntries: number;
  maxInflatedBytes: number;
  maxCompressionRatio: number;
}

/**
 * Measured with our reader (read.ts) on the bench's 100,000 × 12 city table written by exceljs: an 8.5 MB file that
 * inflates to 51 MB (sheet XML ≈ 50 MB; ratio ≈ 6; all-identical numbers: ratio 15). Reading it peaks at about
 * 45 MB + 3.4 × the inflated XML (271 MB RSS at 100k rows, 594 MB at 300k rows / 157 MB of XML, tsx included).
 * Excel's own files stay under ratio ~30 even for a million empty formatted rows, because every row and cell
 * carries its address.
 *
 * - maxFileBytes 50 MB: the whole file is held in memory (Node and browser) on top of what reading costs; 6× the
 *   100k-row case, room for pictures, which are stored already compressed.
 * - maxEntries 10,000: a workbook has ~15 parts plus 2–4 per sheet and one per picture; 10,000 is far beyond
 *   any real one. The central directory is walked, so an archive cannot hide entries behind a smaller count.
 * - maxInflatedBytes 80 MB: keeps reading within about 300 MB (45 + 3.4 × 80 ≈ 320 MB); ≈ 155,000 rows × 12
 *   columns. Counted twice: the declared sizes before anything is inflated, then the real bytes while inflating
 *   (package.ts), so a lying header cannot get more through. --max-inflated raises it for a machine with memory
 *   to spare; past the limit, a clear refusal beats an out-of-memory crash with nothing printed.
 * - maxCompressionRatio 200 per entry: bombs run at ~1,000 (deflate's ceiling); real sheets at 3–30. Entries
 *   under RATIO_GRACE_BYTES are exempt: inflating 1 MB costs nothing whatever its ratio.
 */
export const DEFAULT_LIMITS: WorkbookLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxEntries: 10_000,
  maxInflatedBytes: 80 * 1024 * 1024,
  maxCompressionRatio: 200,
};

/** Entries that declare no more than this are not ratio-checked (see DEFAULT_LIMITS). */
export const RATIO_GRACE_BYTES = 1024 * 1024;

export type LimitReason =
  | "too-large"
  | "too-many-entries"
  | "inflated-too-large"
  | "ratio-too-high"
  | "not-a-zip"
  | "encrypted"
  | "binary-xlsb"
  /** A pre-2007 binary .xls (a CFB file with a Workbook stream). */
  | "legacy-xls"
  /** A zero-byte file (a failed download or copy). */
  | "empty"
  /** The central directory holds another number of entries than the end record declares. */
  | "count-mismatch"
  /** An entry inflates to another size than it declares (found while reading, in package.ts). */
  | "size-mismatch";

/**
 * `notes` (an addition to the brief's shape) carries harmless facts the user should hear about: macros present
 * and ignored, chart sheets skipped.
 */
export type LimitCheck =
  | {
      ok: true;
      entries: number;
      inflatedBytes: number;
      notes: Bilingual[];
      /** The central directory as walked for the check, handed on so that opening the package walks it no more. */
      directory: readonly ZipEntry[];
    }
  | { ok: false; reason: LimitReason; message: Bilingual };

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  if (bytes.byteLength < magic.length) return false;
  return magic.every((b, i) => bytes[i] === b);
}

/** Finds an ASCII name stored as UTF-16LE (CFB directory entries are), without decoding the whole file. */
function containsUtf16(bytes: Uint8Array, name: string): boolean {
  const first = name.charCodeAt(0);
  const last = bytes.byteLength - name.length * 2;
  outer: for (let i = 0; i <= last; i++) {
    if (bytes[i] !== first || bytes[i + 1] !== 0) continue;
    for (let k = 1; k < name.length; k++) {
      if (bytes[i + 2 * k] !== name.charCodeAt(k) || bytes[i + 2 * k + 1] !== 0) continue outer;
    }
    return true;
  }
  return false;
}

function refuse(reason: LimitReason, zh: string, en: string): LimitCheck {
  return { ok: false, reason, message: { zh, en } };
}

/**
 * A Compound File (OLE2) is either an Office file protected by an opening password (the encrypted package lives
 * inside a CFB) or a pre-2007 .xls ("legacy-xls"); one we cannot tell apart is refused as "encrypted" with a
 * message naming both.
 */
function refuseCfb(bytes: Uint8Array, fileName: string | undefined): LimitCheck {
  const f = fileLabel(fileName);
  // An encrypted OOXML file is a CFB holding "EncryptionInfo" and "EncryptedPackage" streams (MS-OFFCRYPTO §2.3.4.1).
  if (containsUtf16(bytes, "EncryptedPackage") || containsUtf16(bytes, "EncryptionInfo")) {
    return refuse(
      "encrypted",
      `${f.zh}已加密（设有打开密码），无法读取。请在 Excel 中取消密码后另存为 .xlsx`,
      `${f.en}is encrypted (it has an opening password). Remove the password in Excel and save it as .xlsx`,
    );
  }
  if (containsUtf16(bytes, "Workbook") || containsUtf16(bytes, "Book")) {
    return refuse(
      "legacy-xls",
      `${f.zh}为旧版 .xls 格式，请在 Excel 中另存为 .xlsx`,
      `${f.en}is an old .xls workbook. Save it as .xlsx in Excel`,
    );
  }
  return refuse(
    "encrypted",
    `${f.zh}已加密或为旧版 .xls 格式，请另存为 .xlsx`,
    `${f.en}is encrypted or an old .xls workbook. Save it as .xlsx`,
  );
}

function refuseXlsb(fileName: string | undefined): LimitCheck {
  const f = fileLabel(fileName);
  return refuse(
    "binary-xlsb",
    `${f.zh}是 .xlsb 二进制工作簿，不支持。请在 Excel 中另存为 .xlsx`,
    `${f.en}is a binary .xlsb workbook, which is not supported. Save it as .xlsx in Excel`,
  );
}

function notAZip(fileName: string | undefined, detail: { zh: string; en: string }): LimitCheck {
  const f = fileLabel(fileName);
  return refuse(
    "not-a-zip",
    `${f.zh}不是有效的 .xlsx 工作簿（${detail.zh}），请在 Excel 中另存为 .xlsx`,
    `${f.en}is not a valid .xlsx workbook (${detail.en}). Save it as .xlsx in Excel`,
  );
}

function notesFor(entries: readonly ZipEntry[]): Bilingual[] {
  const notes: Bilingual[] = [];
  const names = entries.map((e) => e.name.toLowerCase());
  if (names.some((n) => n.endsWith("vbaproject.bin"))) {
    notes.push({
      zh: "工作簿含宏（vbaProject.bin）：宏不会被运行，也不会被读取",
      en: "The workbook contains macros (vbaProject.bin): they are neither run nor read",
    });
  }
  const charts = names.filter((n) => /^xl\/chartsheets\/[^/]+\.xml$/.test(n)).length;
  if (charts > 0) {
    notes.push({
      zh: `已跳过 ${charts} 个图表工作表（只有图表、没有单元格）`,
      en: `Skipped ${charts} chart sheet(s) (charts only, no cells)`,
    });
  }
  return notes;
}

/** Checks what the archive declares (sizes, counts, kinds) before anything is inflated. */
export function checkWorkbookBytes(bytes: Uint8Array, limits?: Partial<WorkbookLimits>, fileName?: string): LimitCheck {
  const lim: WorkbookLimits = { ...DEFAULT_LIMITS, ...limits };
  const f = fileLabel(fileName);

  // Size first: it needs no scanning, and everything after it reads the bytes.
  if (bytes.byteLength > lim.maxFileBytes) {
    return refuse(
      "too-large",
      `${f.zh}大小 ${formatBytes(bytes.byteLength)}，超过上限 ${formatBytes(lim.maxFileBytes)}`,
      `${f.en}is ${formatBytes(bytes.byteLength)}, over the limit of ${formatBytes(lim.maxFileBytes)}`,
    );
  }
  if (bytes.byteLength === 0) {
    return refuse("empty", `${f.zh}为空（0 字节），不是工作簿。请重新保存或下载`, `${f.en}is empty (0 bytes), not a workbook. Save or download it again`);
  }
  if (startsWith(bytes, CFB_MAGIC)) return refuseCfb(bytes, fileName);
  if (fileName && /\.xlsb$/i.test(fileName.trim())) return refuseXlsb(fileName);
  if (!startsWith(bytes, [0x50, 0x4b])) {
    return notAZip(fileName, { zh: "不是 ZIP 格式", en: "not a ZIP archive" });
  }

  const dir = readZipDirectory(bytes, lim.maxEntries);
  if (!dir.ok) {
    if (dir.problem === "too-many-entries") {
      return refuse(
        "too-many-entries",
        `${f.zh}包含 ${dir.declaredEntries} 个压缩条目，超过上限 ${lim.maxEntries}`,
        `${f.en}has ${dir.declaredEntries} archive entries, over the limit of ${lim.maxEntries}`,
      );
    }
    if (dir.problem === "count-mismatch") {
      const found = dir.foundEntries !== undefined && dir.foundEntries > lim.maxEntries ? `超过 ${lim.maxEntries}` : `${dir.foundEntries}`;
      const foundEn = dir.foundEntries !== undefined && dir.foundEntries > lim.maxEntries ? `more than ${lim.maxEntries}` : `${dir.foundEntries}`;
      return refuse(
        "count-mismatch",
        `${f.zh}的压缩目录声明 ${dir.declaredEntries} 个条目，实际有 ${found} 个：压缩包谎报条目数，疑似压缩炸弹，已拒绝读取`,
        `${f.en}declares ${dir.declaredEntries} archive entries but holds ${foundEn}: the archive lies about its contents and looks like a zip bomb; it was not read`,
      );
    }
    const detail =
      dir.problem === "multi-disk"
        ? { zh: "分卷压缩文件", en: "a multi-part archive" }
        : { zh: "ZIP 目录损坏或不完整", en: "its ZIP directory is damaged or incomplete" };
    return notAZip(fileName, detail);
  }

  const names = dir.entries.map((e) => e.name.toLowerCase());
  if (names.includes("xl/workbook.bin")) return refuseXlsb(fileName);
  if (dir.entries.some((e) => e.encrypted)) {
    return refuse(
      "encrypted",
      `${f.zh}的压缩包设有密码，无法读取。请另存为不加密的 .xlsx`,
      `${f.en}is a password-protected archive. Save it as an unencrypted .xlsx`,
    );
  }

  let inflated = 0;
  for (const e of dir.entries) {
    inflated += e.uncompressedSize;
    const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
    if (e.uncompressedSize > RATIO_GRACE_BYTES && ratio > lim.maxCompressionRatio) {
      return refuse(
        "ratio-too-high",
        `${f.zh}中的 ${e.name} 压缩比 ${Math.round(ratio)}:1（${formatBytes(e.compressedSize)} 解压为 ${formatBytes(e.uncompressedSize)}），超过上限 ${lim.maxCompressionRatio}:1，疑似压缩炸弹`,
        `${f.en}has ${e.name} compressed ${Math.round(ratio)}:1 (${formatBytes(e.compressedSize)} → ${formatBytes(e.uncompressedSize)}), over the limit of ${lim.maxCompressionRatio}:1; it looks like a zip bomb`,
      );
    }
  }
  if (inflated > lim.maxInflatedBytes) {
    return refuse(
      "inflated-too-large",
      `${f.zh}解压后 ${formatBytes(inflated)}，超过上限 ${formatBytes(lim.maxInflatedBytes)}`,
      `${f.en}inflates to ${formatBytes(inflated)}, over the limit of ${formatBytes(lim.maxInflatedBytes)}`,
    );
  }
  return { ok: true, entries: dir.entries.length, inflatedBytes: inflated, notes: notesFor(dir.entries), directory: dir.entries };
}
