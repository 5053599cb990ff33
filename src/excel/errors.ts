import { Bilingual } from "../core/i18n";

/** An error the user should read (both languages); `message` is the English text for logs. */
export class OfficeAdapterError extends Error {
  constructor(readonly text: Bilingual) {
    super(text.en);
    this.name = "OfficeAdapterError";
  }
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
