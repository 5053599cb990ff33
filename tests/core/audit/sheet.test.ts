import { auditLinesFromGrid, parseAuditSheet } from "../../../src/core/audit";
import { checkSheet } from "../../../src/app/check";
import { AuditRulesError } from "../../../src/core/audit/errors";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { CITY_ROWS, cityGrid } from "./sheets";

describe("rules written in a 审核规则 sheet", () => {
  test("a whole rule in one cell, or 序号 | 级别 | 公式 | 提示 columns; header rows are skipped; lines are sheet rows", () => {
    const lines = auditLinesFromGrid({
      name: "审核规则",
      values: [
        ["序号", "级别", "审核公式", "提示信息"],
        [1, "强制性", "正式合同额 >= 工业合同额", "工业不能大于合同额"],
        [2, "【核实性】", "到位资金 <= 正式合同额 * 1.5", null],
        ["[提示性] 签约项目数 > 0 : 没有签约项目"],
        [null, null],
      ],
      origin: { row: 2, col: 0 },
    });
    expect(lines).toEqual([
      { line: 3, text: "" },
      { line: 4, text: "[强制性] 正式合同额 >= 工业合同额 : 工业不能大于合同额" },
      { line: 5, text: "[核实性] 到位资金 <= 正式合同额 * 1.5" },
      { line: 6, text: "[提示性] 签约项目数 > 0 : 没有签约项目" },
      { line: 7, text: "" },
    ]);
  });

  test("a mistake names the sheet, its row and the column in the rule", () => {
    const parsed = parseAuditSheet({ name: "审核规则", values: [["[核实性] 到位资金 <= )"]] });
    expect(parsed.ok ? "" : parsed.errors[0].message.zh).toBe("工作表“审核规则”第1行第15列：这里不应出现“)”");
  });

  test("checkSheet (the pane's and the ribbon's pipeline) checks the rules of the sheet it is given", () => {
    const grid = cityGrid(CITY_ROWS.map((r) => (r.unit === "渝中区" ? { ...r, industrial: 50 } : r)));
    const rules = { name: "审核规则", values: [["[强制性] 正式合同额 >= 工业合同额"]] };
    const { result } = checkSheet(grid, DEFAULT_SETTINGS, { auditGrid: rules });
    expect(result.findings.filter((f) => f.rule === "audit-rule").map((f) => f.cell)).toEqual(["E6"]);
  });

  test("checkSheet refuses a 审核规则 sheet with a syntax error before checking anything", () => {
    const rules = { name: "审核规则", values: [["[强制性] 正式合同额 >="]] };
    expect(() => checkSheet(cityGrid(), DEFAULT_SETTINGS, { auditGrid: rules })).toThrow(AuditRulesError);
  });
});
