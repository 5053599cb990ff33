/** @jest-environment jsdom */
import "./support/node-globals";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { installBrowserStubs } from "./support/browser-stubs";
import { checkSample } from "./support/sample-check";

beforeAll(installBrowserStubs);

test("clicking a marked cell in the preview selects its findings in the list and focuses the first", async () => {
  const user = userEvent.setup();
  await checkSample(user);

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
  await checkSample(user);
  const plain = document.querySelector<HTMLElement>(".zs-grid td[data-cell]:not([data-severity])")!;
  fireEvent.click(plain);
  expect(screen.getByRole("region", { name: "校验" }).querySelector('li[aria-current="true"]')).toBeNull();
}, 20_000);
