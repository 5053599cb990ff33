import { yoySwing } from "../../../src/core/rules";
import { ColSpec, UNITS_2020, buildModel, only, r2, run, validated } from "./build-model";

const withYoy: ColSpec[] = [
  { indicator: "contract-amount", measure: "current", format: "0.00" },
  { indicator: "contract-amount", measure: "previous", format: "0.00" },
  { indicator: "contract-amount", measure: "yoy", format: "0.00%" },
  { indicator: "signed-projects", measure: "current" },
  { indicator: "signed-projects", measure: "previous" },
];

const noYoy: ColSpec[] = [
  { indicator: "funds-in-place", measure: "current", format: "0.00" },
  { indicator: "funds-in-place", measure: "previous", format: "0.00" },
];

describe("yoy-swing (核实性): amounts moving more than 30% against the same period last year", () => {
  test("a 44.44% rise is flagged at the 同比 cell, naming both figures and the threshold", () => {
    const f = only(validated(buildModel({ columns: withYoy, rows: [["渝北区", 130, 90, 0.4444, 20, 18]] }), "yoy-swing"));
    expect(f).toMatchObject({ severity: "verify", cell: "D3", indicator: "contract-amount", unit: "渝北区" });
    expect(f.related).toEqual(["B3", "C3"]);
    expect(f.message.zh).toBe(
      "工作表“汇总”D3（渝北区，正式合同额同比）：同比增长44.44%（本期130.00亿元，上年同期90.00亿元），增减幅度超过30%，请附书面说明变动原因。",
    );
    expect(f.message.en).toContain("up 44.44% year on year");
  });

  test("a fall of more than 30% is flagged as 同比下降", () => {
    const f = only(run(yoySwing, buildModel({ columns: noYoy, rows: [["黔江区", 5.2, 8.14]] })));
    expect(f.cell).toBe("B3");
    expect(f.message.zh).toContain("同比下降36.12%");
  });

  test("without a 同比 column the growth is computed from 本期 and 上年同期 and reported at the 本期 cell", () => {
    const f = only(run(yoySwing, buildModel({ columns: noYoy, rows: [["江津区", 40, 30]] })));
    expect(f.cell).toBe("B3");
    expect(f.message.zh).toContain("（江津区，到位资金本期）：同比增长33.33%（本期40.00亿元，上年同期30.00亿元）");
  });

  test("counts are not amounts: 签约项目数 doubling is not flagged", () => {
    expect(run(yoySwing, buildModel({ columns: withYoy, rows: [["渝北区", 100, 90, 0.1111, 40, 20]] }))).toEqual([]);
  });

  test("exactly 30% is not above the threshold, and rounding of the inputs does not push it over", () => {
    // 13.00 ÷ 10.00 = 30%; 13.004 printed 13.00 over 9.996 printed 10.00 could compute to 30.09%: not beyond doubt.
    expect(run(yoySwing, buildModel({ columns: noYoy, rows: [["江津区", 13, 10]] }))).toEqual([]);
    expect(run(yoySwing, buildModel({ columns: noYoy, rows: [["江津区", 0.13, 0.1]] }))).toEqual([]);
    // 0.14 over 0.10 prints +40%, but 0.135…0.145 over 0.095…0.105 may be +28.6%: not beyond doubt. 0.15 is.
    expect(run(yoySwing, buildModel({ columns: noYoy, rows: [["江津区", 0.14, 0.1]] }))).toEqual([]);
    expect(run(yoySwing, buildModel({ columns: noYoy, rows: [["江津区", 0.15, 0.1]] }))).toHaveLength(1);
  });

  test("not applicable on a base of 0 or below, on a negative or blank 本期, or on total rows", () => {
    const rows = [
      ["全市", 200, 100],
      ["城口县", 5, 0],
      ["丰都县", 5, -2],
      ["忠县", -3.2, 4],
      ["云阳县", null, 4],
    ] as [string, ...(number | null)[]][];
    expect(run(yoySwing, buildModel({ columns: noYoy, rows }))).toEqual([]);
  });

  test("a printed 同比 alone (no 上年同期 column) is read as printed: 45.0 in a column of ×100 figures is 45%", () => {
    const columns: ColSpec[] = [
      { indicator: "contract-amount", measure: "current" },
      { indicator: "contract-amount", measure: "yoy", header: ["正式合同额", "同比（%）"], unit: "%" },
    ];
    const f = only(run(yoySwing, buildModel({ columns, rows: [["渝北区", 130, 45.0], ["江北区", 120, 12.5]] })));
    expect(f.cell).toBe("C3");
    expect(f.message.zh).toContain("同比增长45.00%，增减幅度超过30%");
  });

  test("the threshold is a setting: 50% lets a 44% rise pass, 0 turns the rule off", () => {
    const model = buildModel({ columns: withYoy, rows: [["渝北区", 130, 90, 0.4444, 20, 18]] });
    expect(run(yoySwing, model, { config: { thresholds: { yoySwing: 50 } } })).toEqual([]);
    expect(run(yoySwing, model, { config: { thresholds: { yoySwing: 0 } } })).toEqual([]);
    expect(run(yoySwing, model, { config: { thresholds: { yoySwing: 40 } } })).toHaveLength(1);
  });

  test("a whole city of correctly rounded 亿元 figures growing 5–25% gives no finding", () => {
    const rows = UNITS_2020.map((name, i) => {
      const previous = r2(10 + 3.17 * i);
      const current = r2(previous * (1.05 + (i % 5) * 0.05));
      return [name, current, previous, Math.round((current / previous - 1) * 10000) / 10000, 10, 9] as [string, ...number[]];
    });
    expect(validated(buildModel({ columns: withYoy, rows }), "yoy-swing")).toEqual([]);
  });
});
