/** @jest-environment jsdom */
import "./support/node-globals";
import fs from "fs";
import path from "path";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/web/App";
import { installBrowserStubs } from "./support/browser-stubs";

const FORM = path.join(__dirname, "../../examples/qianjiang-2022-h1-form.xlsx");

beforeAll(installBrowserStubs);
jest.setTimeout(60_000);

function selectedText(name: string): string {
  const select = screen.getByRole("combobox", { name }) as HTMLSelectElement;
  return select.options[select.selectedIndex]?.text ?? "";
}

test("the page lists a one-district form's indicator rows, and a row correction changes the check", async () => {
  const user = userEvent.setup();
  render(<App lang="zh" fetchSample={async () => new Uint8Array(fs.readFileSync(FORM))} />);
  await user.click(screen.getByRole("button", { name: "示例数据" }));
  const check = await screen.findByRole("button", { name: "一键校验" }, { timeout: 5000 });
  await waitFor(() => expect((check as HTMLButtonElement).disabled).toBe(false));
  expect(screen.getByRole("button", { name: /行识别 · 已识别 7 行，未识别 0 行/ })).toBeTruthy();
  expect(selectedText("第9行指标")).toBe("工业合同额");

  await user.click(check);
  await screen.findByRole("heading", { name: "校验结果" }, { timeout: 5000 });
  expect(screen.getByRole("button", { name: /^D9 / })).toBeTruthy();

  // The user takes the 工业 row out of the check: its planted 完成率 is no longer reported.
  fireEvent.change(screen.getByRole("combobox", { name: "第9行指标" }), { target: { value: "" } });
  expect(await screen.findByText("手动")).toBeTruthy();
  await waitFor(() => expect((check as HTMLButtonElement).disabled).toBe(false));
  await user.click(check);
  await waitFor(() => expect(screen.queryByRole("button", { name: /^D9 / })).toBeNull());
  expect(screen.getByRole("button", { name: /^B5 / })).toBeTruthy();
});
