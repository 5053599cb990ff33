import { missingUnit } from "../../../src/core/rules";
import { buildForm, buildModel, run, UNITS_2020, UNITS_2026 } from "./build-model";

const columns = [{ indicator: "contract-amount" as const, measure: "current" as const }];

describe("missing-unit (强制性)", () => {
  test("a whole-city table with all 41 units passes", () => {
    const model = buildModel({ columns, rows: [["全市", 0], ...UNITS_2020.map((n): [string, number] => [n, 0])] });
    expect(run(missingUnit, model)).toEqual([]);
  });

  test("each absent unit of the period's preset is reported, with no cell", () => {
    const rows = UNITS_2020.filter((n) => n !== "璧山区" && n !== "万盛经开区").map((n): [string, number] => [n, 1]);
    const findings = run(missingUnit, buildModel({ columns, rows }));
    expect(findings.map((f) => [f.severity, f.unit, f.cell, f.row, f.column])).toEqual([
      ["error", "璧山区", null, null, null],
      ["error", "万盛经开区", null, null, null],
    ]);
    expect(findings[0].message.zh).toContain("工作表“汇总”缺少统计单位“璧山区”");
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
    expect(run(missingUnit, model, { config: { preset: "chongqing-2020" } }).map((f) => f.unit)).toEqual([
      "江北区",
      "渝北区",
    ]);
  });
});
