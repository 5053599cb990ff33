import { WorkbookPackage } from "./package";
import { XmlCursor } from "./xml";

/** What a cell's style index (the `s` attribute, an index into cellXfs) means for reading. */
export interface CellStyle {
  /** The number format code exactly as the file writes it (`0.00\%`, `0.00"%"` keep their backslash and quotes). */
  numFmt: string | null;
  /** Numbers under this style are dates (see isDateFormat). */
  date: boolean;
  /** quotePrefix: the user typed a leading apostrophe, the cell is text. */
  quotePrefix: boolean;
}

/**
 * Built-in formats (ECMA-376 Part 1, §18.8.30 numFmt): ids 0–22 and 37–49 have fixed codes. Ids 27–36 and 50–58
 * are locale-dependent (their codes differ between Chinese, Japanese, Korean Excel) and the file does not say
 * which locale, so they read as no format, as they did through exceljs. 0 (General) is no format at all.
 */
const BUILT_IN: Record<number, string> = {
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yy h:mm",
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/**
 * Whether numbers under `code` are dates. Kept to exceljs's rule (utils.isDateFmt, on the code with backslashes
 * removed, as exceljs saw it) so that every cell keeps the value the grid gave before this reader: a date-formatted
 * number becomes a Date, everything else stays the number the file holds.
 */
export function isDateFormat(code: string | null): boolean {
  if (!code) return false;
  const seen = code.replace(/\\(.)/g, "$1").replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]+/.test(seen);
}

const NO_STYLE: CellStyle = { numFmt: null, date: false, quotePrefix: false };

/** One pass over styles.xml: the custom number formats by id (verbatim) and each cellXfs entry. */
function scanStyles(x: XmlCursor): { custom: Map<number, string>; xfs: { numFmtId: number; quotePrefix: boolean }[] } {
  const custom = new Map<number, string>();
  const xfs: { numFmtId: number; quotePrefix: boolean }[] = [];
  let inCellXfs = false;
  while (x.next()) {
    if (x.is("cellXfs")) {
      inCellXfs = !x.closing && !x.selfClosing;
    } else if (x.closing) {
      continue;
    } else if (x.is("numFmt")) {
      const id = Number(x.asciiAttr("numFmtId"));
      const code = x.attr("formatCode");
      if (Number.isInteger(id) && code !== null) custom.set(id, code);
    } else if (inCellXfs && x.is("xf")) {
      const q = x.asciiAttr("quotePrefix");
      xfs.push({ numFmtId: Number(x.asciiAttr("numFmtId") ?? 0) || 0, quotePrefix: q === "1" || q === "true" });
    }
  }
  return { custom, xfs };
}

/** The custom number formats of a styles part by id, exactly as written (`0.00\\%` keeps its backslash). */
export function customNumberFormats(x: XmlCursor): Map<number, string> {
  return scanStyles(x).custom;
}

/** styles.xml → one CellStyle per cellXfs entry (index = the cells' `s`). */
export async function readStyles(pkg: WorkbookPackage, path: string | null): Promise<CellStyle[]> {
  if (!path) return [];
  const x = await pkg.xml(path);
  if (!x) return [];
  const { custom, xfs } = scanStyles(x);
  return xfs.map(({ numFmtId, quotePrefix }) => {
    const numFmt = numFmtId === 0 ? null : (custom.get(numFmtId) ?? BUILT_IN[numFmtId] ?? null);
    if (!numFmt && !quotePrefix) return NO_STYLE;
    return { numFmt, date: isDateFormat(numFmt), quotePrefix };
  });
}

export { NO_STYLE };
