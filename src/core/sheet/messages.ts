import { bi, Bilingual } from "../i18n";
import { columnLetters } from "./a1";

/** The reader's notes: what it could not settle, worded for the submitter and the reviewer. */

export function noHeader(): Bilingual {
  return bi(
    "未找到表头行：前几行中没有识别出任何指标名称（如签约项目数、正式合同额、到位资金）",
    "No header row found: no indicator name (签约项目数, 正式合同额, 到位资金 …) was recognised in the first rows",
  );
}

export function noNameColumn(): Bilingual {
  return bi(
    "未找到区县（单位）名称列：没有一列的内容能识别为统计单位或合计",
    "No unit-name column found: no column holds names that resolve as reporting units or totals",
  );
}

export function noPeriod(): Bilingual {
  return bi(
    "未从标题中识别出统计期（如“2022年1-6月”），时序进度和单位有效期无法确定",
    "No reporting period found in the title (e.g. “2022年1-6月”): time progress and unit validity cannot be settled",
  );
}

export function periodFromNoteText(label: string, note: string): Bilingual {
  return bi(`统计期“${label}”取自表注：${note}`, `The period “${label}” was taken from the note: ${note}`);
}

export function periodWithoutYear(label: string): Bilingual {
  return bi(
    `统计期“${label}”没有年份，区县名单按最新版本识别`,
    `The period “${label}” has no year: units are checked against the latest list`,
  );
}

/** `sheetCol` is the column the user sees (0-based, origin applied). */
export function unmappedColumn(sheetCol: number, header: string): Bilingual {
  const letter = columnLetters(sheetCol);
  return bi(`第${letter}列“${header}”未识别为指标`, `Column ${letter} (“${header}”) was not recognised as an indicator`);
}

export function overrideOutOfRange(col: number): Bilingual {
  const letter = col >= 0 && Number.isInteger(col) ? columnLetters(col) : String(col);
  return bi(`手动指定的第${letter}列不在表格范围内，已忽略`, `The override for column ${letter} is outside the table and was ignored`);
}

export function badAsOf(reason: string): Bilingual {
  return bi(`无法使用指定的统计日期（${reason}），区县名单按最新版本识别`, `The given date could not be used (${reason}): units are checked against the latest list`);
}

export function noDistrict(): Bilingual {
  return bi(
    "单表（纵向）格式：标题或“填报单位”中没有识别出区县名称",
    "Single-district (transposed) form: no district was recognised in the title or the 填报单位 line",
  );
}

/** `sheetRow` is the row number the user sees (1-based, origin applied). */
export function unrecognisedIndicatorRow(sheetRow: number, label: string): Bilingual {
  return bi(`第${sheetRow}行“${label}”未识别为指标`, `Row ${sheetRow} (“${label}”) was not recognised as an indicator`);
}
