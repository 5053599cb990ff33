import { readSheet } from "../../../src/core/sheet";
import { CellValue } from "../../../src/core/numbers";
import { UNITS_2020 } from "./fixtures";

const ROWS = 100_000;
const INDICATOR_HEADERS = [
  "签约项目数", "正式合同项目数", "框架协议项目数", "正式合同额", "工业合同额", "制造业合同额",
  "到位资金", "市外到位资金", "新开工项目数", "开工率", "资金到位率", "实际使用外资",
];

function bigSheet(): CellValue[][] {
  const values: CellValue[][] = [["2022年1-6月全市招商引资主要指标完成情况表"], ["单位：亿元、个"], ["区县", ...INDICATOR_HEADERS]];
  for (let i = 0; i < ROWS; i++) {
    const row: CellValue[] = [UNITS_2020[i % UNITS_2020.length]];
    for (let c = 0; c < INDICATOR_HEADERS.length; c++) row.push((i * 31 + c * 7) % 997);
    values.push(row);
  }
  return values;
}

// Its speed is a figure of `npm run bench`; here only that a sheet that large is read completely.
describe("readSheet on a large sheet", () => {
  it("reads 100,000 unit rows × 12 indicator columns completely", () => {
    const model = readSheet({ name: "big", values: bigSheet() });
    expect(model.records).toHaveLength(ROWS);
    expect(model.records[ROWS - 1].fields).toHaveLength(12);
    expect(model.columns.filter((c) => c.indicator !== null)).toHaveLength(12);
  });
});
