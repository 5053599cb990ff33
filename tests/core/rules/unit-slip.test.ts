import { outlier, unitSlip } from "../../../src/core/rules";
import { buildForm, buildModel, cityAmounts, only, run, UNITS_2020, validated } from "./build-model";

describe("unit-slip (核实性)", () => {
  test("a clean city table has no slips", () => {
    expect(run(unitSlip, cityAmounts())).toEqual([]);
  });

  test("a 万元 figure in a 亿元 column is about 10⁴ × the column median: the message gives the intended value", () => {
    const model = cityAmounts({ edit: (rows) => (rows[7] = ["渝北区", 389760]) });
    const f = only(validated(model, "unit-slip"));
    expect(f).toMatchObject({ severity: "verify", cell: "B11", unit: "渝北区", value: 389760, expected: { kind: "figure", value: 38.98 } });
    expect(f.message.zh).toMatch(
      /^工作表“汇总”B11（渝北区，正式合同额本期）：疑似以万元填入亿元列：389760应为38\.98？该数为本列中位数\d+\.\d\d亿元的约1万倍，请核实计量单位。$/,
    );
    expect(f.message.en).toContain("Looks like 万元 typed into a 亿元 column: should 389760 be 38.98?");
    // A slip is not also an outlier.
    expect(run(outlier, model)).toEqual([]);
  });

  test.each([
    [10, false],
    [2000, true],
    [10000, true],
    [50000, true],
    [100000, false],
  ])("a figure %p × the median is a slip: %p (default tolerance 5 around 10⁴)", (factor, slip) => {
    const rows = UNITS_2020.map((n) => [n, 40] as [string, number]);
    rows[3] = [rows[3][0], 40 * factor];
    const model = buildModel({ columns: [{ indicator: "contract-amount", measure: "current" }], rows });
    expect(run(unitSlip, model).length).toBe(slip ? 1 : 0);
  });

  test("config.thresholds.unitSlipTolerance widens the band", () => {
    const rows = UNITS_2020.map((n) => [n, 40] as [string, number]);
    rows[3] = [rows[3][0], 40 * 100000];
    const model = buildModel({ columns: [{ indicator: "contract-amount", measure: "current" }], rows });
    expect(run(unitSlip, model, { config: { thresholds: { unitSlipTolerance: 20 } } })).toHaveLength(1);
  });

  test("a 亿元 figure in a 万元 column is about 1/10⁴ of the median", () => {
    const rows = UNITS_2020.map((n, i) => [n, 380000 + i * 1000] as [string, number]);
    rows[10] = [rows[10][0], 38.98];
    const model = buildModel({ columns: [{ indicator: "contract-amount", measure: "current", unit: "万元" }], rows });
    const f = only(run(unitSlip, model));
    expect(f).toMatchObject({ cell: "B13", expected: { kind: "figure", value: 389800 } });
    expect(f.message.zh).toContain("疑似以亿元填入万元列：38.98应为389800.00？");
    expect(f.message.zh).toContain("的约万分之一");
  });

  test("a single district's form: against its own target, then its own 上年同期", () => {
    const form = (current: number, target: number | null, previous: number | null) =>
      buildForm({
        unit: "黔江区",
        fields: [
          { indicator: "contract-amount", measure: "current", value: current },
          { indicator: "contract-amount", measure: "previous", value: previous },
          { indicator: "contract-amount", measure: "target", value: target },
        ],
      });
    expect(only(run(unitSlip, form(950300, 160, null))).message.zh).toContain("本单位年度目标160.00亿元的约1万倍");
    expect(only(run(unitSlip, form(950300, null, 77.86))).message.zh).toContain("本单位上年同期77.86亿元的约1万倍");
    expect(run(unitSlip, form(95.03, 160, 77.86))).toEqual([]);
  });

  test("when the target is the odd cell, the target is reported, not the 本期", () => {
    const model = buildForm({
      unit: "黔江区",
      fields: [
        { indicator: "contract-amount", measure: "current", value: 95.03 },
        { indicator: "contract-amount", measure: "target", value: 1600000 },
      ],
    });
    const f = only(run(unitSlip, model));
    expect(f).toMatchObject({ cell: "B4", expected: { kind: "figure", value: 160 } });
    expect(f.message.zh).toContain("本单位本期数95.03亿元");
  });

  test("counts have no unit to slip", () => {
    const rows = UNITS_2020.map((n) => [n, 20] as [string, number]);
    rows[3] = [rows[3][0], 200000];
    const model = buildModel({ columns: [{ indicator: "signed-projects", measure: "current" }], rows });
    expect(run(unitSlip, model)).toEqual([]);
  });
});
