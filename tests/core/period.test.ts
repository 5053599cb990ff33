import { Period, monthsElapsed, parsePeriod, periodFromDate } from "../../src/core/period";

/** The part of a parsed period a test cares about; null when the text is not a period. */
function parsed(text: string): [number | undefined, number, number, string] | null {
  const p = parsePeriod(text);
  return p === null ? null : [p.year, p.startMonth, p.endMonth, p.label];
}

describe("parsePeriod", () => {
  test.each<[string, number, number, string]>([
    ["1-6月", 1, 6, "1-6月"],
    ["1—6月", 1, 6, "1-6月"],
    ["1–6月", 1, 6, "1-6月"],
    ["1～6月", 1, 6, "1-6月"],
    ["1~6月", 1, 6, "1-6月"],
    ["1至6月", 1, 6, "1-6月"],
    ["1月-6月", 1, 6, "1-6月"],
    ["1-6月份", 1, 6, "1-6月"],
    ["一至六月", 1, 6, "1-6月"],
    ["十至十二月", 10, 12, "10-12月"],
    ["1一6月", 1, 6, "1-6月"], // "一" as a dash between digits, as in yearbooks
    ["上半年", 1, 6, "1-6月"],
    ["下半年", 7, 12, "7-12月"],
    ["一季度", 1, 3, "1-3月"],
    ["第一季度", 1, 3, "1-3月"],
    ["1季度", 1, 3, "1-3月"],
    ["Q1", 1, 3, "1-3月"],
    ["q1", 1, 3, "1-3月"],
    ["二季度", 4, 6, "4-6月"],
    ["三季度", 7, 9, "7-9月"],
    ["第四季度", 10, 12, "10-12月"],
    ["前三季度", 1, 9, "1-9月"],
    ["1-3季度", 1, 9, "1-9月"],
    ["全年", 1, 12, "1-12月"],
    ["年报", 1, 12, "1-12月"],
    ["1-12月", 1, 12, "1-12月"],
    ["6月", 6, 6, "6月"],
    ["6月份", 6, 6, "6月"],
    ["１－６月", 1, 6, "1-6月"],
    [" 1 - 6 月 ", 1, 6, "1-6月"],
    ["1　-　6月", 1, 6, "1-6月"], // ideographic spaces
  ])("%p → %p–%p", (text, startMonth, endMonth, label) => {
    expect(parsed(text)).toEqual([undefined, startMonth, endMonth, label]);
  });

  test.each<[string, number, number, number, string]>([
    ["2022年1-9月", 2022, 1, 9, "2022年1-9月"],
    ["2022年上半年", 2022, 1, 6, "2022年1-6月"],
    ["2022年6月", 2022, 6, 6, "2022年6月"],
    ["２０２２年１—６月", 2022, 1, 6, "2022年1-6月"],
    ["2022年度前三季度", 2022, 1, 9, "2022年1-9月"],
    ["2022Q3", 2022, 7, 9, "2022年7-9月"],
    ["2021年全年", 2021, 1, 12, "2021年1-12月"],
  ])("%p carries its year", (text, year, startMonth, endMonth, label) => {
    expect(parsed(text)).toEqual([year, startMonth, endMonth, label]);
  });

  test.each<[string, number | undefined, number, number]>([
    ["2022年1—6月全市招商引资主要指标完成情况表", 2022, 1, 6],
    ["1月-6月全市招商完成合同引资10842亿元、到位资金2217亿元", undefined, 1, 6],
    ["重庆市黔江区招商投资促进局2022年上半年招商投资促进工作总结", 2022, 1, 6],
    ["到位资金1-6月完成情况", undefined, 1, 6], // 到 in 到位 is not a dash
    ["全年目标完成情况（1-6月）", undefined, 1, 6], // 全年目标 is not the period when a specific one is named
  ])("finds the period in a title: %p", (text, year, startMonth, endMonth) => {
    expect(parsed(text)?.slice(0, 3)).toEqual([year, startMonth, endMonth]);
  });

  test.each([
    "0月",
    "13月",
    "7-3月",
    "0-6月",
    "1-13月",
    "五季度",
    "",
    "全市招商引资主要指标完成情况表",
    "2022年",
    "abc",
  ])("%p is not a period", (text) => {
    expect(parsePeriod(text)).toBeNull();
  });
});

describe("monthsElapsed", () => {
  test.each([
    ["1-6月", 6],
    ["三季度", 9],
    ["前三季度", 9],
    ["全年", 12],
    ["2月", 2],
  ])("%p → %p", (text, months) => {
    expect(monthsElapsed(parsePeriod(text) as Period)).toBe(months);
  });
});

describe("periodFromDate", () => {
  test("any day of a month belongs to that month's cumulative sheet", () => {
    expect(periodFromDate(new Date(2022, 5, 15))).toEqual({
      year: 2022,
      startMonth: 1,
      endMonth: 6,
      label: "2022年1-6月",
    });
    expect(periodFromDate(new Date(2022, 5, 30))).toEqual(parsePeriod("2022年1-6月"));
    expect(periodFromDate(new Date(2023, 0, 1))).toEqual({
      year: 2023,
      startMonth: 1,
      endMonth: 1,
      label: "2023年1月",
    });
  });

  test("rejects an invalid Date", () => {
    expect(() => periodFromDate(new Date("not a date"))).toThrow(RangeError);
  });
});
