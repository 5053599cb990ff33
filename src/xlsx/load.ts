import ExcelJS from "exceljs";
import { Bilingual } from "../core/i18n";
import { asUint8Array, forExcelJs } from "./bytes";
import { WorkbookError } from "./errors";
import { fileLabel } from "./format";
import { checkWorkbookBytes, WorkbookLimits } from "./limits";
import { keepVerbatimNumberFormats, readNumberFormats } from "./number-formats";

/**
 * The one way the adapter opens a workbook: limits first (nothing inflated yet), then exceljs. Shared by reading
 * and annotating so both refuse the same files with the same messages.
 */
export async function loadChecked(
  input: Uint8Array | ArrayBuffer,
  limits: Partial<WorkbookLimits> | undefined,
  fileName: string | undefined,
): Promise<{ wb: ExcelJS.Workbook; notes: Bilingual[] }> {
  const bytes = asUint8Array(input);
  const check = checkWorkbookBytes(bytes, limits, fileName);
  if (!check.ok) throw new WorkbookError(check.reason, check.message);
  const wb = new ExcelJS.Workbook();
  // Limits passed, so the directory is sane; the styles part is read before exceljs strips its backslashes.
  keepVerbatimNumberFormats(wb, await readNumberFormats(bytes, limits, check));
  try {
    await wb.xlsx.load(forExcelJs(bytes));
  } catch (err) {
    const f = fileLabel(fileName);
    const detail = err instanceof Error ? err.message : String(err);
    throw new WorkbookError(
      "unreadable",
      {
        zh: `${f.zh}无法读取（文件可能已损坏）：${detail}。请在 Excel 中打开后另存为 .xlsx 再试`,
        en: `${f.en}could not be read (it may be damaged): ${detail}. Open it in Excel, save it as .xlsx and try again`,
      },
      { cause: err },
    );
  }
  if (wb.worksheets.length === 0) {
    const f = fileLabel(fileName);
    throw new WorkbookError("no-worksheets", {
      zh: `${f.zh}中没有可读取的工作表`,
      en: `${f.en}has no worksheet that can be read`,
    });
  }
  return { wb, notes: check.notes };
}
