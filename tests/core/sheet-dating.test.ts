import { choosePreset, dateSheet, periodAsOf, periodEndDate } from "../../src/core/sheet-dating";
import { parsePeriod } from "../../src/core/period";
import { chongqing } from "../../src/core/units";

describe("dating a sheet", () => {
  test("a 2022年1-6月 sheet ends on 2022-06-30 and is checked against the 2020 list", () => {
    const d = dateSheet(parsePeriod("2022年1-6月招商引资"), { preset: "auto" }, chongqing);
    expect(d).toMatchObject({ year: 2022, months: 6, date: "2022-06-30", asOf: "2022-06-30" });
    expect(d.preset.id).toBe("chongqing-2020");
  });

  test("a 2026 sheet takes the list in force in 2026", () => {
    expect(dateSheet(parsePeriod("2026年1-3月"), { preset: "auto" }, chongqing).preset.id).toBe("chongqing-2026");
  });

  test("the configuration fills in the year and months the title leaves out", () => {
    const d = dateSheet(parsePeriod("1-9月招商引资"), { preset: "auto", year: 2026 }, chongqing);
    expect(d).toMatchObject({ year: 2026, months: 9, date: "2026-09-30" });
    expect(d.preset.id).toBe("chongqing-2026");
    expect(dateSheet(null, { preset: "auto", year: 2022, months: 3 }, chongqing).date).toBe("2022-03-31");
  });

  test("without a year, names resolve at the edge of the first preset's validity", () => {
    const d = dateSheet(null, { preset: "auto" }, chongqing);
    expect(d).toMatchObject({ year: null, months: null, date: null, asOf: "2025-12-31" });
    expect(d.preset.id).toBe("chongqing-2020");
  });

  test("months outside 1–12 and years that are not years are not dates", () => {
    expect(dateSheet(null, { preset: "auto", year: 2022, months: 13 }, chongqing).months).toBeNull();
    expect(periodEndDate(22, 6)).toBeNull();
    expect(periodAsOf(2023, null)).toBe("2023");
    expect(periodAsOf(null, 6)).toBeUndefined();
  });

  test("a chosen preset wins over the date; an unknown one is an error, not a silent default", () => {
    expect(choosePreset(chongqing, "chongqing-2026", "2022-06-30").id).toBe("chongqing-2026");
    expect(() => choosePreset(chongqing, "nowhere", "2022-06-30")).toThrow();
    expect(choosePreset(chongqing, "auto", "1990-12-31").id).toBe("chongqing-2020");
  });
});
