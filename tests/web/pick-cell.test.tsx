/** @jest-environment jsdom */
import "./support/node-globals";
import fs from "fs";
import path from "path";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/web/App";
import { installBrowserStubs } from "./support/browser-stubs";

const EXAMPLE = path.join(__dirname, "../../examples/chongqing-2022-h1.xlsx");
const exampleBytes = () => new Uint8Array(fs.readFileSync(EXAMPLE));

beforeAll(installBrowserStubs);

test("clicking a marked cell in the preview selects its findings in the list and focuses the first", async () => {
  const user = userEvent.setup();
  render(<App lang="zh" store={null} fetchSample={async () => exampleBytes()} />);
  await user.click(screen.getByRole("button", { name: "示例数据" }));
  const check = await screen.findByRole("button", { name: "一键校验" }, { timeout: 5000 });
  await waitFor(() => expect((check as HTMLButtonElement).disabled).toBe(false));
  await user.click(check);
  await screen.findByRole("heading", { name: "校验结果" }, { timeout: 5000 });

  const pane = screen.getByRole("region", { name: "校验" });
  // The last marked cell the preview renders: not the first finding of the list, so the selection has to move.
  const marked = [...document.querySelectorAll<HTMLElement>(".zs-grid td[data-severity]")];
  expect(marked.length).toBeGreaterThan(1);
  const td = marked[marked.length - 1];
  const cell = td.dataset.cell!;
  expect(pane.querySelector('li[aria-current="true"]')).toBeNull();

  fireEvent.click(td);
  await waitFor(() => expect(pane.querySelectorAll('li[aria-current="true"]').length).toBeGreaterThan(0));
  const selected = [...pane.querySelectorAll<HTMLElement>('li[aria-current="true"]')];
  for (const li of selected) expect(li.dataset.cell).toBe(cell);
  // Every finding of the cell is selected, and only those.
  expect(selected.length).toBe(pane.querySelectorAll(`li[data-cell="${cell}"]`).length);
  expect(selected[0].contains(document.activeElement)).toBe(true);
  expect(within(selected[0]).getByText(cell)).toBeTruthy();
  // The preview outlines the clicked cell too.
  await waitFor(() => expect(document.querySelector(`.zs-grid td[data-cell="${cell}"]`)?.getAttribute("aria-selected")).toBe("true"));
}, 20_000);

test("clicking an unmarked cell selects nothing", async () => {
  const user = userEvent.setup();
  render(<App lang="zh" store={null} fetchSample={async () => exampleBytes()} />);
  await user.click(screen.getByRole("button", { name: "示例数据" }));
  const check = await screen.findByRole("button", { name: "一键校验" }, { timeout: 5000 });
  await waitFor(() => expect((check as HTMLButtonElement).disabled).toBe(false));
  await user.click(check);
  await screen.findByRole("heading", { name: "校验结果" }, { timeout: 5000 });
  const plain = document.querySelector<HTMLElement>(".zs-grid td[data-cell]:not([data-severity])")!;
  fireEvent.click(plain);
  expect(screen.getByRole("region", { name: "校验" }).querySelector('li[aria-current="true"]')).toBeNull();
}, 20_000);
