import { CellValue } from "../../../src/core/numbers";
import { SheetGrid, SheetModel, readSheet } from "../../../src/core/sheet";
import { MergeSubmission } from "../../../src/core/merge";

/** One indicator row of a district's form; measures not given are left blank (the template has them all). */
export interface FormLine {
  label: string;
  current: CellValue;
  previous?: CellValue;
  target?: CellValue;
}

/**
 * A one-district form as districts send it: a title with the unit and the period, the 填报单位 and unit line, a
 * header row (指标 | 本期 | 上年同期 | 年度目标: the city's template, so a measure a district does not report stays
 * blank), the indicator rows (其中 rows included) and a 填表人 footer.
 */
export function districtForm(unit: string, lines: readonly FormLine[], period = "2022年1—6月"): SheetGrid {
  const header = ["指标", "本期", "上年同期", "年度目标"];
  const values: CellValue[][] = [
    [`${unit}${period}招商引资主要指标完成情况表`, ...header.slice(1).map(() => null)],
    [`填报单位：${unit}招商投资促进局`, ...header.slice(2).map(() => null), "单位：亿元、个"],
    header,
  ];
  for (const l of lines) {
    values.push([l.label, l.current, l.previous ?? null, l.target ?? null]);
  }
  values.push(["填表人：张敏    联系电话：023-6000 0000", ...header.slice(1).map(() => null)]);
  return { name: "Sheet1", values };
}

export function submission(file: string, grid: SheetGrid): MergeSubmission {
  const model: SheetModel = readSheet(grid);
  return { file, model, summary: { error: 0, verify: 0, info: 0 }, explanations: 0 };
}
