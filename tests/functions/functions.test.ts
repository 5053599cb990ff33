import { installCustomFunctionsStandIn, StandInError } from "../support/custom-functions-standin";
import * as zs from "../../src/functions/functions";
import { roundHalfUp } from "../../src/core/indicators";

installCustomFunctionsStandIn();

/** Excel passes every argument as a matrix; a single cell is 1×1. */
const cell = (v: unknown): unknown[][] => [[v]];
const col = (...vs: unknown[]): unknown[][] => vs.map((v) => [v]);
const one = (result: unknown[][]): unknown => {
  expect(result).toHaveLength(1);
  expect(result[0]).toHaveLength(1);
  return result[0][0];
};
const pct = (result: unknown[][], decimals: number): number => roundHalfUp((one(result) as number) * 100, decimals);
const points = (result: unknown[][], decimals: number): number => roundHalfUp(one(result) as number, decimals);

function expectError(value: unknown, code: string, messagePart: string): void {
  expect(value).toBeInstanceOf(StandInError);
  const error = value as StandInError;
  expect(error.code).toBe(code);
  expect(error.message).toContain(messagePart);
}

describe("ZS.COMPLETION with published figures", () => {
  test.each([
    ["黔江 2022 1–6月 合同额", 95.03, 160, 2, 59.39],
    ["黔江 2022 1–6月 到位资金", 12.59, 25, 2, 50.36],
    ["渝北 2022 合同额", 800, 800, 0, 100],
    ["渝北 2022 到位资金 (printed 147%)", 279, 190, 1, 146.8],
    ["渝北 2022 到位资金 at the printed precision", 279, 190, 0, 147],
    ["武隆 2022 合同额", 235.6, 230, 1, 102.4],
    ["武隆 2022 到位资金", 60.5, 55, 0, 110],
  ])("%s: %p of %p → %p dp %p%%", (_label, actual, target, decimals, expected) => {
    expect(pct(zs.completion(cell(actual), cell(target)), decimals)).toBe(expected);
  });

  test("text numbers as statisticians type them are accepted", () => {
    expect(pct(zs.completion(cell("约95.03"), cell(160)), 2)).toBe(59.39);
    expect(pct(zs.completion(cell("389.76亿元"), cell(400)), 2)).toBe(97.44);
    expect(pct(zs.completion(cell("3897600万元"), cell("400亿元")), 2)).toBe(97.44);
    expect(pct(zs.completion(cell("９５．０３"), cell("160")), 2)).toBe(59.39);
  });

  test.each([null, "", 0, "-", "—", "/", "无"])("target %p means no target (#N/A 无年度目标)", (target) => {
    expectError(one(zs.completion(cell(95.03), cell(target))), "#N/A", "无年度目标");
  });

  test("unreadable text is #VALUE! naming the value", () => {
    expectError(one(zs.completion(cell("九十五"), cell(160))), "#VALUE!", "九十五");
  });

  test("ranges spill one result per row, and a single cell broadcasts", () => {
    const result = zs.completion(col(95.03, 12.59), col(160, 25));
    expect(result.map((r) => roundHalfUp((r[0] as number) * 100, 2))).toEqual([59.39, 50.36]);
    const broadcast = zs.completion(col(40, 80, 120), cell(160));
    expect(broadcast.map((r) => r[0])).toEqual([0.25, 0.5, 0.75]);
  });

  test("ranges of different sizes are #VALUE!", () => {
    expectError(one(zs.completion(col(1, 2, 3), col(1, 2))), "#VALUE!", "区域大小不一致");
  });
});

describe("ZS.YOY", () => {
  test.each([
    ["黔江 合同额", 95.03, 77.86, 22.05],
    ["黔江 到位资金", 12.59, 8.14, 54.67],
  ])("%s: YOY(%p, %p) → %p%%", (_label, current, previous, expected) => {
    expect(pct(zs.yoy(cell(current), cell(previous)), 2)).toBe(expected);
  });

  test("base 0, negative base and blank base give no percentage", () => {
    expectError(one(zs.yoy(cell(5), cell(0))), "#N/A", "基期为0，不计算增速");
    expectError(one(zs.yoy(cell(5), cell(-2))), "#N/A", "基期为负，不计算增速");
    expectError(one(zs.yoy(cell(5), cell(null))), "#N/A", "上年同期");
  });

  test("a negative current over a positive base is a real decline", () => {
    expect(pct(zs.yoy(cell(-1), cell(4)), 0)).toBe(-125);
  });
});

describe("ZS.PPCHANGE", () => {
  test("开工率 53.9% vs 38.7% → 同比提升 15.2 个百分点", () => {
    expect(points(zs.ppchange(cell(0.539), cell(0.387)), 1)).toBe(15.2);
    expect(points(zs.ppchange(cell("53.9%"), cell("38.7%")), 1)).toBe(15.2);
  });
});

describe("ZS.TIMEPROGRESS and ZS.PACE", () => {
  test.each([
    ["1-6月", 0.5],
    ["1—6月", 0.5],
    ["上半年", 0.5],
    ["一季度", 0.25],
    ["前三季度", 0.75],
    ["全年", 1],
    ["2022年1-9月", 0.75],
    [6, 0.5],
    [44742, 0.5], // a date cell: 2022-06-30 as Excel's serial number
  ])("TIMEPROGRESS(%p) = %p", (period, expected) => {
    expect(one(zs.timeprogress(cell(period)))).toBe(expected);
  });

  test("the day-count variant is available on request", () => {
    expect(one(zs.timeprogress(cell("2022年1-6月"), cell("日")))).toBeCloseTo(181 / 365, 12);
  });

  test("an unreadable period or method is #VALUE!", () => {
    expectError(one(zs.timeprogress(cell("明年"))), "#VALUE!", "明年");
    expectError(one(zs.timeprogress(cell(13))), "#VALUE!", "13");
    expectError(one(zs.timeprogress(cell("1-6月"), cell("周"))), "#VALUE!", "周");
  });

  test("重庆 2022 1–6月 双过半: completion 58.6% and 52.8% → +8.6 and +2.8 个百分点", () => {
    expect(points(zs.pace(cell(58.6), cell(100), cell("1-6月")), 1)).toBe(8.6);
    expect(points(zs.pace(cell(52.8), cell(100), cell("1-6月")), 1)).toBe(2.8);
  });

  test("1–10月 completion 125.64% → +42.31 个百分点", () => {
    expect(points(zs.pace(cell(125.64), cell(100), cell("1-10月")), 2)).toBe(42.31);
  });

  test("no target propagates as #N/A", () => {
    expectError(one(zs.pace(cell(10), cell("-"), cell("1-6月"))), "#N/A", "无年度目标");
  });
});

describe("ZS.SHARE", () => {
  test("两江新区 1158.93 of 全市 10842 → 10.7%", () => {
    expect(pct(zs.share(cell(1158.93), cell(10842)), 1)).toBe(10.7);
  });

  test("with names, 全市/合计/小计 and group rows are never counted into the total", () => {
    const values = col(100, 60, 40, 30, 100);
    const names = col("全市", "渝中区", "主城都市区", "江北区", "合计");
    const result = zs.share(col(60, 30), values, names);
    expect(result.map((r) => r[0])).toEqual([60 / 90, 30 / 90]);
  });

  test("without names every figure of the list counts", () => {
    expect(one(zs.share(cell(10), col(10, 30)))).toBe(0.25);
  });

  test("a total of 0 is not computable", () => {
    expect(one(zs.share(cell(1), cell(0)))).toBeInstanceOf(StandInError);
  });
});

describe("ZS.RANK", () => {
  const values = col(50, 80, 80, 20, null, "—");
  test("competition ranking 1, 2, 2, 4, highest first, blanks not ranked", () => {
    expect(zs.rank(col(80, 80, 50, 20), values).map((r) => r[0])).toEqual([1, 1, 3, 4]);
  });

  test("ascending on request", () => {
    expect(zs.rank(col(20, 80), values, undefined, undefined, cell(1)).map((r) => r[0])).toEqual([1, 3]);
  });

  test("within each row's own group", () => {
    const figures = col(10, 30, 20, 5);
    const groups = col("主城新区", "主城新区", "渝东北", "渝东北");
    expect(zs.rank(figures, figures, groups, groups).map((r) => r[0])).toEqual([2, 1, 1, 2]);
  });
});

describe("ZS.TIER", () => {
  test.each([
    [100, "百亿级"],
    [99.99, "50亿级"],
    [50, "50亿级"],
    [30, "30亿级"],
    [10, "10亿级"],
    [9.99, ""],
  ])("TIER(%p) → %p", (amount, expected) => {
    expect(one(zs.tier(cell(amount)))).toBe(expected);
  });

  test("plain numbers in 万元 are converted first", () => {
    expect(one(zs.tier(cell(1000000), cell("万元")))).toBe("百亿级");
    expect(one(zs.tier(cell(99999), cell("万元")))).toBe("");
  });
});

describe("ZS.AMOUNT", () => {
  test.each([
    ["1.08万亿元", "亿元", 10800],
    ["389.76亿元", "亿元", 389.76],
    ["389.76亿元", "万元", 3897600],
    ["约95.1", "亿元", 95.1],
    ["1,234", "亿元", 1234],
    ["３３", "亿元", 33],
    ["…", "亿元", 0],
  ])("AMOUNT(%p, %p) → %p", (text, unit, expected) => {
    expect(one(zs.amount(cell(text), cell(unit)))).toBe(expected);
  });

  test("a blank stays empty, an amount in another currency is refused", () => {
    expect(one(zs.amount(cell("—")))).toBe("");
    expectError(one(zs.amount(cell("12万美元"))), "#VALUE!", "万美元");
  });
});

describe("ZS.DISTRICT and ZS.REGION", () => {
  test.each([
    ["渝北", 2022, "渝北区"],
    ["石柱县", undefined, "石柱土家族自治县"],
    ["万盛", undefined, "万盛经开区"],
    ["开县", undefined, "开州区"],
    ["渝北区 ", 2022, "渝北区"],
  ])("DISTRICT(%p, %p) → %p", (name, asOf, expected) => {
    expect(one(zs.district(cell(name), asOf === undefined ? undefined : cell(asOf)))).toBe(expected);
  });

  test("渝北区 in 2026 is no longer a unit: the message names 两江新区", () => {
    expectError(one(zs.district(cell("渝北区"), cell(2026))), "#N/A", "两江新区");
    expectError(one(zs.district(cell("渝北区"), cell("2026-06"))), "#N/A", "两江新区");
  });

  test("壁山区 (wall 壁) is unknown and suggests 璧山区 (jade 璧)", () => {
    expectError(one(zs.district(cell("壁山区"))), "#N/A", "璧山区");
  });

  test("a column of names spills", () => {
    expect(zs.district(col("渝中", "两江")).map((r) => r[0])).toEqual(["渝中区", "两江新区"]);
  });

  test("regions under both grouping schemes", () => {
    expect(one(zs.region(cell("綦江")))).toContain("主城新区");
    expect(one(zs.region(cell("垫江县"), cell("2024")))).toContain("渝东新城");
    expect(one(zs.region(cell("巫溪")))).toContain("渝东北");
    expectError(one(zs.region(cell("巫溪"), cell("1997"))), "#VALUE!", "1997");
  });
});
