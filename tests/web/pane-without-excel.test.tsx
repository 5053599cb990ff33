/** @jest-environment jsdom */
import "./support/node-globals";
import fs from "fs";
import path from "path";
import { act, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/web/App";
import { installBrowserStubs } from "./support/browser-stubs";

const g = globalThis as unknown as { Office?: unknown };
const EXAMPLE = path.join(__dirname, "../../examples/chongqing-2022-h1.xlsx");

beforeAll(installBrowserStubs);

async function bootInOffice(displayLanguage: string): Promise<void> {
  document.body.innerHTML = '<div id="root"><p>loading</p></div>';
  let ready: (() => void) | null = null;
  g.Office = { context: { displayLanguage }, onReady: (cb: () => void) => ((ready = cb), Promise.resolve()) };
  const { boot } = await import("../../src/taskpane/index");
  await act(async () => boot());
  // Office without Excel's API (another host, a browser tab): onReady with no host.
  act(() => (ready as unknown as () => void)());
}

afterEach(() => {
  delete g.Office;
});

test("the pane outside Excel links to the standalone page, with no heading of its own", async () => {
  await bootInOffice("zh-CN");
  const alert = screen.getByRole("alert");
  expect(alert.textContent).toMatch(/^未能连接 Excel.*可使用独立校验页。$/);
  const link = screen.getByRole("link", { name: "独立校验页" }) as HTMLAnchorElement;
  expect(link.getAttribute("href")).toBe("index.html");
  expect(link.target).toBe("_blank");
  expect(screen.queryAllByRole("heading")).toHaveLength(0);
});

test("in an English Office the link is in English", async () => {
  await bootInOffice("en-US");
  const link = screen.getByRole("link", { name: "standalone checking page" });
  expect(link.getAttribute("href")).toBe("index.html");
  expect(screen.getByRole("alert").textContent).toMatch(/use the standalone checking page\.$/);
});

test("the standalone page shows one title: the embedded pane adds no second h1", async () => {
  document.body.innerHTML = "";
  const user = userEvent.setup();
  render(<App lang="zh" store={null} fetchSample={async () => new Uint8Array(fs.readFileSync(EXAMPLE))} />);
  await user.click(screen.getByRole("button", { name: "示例数据" }));
  await screen.findByRole("button", { name: "一键校验" }, { timeout: 5000 });
  await waitFor(() => expect(screen.getAllByRole("heading", { level: 1 })).toHaveLength(1));
  expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("招商统计助手");
}, 20_000);
