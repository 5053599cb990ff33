import { duplicateUnit } from "../../../src/core/rules";
import { TargetTable } from "../../../src/core/targets";
import { buildModel, fullRun, run, UNITS_2020, validated } from "./build-model";

const columns = [{ indicator: "contract-amount" as const, measure: "current" as const }];

describe("duplicate-unit (强制性)", () => {
  test("41 distinct units pass", () => {
    const model = buildModel({ columns, rows: UNITS_2020.map((n, i) => [n, 10 + i]) });
    expect(run(duplicateUnit, model)).toEqual([]);
  });

  test("渝北, 渝北区 and '渝北区 ' are one unit: every row is reported and names the others", () => {
    const model = buildModel({
      columns,
      rows: [
        ["黔江区", 95.03],
        ["渝北", 800],
        ["渝北区", 799],
        ["渝北区 ", 801],
      ],
    });
    const findings = validated(model, "duplicate-unit");
    expect(findings.map((f) => [f.severity, f.cell, f.unit, f.value])).toEqual([
      ["error", "A4", "渝北区", "渝北"],
      ["error", "A5", "渝北区", "渝北区"],
      ["error", "A6", "渝北区", "渝北区 "],
    ]);
    expect(findings.map((f) => f.related)).toEqual([
      ["A5", "A6"],
      ["A4", "A6"],
      ["A4", "A5"],
    ]);
    expect(findings[0].message.zh).toContain("工作表“汇总”A4");
    expect(findings[0].message.zh).toContain("与A5“渝北区”、A6“渝北区”重复（均为渝北区）");
    expect(findings[0].message.en).toContain('duplicates A5 "渝北区", A6 "渝北区"');
  });

  test("a former name and the current name are the same unit (开县, 开州区)", () => {
    const model = buildModel({
      columns,
      rows: [
        ["开县", 1],
        ["开州区", 2],
      ],
    });
    expect(run(duplicateUnit, model).map((f) => f.cell)).toEqual(["A3", "A4"]);
  });

  test("unknown labels are compared without spaces", () => {
    const model = buildModel({
      columns,
      rows: [
        ["某某新区", 1],
        ["某某 新区", 2],
        ["另一新区", 3],
      ],
    });
    const findings = run(duplicateUnit, model);
    expect(findings.map((f) => f.cell)).toEqual(["A3", "A4"]);
    expect(findings[0].unit).toBe("某某新区");
  });

  test("total rows are not units: two 合计 rows are not a duplicate unit", () => {
    const model = buildModel({
      columns,
      rows: [
        ["全市", 3],
        ["黔江区", 1],
        ["渝北区", 2],
        ["合计", 3],
      ],
    });
    expect(run(duplicateUnit, model)).toEqual([]);
  });

  test("a unit repeated many times names the first ten others and counts the rest", () => {
    const model = buildModel({ columns, rows: Array.from({ length: 15 }, (_, i) => ["渝北区", i]) });
    const findings = run(duplicateUnit, model);
    expect(findings).toHaveLength(15);
    for (const f of findings) expect(f.related).toHaveLength(10);
    expect(findings[14].related).toEqual(["A3", "A4", "A5", "A6", "A7", "A8", "A9", "A10", "A11", "A12"]);
    expect(findings[14].message.zh).toContain("等另4处重复");
    expect(findings[0].related).not.toContain("A3");
    expect(findings[0].message.zh).toContain("等另4处重复");
  });

  test("a duplicated row does not inherit the other row's target: no knock-on completion findings, no 'no target'", () => {
    // 沙坪坝区's row carries 渝北区's name (with a stray space); both rows would be measured against 渝北区's 450.
    const model = buildModel({
      columns: [
        { indicator: "contract-amount", measure: "current" },
        { indicator: "contract-amount", measure: "completion", format: "0.0%" },
      ],
      rows: [
        ["渝中区", 120.5, 0.602],
        ["渝北区 ", 95.2, 0.476],
        ["渝北区", 262.8, 0.584],
      ],
    });
    const entry = (value: number, cell: string) => ({ "contract-amount": { value, raw: value, sheet: "目标", cell } });
    const targets: TargetTable = {
      source: "2022年目标",
      byUnit: new Map([
        ["yuzhong", entry(200, "B3")],
        ["shapingba", entry(200, "B6")],
        ["yubei", entry(450, "B9")],
      ]),
    };
    const findings = fullRun(model, { targets }).findings.filter((f) => f.rule !== "missing-unit");
    expect(findings.map((f) => `${f.rule} ${f.cell}`)).toEqual(["duplicate-unit A4", "duplicate-unit A5"]);
  });
});
