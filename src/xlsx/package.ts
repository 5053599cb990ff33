import { Bilingual } from "../core/i18n";
import { ByteTools } from "./byte-tools";
import { WorkbookError } from "./errors";
import { fileLabel, formatBytes } from "./format";
import { checkWorkbookBytes, DEFAULT_LIMITS, LimitCheck, WorkbookLimits } from "./limits";
import { InflateUnsupportedError } from "./web-byte-tools";
import { XmlCursor } from "./xml";
import { entryData, ZipEntry } from "./zip";

const utf8Decoder = new TextDecoder("utf-8");

/** utf8() of a cursor whose source is already decoded text: the text itself. */
function sliceOfText(src: string, start: number, end: number): string {
  return src.slice(start, end);
}

/**
 * The workbook's zip, opened for reading parts one at a time. Everything the archive declares is checked first
 * (limits.ts); then each part is inflated only when asked for, and the REAL inflated bytes are counted against
 * maxInflatedBytes, so neither a lying size nor a lying count can make us inflate more than the limit.
 */
export class WorkbookPackage {
  private readonly byName = new Map<string, ZipEntry>();
  private inflated = 0;

  private constructor(
    private readonly bytes: Uint8Array,
    entries: readonly ZipEntry[],
    private readonly limits: WorkbookLimits,
    private readonly fileName: string | undefined,
    readonly tools: ByteTools,
    readonly notes: Bilingual[],
  ) {
    // Part names are case-insensitive in OPC (ECMA-376 Part 2, §9.1.1.1), and some writers drop the leading "/".
    for (const e of entries) this.byName.set(e.name.replace(/^\//, "").toLowerCase(), e);
  }

  /** Checks the declared figures (throws WorkbookError with the limit's reason) and lists the parts. */
  static open(bytes: Uint8Array, limits: Partial<WorkbookLimits> | undefined, fileName: string | undefined, tools: ByteTools): WorkbookPackage {
    const lim: WorkbookLimits = { ...DEFAULT_LIMITS, ...limits };
    return WorkbookPackage.fromCheck(bytes, checkWorkbookBytes(bytes, lim, fileName), lim, fileName, tools);
  }

  /**
   * Opens on a check already made of the same bytes (with the same limits): the directory that check walked is
   * used as is, so a caller that checked first does not pay for a second walk.
   */
  static fromCheck(
    bytes: Uint8Array,
    check: LimitCheck,
    limits: Partial<WorkbookLimits> | undefined,
    fileName: string | undefined,
    tools: ByteTools,
  ): WorkbookPackage {
    if (!check.ok) throw new WorkbookError(check.reason, check.message);
    return new WorkbookPackage(bytes, check.directory, { ...DEFAULT_LIMITS, ...limits }, fileName, tools, check.notes);
  }

  /** A part's declared inflated size (0 when absent): enough to weigh the parts for progress. */
  declaredSize(name: string): number {
    return this.byName.get(name.replace(/^\//, "").toLowerCase())?.uncompressedSize ?? 0;
  }

  has(name: string): boolean {
    return this.byName.has(name.toLowerCase());
  }

  /** A part's bytes, or null when the package has no such part. */
  async part(name: string): Promise<Uint8Array | null> {
    const entry = this.byName.get(name.replace(/^\//, "").toLowerCase());
    if (!entry) return null;
    const data = entryData(this.bytes, entry);
    if (!data) throw this.damaged(entry.name);
    const room = this.limits.maxInflatedBytes - this.inflated;
    let out: Uint8Array | "too-large";
    if (entry.method === 0) {
      out = data.byteLength > room ? "too-large" : data;
    } else if (entry.method === 8) {
      // Never more than the entry declared (plus one byte, to see a lie) nor than what is left of the budget.
      const cap = Math.min(entry.uncompressedSize + 1, room + 1);
      try {
        out = await this.tools.inflateRaw(data, cap);
      } catch (err) {
        if (err instanceof InflateUnsupportedError) throw this.oldBrowser(err);
        throw this.damaged(entry.name, err);
      }
      if (out !== "too-large" && out.byteLength > room) out = "too-large";
    } else {
      throw this.damaged(entry.name);
    }
    if (out === "too-large") {
      if (entry.uncompressedSize < room) throw this.sizeLie(entry);
      throw this.overBudget();
    }
    if (out.byteLength !== entry.uncompressedSize) throw this.sizeLie(entry, out.byteLength);
    this.inflated += out.byteLength;
    return out;
  }

  /** A part as an XML cursor, or null when the package has no such part. */
  async xml(name: string): Promise<XmlCursor | null> {
    const bytes = await this.part(name);
    if (!bytes) return null;
    return new XmlCursor(this.tools.latin1(bytes), this.tools);
  }

  /**
   * A part as an XML cursor over its UTF-8 text, decoded once: for parts that are mostly text in any script (the
   * shared strings), where decoding each string from the latin1 view would cost two copies per string. Sheet parts
   * stay on the latin1 view (xml()): decoded whole, one non-ASCII character would make 50 MB of XML a two-byte
   * string of twice the size.
   */
  async textXml(name: string): Promise<XmlCursor | null> {
    const bytes = await this.part(name);
    if (!bytes) return null;
    return new XmlCursor(utf8Decoder.decode(bytes), { ...this.tools, utf8: sliceOfText });
  }

  private damaged(part: string, cause?: unknown): WorkbookError {
    const f = fileLabel(this.fileName);
    return new WorkbookError(
      "unreadable",
      {
        zh: `${f.zh}已损坏：其中的 ${part} 无法解压。请在 Excel 中打开后另存为 .xlsx 再试`,
        en: `${f.en}is damaged: its part ${part} cannot be inflated. Open it in Excel, save it as .xlsx and try again`,
      },
      cause === undefined ? undefined : { cause },
    );
  }

  private oldBrowser(cause: unknown): WorkbookError {
    return new WorkbookError(
      "unreadable",
      {
        zh: "此浏览器版本过旧，无法解压 .xlsx 文件。请使用 Chrome / Edge 103、Firefox 113、Safari 16.4 或更新版本，或使用 zs-check 命令行",
        en: "This browser is too old to inflate .xlsx files. Use Chrome / Edge 103, Firefox 113, Safari 16.4 or newer, or the zs-check command line",
      },
      { cause },
    );
  }

  private sizeLie(entry: ZipEntry, real?: number): WorkbookError {
    const f = fileLabel(this.fileName);
    const declared = formatBytes(entry.uncompressedSize);
    const more = real === undefined;
    return new WorkbookError("size-mismatch", {
      zh: more
        ? `${f.zh}中的 ${entry.name} 声明解压后为 ${declared}，实际更大：压缩包谎报大小，疑似压缩炸弹，已停止读取`
        : `${f.zh}中的 ${entry.name} 声明解压后为 ${declared}，实际只有 ${formatBytes(real)}：压缩包与声明不符，文件已损坏或被篡改`,
      en: more
        ? `${f.en}declares ${entry.name} as ${declared} but it inflates to more: the archive lies about its size and looks like a zip bomb; reading stopped`
        : `${f.en}declares ${entry.name} as ${declared} but it inflates to only ${formatBytes(real)}: the archive does not match its own directory (damaged or tampered with)`,
    });
  }

  private overBudget(): WorkbookError {
    const f = fileLabel(this.fileName);
    const lim = formatBytes(this.limits.maxInflatedBytes);
    return new WorkbookError("inflated-too-large", {
      zh: `${f.zh}解压后超过上限 ${lim}`,
      en: `${f.en}inflates to more than the limit of ${lim}`,
    });
  }
}
