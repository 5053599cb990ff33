/** @jest-environment jsdom */
import "./support/node-globals";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { installBrowserStubs } from "./support/browser-stubs";
import { checkSample } from "./support/sample-check";

const STALE = /以下结果已过时，请重新校验/;

beforeAll(installBrowserStubs);


test("fresh results carry no stale notice", async () => {
  const user = userEvent.setup();
  await checkSample(user);
  expect(screen.queryByText(STALE)).toBeNull();
  expect(screen.queryByRole("button", { name: "重新校验" })).toBeNull();
}, 20_000);

test("changing the units list after a check says the results are stale, and 重新校验 refreshes them", async () => {
  const user = userEvent.setup();
  await checkSample(user);
  const preset = screen.getByLabelText("统计单位名单") as HTMLSelectElement;
  const other = [...preset.options].find((o) => o.value !== preset.value)!;
  await user.selectOptions(preset, other.value);
  expect(await screen.findByText(STALE)).toBeTruthy();
  await user.click(screen.getByRole("button", { name: "重新校验" }));
  await waitFor(() => expect(screen.queryByText(STALE)).toBeNull(), { timeout: 5000 });
  expect(screen.getByRole("heading", { name: "校验结果" })).toBeTruthy();
}, 20_000);

test("typing another period after a check marks the results stale", async () => {
  const user = userEvent.setup();
  await checkSample(user);
  const period = screen.getByLabelText("统计期间") as HTMLInputElement;
  await user.clear(period);
  await user.type(period, "2022年1-9月{Enter}");
  expect(await screen.findByText(STALE)).toBeTruthy();
}, 20_000);
