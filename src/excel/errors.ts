import { Bilingual } from "../core/i18n";

/** An error the user should read (both languages); `message` is the English text for logs. */
export class OfficeAdapterError extends Error {
  constructor(
    readonly text: Bilingual,
    readonly cause?: unknown,
  ) {
    super(text.en);
    this.name = "OfficeAdapterError";
  }
}

/**
 * Office.js errors a user can act on, in their words. Others pass through unchanged (their message is all there
 * is). Codes: Excel.ErrorCodes in @types/office-js.
 */
export function officeFailure(code: string | undefined, cause: unknown): OfficeAdapterError | null {
  switch (code) {
    case "InvalidOperationInCellEditMode":
      // Excel.run({ delayForCellEdit: true }) waits instead; this remains for a host that fails anyway.
      return new OfficeAdapterError(
        { zh: "您正在编辑单元格：请按 Enter 或 Esc 结束编辑后再试", en: "You are editing a cell: press Enter or Esc to finish, then try again" },
        cause,
      );
    case "AccessDenied":
      return new OfficeAdapterError(
        { zh: "工作表或工作簿受保护，无法写入：请先撤销保护（审阅 → 撤销工作表保护）", en: "The sheet or workbook is protected and cannot be changed: unprotect it first (Review → Unprotect Sheet)" },
        cause,
      );
    case "ApiNotFound":
      return new OfficeAdapterError(
        { zh: "此版本的 Excel 缺少本功能所需的接口，请升级 Excel 或使用独立校验页", en: "This Excel lacks an API this needs: update Excel or use the standalone page" },
        cause,
      );
    default:
      return null;
  }
}

/** Checked before anything is written, so a protected sheet is not half-marked. */
export function sheetProtected(sheet: string): OfficeAdapterError {
  return new OfficeAdapterError({
    zh: `工作表“${sheet}”受保护，本工具不会修改它：请先撤销保护（审阅 → 撤销工作表保护）再试`,
    en: `Sheet "${sheet}" is protected, so nothing was changed: unprotect it (Review → Unprotect Sheet) and try again`,
  });
}

export function workbookProtected(): OfficeAdapterError {
  return new OfficeAdapterError({
    zh: "工作簿结构受保护，无法添加工作表：请先撤销工作簿保护（审阅 → 保护工作簿）再试",
    en: "The workbook's structure is protected, so no sheet can be added: unprotect the workbook (Review → Protect Workbook) and try again",
  });
}

/** ExcelApi 1.18 brought the notes API: older Excels (Office 2021, 2024) get colours without notes. */
export function noNotes(): Bilingual {
  return {
    zh: "此版本的 Excel 不支持备注接口（需要 ExcelApi 1.18：Microsoft 365 或 Excel 网页版），问题单元格只着色、不加备注；问题说明请看面板或“校验结果”工作表",
    en: "This Excel has no notes API (ExcelApi 1.18: Microsoft 365 or Excel on the web), so flagged cells are coloured without notes; see the pane or the report sheet for the messages",
  };
}

export function noConditionalFormats(): OfficeAdapterError {
  return new OfficeAdapterError({
    zh: "此版本的 Excel 不支持条件格式接口（需要 ExcelApi 1.6，Excel 2019 或更新版本），无法标记单元格",
    en: "This Excel has no conditional-format API (ExcelApi 1.6: Excel 2019 or later), so cells cannot be marked",
  });
}

/** One row alone is over Excel's payload limit (5 MB on the web): nothing smaller can be asked for. */
export function rowTooLarge(row: number, cause: unknown): OfficeAdapterError {
  return new OfficeAdapterError(
    {
      zh: `第 ${row} 行的数据超过 Excel 单次传输的上限（网页版 5 MB），无法读取：请在桌面版 Excel 中校验，或用独立校验页`,
      en: `Row ${row} alone is over Excel's payload limit (5 MB on the web) and cannot be read: check it in desktop Excel or on the standalone page`,
    },
    cause,
  );
}
