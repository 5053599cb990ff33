import { Bilingual } from "../core/i18n";
import { CheckSettings } from "../core/settings";
import { isSettingsSheet, parseSettingsRows } from "../app/settings-sheet";
import { SheetGrid } from "../core/sheet/types";
import { asUint8Array } from "./bytes";
import { ByteTools } from "./byte-tools";
import { defaultByteTools } from "./byte-tools-node";
import { WorkbookError } from "./errors";
import { ExplanationRecord, explanationsFromGrid, isExplanationsSheet } from "./explanations";
import { fileLabel } from "./format";
import { WorkbookLimits } from "./limits";
import { WorkbookPackage } from "./package";
import { readSharedStrings } from "./shared-strings";
import { readSheetPart, SheetContext } from "./sheet-part";
import { readStyles } from "./styles";
import { readWorkbookPart, SheetEntry } from "./workbook-part";

export { WorkbookError } from "./errors";

export interface WorkbookData {
  /** The converted worksheets, in workbook order (only those asked for when options.sheets is given). */
  sheets: SheetGrid[];
  /** Every worksheet of the workbook, in order, whether converted or not (chart sheets and ours excluded). */
  sheetNames: string[];
  /** Worksheets hidden by the user ("hidden" or "veryHidden"); still converted, the caller decides. */
  hiddenSheets: string[];
  explanations: ExplanationRecord[];
  /** The check settings stored in the workbook's settings sheet (src/app/settings-sheet.ts); null when none. */
  settings: CheckSettings | null;
  /** Harmless facts about the file: macros ignored, chart sheets skipped. */
  notes: Bilingual[];
}

export interface ReadOptions {
  limits?: Partial<WorkbookLimits>;
  /** For messages ("文件 a.xlsx …") and the .xlsb check; no file is opened by name here. */
  fileName?: string;
  /** Convert only these worksheets (the others are listed in sheetNames but cost nothing). */
  sheets?: string[];
  /**
   * With `sheets`: also convert these when the workbook has them, without refusing it when it does not (a template's
   * 审核规则 sheet is read whichever sheets are checked).
   */
  optionalSheets?: string[];
  /** Inflate and text decoding: Node's zlib by default, the browser's DecompressionStream on the page. */
  byteTools?: ByteTools;
  /** Told the share of the work done (0..1) after each part read, weighed by the parts' sizes. */
  onProgress?: (fraction: number) => void;
}

function noWorksheets(fileName: string | undefined): WorkbookError {
  const f = fileLabel(fileName);
  return new WorkbookError("no-worksheets", {
    zh: `${f.zh}中没有可读取的工作表，不是 Excel 工作簿`,
    en: `${f.en}has no worksheet that can be read; it is not an Excel workbook`,
  });
}

function chooseSheets(worksheets: SheetEntry[], wantedNames: string[] | undefined, fileName: string | undefined): SheetEntry[] {
  if (!wantedNames) return worksheets;
  const byName = new Set(worksheets.map((ws) => ws.name.toLowerCase()));
  const missing = wantedNames.filter((s) => !byName.has(s.toLowerCase()));
  if (missing.length > 0) {
    const f = fileLabel(fileName);
    throw new WorkbookError("sheet-not-found", {
      zh: `${f.zh}中没有工作表 ${missing.join("、")}（现有：${worksheets.map((ws) => ws.name).join("、")}）`,
      en: `${f.en}has no worksheet ${missing.join(", ")} (it has: ${worksheets.map((ws) => ws.name).join(", ")})`,
    });
  }
  const wanted = new Set(wantedNames.map((s) => s.toLowerCase()));
  return worksheets.filter((ws) => wanted.has(ws.name.toLowerCase()));
}

/**
 * Bytes in, grids out: no file system, so the same code runs in zs-check (Node) and in a browser page. Reads only
 * what the check needs — the workbook's sheet list, shared strings, number formats, the chosen sheets and our own
 * explanations and settings sheets — straight from the zip, never more inflated bytes than the limits allow. Throws
 * WorkbookError when the limits refuse the file or it cannot be read.
 */
export async function readWorkbook(bytes: Uint8Array | ArrayBuffer, options: ReadOptions = {}): Promise<WorkbookData> {
  const pkg = WorkbookPackage.open(asUint8Array(bytes), options.limits, options.fileName, options.byteTools ?? defaultByteTools);
  const book = await readWorkbookPart(pkg);
  if (!book) throw noWorksheets(options.fileName);
  const worksheets = book.sheets.filter((s) => s.kind === "worksheet" && s.path !== null);
  const ours = worksheets.find((s) => isExplanationsSheet(s.name));
  const settingsSheet = worksheets.find((s) => isSettingsSheet(s.name));
  const userSheets = worksheets.filter((s) => s !== ours && s !== settingsSheet);
  if (worksheets.length === 0) throw noWorksheets(options.fileName);
  const chosen = chooseSheets(userSheets, options.sheets, options.fileName);
  if (options.sheets && options.optionalSheets) {
    const optional = new Set(options.optionalSheets.map((s) => s.toLowerCase()));
    for (const ws of userSheets) if (optional.has(ws.name.toLowerCase()) && !chosen.includes(ws)) chosen.push(ws);
  }

  const parts = [book.sharedStringsPath, ...chosen.map((s) => s.path), ours?.path ?? null];
  const total = parts.reduce((sum, p) => sum + (p === null ? 0 : pkg.declaredSize(p)), 0);
  let done = 0;
  const partRead = (path: string | null): void => {
    done += path === null ? 0 : pkg.declaredSize(path);
    options.onProgress?.(total > 0 ? done / total : 1);
  };

  const sharedStrings = await readSharedStrings(pkg, book.sharedStringsPath);
  partRead(book.sharedStringsPath);
  const styles = await readStyles(pkg, book.stylesPath);
  const gridOf = async (entry: SheetEntry): Promise<SheetGrid> => {
    const x = await pkg.xml(entry.path as string);
    const ctx: SheetContext = { sheetName: entry.name, fileName: options.fileName, sharedStrings, styles, date1904: book.date1904 };
    // The path was taken from the package's own listing, so the part is there.
    if (!x) throw noWorksheets(options.fileName);
    const grid = readSheetPart(x, ctx);
    partRead(entry.path);
    return grid;
  };
  const sheets: SheetGrid[] = [];
  for (const entry of chosen) sheets.push(await gridOf(entry));
  const explanations = ours ? explanationsFromGrid(await gridOf(ours)) : [];
  const settings = settingsSheet ? parseSettingsRows((await gridOf(settingsSheet)).values) : null;

  return {
    sheets,
    sheetNames: userSheets.map((s) => s.name),
    hiddenSheets: userSheets.filter((s) => s.state !== "visible").map((s) => s.name),
    explanations,
    settings,
    notes: pkg.notes,
  };
}
