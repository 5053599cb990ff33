/** @jest-environment jsdom */
import { fireEvent, screen } from "@testing-library/react";
import { QIANJIANG_ROWS, qianjiangForm } from "../core/forms";
import { FakePort } from "./fake-port";
import { checked, detected, renderPane, userEvent } from "./render";

/** 黔江区's one-district form with a second 正式合同额 row ("合同额", sheet row 9) that a clerk added. */
function formWithDuplicate() {
  const rows = [...QIANJIANG_ROWS.slice(0, 4), { ...QIANJIANG_ROWS[2], label: "合同额" }, ...QIANJIANG_ROWS.slice(4)];
  return qianjiangForm(rows);
}

function selectedText(name: string): string {
  const select = screen.getByRole("combobox", { name }) as HTMLSelectElement;
  return select.options[select.selectedIndex]?.text ?? "";
}

describe("row mapping on a one-district form (indicators in rows)", () => {
  test("the pane lists the indicator rows with their indicators, and the columns with their measures only", async () => {
    const form = formWithDuplicate();
    renderPane(new FakePort([form.grid]));
    await detected();
    expect(screen.getByRole("button", { name: /行识别 · 已识别 7 行，未识别 0 行/ })).toBeTruthy();
    expect(selectedText("第8行指标")).toBe("工业合同额");
    expect(selectedText("第11行指标")).toBe("市外到位资金");
    expect(selectedText("D列数据项")).toBe("完成率");
    expect(screen.queryByRole("combobox", { name: "D列指标" })).toBeNull();
  });

  test("a duplicate row is reported, and the user's choice for it is used by the check and saved", async () => {
    const user = userEvent.setup();
    const form = formWithDuplicate();
    const port = new FakePort([form.grid]);
    renderPane(port);
    await checked();
    expect(screen.getByRole("button", { name: /^A9 / })).toBeTruthy();

    fireEvent.change(screen.getByRole("combobox", { name: "第9行指标" }), { target: { value: "agreement-investment" } });
    expect(await screen.findByText("手动")).toBeTruthy();
    expect(selectedText("第9行指标")).toBe("协议引资");
    await checked();
    expect(screen.queryByRole("button", { name: /^A9 / })).toBeNull();
    const saved = port.callsTo("saveSettings");
    expect(saved[saved.length - 1][0]).toMatchObject({
      mapping: { 黔江区: [{ row: form.rows[4], col: 0, indicator: "agreement-investment" }] },
    });

    await user.click(screen.getByRole("button", { name: "恢复自动识别" }));
    expect(selectedText("第9行指标")).toBe("正式合同额");
  });
});

test("in English the rows section reads as rows, with the catalog's English names", async () => {
  renderPane(new FakePort([formWithDuplicate().grid]), "en");
  await detected();
  expect(screen.getByRole("button", { name: /Rows · 7 rows recognised, 0 not/ })).toBeTruthy();
  expect(selectedText("Row 8 indicator")).toBe("Industrial contract amount");
});
