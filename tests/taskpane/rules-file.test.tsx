/** @jest-environment jsdom */
import { screen, waitFor } from "@testing-library/react";
import { Finding } from "../../src/core/findings";
import { FakePort } from "./fake-port";
import { halfYearSheet, notesSheet, SHEET } from "./fixtures";
import { detected, renderPane, userEvent } from "./render";

/*
 * 审核规则文件: a city's rules sent as a text file, chosen in the pane (and on the page, which hosts the same pane),
 * read on this machine and checked with the sheet, as zs-check --rules does (issue 11 §3).
 */

function rulesFile(text: string, name = "市局审核规则.txt"): File {
  return new File([text], name, { type: "text/plain" });
}

describe("a rules file chosen in the pane", () => {
  test("its rules are checked with the sheet: findings name the file and line, at the rule's severity", async () => {
    const user = userEvent.setup();
    const port = new FakePort([notesSheet(), halfYearSheet()], { active: SHEET });
    renderPane(port);
    const check = await detected();
    await user.upload(screen.getByLabelText("审核规则文件"), rulesFile("# 示例\n[核实性] 签约项目数 <= 30 : 签约项目数超过 30 个，请核实\n"));
    await screen.findByText("市局审核规则.txt：1 条规则");
    await user.click(check);
    await waitFor(() => expect(port.callsTo("applyHighlights")).toHaveLength(1));
    const [, findings] = port.callsTo("applyHighlights")[0] as [string, Finding[]];
    const audit = findings.filter((f) => f.rule === "audit-rule");
    expect(audit.length).toBeGreaterThan(0);
    for (const f of audit) {
      expect(f.severity).toBe("verify");
      expect(f.message.zh).toContain("不符合审核规则 市局审核规则.txt 第2行“签约项目数 <= 30”");
      expect(f.message.zh).toContain("：签约项目数超过 30 个，请核实");
    }
  });

  test("a file with a syntax error is refused with its line and column, and its rules are not used", async () => {
    const user = userEvent.setup();
    const port = new FakePort([notesSheet(), halfYearSheet()], { active: SHEET });
    renderPane(port);
    const check = await detected();
    await user.upload(screen.getByLabelText("审核规则文件"), rulesFile("[核实性] 签约项目数 <=\n"));
    await screen.findByText(/规则文件有错误，未使用：.*第1行第\d+列/);
    expect(screen.queryByText(/条规则/)).toBeNull();
    await user.click(check);
    await waitFor(() => expect(port.callsTo("applyHighlights")).toHaveLength(1));
    const [, findings] = port.callsTo("applyHighlights")[0] as [string, Finding[]];
    expect(findings.filter((f) => f.rule === "audit-rule")).toEqual([]);
  });
});
