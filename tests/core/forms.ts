import { CellValue } from "../../src/core/numbers";
import { SheetGrid } from "../../src/core/sheet/types";

/**
 * Sheets shaped like real district submissions, with correct and correctly rounded figures, for tests that plant
 * one mistake at a time. Figures of 黔江区 2022 1–6月 are those of its published summary (seed 001): 正式合同额
 * 95.03 of 160 (59.39%), 其中工业 59.47 of its own target 50 (118.94%), 到位资金 12.59 of 25 (50.36%).
 */

export interface FormRow {
  label: string;
  current: CellValue;
  target: CellValue;
  /** A fraction under a 0.00% format, as Excel stores a typed "59.39%". */
  completion: CellValue;
  previous: CellValue;
  /** A number ×100 under a 0.00 format, as many clerks type 同比. */
  yoy: CellValue;
}

export const QIANJIANG_ROWS: readonly FormRow[] = [
  { label: "签约项目数", current: 29, target: "—", completion: "—", previous: 25, yoy: 16 },
  { label: "其中：正式合同项目", current: 20, target: "—", completion: "—", previous: 16, yoy: 25 },
  { label: "正式合同额", current: 95.03, target: 160, completion: 0.5939, previous: 77.86, yoy: 22.05 },
  { label: "其中：工业项目正式合同额", current: 59.47, target: 50, completion: 1.1894, previous: 40.1, yoy: 48.3 },
  { label: "到位资金", current: 12.59, target: 25, completion: 0.5036, previous: 8.14, yoy: 54.67 },
  { label: "其中：市外到位资金", current: 10.12, target: 20, completion: 0.506, previous: 6.85, yoy: 47.74 },
];

export interface Form {
  grid: SheetGrid;
  /** 0-based grid row of each indicator label, in QIANJIANG_ROWS order. */
  rows: number[];
}

/**
 * 黔江区's one-district form: a merged title, the 填报单位 and unit line, a two-row merged header
 * (指标 | 2022年1—6月: 本期 · 年度目标 · 完成率 | 上年同期 | 同比), the indicator rows with their 其中 parts, and a
 * 填表人 / 联系电话 footer.
 */
export function qianjiangForm(
  rows: readonly FormRow[] = QIANJIANG_ROWS,
  options: { name?: string; completionFormat?: string | null } = {},
): Form {
  const name = options.name ?? "黔江区";
  const completionFormat = options.completionFormat === undefined ? "0.00%" : options.completionFormat;
  const values: CellValue[][] = [
    ["黔江区2022年1—6月招商引资主要指标完成情况表", null, null, null, null, null],
    ["填报单位：黔江区招商投资促进局", null, null, null, "单位：亿元、个", null],
    ["指标", "2022年1—6月", null, null, "上年同期", "同比（%）"],
    [null, "本期", "年度目标", "完成率", null, null],
  ];
  const formats: (string | null)[][] = values.map((r) => r.map(() => null));
  const at: number[] = [];
  for (const r of rows) {
    at.push(values.length);
    values.push([r.label, r.current, r.target, r.completion, r.previous, r.yoy]);
    const amount = typeof r.current === "number" && !Number.isInteger(r.current) ? "0.00" : "0";
    formats.push([null, amount, amount, completionFormat, amount, "0.00"]);
  }
  values.push([null, null, null, null, null, null]);
  values.push(["填表人：张三", null, "联系电话：023-79223456", null, "填报日期：2022年7月5日", null]);
  formats.push([], []);
  return {
    grid: {
      name,
      values,
      numberFormats: formats,
      merges: [
        { top: 0, left: 0, bottom: 0, right: 5 },
        { top: 2, left: 0, bottom: 3, right: 0 },
        { top: 2, left: 1, bottom: 2, right: 3 },
        { top: 2, left: 4, bottom: 3, right: 4 },
        { top: 2, left: 5, bottom: 3, right: 5 },
      ],
    },
    rows: at,
  };
}

/** QIANJIANG_ROWS with one row's fields replaced: a planted mistake. */
export function withRow(label: string, patch: Partial<FormRow>): FormRow[] {
  return QIANJIANG_ROWS.map((r) => (r.label === label ? { ...r, ...patch } : r));
}
