/** @jest-environment jsdom */
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { act, screen } from "@testing-library/react";
import { luminance, mountPane, prefersDark } from "../../src/taskpane/mount";
import { FakePort } from "./fake-port";
import { halfYearSheet } from "./fixtures";
import { detected, installBrowserStubs } from "./render";

type OfficeStub = {
  context?: { officeTheme?: { bodyBackgroundColor?: string }; displayLanguage?: string; [key: string]: unknown };
  onReady?: (cb: () => void) => Promise<unknown>;
};
const g = globalThis as unknown as { Office?: OfficeStub };

function withOffice(stub: OfficeStub | undefined, run: () => void): void {
  const before = g.Office;
  if (stub === undefined) delete g.Office;
  else g.Office = stub;
  try {
    run();
  } finally {
    if (before === undefined) delete g.Office;
    else g.Office = before;
  }
}

function setMedia(dark: boolean): void {
  window.matchMedia = ((query: string) => ({
    matches: dark && query.includes("dark"),
    media: query,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  })) as unknown as typeof window.matchMedia;
}

function styleText(): string {
  return Array.from(document.querySelectorAll("style"))
    .map((s) => s.textContent ?? "")
    .concat(Array.from(document.styleSheets).flatMap((s) => Array.from(s.cssRules).map((r) => r.cssText)))
    .join("\n");
}

describe("theme", () => {
  test("luminance of Office colours", () => {
    expect(luminance("#FFFFFF")).toBeCloseTo(1, 5);
    expect(luminance("262626")).toBeLessThan(0.05);
    expect(luminance("white")).toBeNull();
  });

  test("dark when Office's body background is dark, whatever the browser says", () => {
    setMedia(false);
    withOffice({ context: { officeTheme: { bodyBackgroundColor: "#262626" } } }, () => expect(prefersDark()).toBe(true));
    setMedia(true);
    withOffice({ context: { officeTheme: { bodyBackgroundColor: "#FFFFFF" } } }, () => expect(prefersDark()).toBe(false));
  });

  test("outside Office (or when Office gives no theme) the browser's prefers-color-scheme decides", () => {
    setMedia(true);
    withOffice(undefined, () => expect(prefersDark()).toBe(true));
    withOffice({ context: {} }, () => expect(prefersDark()).toBe(true));
    setMedia(false);
    withOffice(undefined, () => expect(prefersDark()).toBe(false));
  });

  test("mountPane renders the pane in a FluentProvider with the dark theme when dark", async () => {
    installBrowserStubs();
    setMedia(true);
    const element = document.createElement("div");
    document.body.appendChild(element);
    await act(async () => mountPane(element, new FakePort([halfYearSheet()])));
    await detected();
    expect(element.querySelector(".fui-FluentProvider")).not.toBeNull();
    expect(styleText()).toContain(`--colorNeutralBackground1: ${webDarkTheme.colorNeutralBackground1}`);
    expect(webDarkTheme.colorNeutralBackground1).not.toBe(webLightTheme.colorNeutralBackground1);
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("招商统计助手");
  });
});

describe("task pane entry", () => {
  async function loadEntry(): Promise<void> {
    const { boot } = await import("../../src/taskpane/index");
    await act(async () => boot());
  }

  test("without Office (CDN script failed offline) it says so instead of throwing", async () => {
    document.body.innerHTML = '<div id="root"></div>';
    delete g.Office;
    await expect(loadEntry()).resolves.toBeUndefined();
    expect(screen.getByRole("alert").textContent).toMatch(/^未能加载 Office\.js/);
  });

  test("with Office it waits for Office.onReady before mounting", async () => {
    document.body.innerHTML = '<div id="root"><p>loading</p></div>';
    let ready: (() => void) | null = null;
    g.Office = { context: { displayLanguage: "en-US" }, onReady: (cb) => ((ready = cb), Promise.resolve()) };
    try {
      await loadEntry();
      expect(screen.queryByRole("alert")).toBeNull();
      expect(ready).not.toBeNull();
      (ready as unknown as () => void)();
      // Office without Excel's API (another host, a plain browser tab): the entry says so in Office's language.
      expect(screen.getByRole("alert").textContent).toMatch(/^Could not connect to Excel/);
    } finally {
      delete g.Office;
    }
  });

  test("inside Excel it mounts the pane over the Office.js port", async () => {
    installBrowserStubs();
    document.body.innerHTML = '<div id="root"></div>';
    let ready: (() => void) | null = null;
    const e = globalThis as unknown as { Excel?: unknown };
    g.Office = {
      context: {
        displayLanguage: "zh-CN",
        requirements: { isSetSupported: () => true },
        document: { settings: { get: () => null, set: () => undefined, saveAsync: () => undefined } },
      } as OfficeStub["context"],
      onReady: (cb) => ((ready = cb), Promise.resolve()),
    };
    // Excel.run rejects: the pane must show the failure (in Chinese, as Office is) and not crash.
    e.Excel = { run: () => Promise.reject(new Error("Excel 不可用")) };
    try {
      await loadEntry();
      await act(async () => (ready as unknown as () => void)());
      expect(await screen.findByText(/^无法读取工作表列表：/)).toBeTruthy();
      expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("招商统计助手");
    } finally {
      delete g.Office;
      delete e.Excel;
    }
  });
});
