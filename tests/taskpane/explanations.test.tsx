/** @jest-environment jsdom */
import { screen, waitFor, within } from "@testing-library/react";
import { Explanation } from "../../src/core/explanations";
import { Finding } from "../../src/core/findings";
import { FakePort } from "./fake-port";
import { halfYearSheet, SHEET } from "./fixtures";
import { checked, renderPane, userEvent } from "./render";

function item(cell: string): HTMLElement {
  return screen.getByRole("button", { name: new RegExp(`^${cell} `) }).closest("li") as HTMLElement;
}

describe("核实说明", () => {
  test("every verify finding has an explain action; errors and infos have none", async () => {
    renderPane(new FakePort([halfYearSheet()]));
    await checked();
    expect(screen.getAllByRole("button", { name: /^填写说明：/ }).map((b) => b.getAttribute("aria-label"))).toEqual([
      "填写说明：H21",
      "填写说明：H30",
    ]);
    expect(within(item("B23")).queryByRole("button", { name: /说明/ })).toBeNull();
    expect(within(item("M37")).queryByRole("button", { name: /说明/ })).toBeNull();
  });

  test("“核实无误” is refused inline; a real explanation is saved and the finding shows 已说明", async () => {
    const user = userEvent.setup();
    const port = new FakePort([halfYearSheet()]);
    renderPane(port);
    await checked();
    await user.click(screen.getByRole("button", { name: "填写说明：H30" }));
    const box = screen.getByRole("textbox", { name: "核实说明（H30）" });
    expect(document.activeElement).toBe(box);
    await user.type(box, "核实无误");
    await user.click(screen.getByRole("button", { name: "保存" }));
    expect(await screen.findByText("“核实无误”不能作为核实说明：请写明数据为什么是对的（例如口径、来源、特殊项目）")).toBeTruthy();
    expect(port.callsTo("saveExplanations")).toHaveLength(0);
    expect(screen.getByRole("status").textContent).toContain("核实性 2");

    const text = "城口县上半年两个重大项目推迟至7月签约，已书面报告";
    await user.clear(box);
    await user.type(box, text);
    await user.click(screen.getByRole("button", { name: "保存" }));
    await waitFor(() => expect(port.callsTo("saveExplanations")).toHaveLength(1));
    const saved = port.callsTo("saveExplanations")[0][0] as Explanation[];
    expect(saved).toEqual([{ sheet: SHEET, cell: "H30", rule: "behind-schedule", text, date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) }]);
    await waitFor(() => expect(screen.queryByRole("textbox", { name: "核实说明（H30）" })).toBeNull());
    const h30 = item("H30");
    expect(within(h30).getByText("已说明")).toBeTruthy();
    expect(within(h30).getByText(text)).toBeTruthy();
    expect(within(h30).getByRole("button", { name: "修改说明：H30" })).toBeTruthy();
    expect(screen.getByRole("status").textContent).toBe("强制性 1·核实性 1·提示性 2·已说明 1");
  });

  test("an explained finding stays editable; other empty phrases and short texts are refused too", async () => {
    const user = userEvent.setup();
    const port = new FakePort([halfYearSheet()]);
    port.explanations = [{ sheet: SHEET, cell: "H21", rule: "rate-mismatch", text: "完成率按调整后目标460亿元计算，原目标317亿元" }];
    renderPane(port);
    await checked();
    // Loaded on start and attached after the check.
    expect(screen.getByRole("status").textContent).toBe("强制性 1·核实性 1·提示性 2·已说明 1");
    await user.click(screen.getByRole("button", { name: "修改说明：H21" }));
    const box = screen.getByRole("textbox", { name: "核实说明（H21）" }) as HTMLTextAreaElement;
    expect(box.value).toBe("完成率按调整后目标460亿元计算，原目标317亿元");
    await user.clear(box);
    await user.type(box, "数据无误。");
    await user.click(screen.getByRole("button", { name: "保存" }));
    expect(await screen.findByText(/“数据无误。”不能作为核实说明/)).toBeTruthy();
    await user.clear(box);
    await user.type(box, "见附件");
    await user.click(screen.getByRole("button", { name: "保存" }));
    expect(await screen.findByText("核实说明太短，请写明原因")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "取消" }));
    expect(port.callsTo("saveExplanations")).toHaveLength(0);
    expect(within(item("H21")).getByText("已说明")).toBeTruthy();
  });

  test("an explanation the workbook cannot store stays in the editor, with the error naming the sheet", async () => {
    const user = userEvent.setup();
    const port = new FakePort([halfYearSheet()]);
    port.failing.add("saveExplanations");
    renderPane(port);
    await checked();
    await user.click(screen.getByRole("button", { name: "填写说明：H30" }));
    await user.type(screen.getByRole("textbox", { name: "核实说明（H30）" }), "两个重大项目推迟至7月签约");
    await user.click(screen.getByRole("button", { name: "保存" }));
    expect(await screen.findByText("保存工作表“1-6月”的核实说明失败：saveExplanations failed (fake)")).toBeTruthy();
    expect(screen.getByText("未能保存：saveExplanations failed (fake)")).toBeTruthy();
    expect(screen.getByRole("textbox", { name: "核实说明（H30）" })).toBeTruthy();
    expect(screen.getByRole("status").textContent).toContain("已说明 0");
  });

  test("the report written after an explanation carries it", async () => {
    const user = userEvent.setup();
    const port = new FakePort([halfYearSheet()]);
    renderPane(port);
    await checked();
    await user.click(screen.getByRole("button", { name: "填写说明：H21" }));
    await user.type(screen.getByRole("textbox", { name: "核实说明（H21）" }), "年度目标年中调整为460亿元，完成率列未更新");
    await user.click(screen.getByRole("button", { name: "保存" }));
    await screen.findByRole("button", { name: "修改说明：H21" });
    await user.click(screen.getByRole("button", { name: "生成校验报告" }));
    const [findings] = port.callsTo("writeReport")[0] as [(Finding & { explanation?: Explanation })[]];
    expect(findings.find((f) => f.cell === "H21")?.explanation?.text).toBe("年度目标年中调整为460亿元，完成率列未更新");
  });
});
