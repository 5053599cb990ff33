import { negativeValue } from "../../../src/core/rules";
import { buildModel, only, run, validated } from "./build-model";

const columns = [
  { indicator: "contract-amount" as const, measure: "current" as const },
  { indicator: "contract-amount" as const, measure: "yoy" as const },
  { indicator: "signed-projects" as const, measure: "current" as const },
  { indicator: "contract-amount" as const, measure: "pace" as const },
];

describe("negative-value (强制性)", () => {
  test("同比 and the gap to time progress may be negative", () => {
    expect(run(negativeValue, buildModel({ columns, rows: [["黔江区", 95.03, -12.5, 29, -7.9]] }))).toEqual([]);
  });

  test.each([
    [[-95.03, 1, 29, 0], "B3", "contract-amount"],
    [[95.03, 1, -3, 0], "D3", "signed-projects"],
    [["-3.2", 1, 29, 0], "B3", "contract-amount"],
  ])("%p: a negative figure of an indicator that cannot be negative", (values, cell, indicator) => {
    const f = only(validated(buildModel({ columns, rows: [["黔江区", ...values]] }), "negative-value"));
    expect(f).toMatchObject({ severity: "error", cell, indicator, expected: { kind: "at-least", min: 0, percent: false } });
    expect(f.message.zh).toContain("为负数；该指标不能为负");
  });

  test("a negative 完成率 or 占比 beside a negative 本期 is reported once, at the 本期", () => {
    const derived = [
      { indicator: "funds-in-place" as const, measure: "current" as const },
      { indicator: "funds-in-place" as const, measure: "completion" as const },
      { indicator: "funds-in-place" as const, measure: "share" as const },
    ];
    const findings = run(negativeValue, buildModel({ columns: derived, rows: [["丰都县", -3.2, -0.0337, -0.0011]] }));
    expect(findings.map((f) => f.cell)).toEqual(["B3"]);
  });
});
