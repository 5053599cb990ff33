/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { Finding } from "../../src/core/findings";
import { FakePort } from "./fake-port";
import { halfYearSheet, notesSheet, SHEET } from "./fixtures";
import { checked, detected, renderPane, userEvent } from "./render";

function newPort(): FakePort {
  return new FakePort([notesSheet(), halfYearSheet()], { active: SHEET });
}

function combobox(name: string | RegExp): HTMLSelectElement {
  return screen.getByRole("combobox", { name }) as HTMLSelectElement;
}

function selectedText(select: HTMLSelectElement): string {
  return select.options[select.selectedIndex]?.text ?? "";
}

describe("detection", () => {
  test("the active sheet is read on start; period, preset and column mapping are shown", async () => {
    const port = newPort();
    renderPane(port);
    await detected();
    expect(port.callsTo("loadSettings")).toHaveLength(1);
    expect(port.callsTo("loadExplanations")).toHaveLength(1);
    expect(port.callsTo("readSheet")).toEqual([[SHEET]]);
    expect(combobox("要校验的工作表").value).toBe(SHEET);
    expect(screen.getByText("识别结果：2022年1-6月（留空则按标题）")).toBeTruthy();
    expect(screen.getByText(/本表使用：41个统计单位/)).toBeTruthy();
    expect(selectedText(combobox("统计单位名单"))).toBe("自动（按期间）");
    // 11 indicator columns + 序号 (unrecognised); the name column is not listed.
    expect(screen.getByRole("button", { name: /列识别 · 已识别 11 列，未识别 1 列/ })).toBeTruthy();
    expect(selectedText(combobox("D列指标"))).toBe("正式合同额");
    expect(selectedText(combobox("D列数据项"))).toBe("本期");
    expect(selectedText(combobox("G列数据项"))).toBe("年度目标");
    expect(selectedText(combobox("I列指标"))).toBe("到位资金");
    expect(selectedText(combobox("A列指标"))).toBe("未识别/忽略");
    expect(screen.queryByRole("combobox", { name: "B列指标" })).toBeNull();
    expect(screen.getByRole("radio", { name: "本表年度目标列" })).toHaveProperty("checked", true);
  });

  test("choosing another sheet detects it; reading errors name the sheet", async () => {
    const port = newPort();
    port.failingReads.add("说明");
    renderPane(port);
    await detected();
    fireEvent.change(combobox("要校验的工作表"), { target: { value: "说明" } });
    const alert = await screen.findByText("读取工作表“说明”失败：The sheet “说明” cannot be read");
    expect(alert).toBeTruthy();
    expect(port.callsTo("readSheet")).toEqual([[SHEET], ["说明"]]);
  });

  test("settings or explanations that cannot be loaded: defaults are used and the user is told", async () => {
    const port = newPort();
    port.failing.add("loadSettings");
    port.failing.add("loadExplanations");
    renderPane(port);
    await detected();
    expect(screen.getByText("读取工作簿中保存的设置或核实说明失败：loadExplanations failed (fake)")).toBeTruthy();
    expect(port.callsTo("loadExplanations")).toHaveLength(1);
    expect(combobox("要校验的工作表").value).toBe(SHEET);
  });

  test("a period typed by the user is refused with the forms accepted, or said back as understood and used", async () => {
    const user = userEvent.setup();
    renderPane(newPort());
    await detected();
    const period = screen.getByRole("textbox", { name: "统计期间" });
    await user.type(period, "abc{Enter}");
    expect(await screen.findByText("无法识别的期间“abc”。可用写法：2022年1-6月、1-6月、2022-06、上半年、前三季度、2022年三季度")).toBeTruthy();
    await user.clear(period);
    // The ISO form zs-check --period accepts is accepted here too, and shown as the period it means.
    await user.type(period, "2022-09{Enter}");
    expect(await screen.findByText("期间按“2022年1-9月”校验，时序进度75.0%（9÷12）")).toBeTruthy();
    expect((period as HTMLInputElement).value).toBe("2022年1-9月");
    expect(screen.queryByText(/无法识别的期间“abc”/)).toBeNull();
  });

  test("a read reports progress with a progress bar", async () => {
    const port = newPort();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const read = port.readSheet.bind(port);
    port.readSheet = async (name, onProgress) => {
      onProgress?.(0.25);
      await gate;
      return read(name, onProgress);
    };
    renderPane(port);
    const bar = await waitFor(() => {
      const found = screen.getAllByRole("progressbar").find((e) => e.hasAttribute("aria-valuenow"));
      if (!found) throw new Error("no determinate progress bar yet");
      return found;
    });
    expect(bar.getAttribute("aria-valuenow")).toBe("0.25");
    expect(bar.getAttribute("aria-valuemax")).toBe("1");
    expect(screen.getByText("正在读取工作表“1-6月”…")).toBeTruthy();
    await act(async () => release());
    await detected();
    expect(screen.queryAllByRole("progressbar").filter((e) => e.hasAttribute("aria-valuenow"))).toEqual([]);
  });
});

describe("一键校验 and results", () => {
  test("counts by severity, findings grouped by severity then rule, highlights applied once", async () => {
    const port = newPort();
    renderPane(port);
    await checked();
    const status = screen.getByRole("status");
    expect(status.textContent).toBe("强制性 1·核实性 2·提示性 2·已说明 0");
    const highlights = port.callsTo("applyHighlights");
    expect(highlights).toHaveLength(1);
    const [sheet, findings] = highlights[0] as [string, Finding[]];
    expect(sheet).toBe(SHEET);
    expect(findings.map((f) => `${f.severity}:${f.rule}:${f.cell}`)).toEqual([
      "error:unknown-unit:B23",
      "verify:rate-mismatch:H21",
      "verify:behind-schedule:H30",
      "info:text-number:J11",
      "info:behind-schedule:M37",
    ]);
    const headings = screen.getAllByRole("heading", { level: 3 }).map((h) => h.textContent);
    expect(headings).toEqual(["强制性 (1)", "核实性 (2)", "提示性 (2)"]);
    const verify = screen.getByRole("heading", { level: 3, name: /核实性/ }).closest("section") as HTMLElement;
    expect(within(verify).getAllByRole("heading", { level: 4 }).map((h) => h.textContent)).toEqual([
      "比率与数据不符 (1)",
      "落后时序进度 (1)",
    ]);
    const item = within(verify).getByRole("button", { name: /^H30 城口县/ });
    expect(item.textContent).toContain("完成率20.0%，低于时序进度50.0%");
  });

  test("clicking a finding, or Enter / Space on it, selects its cell", async () => {
    const user = userEvent.setup();
    const port = newPort();
    renderPane(port);
    await checked();
    await user.click(screen.getByRole("button", { name: /^B23 壁山区/ }));
    expect(port.callsTo("selectCell")).toEqual([[SHEET, "B23"]]);
    screen.getByRole("button", { name: /^H30 城口县/ }).focus();
    await user.keyboard("{Enter}");
    screen.getByRole("button", { name: /^M37 巫溪县/ }).focus();
    await user.keyboard(" ");
    expect(port.callsTo("selectCell")).toEqual([
      [SHEET, "B23"],
      [SHEET, "H30"],
      [SHEET, "M37"],
    ]);
  });

  test("toggle buttons filter by severity", async () => {
    const user = userEvent.setup();
    renderPane(newPort());
    await checked();
    const errors = screen.getByRole("button", { name: "强制性 1" });
    expect(errors.getAttribute("aria-pressed")).toBe("true");
    await user.click(errors);
    expect(errors.getAttribute("aria-pressed")).toBe("false");
    expect(screen.queryByRole("button", { name: /^B23 / })).toBeNull();
    expect(screen.getByRole("button", { name: /^H30 / })).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "核实性 2" }));
    await user.click(screen.getByRole("button", { name: "提示性 2" }));
    expect(screen.getByText("已隐藏全部级别，点击上方按钮显示")).toBeTruthy();
    await user.click(errors);
    expect(screen.getByRole("button", { name: /^B23 / })).toBeTruthy();
  });

  test("清除标记 and 生成校验报告 go to the port", async () => {
    const user = userEvent.setup();
    const port = newPort();
    renderPane(port);
    await checked();
    await user.click(screen.getByRole("button", { name: "清除标记" }));
    expect(port.callsTo("clearHighlights")).toEqual([[SHEET]]);
    expect(await screen.findByText("已清除工作表“1-6月”上的标记")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "生成校验报告" }));
    const reports = port.callsTo("writeReport");
    expect(reports).toHaveLength(1);
    expect((reports[0][0] as Finding[]).map((f) => f.cell)).toEqual(["B23", "H21", "H30", "J11", "M37"]);
    expect(reports[0][1]).toBe("zh");
    expect(await screen.findByText("已生成“校验结果”工作表")).toBeTruthy();
  });

  test("a failing port call shows an error naming the sheet, and the pane stays usable", async () => {
    const user = userEvent.setup();
    const port = newPort();
    port.failing.add("applyHighlights");
    port.failing.add("writeReport");
    renderPane(port);
    await checked();
    expect(await screen.findByText("在工作表“1-6月”标记问题单元格失败：applyHighlights failed (fake)")).toBeTruthy();
    expect(screen.getByRole("status").textContent).toContain("强制性 1");
    await user.click(screen.getByRole("button", { name: "生成校验报告" }));
    expect(await screen.findByText("为工作表“1-6月”生成校验报告失败：writeReport failed (fake)")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "关闭" }));
    await waitFor(() => expect(screen.queryByText(/生成校验报告失败/)).toBeNull());
  });

  test("targets from another sheet: that sheet is read too", async () => {
    const user = userEvent.setup();
    const port = newPort();
    renderPane(port);
    await detected();
    await user.click(screen.getByRole("radio", { name: "其他工作表" }));
    expect(combobox("目标所在工作表").value).toBe("说明");
    await checked();
    expect(port.callsTo("readSheet")).toEqual([[SHEET], [SHEET], ["说明"]]);
    const saved = port.callsTo("saveSettings");
    expect(saved).toHaveLength(1);
    expect(saved[0][0]).toMatchObject({ targets: { kind: "sheet", sheet: "说明" } });
  });

  test("a mapping correction is used by the check and saved with the settings", async () => {
    const user = userEvent.setup();
    const port = newPort();
    renderPane(port);
    await detected();
    fireEvent.change(combobox("H列指标"), { target: { value: "" } });
    expect(await screen.findByText("手动")).toBeTruthy();
    expect(screen.getByRole("button", { name: /已识别 10 列，未识别 2 列/ })).toBeTruthy();
    await checked();
    // The 完成率 column of 正式合同额 is ignored: no rate or schedule finding on column H any more.
    expect(screen.queryByRole("button", { name: /^H21 / })).toBeNull();
    expect(screen.queryByRole("button", { name: /^H30 / })).toBeNull();
    expect(port.callsTo("saveSettings")[0][0]).toMatchObject({ mapping: { [SHEET]: [{ col: 7, indicator: null }] } });
    await user.click(screen.getByRole("button", { name: "恢复自动识别" }));
    expect(selectedText(combobox("H列指标"))).toBe("正式合同额");
  });
});
