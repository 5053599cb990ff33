import { checkSubmissions, sortFindings, Submission, validate } from "../../src/core/engine";
import { compareFindings, Finding, RuleId, SEVERITIES, summarize } from "../../src/core/findings";
import { SheetModel } from "../../src/core/sheet/types";
import { TargetTable } from "../../src/core/targets";
import { seededRandom } from "./indicators/helpers";
import { buildForm, buildModel, deepFreeze, r2, UNITS_2020 } from "./rules/build-model";

/** A sheet with a bit of everything: duplicates, a typo, text, a slip, a rate that does not add up. */
function messySheet(): SheetModel {
  const rows: [string, ...(number | string | null)[]][] = UNITS_2020.map((n, i) => [
    n,
    r2(40 + 1.37 * i),
    100,
    r2(((40 + 1.37 * i) / 100) * 100),
  ]);
  rows[16] = ["壁山区", 52.1, 100, 52.1];
  rows[7] = ["渝北区", 389760, 100, 60];
  rows[32] = ["黔江区", "约95.1", 160, 80];
  rows.push(["渝北 ", 800, 800, 100]);
  return buildModel({
    columns: [
      { indicator: "contract-amount", measure: "current" },
      { indicator: "contract-amount", measure: "target" },
      { indicator: "contract-amount", measure: "completion" },
    ],
    rows: [["全市", 10842, 18500, 58.6], ...rows],
    footer: ["填表人：张三  联系电话：023-12345678"],
  });
}

describe("validate", () => {
  test("findings come sorted (compareFindings) with their summary and the mapping echoed", () => {
    const model = messySheet();
    const result = validate(model, null);
    expect(result.findings.length).toBeGreaterThan(5);
    expect(result.findings).toEqual([...result.findings].sort(compareFindings));
    expect(result.summary).toEqual(summarize(result.findings));
    expect(result.summary.error).toBeGreaterThan(0);
    expect(result.mapping).toEqual(model.columns);
    expect(result.sheet).toBe("汇总");
    expect(result.preset).toBe("chongqing-2020");
    expect(result.period).toEqual({ year: 2022, startMonth: 1, endMonth: 6, label: "2022年1-6月" });
    const rules = new Set(result.findings.map((f) => f.rule));
    for (const id of [
      "duplicate-unit",
      "unknown-unit",
      "text-number",
      "unit-slip",
      "rate-mismatch",
      "total-mismatch",
    ] as RuleId[])
      expect(rules).toContain(id);
  });

  test("is pure: a deep-frozen model validates, and gives the same findings as an unfrozen one", () => {
    const plain = validate(messySheet(), null);
    const frozen = deepFreeze(messySheet());
    expect(validate(frozen, null)).toEqual(plain);
  });

  test("does not change the model it is given", () => {
    const model = messySheet();
    const before = JSON.stringify(model);
    validate(model, null, { year: 2026 });
    expect(JSON.stringify(model)).toBe(before);
  });

  test("is deterministic", () => {
    const model = messySheet();
    expect(validate(model, null)).toEqual(validate(model, null));
  });

  test.each([
    ["2022年1—6月全市招商引资主要指标完成情况表", {}, "chongqing-2020"],
    ["2026年1—3月全市招商引资主要指标完成情况表", {}, "chongqing-2026"],
    ["1—6月全市招商引资主要指标完成情况表", {}, "chongqing-2020"],
    ["1—6月全市招商引资主要指标完成情况表", { year: 2026 }, "chongqing-2026"],
    ["2022年1—6月全市招商引资主要指标完成情况表", { preset: "chongqing-2026" }, "chongqing-2026"],
  ])("preset for %p with %p is %p", (title, config, preset) => {
    const model = buildModel({
      title,
      columns: [{ indicator: "contract-amount", measure: "current" }],
      rows: [["黔江区", 1]],
    });
    expect(validate(model, null, config).preset).toBe(preset);
  });

  test("an unknown preset id is an error of the caller", () => {
    const model = buildModel({
      columns: [{ indicator: "contract-amount", measure: "current" }],
      rows: [["黔江区", 1]],
    });
    expect(() => validate(model, null, { preset: "nowhere" })).toThrow(/Unknown preset/);
  });

  test("config.year and config.months fill the period a title leaves out", () => {
    const model = buildModel({
      title: "全市招商引资主要指标",
      columns: [{ indicator: "contract-amount", measure: "current" }],
      rows: [["黔江区", 1]],
    });
    expect(validate(model, null).period).toBeNull();
    expect(validate(model, null, { year: 2023, months: 9 }).period).toEqual({
      year: 2023,
      startMonth: 1,
      endMonth: 9,
      label: "2023年1-9月",
    });
    const noYear = buildModel({
      title: "1-6月招商引资",
      columns: [{ indicator: "contract-amount", measure: "current" }],
      rows: [["黔江区", 1]],
    });
    expect(validate(noYear, null, { year: 2023 }).period?.label).toBe("2023年1-6月");
  });

  test("configuration values that name no date are ignored rather than thrown on", () => {
    const model = buildModel({
      title: "全市招商引资主要指标",
      columns: [{ indicator: "contract-amount", measure: "current" }],
      rows: [["黔江区", 1]],
    });
    const result = validate(model, null, { year: 22, months: 13 });
    expect(result.preset).toBe("chongqing-2020");
    expect(result.period).toBeNull();
  });

  test("a targets table given replaces the sheet's own target columns for no-target", () => {
    const model = buildModel({
      columns: [
        { indicator: "contract-amount", measure: "current" },
        { indicator: "contract-amount", measure: "target" },
      ],
      rows: [["黔江区", 95.03, "-"]],
    });
    expect(validate(model, null).findings.map((f) => f.rule)).toEqual(["no-target"]);
    const targets: TargetTable = {
      source: "目标",
      byUnit: new Map([["qianjiang", { "contract-amount": { value: 160, raw: 160, sheet: "目标", cell: "B2" } }]]),
    };
    expect(validate(model, targets).findings).toEqual([]);
  });
});

describe("sortFindings", () => {
  test("orders exactly as compareFindings", () => {
    const random = seededRandom(11);
    const rules: RuleId[] = [
      "outlier",
      "unit-slip",
      "unknown-unit",
      "duplicate-unit",
      "rate-mismatch",
      "total-mismatch",
      "no-target",
    ];
    const columns = [null, "A", "B", "Z", "AA", "AB", "BA"];
    const findings: Finding[] = Array.from({ length: 500 }, () => {
      const column = columns[Math.floor(random() * columns.length)];
      const row = random() < 0.1 ? null : 1 + Math.floor(random() * 20);
      return {
        rule: rules[Math.floor(random() * rules.length)],
        severity: SEVERITIES[Math.floor(random() * 3)],
        sheet: "s",
        cell: column && row ? `${column}${row}` : null,
        row,
        column,
        unit: null,
        indicator: null,
        value: null,
        message: { zh: "", en: "" },
      };
    });
    expect(sortFindings([...findings])).toEqual([...findings].sort(compareFindings));
  });
});

describe("checkSubmissions", () => {
  const form = (file: string, unit: string): Submission => {
    const model = buildForm({
      unit,
      sheet: "报表",
      fields: [{ indicator: "contract-amount", measure: "current", value: 1 }],
    });
    return { file, sheet: "报表", model, result: validate(model, null) };
  };

  test("the same unit in two files is 强制性, each finding naming the other file", () => {
    const findings = checkSubmissions([
      form("黔江.xlsx", "黔江区"),
      form("渝北-1.xlsx", "渝北区"),
      form("渝北-2.xlsx", "渝北"),
    ]);
    const duplicates = findings.filter((f) => f.rule === "duplicate-submission");
    expect(duplicates.map((f) => [f.severity, f.file, f.unit, f.cell, f.related])).toEqual([
      ["error", "渝北-1.xlsx", "渝北区", "B2", ["'[渝北-2.xlsx]报表'!B2"]],
      ["error", "渝北-2.xlsx", "渝北区", "B2", ["'[渝北-1.xlsx]报表'!B2"]],
    ]);
    expect(duplicates[0].message.zh).toBe(
      "文件“渝北-1.xlsx”工作表“报表”与文件“渝北-2.xlsx”工作表“报表”重复报送渝北区的数据，请确认以哪一份为准并撤回另一份。",
    );
  });

  test("five hundred copies of one form give messages of a few hundred characters that name three files and count the rest", () => {
    const copies = Array.from({ length: 500 }, (_, i) => form(`渝北-第${i + 1}份.xlsx`, "渝北区"));
    const duplicates = checkSubmissions(copies).filter((f) => f.rule === "duplicate-submission");
    expect(duplicates).toHaveLength(500);
    for (const f of duplicates) {
      expect(f.message.zh.length).toBeLessThan(300);
      expect(f.message.en.length).toBeLessThan(300);
      expect(f.related).toHaveLength(499);
    }
    expect(duplicates[0].message.zh).toContain("文件“渝北-第4份.xlsx”工作表“报表”等499份报表重复报送渝北区的数据");
    expect(duplicates[0].message.en).toContain('and 496 more submission(s) both submit 渝北区');
  });

  test("a batch of most units: the absent ones are ONE 核实性 finding listing them (missing-submission)", () => {
    const sent = UNITS_2020.filter((n) => n !== "城口县" && n !== "巫溪县").map((n) => form(`${n}.xlsx`, n));
    const missing = checkSubmissions(sent).filter((f) => f.rule === "missing-submission");
    expect(missing.map((f) => [f.severity, f.cell, f.unit])).toEqual([["verify", null, null]]);
    expect(missing[0].message.zh).toContain("本批39份报表中没有以下2个单位的报表：城口县、巫溪县，请核实是否漏报或迟报。");
  });

  test("a batch of two district forms is a partial batch: one 提示 naming what was checked, not 39 lines", () => {
    const findings = checkSubmissions([form("黔江.xlsx", "黔江区"), form("璧山.xlsx", "壁山区")]);
    const missing = findings.filter((f) => f.rule === "missing-submission");
    expect(missing.map((f) => f.severity)).toEqual(["info"]);
    // A misspelt name was still a submission from 璧山区: its own sheet reports the typo.
    expect(missing[0].message.zh).toContain("本批只有2份报表，来自2个单位（黔江区、壁山区），按部分单位校验；名单中其余39个单位没有报表");
  });

  test("files that could not be read are listed as not checked, and the unit their name gives is not called missing", () => {
    const sent = UNITS_2020.filter((n) => n !== "城口县" && n !== "黔江区").map((n) => form(`${n}.xlsx`, n));
    const unchecked = [
      { file: "报送/黔江区1-6月.et", reason: { zh: "WPS 表格 .et 格式，未能读取", en: "a WPS .et workbook, not read" } },
      { file: "报送/汇总说明.csv", reason: { zh: "CSV 文件，未能读取", en: "a CSV file, not read" } },
    ];
    const missing = checkSubmissions(sent, {}, undefined, unchecked).filter((f) => f.rule === "missing-submission");
    expect(missing.map((f) => f.unit)).toEqual(["城口县"]);
    expect(missing[0].message.zh).toContain("没有以下1个单位的报表：城口县");
    expect(missing[0].message.zh).toContain(
      "另有2份文件未检查，其单位未计为漏报：报送/黔江区1-6月.et（按文件名为黔江区）：WPS 表格 .et 格式，未能读取；报送/汇总说明.csv：CSV 文件，未能读取。",
    );
  });

  test("with onlyPresentUnits the absent units are one 提示 count, not a 核实性 finding", () => {
    const sent = UNITS_2020.filter((n) => n !== "城口县").map((n) => form(`${n}.xlsx`, n));
    const missing = checkSubmissions(sent, { onlyPresentUnits: true }).filter((f) => f.rule === "missing-submission");
    expect(missing.map((f) => [f.severity, f.unit])).toEqual([["info", "城口县"]]);
  });

  test("all 41 submitted: nothing missing", () => {
    expect(checkSubmissions(UNITS_2020.map((n, i) => form(`${i}.xlsx`, n)))).toEqual([]);
  });

  test("with a whole-city table in the batch nothing is reported missing, and the table is not a duplicate", () => {
    const city = buildModel({
      columns: [{ indicator: "contract-amount", measure: "current" }],
      rows: [
        ["全市", 3],
        ["黔江区", 1],
        ["渝北区", 2],
      ],
    });
    const batch = [
      form("黔江.xlsx", "黔江区"),
      { file: "全市.xlsx", sheet: "汇总", model: city, result: validate(city, null) },
    ];
    expect(checkSubmissions(batch)).toEqual([]);
  });

  test("an empty batch has nothing to say", () => {
    expect(checkSubmissions([])).toEqual([]);
  });
});
