/** @jest-environment jsdom */
/* A sheet without target columns in a workbook that carries a 年度目标 sheet: the pane uses it, says so, warns otherwise. */
import { screen } from "@testing-library/react";
import { CellValue } from "../../src/core/numbers";
import { SheetGrid } from "../../src/core/sheet/types";
import { targetsAdvice } from "../../src/taskpane/detect";
import { readSheet } from "../../src/core/sheet";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { FakePort } from "./fake-port";
import { checked, detected, renderPane, userEvent } from "./render";

/** A 片区's 1–6月 results with 本期 only, as districts often send them; the targets live in another sheet. */
function resultsSheet(): SheetGrid {
  const values: CellValue[][] = [
    ["2022年1—6月渝东南片区招商引资完成情况表", null],
    ["单位：亿元", null],
    ["区县", "正式合同额"],
    ["黔江区", 95.03],
    ["武隆区", 30],
  ];
  return { name: "1-6月", values };
}

function targetsSheet(name = "年度目标"): SheetGrid {
  const values: CellValue[][] = [
    ["2022年各区县招商引资年度目标任务表", null],
    ["单位：亿元", null],
    ["区县", "正式合同额"],
    ["黔江区", 160],
    ["武隆区", 100],
  ];
  return { name, values };
}

describe("targets in the workbook", () => {
  test("targetsAdvice offers a sheet named like 年度目标 only when 本表 has no target columns", () => {
    const model = readSheet(resultsSheet());
    const sheets = ["1-6月", "目标完成情况", "年度目标"];
    expect(targetsAdvice(model, sheets, DEFAULT_SETTINGS.targets)).toEqual({ missing: true, offer: "年度目标" });
    expect(targetsAdvice(model, ["1-6月"], DEFAULT_SETTINGS.targets)).toEqual({ missing: true, offer: null });
    expect(targetsAdvice(model, sheets, { kind: "none" })).toBeNull();
    expect(targetsAdvice(readSheet(targetsSheet()), sheets, DEFAULT_SETTINGS.targets)).toBeNull();
  });

  test("the pane selects the 年度目标 sheet by itself, says so, and the check uses its targets", async () => {
    const port = new FakePort([resultsSheet(), targetsSheet()], { active: "1-6月" });
    renderPane(port);
    await detected();
    expect(screen.getByText("本表没有年度目标列，已选用工作表“年度目标”中的年度目标（可在“年度目标来源”中更改）")).toBeTruthy();
    expect(screen.getByRole("radio", { name: "其他工作表" })).toHaveProperty("checked", true);
    await userEvent.setup().click(screen.getByRole("button", { name: "一键校验" }));
    await checked();
    // 武隆区: 30 of 100 at mid-year, computed from the 年度目标 sheet.
    expect(await screen.findByText(/按年度目标计算的完成率30\.0%/)).toBeTruthy();
  });

  test("choosing 本表年度目标列 on a sheet without target columns is warned about", async () => {
    const port = new FakePort([resultsSheet(), targetsSheet("说明")], { active: "1-6月" });
    renderPane(port);
    await detected();
    expect(screen.getByText("本表没有年度目标列：完成率和落后序时进度无法按目标核算。请选择目标所在的工作表")).toBeTruthy();
  });
});
