import { checkAgainstPrevious, PreviousOutcome } from "../../../src/core/previous";
import { Finding } from "../../../src/core/findings";
import { SheetModel } from "../../../src/core/sheet/types";
import { ColSpec, RowSpec, UNITS_2020, buildModel, only, r2 } from "../rules/build-model";

const MAY = "2022年1—5月全市招商引资主要指标完成情况表";
const JUNE = "2022年1—6月全市招商引资主要指标完成情况表";

const cumulative: ColSpec[] = [
  { indicator: "signed-projects", measure: "current" },
  { indicator: "contract-amount", measure: "current", format: "0.00" },
  { indicator: "contract-amount", measure: "target", format: "0.00" },
];

function sheet(title: string, rows: RowSpec[], columns: ColSpec[] = cumulative): SheetModel {
  return buildModel({ title, columns, rows });
}

function findings(outcome: PreviousOutcome): Finding[] {
  if (!outcome.ok) throw new Error(`refused: ${outcome.message.zh}`);
  return outcome.findings;
}

function compare(current: SheetModel, ...previous: SheetModel[]): PreviousOutcome {
  return checkAgainstPrevious(
    current,
    "1-6月.xlsx",
    previous.map((model, i) => ({ model, name: previous.length === 1 ? "1-5月.xlsx" : `Q${i + 1}.xlsx` })),
  );
}

describe("checkAgainstPrevious: a 1–N月 sheet against its 1–(N−1)月 predecessor", () => {
  test("a cumulative amount below last month's is 核实性, naming both figures and the implied 当月 value", () => {
    const f = only(findings(compare(sheet(JUNE, [["渝北区", 30, 120, 300]]), sheet(MAY, [["渝北区", 28, 125, 300]]))));
    expect(f).toMatchObject({ rule: "cumulative-decrease", severity: "verify", cell: "C3", unit: "渝北区", indicator: "contract-amount" });
    expect(f.message.zh).toBe(
      "工作表“汇总”C3（渝北区，正式合同额本期）：2022年1-6月累计120.00亿元，低于上期报表“1-5月.xlsx”（2022年1-5月）的累计125.00亿元，隐含6月当月为-5.00亿元。累计数核减须附书面说明。",
    );
    expect(f.message.en).toContain("implying -5.00 亿元 for month 6 alone");
  });

  test("a count below last month's is flagged too; counts are exact", () => {
    const f = only(findings(compare(sheet(JUNE, [["渝北区", 27, 130, 300]]), sheet(MAY, [["渝北区", 28, 125, 300]]))));
    expect(f).toMatchObject({ rule: "cumulative-decrease", cell: "B3", indicator: "signed-projects" });
    expect(f.message.zh).toContain("隐含6月当月为-1个");
  });

  test("against an earlier month than the last, the implied figure is of the months between", () => {
    const march = sheet("2022年1—3月全市招商引资主要指标完成情况表", [["渝北区", 28, 125, 300]]);
    const f = only(findings(compare(sheet(JUNE, [["渝北区", 30, 120, 300]]), march)));
    expect(f.message.zh).toContain("隐含4-6月为-5.00亿元");
  });

  test("an annual target changed between the two files is 核实性 with both values", () => {
    const f = only(findings(compare(sheet(JUNE, [["渝北区", 30, 130, 320]]), sheet(MAY, [["渝北区", 28, 125, 300]]))));
    expect(f).toMatchObject({ rule: "target-changed", severity: "verify", cell: "D3", expected: { kind: "figure", value: 300 } });
    // Scripts read the figures from the details, not from the message.
    expect(f.details).toEqual({
      rule: "target-changed",
      target: { value: 320, unit: "亿元" },
      previous: { value: 300, unit: "亿元" },
      source: { file: "1-5月.xlsx", period: "2022年1-5月" },
    });
    expect(f.message.zh).toBe(
      "工作表“汇总”D3（渝北区，正式合同额年度目标）：年度目标为320.00亿元，上期报表“1-5月.xlsx”（2022年1-5月）为300.00亿元。年中调整年度目标须附书面说明。",
    );
  });

  test("a unit present last month and missing now is 核实性, once, naming the unit", () => {
    const now = sheet(JUNE, [["全市", 36, 140, 340], ["渝北区", 30, 130, 300]]);
    const before = sheet(MAY, [["全市", 33, 135, 340], ["渝北区", 28, 125, 300], ["巫溪县", 5, 10, 40]]);
    const f = only(findings(compare(now, before)));
    expect(f).toMatchObject({ rule: "unit-dropped", severity: "verify", cell: null, unit: "巫溪县" });
    expect(f.message.zh).toBe("工作表“汇总”：上期报表“1-5月.xlsx”（2022年1-5月）有巫溪县的数据，本期报表中没有该单位，请核实是否漏报。");
  });

  test("a one-district form paired with last month's whole-city table does not call the other units missing", () => {
    const before = sheet(MAY, [["全市", 33, 135, 340], ["渝北区", 28, 125, 300], ["巫溪县", 5, 10, 40]]);
    expect(findings(compare(sheet(JUNE, [["渝北区", 30, 130, 300]]), before))).toEqual([]);
  });

  test("units are matched by the unit, not the spelling or the row: 渝北 last month is 渝北区 now", () => {
    const now = sheet(JUNE, [["巫溪县", 6, 11, 40], ["渝北区", 30, 130, 300]]);
    const before = sheet(MAY, [["渝北", 28, 125, 300], ["巫溪县", 5, 10, 40]]);
    expect(findings(compare(now, before))).toEqual([]);
  });

  test("a whole city of correctly rounded 亿元 figures (2 decimals) growing every month gives no finding", () => {
    // Unrounded truths: June adds a little to every unit, some less than a printed unit (0.004).
    const may = UNITS_2020.map((_, i) => 10 + 1.3779 * i);
    const june = may.map((v, i) => v + (i % 3 === 0 ? 0.004 : 0.5 + 0.0133 * i));
    const rows = (values: number[]): RowSpec[] => UNITS_2020.map((name, i) => [name, 20 + i, r2(values[i]), r2(100 + i)] as RowSpec);
    expect(findings(compare(sheet(JUNE, rows(june)), sheet(MAY, rows(may))))).toEqual([]);
  });
});

describe("checkAgainstPrevious: 当月 = current − previous cumulative, within rounding", () => {
  const withMonth: ColSpec[] = [
    { indicator: "contract-amount", measure: "current", format: "0.00" },
    { indicator: "contract-amount", measure: "month", format: "0.00" },
  ];

  test("a 当月 figure that is not the change in the cumulative figure is 核实性, with the expected value", () => {
    const f = only(findings(compare(sheet(JUNE, [["渝北区", 130, 8]], withMonth), sheet(MAY, [["渝北区", 120, 9]], withMonth))));
    expect(f).toMatchObject({ rule: "month-mismatch", severity: "verify", cell: "C3", expected: { kind: "figure", value: 10 } });
    expect(f.message.zh).toBe(
      "工作表“汇总”C3（渝北区，正式合同额当月）：当月填报8.00亿元，按本期累计130.00亿元－上期报表“1-5月.xlsx”（2022年1-5月）累计120.00亿元应为10.00亿元，相差2.00亿元，超出修约误差，请核实。",
    );
  });

  test("rounding is allowed: 0.01 beside cumulative figures that print alike is consistent", () => {
    // Truth: 100.004 after 99.996, month 0.008: printed 100.00, 100.00 and 0.01.
    expect(findings(compare(sheet(JUNE, [["渝北区", 100, 0.01]], withMonth), sheet(MAY, [["渝北区", 100, 5]], withMonth)))).toEqual([]);
  });

  test("against an earlier month than the last, 当月 is not compared (it is one month, the gap is several)", () => {
    const march = sheet("2022年1—3月全市招商引资主要指标完成情况表", [["渝北区", 100, 5]], withMonth);
    expect(findings(compare(sheet(JUNE, [["渝北区", 130, 8]], withMonth), march))).toEqual([]);
  });
});

describe("checkAgainstPrevious: refusals name both periods", () => {
  test("a previous file of another year is refused", () => {
    const out = compare(sheet(JUNE, [["渝北区", 30, 130, 300]]), sheet("2021年1—5月全市招商引资主要指标完成情况表", [["渝北区", 28, 125, 300]]));
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.message.zh).toBe("上期报表应为同一年度更早的期别：本期“1-6月.xlsx”（2022年1-6月），上期“1-5月.xlsx”（2021年1-5月），不能对比。");
    expect(out.message.en).toContain("must be an earlier period of the same year");
  });

  test("a later or equal period is refused", () => {
    const out = compare(sheet(MAY, [["渝北区", 28, 125, 300]]), sheet(JUNE, [["渝北区", 30, 130, 300]]));
    expect(out.ok).toBe(false);
  });

  test("a previous file without a period is refused, saying which file", () => {
    const out = compare(sheet(JUNE, [["渝北区", 30, 130, 300]]), sheet("招商引资情况表", [["渝北区", 28, 125, 300]]));
    expect(out).toMatchObject({ ok: false, message: { zh: expect.stringContaining("上期报表“1-5月.xlsx”（期别不明）的期别无法识别") } });
  });

  test("a quarter-only sheet as the previous of a cumulative sheet is refused", () => {
    const out = compare(sheet(JUNE, [["渝北区", 30, 130, 300]]), sheet("2022年二季度招商引资情况表", [["渝北区", 28, 125, 300]]));
    expect(out).toMatchObject({ ok: false, message: { zh: expect.stringContaining("两份1月起的累计报表") } });
  });
});

describe("checkAgainstPrevious: a 全年 sheet against its four quarters", () => {
  const YEAR = "2022年1—12月全市招商引资主要指标完成情况表";
  const amount: ColSpec[] = [{ indicator: "contract-amount", measure: "current", format: "0.00" }];
  const quarter = (q: number, value: number) =>
    sheet(`2022年${["一", "二", "三", "四"][q - 1]}季度全市招商引资主要指标完成情况表`, [["渝北区", value]], amount);

  test("the year equal to the sum of its quarters within rounding gives no finding", () => {
    // Truth 100.004 + 100.004 + 100.004 + 100.004 = 400.016: printed 100.00 × 4 and 400.02.
    const out = compare(sheet(YEAR, [["渝北区", 400.02]], amount), quarter(1, 100), quarter(2, 100), quarter(3, 100), quarter(4, 100));
    expect(findings(out)).toEqual([]);
  });

  test("a year that differs from the sum of its quarters is 核实性, naming every quarter; files may come in any order", () => {
    const out = compare(sheet(YEAR, [["渝北区", 410]], amount), quarter(3, 90), quarter(1, 100), quarter(2, 110), quarter(4, 100));
    const f = only(findings(out));
    expect(f).toMatchObject({ rule: "quarters-mismatch", cell: "B3", expected: { kind: "figure", value: 400 } });
    expect(f.message.zh).toBe(
      "工作表“汇总”B3（渝北区，正式合同额本期）：全年410.00亿元，四个季度之和为400.00亿元（一季度100.00亿元、二季度110.00亿元、三季度90.00亿元、四季度100.00亿元），相差10.00亿元，超出修约误差，请核实。",
    );
  });

  test("three quarters, or a quarter twice, are refused naming what was given", () => {
    const year = sheet(YEAR, [["渝北区", 400]], amount);
    const out = compare(year, quarter(1, 100), quarter(2, 100), quarter(2, 100), quarter(4, 100));
    expect(out).toMatchObject({ ok: false, message: { zh: expect.stringContaining("应与同一年度的四个季度（2022年1-3月、2022年4-6月、2022年7-9月、2022年10-12月）各一份对比") } });
    expect(compare(year, quarter(1, 100), quarter(2, 100), quarter(3, 100)).ok).toBe(false);
  });

  test("several previous files for a sheet that is not a 全年 sheet are refused", () => {
    const out = compare(sheet(JUNE, [["渝北区", 400]], amount), quarter(1, 100), quarter(2, 100));
    expect(out).toMatchObject({ ok: false, message: { zh: expect.stringContaining("本期应为全年（1-12月）报表") } });
  });
});
