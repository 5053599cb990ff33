import { installCustomFunctionsStandIn, StandInError } from "../support/custom-functions-standin";
import * as zs from "../../src/functions/functions";
import { roundHalfUp } from "../../src/core/indicators";

installCustomFunctionsStandIn();

/**
 * How an empty cell arrives: desktop Excel passes 0, Excel on the web passes null (office-js #4702; in range
 * arguments too, office-js #1951 and #5262). Every test below runs under both; `blank` is the empty cell.
 */
const CLIENTS: [string, 0 | null][] = [
  ["desktop Excel (an empty cell arrives as 0)", 0],
  ["Excel on the web (an empty cell arrives as null)", null],
];

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

describe.each(CLIENTS)("%s", (_client, blank) => {
  describe("ZSTJ.COMPLETION with published figures", () => {
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

  describe("ZSTJ.YOY", () => {
    test.each([
      ["黔江 合同额", 95.03, 77.86, 22.05],
      ["黔江 到位资金", 12.59, 8.14, 54.67],
    ])("%s: YOY(%p, %p) → %p%%", (_label, current, previous, expected) => {
      expect(pct(zs.yoy(cell(current), cell(previous)), 2)).toBe(expected);
    });

    test("base 0, negative base and blank base give no percentage", () => {
      expectError(one(zs.yoy(cell(5), cell(0))), "#N/A", "上年同期为0或空白，不计算增速");
      expectError(one(zs.yoy(cell(5), cell(-2))), "#N/A", "基期为负，不计算增速");
      expectError(one(zs.yoy(cell(5), cell(blank))), "#N/A", "上年同期为0或空白");
    });

    test("a blank current figure is never a −100% decline (office-js #4702: desktop passes it as 0)", () => {
      expectError(one(zs.yoy(cell(blank), cell(100))), "#N/A", "本期为0或空白，不计算增速");
      expectError(one(zs.yoy(cell(0), cell(100))), "#N/A", "本期为0或空白");
    });

    test("a negative current over a positive base is a real decline", () => {
      expect(pct(zs.yoy(cell(-1), cell(4)), 0)).toBe(-125);
    });
  });

  describe("ZSTJ.PPCHANGE", () => {
    test("开工率 53.9% vs 38.7% → 同比提升 15.2 个百分点", () => {
      expect(points(zs.ppchange(cell(0.539), cell(0.387)), 1)).toBe(15.2);
      expect(points(zs.ppchange(cell("53.9%"), cell("38.7%")), 1)).toBe(15.2);
    });
  });

  describe("ZSTJ.TIMEPROGRESS and ZSTJ.PACE", () => {
    test.each([
      ["1-6月", 0.5],
      ["1—6月", 0.5],
      ["上半年", 0.5],
      ["一季度", 0.25],
      ["前三季度", 0.75],
      ["全年", 1],
      ["2022年1-9月", 0.75],
      ["2022-06", 0.5], // the ISO year-month zs-check --period and the pane accept
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

  describe("ZSTJ.SHARE", () => {
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

  describe("ZSTJ.RANK", () => {
    const values = col(50, 80, 80, 20, blank, "—");
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

  describe("ZSTJ.TIER", () => {
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

  describe("ZSTJ.AMOUNT", () => {
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

  describe("ZSTJ.DISTRICT and ZSTJ.REGION", () => {
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
  describe("empty cells (office-js #4702) and omitted optional arguments", () => {
    test("COMPLETION: a blank or 0 actual is #N/A, never a 0% that may be a unit that has not reported", () => {
      expectError(one(zs.completion(cell(blank), cell(160))), "#N/A", "累计完成为0或空白");
      expectError(one(zs.completion(cell(blank), cell(blank))), "#N/A", "无年度目标");
    });

    test("PACE: a blank actual or blank target gives no percentage points", () => {
      expectError(one(zs.pace(cell(blank), cell(100), cell("1-6月"))), "#N/A", "累计完成为0或空白");
      expectError(one(zs.pace(cell(50), cell(blank), cell("1-6月"))), "#N/A", "无年度目标");
    });

    test("PPCHANGE: a blank rate is not a change from or to 0%", () => {
      expectError(one(zs.ppchange(cell(0.539), cell(blank))), "#N/A", "比率为0或空白");
      expectError(one(zs.ppchange(cell(blank), cell(0.387))), "#N/A", "比率为0或空白");
    });

    test("TIMEPROGRESS and PACE: a blank period is a missing period, not 0 months", () => {
      expectError(one(zs.timeprogress(cell(blank))), "#VALUE!", "缺少期间");
      expectError(one(zs.pace(cell(50), cell(100), cell(blank))), "#VALUE!", "缺少期间");
    });

    test("SHARE: blank cells in the list add nothing; a blank value or blank total gives no share", () => {
      expect(one(zs.share(cell(30), col(60, blank, 30, blank)))).toBe(1 / 3);
      expectError(one(zs.share(cell(blank), col(60, 30))), "#N/A", "本单位数为0或空白");
      expectError(one(zs.share(cell(30), cell(blank))), "#N/A", "全市合计为0或空白");
      expectError(one(zs.share(cell(30), col(blank, blank))), "#N/A", "全市合计为0或空白");
    });

    test("RANK: a blank in the list is not ranked as 0, and a blank value has no rank", () => {
      const values = col(50, blank, 20, blank);
      expect(zs.rank(col(20, 50), values, undefined, undefined, cell(1)).map((r) => r[0])).toEqual([1, 2]);
      expectError(one(zs.rank(cell(blank), values)), "#N/A", "不参与排名");
    });

    test("RANK: blank group cells belong to no group", () => {
      const figures = col(10, 30, 20);
      const groups = col("主城新区", "主城新区", blank);
      expect(zs.rank(col(10, 30), figures, groups, col("主城新区", "主城新区")).map((r) => r[0])).toEqual([2, 1]);
    });

    test("TIER: a blank amount has no tier, the same empty answer on every client", () => {
      expect(one(zs.tier(cell(blank)))).toBe("");
    });

    test("AMOUNT: a blank is empty on the web and 0 on desktop, as Excel itself shows =A1 of an empty cell", () => {
      expect(one(zs.amount(cell(blank)))).toBe(blank === null ? "" : 0);
    });

    test("DISTRICT and REGION: a blank name is a missing name, not the unit \"0\"", () => {
      expectError(one(zs.district(cell(blank))), "#N/A", "缺少单位名称");
      expectError(one(zs.region(cell(blank))), "#N/A", "缺少单位名称");
    });

    test("optional arguments pointing at a blank cell mean 'left out'", () => {
      expect(one(zs.timeprogress(cell("1-6月"), cell(blank)))).toBe(0.5);
      expect(one(zs.tier(cell(100), cell(blank)))).toBe("百亿级");
      expect(one(zs.amount(cell("1.08万亿元"), cell(blank)))).toBe(10800);
      expect(one(zs.district(cell("石柱县"), cell(blank)))).toBe("石柱土家族自治县");
      expect(one(zs.region(cell("綦江"), cell(blank)))).toBe("主城新区");
      expect(one(zs.share(cell(30), col(60, 30), cell(blank)))).toBe(30 / 90);
    });

    // Docs ("Custom functions parameter options"): an omitted optional parameter is null. Skipped between commas
    // (=ZSTJ.RANK(C5,C$5:C$45,,,1)) a matrix parameter may arrive as a 1×1 grid of an empty value: both are omitted.
    test.each([
      ["null", null],
      ["undefined", undefined],
      ["[[null]]", [[null]]],
      ['[[""]]', [[""]]],
      ["a 1×1 blank cell", [[blank]]],
    ])("RANK with groups and group omitted as %s ranks the whole list", (_label, omitted) => {
      const values = col(50, 80, 20);
      const result = zs.rank(col(80, 20), values, omitted as unknown[][], omitted as unknown[][], cell(1));
      expect(result.map((r) => r[0])).toEqual([3, 1]);
    });
  });

  describe("no Infinity or NaN leaves a function or a message", () => {
    function expectNoNonFinite(result: unknown[][]): void {
      for (const row of result) {
        for (const value of row) {
          if (typeof value === "number") expect(Number.isFinite(value)).toBe(true);
          if (value instanceof StandInError) expect(value.message ?? "").not.toMatch(/Infinity|NaN/);
        }
      }
    }

    test('AMOUNT("1e305万亿元") overflows the double range: #VALUE! 数值超出范围', () => {
      expectError(one(zs.amount(cell("1e305万亿元"))), "#VALUE!", "数值超出范围");
      expectError(one(zs.amount(cell("1e300万亿元"), cell("元"))), "#VALUE!", "数值超出范围");
    });

    test("overflowing results and totals are refused instead of returned", () => {
      expectError(one(zs.completion(cell(1e308), cell(1e-308))), "#VALUE!", "数值超出范围");
      expectError(one(zs.yoy(cell(1e308), cell(1e-300))), "#VALUE!", "数值超出范围");
      expectError(one(zs.ppchange(cell(1e308), cell(-1e308))), "#VALUE!", "数值超出范围");
      expectError(one(zs.share(cell(1), col(1e308, 1e308))), "#VALUE!", "数值超出范围");
    });

    test("no input in a hostile mix yields Infinity, NaN or a message naming them", () => {
      const hostile = col(blank, 0, -0, 1e308, -1e308, 5e-324, "1e400", "-1e400", "1e305万亿元", "—", "…");
      const results = [
        zs.completion(hostile, cell(1e-308)),
        zs.completion(cell(1e308), hostile),
        zs.yoy(hostile, cell(1e-300)),
        zs.yoy(cell(1e308), hostile),
        zs.ppchange(hostile, cell(-1e308)),
        zs.pace(hostile, cell(1e-308), cell("1-6月")),
        zs.share(hostile, hostile),
        zs.rank(hostile, hostile),
        zs.tier(hostile, cell("元")),
        zs.amount(hostile, cell("元")),
        zs.timeprogress(hostile),
        zs.district(hostile),
        zs.region(hostile),
      ];
      for (const result of results) expectNoNonFinite(result);
    });

    test('the texts "NaN" and "Infinity" typed in a cell are refused as text, never read as numbers', () => {
      expectError(one(zs.amount(cell("NaN"))), "#VALUE!", "无法识别的数值");
      expectError(one(zs.completion(cell("Infinity"), cell(100))), "#VALUE!", "无法识别的数值");
    });
  });
});
