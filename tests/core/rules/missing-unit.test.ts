import { missingUnit } from "../../../src/core/rules";
import { buildForm, buildModel, run, UNITS_2020, UNITS_2026 } from "./build-model";

const columns = [{ indicator: "contract-amount" as const, measure: "current" as const }];

describe("missing-unit (强制性)", () => {
  test("a whole-city table with all 41 units passes", () => {
    const model = buildModel({ columns, rows: [["全市", 0], ...UNITS_2020.map((n): [string, number] => [n, 0])] });
    expect(run(missingUnit, model)).toEqual([]);
  });

  test("the absent units of a whole-city table are ONE 强制性 finding listing them, with no cell", () => {
    const rows = UNITS_2020.filter((n) => n !== "璧山区" && n !== "万盛经开区").map((n): [string, number] => [n, 1]);
    const findings = run(missingUnit, buildModel({ columns, rows }));
    expect(findings.map((f) => [f.severity, f.unit, f.cell, f.row, f.column])).toEqual([["error", null, null, null, null]]);
    expect(findings[0].message.zh).toContain("工作表“汇总”缺少2个统计单位");
    expect(findings[0].message.zh).toContain("璧山区、万盛经开区");
  });

  test("one absent unit is named in the finding's unit", () => {
    const rows = UNITS_2020.filter((n) => n !== "万盛经开区").map((n): [string, number] => [n, 1]);
    const findings = run(missingUnit, buildModel({ columns, rows }));
    expect(findings.map((f) => [f.severity, f.unit])).toEqual([["error", "万盛经开区"]]);
    expect(findings[0].message.zh).toContain("缺少统计单位“万盛经开区”");
  });

  test("a city table (全市 row) with 3 of 41 units is one 强制性 finding listing the 38 others", () => {
    const rows: [string, number][] = [["全市", 300], ["黔江区", 95.03], ["武隆区", 100], ["石柱县", 104.97]];
    const findings = run(missingUnit, buildModel({ columns, rows, title: "2022年1—6月招商引资主要指标完成情况表" }));
    expect(findings).toHaveLength(1);
    expect(findings[0].severity).toBe("error");
    expect(findings[0].message.zh).toContain("缺少38个统计单位");
    expect(findings[0].message.zh).toContain("渝中区、大渡口区");
  });

  test("a 片区 sheet of 3 districts is a partial table: one 提示 naming what was checked", () => {
    const rows: [string, number][] = [["黔江区", 95.03], ["武隆区", 100], ["石柱县", 104.97], ["合计", 300]];
    const model = buildModel({ columns, rows, title: "2022年1—6月渝东南片区招商引资主要指标完成情况表" });
    const findings = run(missingUnit, model);
    expect(findings.map((f) => f.severity)).toEqual(["info"]);
    expect(findings[0].message.zh).toContain("只列出3个单位（黔江区、武隆区、石柱土家族自治县），按部分单位表校验");
    expect(findings[0].message.zh).toContain("其余38个单位未列出，未作缺报处理");
  });

  test("with onlyPresentUnits a whole-city table missing units gets one 提示 instead of an error", () => {
    const rows = UNITS_2020.filter((n) => n !== "璧山区" && n !== "万盛经开区").map((n): [string, number] => [n, 1]);
    const findings = run(missingUnit, buildModel({ columns, rows }), { config: { onlyPresentUnits: true } });
    expect(findings.map((f) => f.severity)).toEqual(["info"]);
    expect(findings[0].message.zh).toContain("按设置只校验表中列出的39个单位");
    expect(findings[0].message.zh).toContain("璧山区、万盛经开区");
  });

  test("a unit that an unknown label most likely means is not reported again (壁山区 for 璧山区)", () => {
    const rows = UNITS_2020.map((n): [string, number] => [n === "璧山区" ? "壁山区" : n, 1]);
    expect(run(missingUnit, buildModel({ columns, rows }))).toEqual([]);
  });

  test("the 2026 set is expected in a 2026 sheet: 39 units, no 江北区 or 渝北区", () => {
    const rows = UNITS_2026.map((n): [string, number] => [n, 1]);
    const model = buildModel({ columns, rows, title: "2026年1-3月全市招商引资主要指标完成情况表" });
    expect(run(missingUnit, model)).toEqual([]);
    const without = buildModel({
      columns,
      rows: rows.filter((r) => r[0] !== "两江新区"),
      title: "2026年1-3月全市招商引资主要指标",
    });
    expect(run(missingUnit, without).map((f) => f.unit)).toEqual(["两江新区"]);
  });

  test("a single district's form (transposed) is not expected to list every unit", () => {
    const model = buildForm({
      unit: "黔江区",
      fields: [{ indicator: "contract-amount", measure: "current", value: 95.03 }],
    });
    expect(run(missingUnit, model)).toEqual([]);
  });

  test("a one-row table without a total is a district's own sheet, not a city table", () => {
    expect(run(missingUnit, buildModel({ columns, rows: [["黔江区", 95.03]] }))).toEqual([]);
  });

  test("the preset can be named in the configuration", () => {
    const rows = UNITS_2026.map((n): [string, number] => [n, 1]);
    const model = buildModel({ columns, rows, title: null });
    expect(run(missingUnit, model, { config: { preset: "chongqing-2026" } })).toEqual([]);
    const old = run(missingUnit, model, { config: { preset: "chongqing-2020" } });
    expect(old).toHaveLength(1);
    expect(old[0].message.zh).toContain("缺少2个统计单位：江北区、渝北区，请补充这些单位的数据行。对照名单：41个统计单位");
  });
});
