import path from "node:path";
import { Bilingual } from "../core/i18n";
import { DEFAULT_LIMITS } from "../xlsx/limits";
import { readZipDirectory } from "../xlsx/zip";
import type { FileError } from "../app/report";

/**
 * Spreadsheet formats a bureau's folder holds besides .xlsx, which zs-check does not read: WPS 表格 (.et/.ett),
 * OpenDocument (.ods), Apple Numbers (CSV is read: csv.ts). They are found in folders so that each is listed as 未检查 with the
 * reason, instead of its district silently counting as 未报送. (.xls and .xlsb are refused by the adapter itself,
 * which tells an old .xls from a password-protected file.) No dependency reads them safely here: README, 读取格式.
 */
const FORMATS: Readonly<Record<string, Bilingual>> = {
  ".et": { zh: "WPS 表格 .et 格式", en: "a WPS Spreadsheets .et file" },
  ".ett": { zh: "WPS 表格模板 .ett 格式", en: "a WPS Spreadsheets template (.ett)" },
  ".ods": { zh: "OpenDocument .ods 格式", en: "an OpenDocument .ods file" },
  ".numbers": { zh: "Apple Numbers 格式", en: "an Apple Numbers file" },
};

/** Found in folders besides .xlsx: the formats above (listed as 未检查) and CSV (read by csv.ts). */
export const UNREAD_EXTENSIONS = [...Object.keys(FORMATS), ".csv"];

/** A file renamed .et/.xls that is really an .xlsx (WPS and clerks do this) is read as what it is. */
function isXlsxZip(bytes: Uint8Array): boolean {
  if (bytes.byteLength < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) return false;
  const dir = readZipDirectory(bytes, DEFAULT_LIMITS.maxEntries);
  return dir.ok && dir.entries.some((e) => e.name === "xl/workbook.xml");
}

/** The refusal for a format zs-check does not read; null when the file is to be read. */
export function unreadFormat(display: string, bytes: Uint8Array): FileError | null {
  const format = FORMATS[path.extname(display).toLowerCase()];
  if (format === undefined || isXlsxZip(bytes)) return null;
  return {
    reason: "unsupported-format",
    message: {
      zh: `文件 ${display} 为${format.zh}，zs-check 不能读取，未检查。请另存为 .xlsx 后再检查`,
      en: `File ${display} is ${format.en}, which zs-check cannot read; it was not checked. Save it as .xlsx and check again`,
    },
    brief: { zh: `${format.zh}，未能读取`, en: `${format.en}, not read` },
  };
}

/** Why a file was not checked, in a few words (the batch finding lists several). */
export function briefReason(error: FileError): Bilingual {
  if (error.brief !== undefined) return error.brief;
  if (error.reason === "encrypted") {
    return error.message.zh.includes(".xls")
      ? { zh: "旧版 .xls 格式或已加密，未能读取", en: "an old .xls or encrypted workbook, not read" }
      : { zh: "已加密，未能读取", en: "encrypted, not read" };
  }
  if (error.reason === "binary-xlsb") return { zh: ".xlsb 二进制格式，未能读取", en: "a binary .xlsb workbook, not read" };
  return { zh: "无法读取", en: "could not be read" };
}
