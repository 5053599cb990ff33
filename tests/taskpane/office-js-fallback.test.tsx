/** @jest-environment jsdom */
/*
 * When office.js cannot load (a bureau network that cannot reach the CDN set at build time, OFFICE_JS_URL), the
 * page's script tag fails and `Office` is undefined: the pane must say so in Chinese and English and link to the
 * standalone page, which needs no Office.js.
 */
import { act, screen, within } from "@testing-library/react";
import { boot, STANDALONE_PAGE } from "../../src/taskpane/index";

const g = globalThis as unknown as { Office?: unknown };

beforeEach(() => {
  document.body.innerHTML = '<div id="root"><p>招商统计助手正在加载… / Loading…</p></div>';
  delete g.Office;
});

test("without Office.js the pane says so in Chinese first, then in English", async () => {
  await act(async () => boot());
  const alert = screen.getByRole("alert");
  const [zh, en] = Array.from(alert.querySelectorAll("p"));
  expect(zh.lang).toBe("zh-CN");
  expect(zh.textContent).toMatch(/^未能加载 Office\.js/);
  expect(en.lang).toBe("en");
  expect(en.textContent).toMatch(/^Office\.js could not be loaded/);
  expect(screen.queryByText(/正在加载/)).toBeNull();
});

test("both messages link to the standalone page on the same host, opened outside the pane", async () => {
  await act(async () => boot());
  const links = within(screen.getByRole("alert")).getAllByRole("link");
  expect(links.map((a) => a.textContent)).toEqual(["独立校验页", "standalone checking page (works offline, no Office.js)"]);
  for (const a of links) {
    expect(a.getAttribute("href")).toBe(STANDALONE_PAGE);
    expect(new URL((a as HTMLAnchorElement).href).origin).toBe(window.location.origin);
    expect(a.getAttribute("target")).toBe("_blank");
    expect(a.getAttribute("rel")).toContain("noopener");
  }
  expect(STANDALONE_PAGE).toBe("index.html");
});
