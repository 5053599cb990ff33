/*
 * Figures printed in public reports (see docs/domain.md, 来源), reproduced from their own inputs and asserted to the
 * precision they were printed with. A failure here means the tool would disagree with a published bulletin.
 */
import { completion, pace, paceOf, ppChange, share, timeProgress, yoy } from "../../../src/core/indicators";
import { printedPercent, valueOf } from "./helpers";
import { roundHalfUp } from "../../../src/core/indicators";

describe("completion of the annual target (完成年度目标)", () => {
  test.each([
    // 黔江区 2022年上半年工作总结: 正式合同额 95.03亿元 of 160; 到位资金 12.59亿元 of 25.
    ["黔江 2022 1-6月 正式合同额", 95.03, 160, 2, 59.39],
    ["黔江 2022 1-6月 到位资金", 12.59, 25, 2, 50.36],
    // 渝北区 2022: 正式合同额 800 of 800, 资金到位额 279 of 190 — printed "100%、147%".
    ["渝北 2022 正式合同额", 800, 800, 0, 100],
    ["渝北 2022 资金到位额 (1 dp)", 279, 190, 1, 146.8],
    ["渝北 2022 资金到位额 (as printed, 0 dp)", 279, 190, 0, 147],
    // 武隆区 2022: 235.6 of 230 and 60.5 of 55. The article prints 102.45%, which 235.6/230 (102.43%) does not
    // give at 2 dp: the amount is itself rounded to 1 dp, and rates are computed from unrounded values.
    ["武隆 2022 签约金额", 235.6, 230, 1, 102.4],
    ["武隆 2022 到位资金", 60.5, 55, 0, 110],
  ])("%s: %p ÷ %p → %p dp = %p%", (_name, actual, target, decimals, printed) => {
    expect(printedPercent(completion(actual, target), decimals)).toBe(printed);
  });
});

describe("year-on-year growth (同比)", () => {
  test.each([
    ["黔江 2022 1-6月 正式合同额", 95.03, 77.86, 22.05],
    ["黔江 2022 1-6月 到位资金", 12.59, 8.14, 54.67],
  ])("%s: %p vs %p → %p%", (_name, current, previous, printed) => {
    expect(printedPercent(yoy(current, previous), 2)).toBe(printed);
  });
});

describe("ratios of two amounts (资金到位率 = 到位资金 ÷ 合同额)", () => {
  // A ratio of two amounts is the same division as a share of an explicit total.
  test.each([
    ["渝北 2022", 279, 800, 1, 34.9],
    ["渝北 2022 (printed 资金转化率 35%)", 279, 800, 0, 35],
    ["重庆 2021", 3600, 17100, 0, 21],
  ])("%s: %p ÷ %p → %p dp = %p%", (_name, funds, contract, decimals, printed) => {
    expect(printedPercent(share(funds, contract), decimals)).toBe(printed);
  });
});

describe("重庆 2022 1–6月 bulletin (合同引资10842亿元, 完成58.6%; 到位2217亿元, 完成52.8%)", () => {
  test("a unit's 1158.93亿元 is 10.7% of the city's 10842亿元", () => {
    expect(printedPercent(share(1158.93, 10842), 1)).toBe(10.7);
  });

  test("time progress of 1–6月 is 50%", () => {
    expect(valueOf(timeProgress("1-6月"))).toBe(0.5);
    expect(valueOf(timeProgress("1月-6月全市招商完成合同引资10842亿元"))).toBe(0.5);
  });

  test("both rates are ahead of time progress: 8.6 and 2.8 百分点 (双过半)", () => {
    const progress = valueOf(timeProgress("上半年"));
    expect(roundHalfUp(pace(0.586, progress), 1)).toBe(8.6);
    expect(roundHalfUp(pace(0.528, progress), 1)).toBe(2.8);
    expect([0.586, 0.528].every((rate) => rate >= progress)).toBe(true);
  });
});

describe("percentage-point changes and pace", () => {
  test("开工率 53.9% vs 38.7% → 15.2 个百分点", () => {
    expect(roundHalfUp(valueOf(ppChange(0.539, 0.387)), 1)).toBe(15.2);
  });

  test("1–10月 completion 125.64% is 42.31 百分点 ahead of time progress (10/12)", () => {
    expect(roundHalfUp(pace(1.2564, valueOf(timeProgress("1-10月"))), 2)).toBe(42.31);
    expect(roundHalfUp(pace(1.2564, valueOf(timeProgress(10))), 2)).toBe(42.31);
  });

  test("黔江 1–6月: 59.39% completion is 9.39 百分点 ahead of 50%", () => {
    expect(roundHalfUp(valueOf(paceOf(95.03, 160, "2022年1-6月")), 2)).toBe(9.39);
  });
});
