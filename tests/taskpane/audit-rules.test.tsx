/** @jest-environment jsdom */
import { screen, waitFor } from "@testing-library/react";
import { Finding } from "../../src/core/findings";
import { SheetGrid } from "../../src/core/sheet/types";
import { FakePort } from "./fake-port";
import { halfYearSheet, notesSheet, SHEET } from "./fixtures";
import { checked, detected, renderPane, userEvent } from "./render";

/** A template's 审核规则 sheet as a city sends it: 级别 | 审核公式 | 提示信息. */
function rulesSheet(rule: string): SheetGrid {
  return { name: "审核规则", values: [["级别", "审核公式", "提示信息"], ["强制性", rule, "签约项目数超过 30 个，请核实"]] };
}

describe("the workbook's 审核规则 sheet in the pane", () => {
  test("its rules are checked with the sheet: findings at the rule's severity, naming the sheet's row", async () => {
    const port = new FakePort([notesSheet(), halfYearSheet(), rulesSheet("签约项目数 <= 30")], { active: SHEET });
    renderPane(port);
    await checked();
    expect(port.callsTo("readSheet")).toContainEqual(["审核规则"]);
    const [, findings] = port.callsTo("applyHighlights")[0] as [string, Finding[]];
    const audit = findings.filter((f) => f.rule === "audit-rule");
    expect(audit.length).toBeGreaterThan(0);
    for (const f of audit) {
      expect(f.severity).toBe("error");
      expect(f.message.zh).toContain("不符合工作表“审核规则”第2行“签约项目数 <= 30”");
      expect(f.message.zh).toContain("：签约项目数超过 30 个，请核实");
    }
  });

  test("a syntax error in it is shown with its row and column, and nothing is marked", async () => {
    const user = userEvent.setup();
    const port = new FakePort([notesSheet(), halfYearSheet(), rulesSheet("签约项目数 <=")], { active: SHEET });
    renderPane(port);
    await user.click(await detected());
    await waitFor(() => expect(screen.getByText(/第2行第\d+列：公式不完整/)).toBeTruthy());
    expect(port.callsTo("applyHighlights")).toEqual([]);
  });
});
