import { CellValue } from "../../../src/core/numbers";
import { SheetGrid } from "../../../src/core/sheet/types";
import { QIANJIANG_ROWS, qianjiangForm } from "../forms";
import { audit } from "./helpers";
import { CITY_ROWS, CityRow, cityGrid } from "./sheets";

function withRow(unit: string, change: Partial<CityRow>): CityRow[] {
  return CITY_ROWS.map((r) => (r.unit === unit ? { ...r, ...change } : r));
}

/** A 1–6月 table of 正式合同额 with its 工业 and 制造业 parts, each printed to 2 decimals. */
function partsGrid(rows: [string, number, number, number][]): SheetGrid {
  const values: CellValue[][] = [
    ["2022年1—6月招商引资合同额情况表"],
    ["单位", "正式合同额（亿元）", "工业合同额（亿元）", "制造业合同额（亿元）"],
    ...rows,
  ];
  return { name: "合同额", values, numberFormats: values.map((_, i) => (i < 2 ? [] : [null, "0.00", "0.00", "0.00"])) };
}

describe("comparing at printed precision", () => {
  test("`=` without tolerance allows the rounding of its operands: 10.01 = 6.67 + 3.33 (sum 10.00) holds", () => {
    expect(audit(partsGrid([["渝中区", 10.01, 6.67, 3.33]]), "[核实性] 正式合同额 = 工业合同额 + 制造业合同额")).toEqual([]);
  });

  test("`=` without tolerance: a gap larger than the rounding (10.05 against 10.00) is a finding", () => {
    const found = audit(partsGrid([["渝中区", 10.05, 6.67, 3.33]]), "[核实性] 正式合同额 = 工业合同额 + 制造业合同额");
    expect(found).toHaveLength(1);
    expect(found[0].message.zh).toContain("（左边 10.05亿元，右边 10.00亿元）");
  });

  test("`= … ± tol` uses the tolerance given: one project off passes with ± 1, two do not", () => {
    const rule = "[核实性] 签约项目数 = 正式合同项目数 + 框架协议项目数 ± 1";
    expect(audit(cityGrid(withRow("黔江区", { signed: 30 })), rule)).toEqual([]);
    expect(audit(cityGrid(withRow("黔江区", { signed: 31 })), rule)).toHaveLength(1);
  });

  test("`<=` does not flag a part printed equal to its whole (59.47 ≤ 59.47 at 2 decimals)", () => {
    expect(audit(partsGrid([["渝中区", 59.47, 59.47, 0]]), "[强制性] 工业合同额 <= 正式合同额")).toEqual([]);
  });
});

describe("names, functions and logic", () => {
  test("a synonym reads the same column: 合同额 >= 工业合同额 finds what 正式合同额 >= 工业正式合同额 finds", () => {
    const grid = cityGrid(withRow("渝中区", { industrial: 50 }));
    const a = audit(grid, "[强制性] 合同额 >= 工业合同额");
    const b = audit(grid, "[强制性] 正式合同额 >= 工业正式合同额");
    expect(a.map((f) => f.cell)).toEqual(["E6"]);
    expect(b.map((f) => f.cell)).toEqual(["E6"]);
  });

  test("abs(同比(x)): a fall of 40% is as much a swing as a rise of 40%", () => {
    const found = audit(cityGrid(withRow("黔江区", { funds: 6.12 })), "[核实性] abs(同比(到位资金)) <= 30%");
    expect(found).toHaveLength(1);
    expect(found[0].message.zh).toContain("（左边 40.0%，右边 30.0%）");
  });

  test("年度目标(x) and 上年同期(x) read the row's own columns", () => {
    const found = audit(cityGrid(), "[提示性] 正式合同额 >= 年度目标(正式合同额) * 60%\n[提示性] 到位资金 >= 上年同期(到位资金) * 1.2");
    // 渝中 45.20 of 80 (56.5%) and 黔江 95.03 of 160 (59.4%) are below 60%; 璧山 120.50 of 200 is not.
    // 渝中 20.14 < 17.50 × 1.2 = 21.00; 黔江 12.59 ≥ 12.24 and 璧山 60.25 ≥ 57.96 hold.
    expect(found.map((f) => [f.cell, f.severity])).toEqual([
      ["E6", "info"],
      ["I6", "info"],
      ["E7", "info"],
    ]);
  });

  test("且 fails when either side fails; 或 holds when either side holds", () => {
    const grid = cityGrid(withRow("黔江区", { funds: 14 }));
    expect(audit(grid, "[核实性] 到位资金 <= 正式合同额 或 同比(到位资金) <= 30%")).toEqual([]);
    const found = audit(grid, "[核实性] 到位资金 <= 正式合同额 且 同比(到位资金) <= 30%");
    expect(found).toHaveLength(1);
    expect(found[0].message.zh).toContain("“同比(到位资金) <= 30%”（左边 37.3%，右边 30.0%）");
  });

  test("a blank cell or a zero base makes the rule not apply to that row: no finding, no guess", () => {
    const blank = cityGrid();
    blank.values[6][8] = "—";
    expect(audit(blank, "[核实性] 到位资金 >= 100")).toHaveLength(2);
    expect(audit(cityGrid(withRow("渝中区", { fundsLastYear: 0 })), "[核实性] 同比(到位资金) <= 0%")).toHaveLength(2);
  });

  test("rules are checked on unit rows, not on the 全市 row", () => {
    const found = audit(cityGrid(), "[提示性] 签约项目数 < 20");
    expect(found.map((f) => f.unit)).toEqual(["黔江区"]);
  });
});

describe("rules the sheet cannot evaluate are skipped once", () => {
  test("an indicator the sheet lacks: one 提示 naming it, whatever the number of rows", () => {
    const found = audit(cityGrid(), "[核实性] 实际使用外资 >= 0\n[核实性] 到位资金 >= 0");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ rule: "audit-rule-skipped", severity: "info", cell: null });
    expect(found[0].message.zh).toBe("工作表“汇总”：审核规则 rules.txt 第1行“实际使用外资 >= 0”未执行：本表没有“实际使用外资”");
  });

  test("同比 of an indicator with neither a 同比 column nor 上年同期: skipped, naming what is missing", () => {
    const found = audit(cityGrid(), "[核实性] 同比(正式合同额) <= 30%");
    expect(found.map((f) => f.message.zh)).toEqual([
      "工作表“汇总”：审核规则 rules.txt 第1行“同比(正式合同额) <= 30%”未执行：本表没有“正式合同额”的同比，也没有可计算同比的本期和上年同期",
    ]);
  });

  test("时序进度 on a sheet whose period is unknown: skipped with a hint to give the period", () => {
    const grid = cityGrid();
    grid.values[0][0] = "全市招商引资主要指标完成情况表";
    const found = audit(grid, "[核实性] 完成率(正式合同额) >= 时序进度 - 20%");
    expect(found).toHaveLength(1);
    expect(found[0].message.zh).toContain("报表期别不明，无法计算时序进度");
  });
});

describe("a one-district form", () => {
  test("黔江区's published form breaks none of the issue's rules that apply to it", () => {
    const found = audit(
      qianjiangForm().grid,
      "[强制性] 正式合同额 >= 工业正式合同额\n[核实性] 完成率(正式合同额) >= 时序进度 - 20%\n[核实性] 到位资金 <= 正式合同额 * 1.5",
    );
    expect(found).toEqual([]);
  });

  test("the form's record is checked like a row: an industrial part above the whole is found at the whole's cell", () => {
    const rows = QIANJIANG_ROWS.map((r) => (r.label.includes("工业") ? { ...r, current: 100 } : r));
    const form = qianjiangForm(rows);
    const found = audit(form.grid, "[强制性] 正式合同额 >= 工业正式合同额 : 工业合同额不能大于正式合同额");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: "error", unit: "黔江区", cell: `B${form.rows[2] + 1}` });
    expect(found[0].message.zh).toContain("（左边 95.03亿元，右边 100.00亿元）：工业合同额不能大于正式合同额");
  });

  test("同比 swing on the form: 到位资金 12.59 against 8.14 (+54.7%) is found with the form's figures", () => {
    const form = qianjiangForm();
    const found = audit(form.grid, "[核实性] 同比(到位资金) <= 30%");
    expect(found).toHaveLength(1);
    expect(found[0].message.zh).toContain("（左边 54.7%，右边 30.0%）");
  });
});
