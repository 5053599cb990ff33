import { Bilingual } from "../core/i18n";

/** An error the user should read (both languages); `message` is the English text for logs. */
export class OfficeAdapterError extends Error {
  constructor(readonly text: Bilingual) {
    super(text.en);
    this.name = "OfficeAdapterError";
  }
}

export function noConditionalFormats(): OfficeAdapterError {
  return new OfficeAdapterError({
    zh: "此版本的 Excel 不支持条件格式接口（需要 ExcelApi 1.6，Excel 2019 或更新版本），无法标记单元格",
    en: "This Excel has no conditional-format API (ExcelApi 1.6: Excel 2019 or later), so cells cannot be marked",
  });
}
