/** @jest-environment jsdom */
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { Finding } from "../../src/core/findings";
import { CheckSettings } from "../../src/core/settings";
import { SheetGrid } from "../../src/core/sheet/types";
import { FakePort } from "./fake-port";
import { SHEET, halfYearSheet, rowOf } from "./fixtures";
import { detected, renderPane, userEvent } from "./render";

/** Last month's sheet kept in the workbook: 渝北区 only, its 1-5月 合同额 far above its 1-6月 figure. */
function maySheet(title = "2022年1—5月全市招商引资主要指标完成情况表"): SheetGrid {
  return { name: "1-5月", values: [[title], ["单位：亿元"], ["区县", "正式合同额"], ["渝北区", 9999]] };
}

async function checkWithPrevious(port: FakePort): Promise<void> {
  const user = userEvent.setup();
  renderPane(port);
  const button = await detected();
  fireEvent.change(screen.getByRole("combobox", { name: "上期报表" }), { target: { value: "1-5月" } });
  await user.click(button);
  await screen.findByRole("heading", { name: /校验结果/ }, { timeout: 5000 });
}

describe("上期报表 in the pane", () => {
  test("a sheet chosen as 上期报表 is compared with: a fall in 渝北区's cumulative figure is 核实性, and the choice is saved", async () => {
    const port = new FakePort([halfYearSheet(), maySheet()]);
    await checkWithPrevious(port);
    const [sheet, findings] = port.callsTo("applyHighlights")[0] as [string, Finding[]];
    expect(sheet).toBe(SHEET);
    const decrease = findings.filter((f) => f.rule === "cumulative-decrease");
    expect(decrease.map((f) => `${f.unit} ${f.cell}`)).toEqual([`渝北区 D${rowOf("渝北区")}`]);
    expect(decrease[0].message.zh).toContain("低于上期报表“1-5月”（2022年1-5月）的累计9999.00亿元");
    await waitFor(() => expect(port.callsTo("saveSettings")).toHaveLength(1));
    expect((port.callsTo("saveSettings")[0][0] as CheckSettings).previousSheet).toBe("1-5月");
  });

  test("a sheet of another year is not compared, and the pane says why, naming both periods", async () => {
    const port = new FakePort([halfYearSheet(), maySheet("2021年1—5月全市招商引资主要指标完成情况表")]);
    await checkWithPrevious(port);
    expect(await screen.findByText(/未与上期报表对比：上期报表应为同一年度更早的期别：本期“1-6月”（2022年1-6月），上期“1-5月”（2021年1-5月）/)).toBeTruthy();
    const [, findings] = port.callsTo("applyHighlights")[0] as [string, Finding[]];
    expect(findings.some((f) => f.rule === "cumulative-decrease")).toBe(false);
  });
});
