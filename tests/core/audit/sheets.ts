import { CellValue } from "../../../src/core/numbers";
import { SheetGrid } from "../../../src/core/sheet/types";

/**
 * A city table shaped like the monthly 1–N月 sheet the bureau collects: title, unit line, a two-row merged header
 * (正式合同额: 本期 · 年度目标 · 完成率; 到位资金: 本期 · 上年同期 · 同比), unit rows and a 全市 row first. The
 * figures are consistent and correctly rounded, so the six example rules of issue 11 find nothing in it.
 */
export interface CityRow {
  unit: string;
  signed: number;
  formal: number;
  framework: number;
  contract: number;
  target: number;
  industrial: number;
  funds: number;
  fundsLastYear: number;
}

export const CITY_ROWS: readonly CityRow[] = [
  { unit: "渝中区", signed: 12, formal: 9, framework: 3, contract: 45.2, target: 80, industrial: 10.35, funds: 20.14, fundsLastYear: 17.5 },
  { unit: "黔江区", signed: 29, formal: 20, framework: 9, contract: 95.03, target: 160, industrial: 59.47, funds: 12.59, fundsLastYear: 10.2 },
  { unit: "璧山区", signed: 18, formal: 15, framework: 3, contract: 120.5, target: 200, industrial: 98.1, funds: 60.25, fundsLastYear: 48.3 },
];

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** The sheet's title names its period: 1–`months`月 of 2022. */
export function cityGrid(rows: readonly CityRow[] = CITY_ROWS, months = 6, name = "汇总"): SheetGrid {
  const sum = (f: (r: CityRow) => number) => round2(rows.reduce((s, r) => s + f(r), 0));
  const line = (label: string, r: CityRow): CellValue[] => [
    label,
    r.signed,
    r.formal,
    r.framework,
    r.contract,
    r.target,
    r.contract / r.target,
    r.industrial,
    r.funds,
    r.fundsLastYear,
    round2(((r.funds - r.fundsLastYear) / r.fundsLastYear) * 100),
  ];
  const total: CityRow = {
    unit: "全市",
    signed: sum((r) => r.signed),
    formal: sum((r) => r.formal),
    framework: sum((r) => r.framework),
    contract: sum((r) => r.contract),
    target: sum((r) => r.target),
    industrial: sum((r) => r.industrial),
    funds: sum((r) => r.funds),
    fundsLastYear: sum((r) => r.fundsLastYear),
  };
  const values: CellValue[][] = [
    [`2022年1—${months}月全市招商引资主要指标完成情况表`, null, null, null, null, null, null, null, null, null, null],
    ["单位：亿元、个", null, null, null, null, null, null, null, null, null, null],
    ["单位", "签约项目数", "正式合同项目数", "框架协议项目数", "正式合同额", null, null, "工业正式合同额", "到位资金", null, null],
    [null, null, null, null, "本期", "年度目标", "完成率", null, "本期", "上年同期", "同比（%）"],
    line("全市", total),
    ...rows.map((r) => line(r.unit, r)),
  ];
  const amount = "0.00";
  const formats = values.map((row, i) =>
    i < 4 ? row.map(() => null) : [null, "0", "0", "0", amount, amount, "0.00%", amount, amount, amount, "0.00"],
  );
  return {
    name,
    values,
    numberFormats: formats,
    merges: [
      { top: 2, left: 0, bottom: 3, right: 0 },
      { top: 2, left: 1, bottom: 3, right: 1 },
      { top: 2, left: 2, bottom: 3, right: 2 },
      { top: 2, left: 3, bottom: 3, right: 3 },
      { top: 2, left: 4, bottom: 2, right: 6 },
      { top: 2, left: 7, bottom: 3, right: 7 },
      { top: 2, left: 8, bottom: 2, right: 10 },
    ],
  };
}
