/** @jest-environment jsdom */
import { screen, waitFor } from "@testing-library/react";
import { FakePort } from "./fake-port";
import { halfYearSheet, SHEET } from "./fixtures";
import { detected, renderPane, userEvent } from "./render";

describe("报送前固化 in the pane", () => {
  test("asks first, saying one Undo restores, then freezes the whole workbook and reports the count", async () => {
    const user = userEvent.setup();
    const port = new FakePort([halfYearSheet()]);
    port.freezeResult = { cells: 42, sheets: [SHEET, "1-9月"], skipped: [] };
    renderPane(port);
    await detected();
    await user.click(screen.getByRole("button", { name: "报送前固化" }));
    await user.click(screen.getByRole("button", { name: "固化 ZSTJ 公式…" }));
    expect(port.callsTo("freezeAddinFormulas")).toHaveLength(0);
    expect(screen.getByRole("alertdialog").textContent).toContain("将把整个工作簿中所有 ZSTJ 公式替换为当前显示的值。 完成后可按一次“撤销”（Ctrl+Z）全部恢复。");
    const readsBefore = port.callsTo("readSheet").length;
    await user.click(screen.getByRole("button", { name: "确认固化" }));
    await waitFor(() => expect(port.callsTo("freezeAddinFormulas")).toEqual([[undefined]]));
    expect(await screen.findByText(`已固化 42 个单元格（2 张工作表：${SHEET}、1-9月），公式已替换为显示的值。`)).toBeTruthy();
    // The sheet holds values now: it is read again, so that the next check sees it as it is.
    expect(port.callsTo("readSheet").length).toBe(readsBefore + 1);
  });

  test("freezes only the chosen sheet; cancelling does nothing", async () => {
    const user = userEvent.setup();
    const port = new FakePort([halfYearSheet()]);
    port.freezeResult = { cells: 3, sheets: [SHEET], skipped: ["1-6月!D6"] };
    renderPane(port);
    await detected();
    await user.click(screen.getByRole("button", { name: "报送前固化" }));
    await user.click(screen.getByRole("radio", { name: `当前工作表“${SHEET}”` }));
    await user.click(screen.getByRole("button", { name: "固化 ZSTJ 公式…" }));
    await user.click(screen.getByRole("button", { name: "取消" }));
    expect(port.callsTo("freezeAddinFormulas")).toHaveLength(0);
    await user.click(screen.getByRole("button", { name: "固化 ZSTJ 公式…" }));
    await user.click(screen.getByRole("button", { name: "确认固化" }));
    await waitFor(() => expect(port.callsTo("freezeAddinFormulas")).toEqual([[SHEET]]));
    expect(await screen.findByText(/1 个单元格仍显示 #NAME\? 或 #BUSY!，函数尚未计算，未固化：1-6月!D6/)).toBeTruthy();
  });

  test("without one-step undo it says to save a copy first; in English too", async () => {
    const user = userEvent.setup();
    const port = new FakePort([halfYearSheet()]);
    port.features.delete("undo");
    renderPane(port, "en");
    await detected();
    await user.click(screen.getByRole("button", { name: "Freeze before sending" }));
    await user.click(screen.getByRole("button", { name: "Freeze ZSTJ formulas…" }));
    expect(screen.getByRole("alertdialog").textContent).toContain("save a copy first");
    await user.click(screen.getByRole("button", { name: "Freeze" }));
    expect(await screen.findByText("No formula uses the ZSTJ functions: nothing to freeze.")).toBeTruthy();
  });

  test("in an Excel that cannot freeze (no ExcelApi 1.9) it says how to do it by hand instead of offering a button", async () => {
    const user = userEvent.setup();
    const port = new FakePort([halfYearSheet()]);
    port.features.delete("freeze");
    renderPane(port);
    await detected();
    await user.click(screen.getByRole("button", { name: "报送前固化" }));
    expect(screen.getByText(/复制后“选择性粘贴 → 数值”/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "固化 ZSTJ 公式…" })).toBeNull();
  });

  test("a failure is shown in the pane's language, from the adapter's bilingual message", async () => {
    const user = userEvent.setup();
    const port = new FakePort([halfYearSheet()]);
    port.freezeAddinFormulas = async () => {
      throw Object.assign(new Error("english"), { text: { zh: "此版本的 Excel 不支持", en: "english" } });
    };
    renderPane(port);
    await detected();
    await user.click(screen.getByRole("button", { name: "报送前固化" }));
    await user.click(screen.getByRole("button", { name: "固化 ZSTJ 公式…" }));
    await user.click(screen.getByRole("button", { name: "确认固化" }));
    expect(await screen.findByText("报送前固化失败：此版本的 Excel 不支持")).toBeTruthy();
  });
});
