/*
 * Findings as data (issue 10 §3): every rule states its numbers in Finding.details, keyed by rule, so that a script
 * reads the total, the sum, the gap and the tolerance without parsing the message's Chinese.
 */
import { checkSubmissions, Submission, validate } from "../../../src/core/engine";
import { partsSumMismatch, rateMismatch, totalMismatch, unitSlip } from "../../../src/core/rules";
import { buildForm, buildModel, cityAmounts, fullRun, only, r2, run, testRegistry, validated } from "./build-model";

describe("a finding's details", () => {
  test("a unit slip states the value it suggests, in the column's unit, and what it was compared with", () => {
    const f = only(validated(cityAmounts({ edit: (rows) => (rows[7] = ["渝北区", 389760]) }), "unit-slip"));
    expect(f.details).toMatchObject({
      rule: "unit-slip",
      direction: "high",
      typedUnit: "万元",
      suggested: { value: 38.98, unit: "亿元" },
      reference: "median",
      referenceValue: { unit: "亿元" },
    });
    expect(run(unitSlip, cityAmounts())).toEqual([]);
  });

  test("a total states the total, the units' sum over how many units, the gap and the rounding tolerance", () => {
    const registry = testRegistry(41);
    const rows: [string, number][] = Array.from({ length: 41 }, (_, i) => [`测试${i + 1}区`, r2(20.13 + 3.07 * i)]);
    const sum = r2(rows.reduce((s, r) => s + r[1], 0));
    const amount = [{ indicator: "contract-amount" as const, measure: "current" as const }];
    const within = only(run(totalMismatch, buildModel({ columns: amount, rows: [["全市", r2(sum + 0.21)], ...rows], registry }), { registry }));
    expect(within.details).toEqual({
      rule: "total-mismatch",
      kind: "rounding",
      aggregate: { kind: "total", label: "全市", group: null },
      unit: "亿元",
      decimals: 2,
      total: r2(sum + 0.21),
      sum,
      units: 41,
      difference: -0.21,
      tolerance: 0.21,
      zonesLeftOut: [],
      minDecimals: 2,
      maxDecimals: 2,
      totalDecimals: 2,
    });
    const beyond = only(run(totalMismatch, buildModel({ columns: amount, rows: [["全市", r2(sum - 1.5)], ...rows], registry }), { registry }));
    expect(beyond.details).toMatchObject({ kind: "gap", total: r2(sum - 1.5), sum, difference: 1.5, tolerance: 0.21, totalSlip: null, slips: null, unread: [] });
  });

  test("parts that do not add up state the whole, each part with its cell, the sum and the difference (counts are exact)", () => {
    const columns = [
      { indicator: "signed-projects" as const, measure: "current" as const },
      { indicator: "formal-contract-projects" as const, measure: "current" as const },
      { indicator: "framework-projects" as const, measure: "current" as const },
    ];
    const f = only(run(partsSumMismatch, buildModel({ columns, rows: [["黔江区", 29, 20, 8]] })));
    expect(f.details).toEqual({
      rule: "parts-sum-mismatch",
      measure: "current",
      total: { value: 29, unit: "个" },
      parts: [
        { indicator: "formal-contract-projects", value: { value: 20, unit: "个" }, cell: "C3" },
        { indicator: "framework-projects", value: { value: 8, unit: "个" }, cell: "D3" },
      ],
      sum: { value: 28, unit: "个" },
      difference: { value: 1, unit: "个" },
      tolerance: { value: 0, unit: "个" },
    });
  });

  test("a rate states the reported and the recomputed rate in %, the gap in 个百分点 and both inputs with their cells", () => {
    const columns = [
      { indicator: "contract-amount" as const, measure: "current" as const },
      { indicator: "contract-amount" as const, measure: "target" as const },
      { indicator: "contract-amount" as const, measure: "completion" as const },
    ];
    const f = only(run(rateMismatch, buildModel({ columns, rows: [["黔江区", 95.03, 160, 80]] })));
    expect(f.details).toEqual({
      rule: "rate-mismatch",
      kind: "mismatch",
      rate: "completion",
      reported: 80,
      reportedDecimals: 0,
      expected: 59.39,
      expectedDecimals: 2,
      difference: 20.60625,
      numerator: { indicator: "contract-amount", measure: "current", value: { value: 95.03, unit: "亿元" }, cell: "B3" },
      denominator: { indicator: "contract-amount", measure: "target", value: { value: 160, unit: "亿元" }, cell: "C3", label: null },
      timeProgress: null,
    });
  });

  test("every finding of a messy city table has details of its own rule", () => {
    const model = cityAmounts({
      edit: (rows) => {
        rows[7] = ["渝北区", 389760];
        rows[3] = ["壁山区", -5];
        rows[5] = rows[4];
      },
    });
    const findings = fullRun(model).findings;
    expect(findings.length).toBeGreaterThan(3);
    for (const f of findings) expect(f.details?.rule).toBe(f.rule);
  });

  test("cross-file findings state the unit and the other submissions, or the units with none", () => {
    const form = (file: string, unit: string): Submission => {
      const model = buildForm({ unit, sheet: "报表", fields: [{ indicator: "contract-amount", measure: "current", value: 1 }] });
      return { file, sheet: "报表", model, result: validate(model, null) };
    };
    const findings = checkSubmissions([form("黔江.xlsx", "黔江区"), form("渝北-1.xlsx", "渝北区"), form("渝北-2.xlsx", "渝北")]);
    expect(findings.find((f) => f.rule === "duplicate-submission")?.details).toEqual({
      rule: "duplicate-submission",
      unit: "渝北区",
      submission: { file: "渝北-1.xlsx", sheet: "报表" },
      others: [{ file: "渝北-2.xlsx", sheet: "报表" }],
    });
    expect(findings.find((f) => f.rule === "missing-submission")?.details).toMatchObject({
      rule: "missing-submission",
      scope: "partial",
      submitted: ["渝北区", "黔江区"],
      files: 3,
      unchecked: [],
      preset: "chongqing-2020",
    });
  });
});
