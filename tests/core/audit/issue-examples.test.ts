import { CITY_ROWS, CityRow, cityGrid } from "./sheets";
import { ISSUE_EXAMPLE, audit, exampleLine } from "./helpers";

function withRow(unit: string, change: Partial<CityRow>): CityRow[] {
  return CITY_ROWS.map((r) => (r.unit === unit ? { ...r, ...change } : r));
}

describe("the six example rules of issue 11, exactly as written", () => {
  test("a correct, correctly rounded 1–6月 sheet with its 1–5月 predecessor breaks none of them", () => {
    const may = cityGrid(
      CITY_ROWS.map((r) => ({ ...r, contract: r.contract - 5, industrial: r.industrial - 2, funds: r.funds - 1 })),
      5,
    );
    expect(audit(cityGrid(), ISSUE_EXAMPLE, may)).toEqual([]);
  });

  test("[强制性] 正式合同额 >= 工业正式合同额: an industrial part above its whole is 强制性 at the whole's cell", () => {
    const found = audit(cityGrid(withRow("渝中区", { industrial: 50 })), exampleLine(2));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ rule: "audit-rule", severity: "error", cell: "E6", unit: "渝中区", related: ["H6"] });
    expect(found[0].message.zh).toBe(
      "工作表“汇总”E6（渝中区，正式合同额本期）：不符合审核规则 rules.txt 第1行“正式合同额 >= 工业正式合同额”（左边 45.20亿元，右边 50.00亿元）：其中工业合同额不能大于正式合同额",
    );
  });

  test("[核实性] 签约项目数 = 正式合同项目数 + 框架协议项目数: counts are exact, one project off is a finding", () => {
    const found = audit(cityGrid(withRow("黔江区", { signed: 30 })), exampleLine(3));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: "verify", cell: "B7", unit: "黔江区", related: ["C7", "D7"] });
    expect(found[0].message.zh).toContain("（左边 30个，右边 29个）");
  });

  test("[核实性] 到位资金 <= 正式合同额 * 1.5: funds of 190 against 120.50 × 1.5 = 180.75 are flagged with its message", () => {
    const found = audit(cityGrid(withRow("璧山区", { funds: 190, fundsLastYear: 150 })), exampleLine(4));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: "verify", cell: "I8", unit: "璧山区" });
    expect(found[0].message.zh).toContain("（左边 190.00亿元，右边 180.75亿元）：到位资金超过合同额的1.5倍，请说明");
  });

  test("[核实性] 同比(到位资金) <= 30%: 14.00 against 10.20 last year (+37.3%) needs an explanation", () => {
    const found = audit(cityGrid(withRow("黔江区", { funds: 14 })), exampleLine(5));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: "verify", cell: "K7", unit: "黔江区", related: ["I7", "J7"] });
    expect(found[0].message.zh).toContain("（左边 37.3%，右边 30.0%）：到位资金同比增幅超过30%，请说明原因");
  });

  test("[核实性] 完成率(正式合同额) >= 时序进度 - 20%: 25% done at 1–6月 (time progress 50%) is behind", () => {
    const found = audit(cityGrid(withRow("渝中区", { contract: 20, industrial: 10 })), exampleLine(6));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: "verify", cell: "G6", unit: "渝中区", related: ["E6", "F6"] });
    expect(found[0].message.zh).toContain("（左边 25.0%，右边 30.0%）：合同额完成进度明显落后");
  });

  test("[强制性] 正式合同额 >= 上期(正式合同额): a cumulative amount below last month's is 强制性 with both figures", () => {
    const may = cityGrid(withRow("渝中区", { contract: 50 }), 5);
    const found = audit(cityGrid(), exampleLine(7), may);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: "error", cell: "E6", unit: "渝中区" });
    expect(found[0].message.zh).toContain("（左边 45.20亿元，右边 50.00亿元）：累计数不能小于上期累计数");
  });

  test("上期 with no previous file: the rule is skipped with one 提示 naming it, not one per row", () => {
    const found = audit(cityGrid(), ISSUE_EXAMPLE);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ rule: "audit-rule-skipped", severity: "info", cell: null });
    expect(found[0].message.zh).toBe(
      "工作表“汇总”：审核规则 rules.txt 第7行“正式合同额 >= 上期(正式合同额)”未执行：未提供上期报表",
    );
  });
});
