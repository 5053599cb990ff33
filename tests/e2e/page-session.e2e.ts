/**
 * The standalone page as a tool kept open for a while (issue 13 §3), in Debian's Chromium: 核实说明 and the language
 * survive a reload, a settings change says the results are stale, a marked cell selects its finding, and the print
 * view (A4, print media) lists every finding. Run by scripts/e2e.js; screenshots go to test-output/.
 */
import fs from "fs";
import path from "path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { checkSheet } from "../../src/app/check";
import { compareFindings, Finding } from "../../src/core/findings";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { readWorkbook } from "../../src/xlsx";
import type { RunningServer } from "../../scripts/serve";
import { launchChromium, outputPath, REPO, serve } from "./browser";

jest.setTimeout(120_000);

const EXAMPLE = path.join(REPO, "examples/chongqing-2022-h1.xlsx");
const EXPLANATION = "全市数含市级直接招商项目，与区县口径不同";

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let expected: Finding[];
const pageErrors: string[] = [];

beforeAll(async () => {
  const data = await readWorkbook(new Uint8Array(fs.readFileSync(EXAMPLE)));
  expected = [...checkSheet(data.sheets[0], DEFAULT_SETTINGS).result.findings].sort(compareFindings);
  server = await serve();
  browser = await launchChromium();
  context = await browser.newContext({ ignoreHTTPSErrors: true, locale: "zh-CN", viewport: { width: 1280, height: 800 } });
  page = await context.newPage();
  page.on("pageerror", (e) => pageErrors.push(e.message));
  // A reload with unsaved explanations asks first (beforeunload): the test accepts, as a user who means it.
  page.on("dialog", (d) => void d.accept());
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const pane = () => page.getByRole("region", { name: "校验", exact: true });

async function openSampleAndCheck(): Promise<void> {
  await page.getByRole("button", { name: "示例数据" }).click();
  await page.getByRole("heading", { name: "预览：1-6月" }).waitFor();
  await page.waitForFunction(() => {
    const b = [...document.querySelectorAll("button")].find((x) => x.textContent === "一键校验");
    return b !== undefined && !b.disabled;
  });
  await page.getByRole("button", { name: "一键校验" }).click();
  await pane().getByRole("heading", { name: "校验结果" }).waitFor();
}

test("a 核实说明 written on the page survives a reload of the tab", async () => {
  await page.goto(server.url);
  await openSampleAndCheck();
  const verify = expected.find((f) => f.severity === "verify" && f.cell)!;
  await pane().getByRole("button", { name: `填写说明：${verify.cell}` }).first().click();
  await pane().getByLabel(`核实说明（${verify.cell}）`).fill(EXPLANATION);
  await pane().getByRole("button", { name: "保存" }).click();
  await pane().getByText(EXPLANATION).first().waitFor();

  await page.reload();
  await openSampleAndCheck();
  await page.getByText(/已恢复上次在本浏览器中为此文件填写的 1 条核实说明/).waitFor();
  await pane().getByText(EXPLANATION).first().waitFor();
  expect(await pane().getByText(EXPLANATION).count()).toBeGreaterThan(0);
});

test("clicking a marked cell in the preview selects its finding in the list", async () => {
  const cell = await page.locator(".zs-grid tbody td[data-severity]").last().getAttribute("data-cell");
  await page.locator(`.zs-grid tbody td[data-cell="${cell}"]`).click();
  const selected = pane().locator('li[aria-current="true"]');
  await selected.first().waitFor();
  for (const c of await selected.evaluateAll((lis) => lis.map((li) => li.getAttribute("data-cell")))) expect(c).toBe(cell);
  expect(await selected.first().evaluate((li) => li.contains(document.activeElement))).toBe(true);
});

test("the header rows stay in view when a finding far down is shown", async () => {
  const last = expected.filter((f) => f.cell && f.row !== null).sort((a, b) => (b.row ?? 0) - (a.row ?? 0))[0];
  await pane().locator("li button", { hasText: last.message.zh }).first().click();
  await page.locator(`.zs-grid td[data-cell="${last.cell}"]`).waitFor();
  // The cells are sticky, not the row: measure the last header row's row number.
  const frozen = page.locator(".zs-grid thead tr.zs-grid-frozen-row").last().locator("th.zs-grid-rowhead");
  const view = (await page.locator(".zs-grid-scroller").boundingBox())!;
  const header = (await frozen.boundingBox())!;
  expect(header.y).toBeGreaterThanOrEqual(view.y);
  expect(header.y + header.height).toBeLessThanOrEqual(view.y + view.height);
  // … and the unit name of the finding's row stays at the left, beside the row numbers.
  const name = (await page.locator(`.zs-grid tr[data-row="${last.row}"] td.zs-grid-frozen-col`).last().boundingBox())!;
  expect(name.x).toBeGreaterThanOrEqual(view.x);
  expect(name.x).toBeLessThan(view.x + 400);
  await page.screenshot({ path: outputPath("session-frozen-header.png") });
});

test("the print view, on A4 print media, lists every finding and nothing of the screen", async () => {
  await page.emulateMedia({ media: "print" });
  try {
    const report = page.locator(".zs-print");
    // The page builds the report when the print media query starts to match (a change event, then a React render):
    // wait for it rather than look once.
    await report.waitFor({ state: "visible", timeout: 10_000 });
    await page.locator(".zs-page").waitFor({ state: "hidden", timeout: 10_000 });
    expect(await report.isVisible()).toBe(true);
    expect(await page.locator(".zs-page").isVisible()).toBe(false);
    const rows = await report.locator("tbody tr").allTextContents();
    expect(rows).toHaveLength(expected.length);
    for (const f of expected) expect(rows.some((t) => t.includes(f.message.zh) && (f.cell === null || t.includes(f.cell)))).toBe(true);
    expect(rows.some((t) => t.includes(EXPLANATION))).toBe(true);
    await page.screenshot({ path: outputPath("session-print.png"), fullPage: true });
    // The same as a PDF, as the browser's print dialog would lay it out on A4.
    await page.pdf({ path: outputPath("session-print.pdf"), format: "A4", preferCSSPageSize: true });
  } finally {
    await page.emulateMedia({ media: "screen" });
  }
});

test("changing a setting after the check says the results are stale and offers 重新校验", async () => {
  const preset = pane().getByLabel("统计单位名单");
  const values = await preset.locator("option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  const current = await preset.inputValue();
  await preset.selectOption(values.find((v) => v !== current)!);
  await pane().getByText(/以下结果已过时，请重新校验/).waitFor();
  await pane().getByRole("button", { name: "重新校验" }).click();
  await pane().getByText(/以下结果已过时/).waitFor({ state: "detached" });
});

test("the language chosen on the page is kept after a reload", async () => {
  await page.getByRole("button", { name: "Switch to English" }).click();
  await page.getByRole("button", { name: "Sample data" }).or(page.getByRole("button", { name: "中文" })).first().waitFor();
  await page.reload();
  await page.getByRole("button", { name: "Sample data" }).waitFor();
  expect(await page.locator("html").getAttribute("lang")).toBe("en");
  expect(pageErrors).toEqual([]);
});
