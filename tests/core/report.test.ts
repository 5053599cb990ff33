import { ExplainedFinding } from "../../src/core/explanations";
import { Finding, RuleId } from "../../src/core/findings";
import { expectedCell, REPORT_COLUMNS, reportCells, reportRow } from "../../src/core/report";

const finding: Finding = {
  rule: "unit-slip",
  severity: "verify",
  sheet: "1-6月",
  cell: "D22",
  row: 22,
  column: "D",
  unit: "合川区",
  indicator: "contract-amount",
  value: 1260000,
  expected: { kind: "figure", value: 126 },
  message: { zh: "疑似以万元填入亿元列", en: "Suspected 万元 in a 亿元 column" },
};

describe("the 校验结果 report row", () => {
  test("names the severity, rule and indicator as reviewers call them, in the report's language", () => {
    expect(REPORT_COLUMNS.map((c) => c.zh)).toEqual(["严重程度", "规则", "工作表", "单元格", "单位", "指标", "填报值", "应为", "说明", "状态", "核实说明"]);
    expect(reportRow(finding, "zh")).toEqual([
      "核实性",
      "疑似单位错填（万元/亿元）",
      "1-6月",
      "D22",
      "合川区",
      "正式合同额",
      1260000,
      126,
      "疑似以万元填入亿元列",
      "未说明",
      "",
    ]);
    expect(reportRow(finding, "en").slice(0, 2)).toEqual(["Verify", "Suspected unit slip (万元/亿元)"]);
  });

  test("a sheet-level finding has an empty cell; an unknown rule id is shown as it is", () => {
    const row = reportRow({ ...finding, rule: "from-a-newer-tool" as RuleId, cell: null, value: null, expected: undefined }, "zh");
    expect(row[1]).toBe("from-a-newer-tool");
    expect(row[3]).toBe("");
    expect(row[6]).toBe("");
    expect(row[7]).toBe("");
  });
});

describe("状态 and 核实说明", () => {
  test("a 核实性 finding is 未说明 until explained, then 已说明 with the explanation beside it", () => {
    const explained: ExplainedFinding = {
      ...finding,
      explanation: { sheet: "1-6月", cell: "D22", rule: "unit-slip", text: "含重大项目长安汽车新能源基地，已核对合同原件" },
    };
    expect(reportRow(explained, "zh").slice(9)).toEqual(["已说明", "含重大项目长安汽车新能源基地，已核对合同原件"]);
    expect(reportRow(explained, "en")[9]).toBe("Explained");
    expect(reportRow(finding, "en")[9]).toBe("Not explained");
  });

  test("强制性 and 提示性 findings have no explanation to give: —", () => {
    expect(reportRow({ ...finding, severity: "error" }, "zh")[9]).toBe("—");
    expect(reportRow({ ...finding, severity: "info" }, "zh")[9]).toBe("—");
  });
});

describe("figures as the sheet prints them", () => {
  const rate: Finding = {
    ...finding,
    rule: "rate-mismatch",
    cell: "F8",
    indicator: "contract-amount",
    value: 0.1189,
    valueFormat: "0.00%",
    expected: { kind: "figure", value: 0.593938 },
  };

  test("a rate keeps its % format; 应为 is rounded to the same printed precision (59.39%, not 0.593938)", () => {
    const cells = reportCells(rate, "zh");
    expect(cells[6]).toEqual({ value: 0.1189, format: "0.00%" });
    expect(cells[7]).toEqual({ value: 0.5939, format: "0.00%" });
  });

  test("a total's 应为 is the sum at the column's decimals, not the tolerance range (2813.67, not 2813.475 ~ 2813.865)", () => {
    const total: Finding = { ...finding, rule: "total-mismatch", value: 2812.37, valueFormat: "0.00", expected: { kind: "sum", value: 2813.67, tolerance: 0.195 } };
    expect(expectedCell(total)).toEqual({ value: 2813.67, format: "0.00" });
    // Without a number format the figure's own decimals decide, and the format says so.
    expect(expectedCell({ ...total, valueFormat: undefined, value: 2812.4 })).toEqual({ value: 2813.67, format: "0.00" });
  });

  test("other ranges are text at the printed precision: an outlier's span, a part's ceiling", () => {
    const outlier: Finding = { ...finding, rule: "outlier", value: 310.5, valueFormat: "0.00", expected: { kind: "range", min: 12.3, max: 45.678 } };
    expect(expectedCell(outlier)).toEqual({ value: "12.30 ~ 45.68", format: null });
    const part: Finding = { ...finding, rule: "part-exceeds-whole", value: 0.62, valueFormat: "0.0%", expected: { kind: "at-most", max: 0.5 } };
    expect(expectedCell(part)).toEqual({ value: "≤50.0%", format: null });
  });

  test("bounds and names read as a reviewer writes them: ≥45.0% behind schedule, ≥0, the likely unit", () => {
    expect(expectedCell({ ...finding, rule: "behind-schedule", expected: { kind: "at-least", min: 45, percent: true } }).value).toBe("≥45.0%");
    expect(expectedCell({ ...finding, rule: "negative-value", expected: { kind: "at-least", min: 0, percent: false } }).value).toBe("≥0");
    expect(expectedCell({ ...finding, rule: "unknown-unit", value: "壁山区", expected: { kind: "name", name: "璧山区" } })).toEqual({ value: "璧山区", format: null });
  });

  test("text stays text: a figure typed as text, an expected '—'", () => {
    const cells = reportCells({ ...finding, rule: "rate-mismatch", value: "约95.1", expected: { kind: "no-rate" } }, "zh");
    expect(cells[6]).toEqual({ value: "约95.1", format: null });
    expect(cells[7]).toEqual({ value: "—", format: null });
  });
});
