import { Finding, RuleId } from "../../src/core/findings";
import { REPORT_COLUMNS, reportRow } from "../../src/core/report";

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
  expected: 126,
  message: { zh: "疑似以万元填入亿元列", en: "Suspected 万元 in a 亿元 column" },
};

describe("the 校验结果 report row", () => {
  test("names the severity, rule and indicator as reviewers call them, in the report's language", () => {
    expect(REPORT_COLUMNS.map((c) => c.zh)).toEqual(["严重程度", "规则", "工作表", "单元格", "单位", "指标", "填报值", "应为", "说明"]);
    expect(reportRow(finding, "zh")).toEqual(["核实性", "疑似单位错填（万元/亿元）", "1-6月", "D22", "合川区", "正式合同额", 1260000, 126, "疑似以万元填入亿元列"]);
    expect(reportRow(finding, "en").slice(0, 2)).toEqual(["Verify", "Suspected unit slip (万元/亿元)"]);
  });

  test("a sheet-level finding has an empty cell; a range is written min ~ max; an unknown rule id is shown as it is", () => {
    const row = reportRow({ ...finding, rule: "from-a-newer-tool" as RuleId, cell: null, value: null, expected: { min: 0, max: 1 } }, "zh");
    expect(row[1]).toBe("from-a-newer-tool");
    expect(row[3]).toBe("");
    expect(row[6]).toBe("");
    expect(row[7]).toBe("0 ~ 1");
  });
});
