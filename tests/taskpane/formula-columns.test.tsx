/** @jest-environment jsdom */
import { screen, waitFor } from "@testing-library/react";
import { FormulaColumnRequest } from "../../src/app/port";
import { FakePort } from "./fake-port";
import { halfYearSheet, SHEET } from "./fixtures";
import { detected, renderPane, userEvent } from "./render";

function labelOf(input: HTMLElement): string {
  return document.querySelector(`label[for="${input.id}"]`)?.textContent ?? "";
}

/** The fixture without its 同比 and 完成率 columns: what a district's raw sheet often looks like. */
function rawSheet() {
  const grid = halfYearSheet();
  const keep = [0, 1, 2, 3, 4, 6, 8, 9, 11]; // 序号 区县 签约 | 合同额 本期 上年同期 年度目标 | 到位资金 本期 上年同期 年度目标
  grid.values = grid.values.map((r, i) => (i < 2 || i >= grid.values.length - 2 ? r : keep.map((c) => r[c] ?? "")));
  grid.values[2] = ["序号", "区县", "签约项目数（个）", "正式合同额（亿元）", "", "", "到位资金（亿元）", "", ""];
  grid.values[3] = ["", "", "", "本期", "上年同期", "年度目标", "本期", "上年同期", "年度目标"];
  grid.merges = [
    { top: 0, left: 0, bottom: 0, right: 8 },
    { top: 1, left: 0, bottom: 1, right: 8 },
    { top: 2, left: 0, bottom: 3, right: 0 },
    { top: 2, left: 1, bottom: 3, right: 1 },
    { top: 2, left: 2, bottom: 3, right: 2 },
    { top: 2, left: 3, bottom: 2, right: 5 },
    { top: 2, left: 6, bottom: 2, right: 8 },
  ];
  return grid;
}

describe("插入公式列", () => {
  test("is not offered where the workbook cannot take formula columns (the standalone page)", async () => {
    const port = new FakePort([rawSheet()]);
    port.features.delete("formula-columns");
    renderPane(port);
    await detected();
    expect(screen.queryByRole("button", { name: "插入公式列" })).toBeNull();
  });

  test("offers 完成率 / 同比 / 超序时进度 per amount indicator and sends the requests", async () => {
    const user = userEvent.setup();
    const port = new FakePort([rawSheet()]);
    renderPane(port);
    await detected();
    await user.click(screen.getByRole("button", { name: "插入公式列" }));
    const boxes = screen.getAllByRole("checkbox");
    expect(boxes.map((b) => labelOf(b))).toEqual([
      "正式合同额完成率（D、F）",
      "正式合同额同比（D、E）",
      "正式合同额超序时进度（D、F、6个月）",
      "到位资金完成率（G、I）",
      "到位资金同比（G、H）",
      "到位资金超序时进度（G、I、6个月）",
    ]);
    expect(boxes.every((b) => (b as HTMLInputElement).checked)).toBe(true);
    await user.click(screen.getByRole("checkbox", { name: "到位资金同比（G、H）" }));
    await user.click(screen.getByRole("button", { name: "插入所选公式列" }));
    await waitFor(() => expect(port.callsTo("insertFormulaColumns")).toHaveLength(1));
    const [sheet, columns] = port.callsTo("insertFormulaColumns")[0] as [string, FormulaColumnRequest[]];
    expect(sheet).toBe(SHEET);
    const rows = { firstRow: 5, lastRow: 46 };
    expect(columns).toEqual([
      { kind: "completion", inputs: ["D", "F"], ...rows, header: "正式合同额完成率" },
      { kind: "yoy", inputs: ["D", "E"], ...rows, header: "正式合同额同比" },
      { kind: "pace", inputs: ["D", "F"], months: 6, ...rows, header: "正式合同额超序时进度" },
      { kind: "completion", inputs: ["G", "I"], ...rows, header: "到位资金完成率" },
      { kind: "pace", inputs: ["G", "I"], months: 6, ...rows, header: "到位资金超序时进度" },
    ]);
    expect(await screen.findByText("已在工作表“1-6月”插入 5 列公式")).toBeTruthy();
    // The sheet is read again so that the new columns show in the mapping.
    expect(port.callsTo("readSheet")).toEqual([[SHEET], [SHEET]]);
  });

  test("kinds the sheet already has are offered but not pre-selected; months follow the period", async () => {
    const user = userEvent.setup();
    const port = new FakePort([halfYearSheet()]);
    renderPane(port);
    await detected();
    const period = screen.getByRole("textbox", { name: "统计期间" });
    await user.type(period, "2022年1-9月{Enter}");
    await user.click(screen.getByRole("button", { name: "插入公式列" }));
    const chosen = screen.getAllByRole("checkbox").filter((b) => (b as HTMLInputElement).checked);
    expect(chosen.map((b) => labelOf(b))).toEqual([
      "正式合同额超序时进度（D、G、9个月）",
      "到位资金超序时进度（I、L、9个月）",
    ]);
    expect(screen.getByRole("checkbox", { name: "正式合同额完成率（D、G） · 表中已有" })).toHaveProperty("checked", false);
  });

  test("in English, headers are English and the failure names the sheet", async () => {
    const user = userEvent.setup();
    const port = new FakePort([rawSheet()], { language: "en" });
    port.failing.add("insertFormulaColumns");
    renderPane(port);
    await detected();
    await user.click(screen.getByRole("button", { name: "Formula columns" }));
    expect(screen.getByRole("checkbox", { name: "Formal contract amount completion (D, F)" })).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Insert selected columns" }));
    expect(await screen.findByText("Could not insert formula columns in sheet “1-6月”: insertFormulaColumns failed (fake)")).toBeTruthy();
  });
});
