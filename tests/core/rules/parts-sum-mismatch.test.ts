import { partsSumMismatch } from "../../../src/core/rules";
import { buildModel, only, run, validated } from "./build-model";

const columns = [
  { indicator: "signed-projects" as const, measure: "current" as const },
  { indicator: "formal-contract-projects" as const, measure: "current" as const },
  { indicator: "framework-projects" as const, measure: "current" as const },
];

describe("parts-sum-mismatch (核实性)", () => {
  test("黔江 2022 上半年 as printed: 签约29个, 正式合同20个 + 框架协议8个 = 28个", () => {
    const f = only(validated(buildModel({ columns, rows: [["黔江区", 29, 20, 8]] }), "parts-sum-mismatch"));
    expect(f).toMatchObject({
      severity: "verify",
      cell: "B3",
      unit: "黔江区",
      value: 29,
      expected: { kind: "figure", value: 28 },
      related: ["C3", "D3"],
    });
    expect(f.message.zh).toBe(
      "工作表“汇总”B3（黔江区，签约项目数本期）：签约项目数本期29个，但正式合同项目数本期20个＋框架协议项目数本期8个＝28个，少1个，请核实。",
    );
    expect(f.message.en).toContain("= 28 个, 1 个 less");
  });

  test("parts that add up pass", () => {
    expect(
      run(
        partsSumMismatch,
        buildModel({
          columns,
          rows: [
            ["黔江区", 28, 20, 8],
            ["渝北区", 0, 0, 0],
          ],
        }),
      ),
    ).toEqual([]);
  });

  test("a part left blank means the split was not reported", () => {
    expect(run(partsSumMismatch, buildModel({ columns, rows: [["黔江区", 29, 20, null]] }))).toEqual([]);
  });

  test("the same measure: 上年同期 parts against the 上年同期 whole", () => {
    const previous = columns.map((c) => ({ ...c, measure: "previous" as const }));
    const f = only(
      run(
        partsSumMismatch,
        buildModel({ columns: [...columns, ...previous], rows: [["黔江区", 28, 20, 8, 25, 20, 8]] }),
      ),
    );
    expect(f.cell).toBe("E3");
  });
});
