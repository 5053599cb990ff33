/**
 * The standalone page reads a 100,000-row sheet in its read worker (issue 9 §5), in Debian's Chromium: from the
 * file input's change to the end of reading (the page's "zs:workbook-read" mark) no task on the main thread runs
 * longer than 200 ms (Long Tasks API: https://developer.mozilla.org/en-US/docs/Web/API/PerformanceLongTaskTiming),
 * and the page shows how far reading has come, without loading exceljs. Run by scripts/e2e.js.
 */
import type { Browser } from "playwright-core";
import { bigWorkbook, chongqingCycled } from "../../bench/big-sheet";
import type { RunningServer } from "../../scripts/serve";
import { launchChromium, serve } from "./browser";

jest.setTimeout(180_000);

const ROWS = 100_000;
const FREEZE_MS = 200;

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await serve();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Timeline {
  changeAt: number;
  readAt: number;
  longTasks: { start: number; duration: number }[];
  progress: string[];
}

test("reading a 100,000-row sheet never blocks the page for more than 200 ms, shows its progress, needs no exceljs", async () => {
  const bytes = Buffer.from(await bigWorkbook(ROWS, chongqingCycled));
  const context = await browser.newContext({ ignoreHTTPSErrors: true, locale: "zh-CN", viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const workers: string[] = [];
  page.on("worker", (w) => workers.push(w.url()));
  const scripts: string[] = [];
  page.on("request", (r) => void (r.resourceType() === "script" && scripts.push(r.url())));
  await page.goto(server.url);
  await page.getByRole("button", { name: "示例数据" }).waitFor();
  await page.evaluate(() => {
    const w = window as unknown as { zs: Timeline };
    w.zs = { changeAt: -1, readAt: -1, longTasks: [], progress: [] };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.zs.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask" });
    // Handing the file to the input is Playwright's work (one task of seconds for 9 MB over the DevTools protocol,
    // ending with the change event): the clock starts when the page gets the file.
    document.querySelector("input[type=file]")?.addEventListener("change", () => (w.zs.changeAt = performance.now()), { capture: true });
    new MutationObserver(() => {
      const busy = /正在读取 big\.xlsx… \d+%/.exec(document.body.textContent ?? "");
      if (busy && w.zs.progress[w.zs.progress.length - 1] !== busy[0]) w.zs.progress.push(busy[0]);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.getByLabel("选择要校验的工作簿（.xlsx 或 .xlsm）").setInputFiles({
    name: "big.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: bytes,
  });
  await page.waitForFunction(() => performance.getEntriesByName("zs:workbook-read").length > 0, undefined, { timeout: 150_000 });
  const t = await page.evaluate(() => {
    const w = window as unknown as { zs: Timeline };
    return { ...w.zs, readAt: performance.getEntriesByName("zs:workbook-read")[0].startTime };
  });
  await context.close();

  expect(workers.some((u) => /read-worker/.test(u))).toBe(true);
  // exceljs (the workbook-io chunk) is for writing copies: reading never loads it.
  expect(scripts.filter((u) => /workbook-io/.test(u))).toEqual([]);
  expect(t.changeAt).toBeGreaterThan(0);
  const whileReading = t.longTasks.filter((x) => x.start >= t.changeAt && x.start < t.readAt);
  expect(whileReading.filter((x) => x.duration > FREEZE_MS)).toEqual([]);
  // Several steps of progress were on screen, not a single spinner.
  expect(t.progress.length).toBeGreaterThanOrEqual(3);
});
