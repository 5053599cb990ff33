import { Bilingual } from "../core/i18n";
import { SheetGrid } from "../core/sheet/types";
import { WorkbookError } from "./errors";
import { ExplanationRecord, isExplanationsSheet, readExplanations } from "./explanations";
import { fileLabel } from "./format";
import { worksheetToGrid } from "./grid";
import { WorkbookLimits } from "./limits";
import { loadChecked } from "./load";

export { WorkbookError } from "./errors";
export { worksheetToGrid } from "./grid";

export interface WorkbookData {
  /** The converted worksheets, in workbook order (only those asked for when options.sheets is given). */
  sheets: SheetGrid[];
  /** Every worksheet of the workbook, in order, whether converted or not (chart sheets and ours excluded). */
  sheetNames: string[];
  /** Worksheets hidden by the user ("hidden" or "veryHidden"); still converted, the caller decides. */
  hiddenSheets: string[];
  explanations: ExplanationRecord[];
  /** Harmless facts about the file: macros ignored, chart sheets skipped. */
  notes: Bilingual[];
}

export interface ReadOptions {
  limits?: Partial<WorkbookLimits>;
  /** For messages ("文件 a.xlsx …") and the .xlsb check; no file is opened by name here. */
  fileName?: string;
  /** Convert only these worksheets (the others are listed in sheetNames but cost nothing). */
  sheets?: string[];
}

/**
 * Bytes in, grids out: no file system, so the same code runs in zs-check (Node) and in a browser page. Throws
 * WorkbookError when the limits refuse the file or exceljs cannot read it.
 */
export async function readWorkbook(bytes: Uint8Array | ArrayBuffer, options: ReadOptions = {}): Promise<WorkbookData> {
  const { wb, notes } = await loadChecked(bytes, options.limits, options.fileName);
  const worksheets = wb.worksheets.filter((ws) => !isExplanationsSheet(ws.name));

  let chosen = worksheets;
  if (options.sheets) {
    const byName = new Map(worksheets.map((ws) => [ws.name.toLowerCase(), ws]));
    const missing = options.sheets.filter((s) => !byName.has(s.toLowerCase()));
    if (missing.length > 0) {
      const f = fileLabel(options.fileName);
      const have = worksheets.map((ws) => ws.name).join("、");
      throw new WorkbookError("sheet-not-found", {
        zh: `${f.zh}中没有工作表 ${missing.join("、")}（现有：${have}）`,
        en: `${f.en}has no worksheet ${missing.join(", ")} (it has: ${worksheets.map((ws) => ws.name).join(", ")})`,
      });
    }
    const wanted = new Set(options.sheets.map((s) => s.toLowerCase()));
    chosen = worksheets.filter((ws) => wanted.has(ws.name.toLowerCase()));
  }

  return {
    sheets: chosen.map(worksheetToGrid),
    sheetNames: worksheets.map((ws) => ws.name),
    hiddenSheets: worksheets.filter((ws) => ws.state === "hidden" || ws.state === "veryHidden").map((ws) => ws.name),
    explanations: readExplanations(wb),
    notes,
  };
}
