import fs from "fs";
import path from "path";
import { createElement } from "react";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../../src/web/App";

/** Test support (not a test file): the page with the bundled example workbook, checked as a user would. */
const EXAMPLE = path.join(__dirname, "../../../examples/chongqing-2022-h1.xlsx");
export const exampleBytes = (): Uint8Array => new Uint8Array(fs.readFileSync(EXAMPLE));

/** Renders the page (no browser store), clicks 示例数据 then 一键校验, and waits for the results. */
export async function checkSample(user: ReturnType<typeof userEvent.setup>): Promise<void> {
  render(createElement(App, { lang: "zh", store: null, fetchSample: async () => exampleBytes() }));
  await user.click(screen.getByRole("button", { name: "示例数据" }));
  const check = await screen.findByRole("button", { name: "一键校验" }, { timeout: 5000 });
  await waitFor(() => expect((check as HTMLButtonElement).disabled).toBe(false));
  await user.click(check);
  await screen.findByRole("heading", { name: "校验结果" }, { timeout: 5000 });
}
