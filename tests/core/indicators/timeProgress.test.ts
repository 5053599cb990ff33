import { pace, paceOf, timeProgress } from "../../../src/core/indicators";
import { Period, parsePeriod } from "../../../src/core/period";
import { reasonOf, valueOf } from "./helpers";

// Days from 1 January to the end of June: Jan 31, Feb 28/29, Mar 31, Apr 30, May 31, Jun 30.
const DAYS_TO_END_OF_JUNE = 31 + 28 + 31 + 30 + 31 + 30;

describe("timeProgress, months ÷ 12 (the published convention)", () => {
  test.each<[string, number | string | Period, number]>([
    ["0 months", 0, 0],
    ["6 months", 6, 0.5],
    ["12 months", 12, 1],
    ["month count typed as text", " 6 ", 0.5],
    ["1-6月", "1-6月", 0.5],
    ["1-3月", "1-3月", 0.25],
    ["前三季度", "前三季度", 0.75],
    ["三季度 (7-9月) is 9 months into the year", "三季度", 0.75],
    ["全年", "全年", 1],
    ["a Period", { year: 2022, startMonth: 1, endMonth: 9, label: "2022年1-9月" }, 0.75],
  ])("%s", (_case, input, expected) => {
    expect(valueOf(timeProgress(input))).toBe(expected);
  });

  test("a date counts the months completed by the end of that day", () => {
    expect(valueOf(timeProgress(new Date(2022, 5, 30)))).toBe(6 / 12);
    expect(valueOf(timeProgress(new Date(2022, 5, 15)))).toBe(5 / 12);
    expect(valueOf(timeProgress(new Date(2022, 11, 31)))).toBe(1);
    expect(valueOf(timeProgress(new Date(2022, 0, 1)))).toBe(0);
    expect(valueOf(timeProgress(new Date(2024, 1, 29)))).toBe(2 / 12); // leap day closes February
    expect(valueOf(timeProgress(new Date(2024, 1, 28)))).toBe(1 / 12);
  });

  test.each([6.5, -1, 13, Number.NaN])("month count %p is invalid input", (months) => {
    const outcome = timeProgress(months);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.reason).toBe("invalid-input");
      expect(outcome.message.zh).toContain("0至12的整数");
    }
  });

  test("unparseable text is invalid input and quotes the text", () => {
    const outcome = timeProgress("本年度");
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.reason).toBe("invalid-input");
      expect(outcome.message.zh).toContain("本年度");
      expect(outcome.message.en).toContain("本年度");
    }
  });

  test("an invalid Date or a malformed Period is invalid input", () => {
    const bad = [
      timeProgress(new Date(Number.NaN)),
      timeProgress({ startMonth: 7, endMonth: 3, label: "7-3月" }),
      timeProgress({ startMonth: 1, endMonth: 13, label: "1-13月" }),
    ];
    for (const outcome of bad) {
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) expect(outcome.reason).toBe("invalid-input");
    }
  });
});

describe("timeProgress, days (optional calendar variant)", () => {
  test("day of year ÷ days in year, leap-aware", () => {
    expect(valueOf(timeProgress(new Date(2022, 5, 30), "days"))).toBe(DAYS_TO_END_OF_JUNE / 365);
    expect(valueOf(timeProgress(new Date(2024, 5, 30), "days"))).toBe((DAYS_TO_END_OF_JUNE + 1) / 366);
    expect(valueOf(timeProgress(new Date(2022, 0, 1), "days"))).toBe(1 / 365);
    expect(valueOf(timeProgress(new Date(2024, 11, 31), "days"))).toBe(1);
  });

  test("a period ends on the last day of its end month; without a year the year has 365 days", () => {
    expect(valueOf(timeProgress("2024年上半年", "days"))).toBe((DAYS_TO_END_OF_JUNE + 1) / 366);
    expect(valueOf(timeProgress("2022年1-6月", "days"))).toBe(DAYS_TO_END_OF_JUNE / 365);
    expect(valueOf(timeProgress("1-6月", "days"))).toBe(DAYS_TO_END_OF_JUNE / 365);
    expect(valueOf(timeProgress(6, "days"))).toBe(DAYS_TO_END_OF_JUNE / 365);
    expect(valueOf(timeProgress("全年", "days"))).toBe(1);
  });

  test("differs from the published months ÷ 12", () => {
    const period = parsePeriod("2022年1-6月") as Period;
    expect(valueOf(timeProgress(period, "days"))).not.toBe(valueOf(timeProgress(period)));
  });
});

describe("pace and paceOf", () => {
  test("pace is completion − progress in 百分点", () => {
    expect(pace(0.75, 0.5)).toBe(25);
    expect(pace(0.25, 0.5)).toBe(-25);
  });

  test("paceOf chains completion and time progress", () => {
    expect(valueOf(paceOf(75, 100, "1-6月"))).toBe(25);
    expect(valueOf(paceOf(30, 40, 12))).toBe(-25);
  });

  test("propagates why it cannot be computed", () => {
    expect(paceOf(10, null, "1-6月")).toEqual({
      ok: false,
      reason: "no-target",
      message: { zh: "无年度目标", en: "No annual target" },
    });
    expect(reasonOf(paceOf(null, 100, "1-6月"))).toBe("missing-input");
    expect(reasonOf(paceOf(10, 100, "某月"))).toBe("invalid-input");
  });
});
