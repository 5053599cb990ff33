/** @jest-environment jsdom */
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { CheckSettings } from "../../src/core/settings";
import { FakePort } from "./fake-port";
import { halfYearSheet } from "./fixtures";
import { checked, detected, renderPane, userEvent } from "./render";

async function openSettings(user: ReturnType<typeof userEvent.setup>): Promise<void> {
  await user.click(screen.getByRole("button", { name: "设置" }));
}

describe("settings", () => {
  test("saved with saveSettings and loaded again when the workbook is reopened", async () => {
    const user = userEvent.setup();
    const port = new FakePort([halfYearSheet()]);
    const first = renderPane(port);
    await detected();
    await openSettings(user);
    const verify = screen.getByRole("spinbutton", { name: "落后时序进度超过多少百分点为核实性" }) as HTMLInputElement;
    expect(verify.value).toBe("20");
    await user.clear(verify);
    await user.type(verify, "35");
    fireEvent.change(screen.getByRole("combobox", { name: "片区划分" }), { target: { value: "2024" } });
    fireEvent.change(screen.getByRole("combobox", { name: "统计单位名单" }), { target: { value: "chongqing-2020" } });
    await user.click(screen.getByRole("button", { name: "保存设置" }));
    await waitFor(() => expect(port.callsTo("saveSettings")).toHaveLength(1));
    const saved = port.callsTo("saveSettings")[0][0] as CheckSettings;
    expect(saved.thresholds.behindScheduleVerify).toBe(35);
    expect(saved.scheme).toBe("2024");
    expect(saved.preset).toBe("chongqing-2020");
    expect(await screen.findByText("设置已保存到工作簿")).toBeTruthy();
    first.unmount();

    renderPane(port);
    await detected();
    await openSettings(user);
    expect((screen.getByRole("spinbutton", { name: "落后时序进度超过多少百分点为核实性" }) as HTMLInputElement).value).toBe("35");
    expect((screen.getByRole("combobox", { name: "片区划分" }) as HTMLSelectElement).value).toBe("2024");
    expect((screen.getByRole("combobox", { name: "统计单位名单" }) as HTMLSelectElement).value).toBe("chongqing-2020");
  });

  test("thresholds are used by the check: 30 百分点 behind is info when verify starts above 35", async () => {
    const user = userEvent.setup();
    const port = new FakePort([halfYearSheet()]);
    port.settings = { ...(await port.loadSettings()), thresholds: { ...(await port.loadSettings()).thresholds, behindScheduleVerify: 35 } };
    renderPane(port);
    await checked();
    expect(screen.getByRole("status").textContent).toBe("强制性 1·核实性 1·提示性 3·已说明 0");
    expect(port.callsTo("saveSettings")).toHaveLength(0); // nothing changed, nothing written
    await openSettings(user);
    expect(screen.getByRole("button", { name: "保存设置" })).toBeTruthy();
  });

  test("invalid thresholds are shown and not applied", async () => {
    const user = userEvent.setup();
    const port = new FakePort([halfYearSheet()]);
    renderPane(port);
    await detected();
    await openSettings(user);
    const info = screen.getByRole("spinbutton", { name: "落后时序进度超过多少百分点为提示性" });
    await user.clear(info);
    await user.type(info, "25");
    expect(await screen.findByText("核实性阈值应大于提示性阈值")).toBeTruthy();
    expect((screen.getByRole("button", { name: "保存设置" }) as HTMLButtonElement).disabled).toBe(true);
    await user.clear(info);
    expect(await screen.findByText("请输入不小于 0 的数")).toBeTruthy();
    await user.type(info, "8");
    await waitFor(() => expect((screen.getByRole("button", { name: "保存设置" }) as HTMLButtonElement).disabled).toBe(false));
    await user.click(screen.getByRole("button", { name: "保存设置" }));
    await waitFor(() => expect(port.callsTo("saveSettings")).toHaveLength(1));
    expect((port.callsTo("saveSettings")[0][0] as CheckSettings).thresholds.behindScheduleInfo).toBe(8);
  });

  test("the 同比 swing threshold is a setting: 30% by default, saved with the workbook", async () => {
    const user = userEvent.setup();
    const port = new FakePort([halfYearSheet()]);
    renderPane(port);
    await detected();
    await openSettings(user);
    const swing = screen.getByRole("spinbutton", { name: "金额同比增减超过多少%需说明（0 为不检查）" }) as HTMLInputElement;
    expect(swing.value).toBe("30");
    await user.clear(swing);
    await user.type(swing, "50");
    await user.click(screen.getByRole("button", { name: "保存设置" }));
    await waitFor(() => expect(port.callsTo("saveSettings")).toHaveLength(1));
    expect((port.callsTo("saveSettings")[0][0] as CheckSettings).thresholds.yoySwing).toBe(50);
  });

  test("language from the settings switches the pane to English", async () => {
    const user = userEvent.setup();
    renderPane(new FakePort([halfYearSheet()]));
    await detected();
    await openSettings(user);
    fireEvent.change(screen.getByRole("combobox", { name: "界面语言" }), { target: { value: "en" } });
    expect(await screen.findByRole("button", { name: "Check now" })).toBeTruthy();
    expect(screen.getByRole("combobox", { name: "Language" })).toBeTruthy();
  });
});
