/**
 * The standalone page in a real browser (Debian Chromium), against the built page served as `npm start` serves
 * it: 示例数据 → 一键校验 → the engine's counts and findings → click a finding → the preview shows it → both downloads.
 * Run by scripts/e2e.js (part of `npm test`), which skips it when there is no Chromium.
 */
import fs from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { checkSheet } from "../../src/app/check";
import { compareFindings, Finding, summarize } from "../../src/core/findings";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { run } from "../../src/cli/main";
import { EXPLANATIONS_SHEET, readWorkbook, SEVERITY_FILL_ARGB } from "../../src/xlsx";
import type { RunningServer } from "../../scripts/serve";
import { launchChromium, outputPath, REPO, serve } from "./browser";
import { markedCells } from "../xlsx/helpers";

jest.setTimeout(120_000);

const EXAMPLE = path.join(REPO, "examples/chongqing-2022-h1.xlsx");

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const foreign: string[] = [];
const pageErrors: string[] = [];
let expected: Finding[];

/** What the engine finds in the example, computed here rather than written down: the rules may change. */
async function engineFindings(): Promise<Finding[]> {
  const data = await readWorkbook(new Uint8Array(fs.readFileSync(EXAMPLE)));
  return [...checkSheet(data.sheets[0], DEFAULT_SETTINGS).result.findings].sort(compareFindings);
}

/** The severity a cell is marked with: its most severe finding's. */
function worstAt(cell: string): Finding["severity"] {
  return expected.filter((f) => f.cell === cell).sort(compareFindings)[0].severity;
}

/** zs-check --format json on the example, run in-process from the examples folder so `file` is the bare name. */
/** zs-check --format json on a workbook, reported under the example's file name. */
async function zsCheckJson(workbook = EXAMPLE): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zs-e2e-json-"));
  const file = path.join(dir, path.basename(EXAMPLE));
  fs.copyFileSync(workbook, file);
  let out = "";
  const sink = { write: (s: string) => ((out += s), true) };
  const quiet = { write: () => true };
  await run([file, "--format", "json"], { stdout: sink, stderr: quiet, isTTY: false, cwd: dir, env: {} });
  fs.rmSync(dir, { recursive: true, force: true });
  return out;
}

beforeAll(async () => {
  expected = await engineFindings();
  server = await serve();
  browser = await launchChromium();
  // The development certificate is trusted nowhere: accepted for this test only.
  context = await browser.newContext({ ignoreHTTPSErrors: true, locale: "zh-CN", viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  page = await context.newPage();
  const origin = new URL(server.url).origin;
  page.on("request", (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith("blob:") && !url.startsWith("data:")) foreign.push(url);
  });
  page.on("pageerror", (e) => pageErrors.push(e.message));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test("opens with 示例数据 ready, in Chinese, with no request off this server", async () => {
  await page.goto(server.url);
  const sample = page.getByRole("button", { name: "示例数据" });
  await sample.waitFor();
  expect(await sample.isEnabled()).toBe(true);
  expect(await page.locator("html").getAttribute("lang")).toBe("zh-CN");
  await page.screenshot({ path: outputPath("page-1-start.png") });
});

test("示例数据 → 一键校验 shows the engine's counts and every finding", async () => {
  await page.getByRole("button", { name: "示例数据" }).click();
  await page.getByRole("heading", { name: "预览：1-6月" }).waitFor();
  const check = page.getByRole("button", { name: "一键校验" });
  await check.waitFor();
  await page.waitForFunction(() => {
    const b = [...document.querySelectorAll("button")].find((x) => x.textContent === "一键校验");
    return b !== undefined && !b.disabled;
  });
  await check.click();
  const pane = page.getByRole("region", { name: "校验", exact: true });
  await pane.getByRole("heading", { name: "校验结果" }).waitFor();

  const counts = summarize(expected);
  const summary = (await pane.getByRole("status").allTextContents()).join(" ");
  expect(summary).toContain(`强制性 ${counts.error}`);
  expect(summary).toContain(`核实性 ${counts.verify}`);
  expect(summary).toContain(`提示性 ${counts.info}`);

  // Every finding is listed with its cell and message (the example has fewer than the list's first page).
  const items = await pane.locator("li").allTextContents();
  for (const f of expected) {
    expect(items.some((text) => text.includes(f.message.zh) && (f.cell === null || text.includes(f.cell)))).toBe(true);
  }
  // The preview shows each marked cell it has rendered (the rows in view) in its most severe finding's colour.
  const shown = new Map(
    await page.locator(".zs-grid td[data-cell]").evaluateAll((tds) =>
      tds.map((td) => [td.getAttribute("data-cell") ?? "", td.getAttribute("data-severity")] as [string, string | null]),
    ),
  );
  const inView = expected.filter((f) => f.cell && shown.has(f.cell));
  expect(inView.length).toBeGreaterThan(0);
  for (const f of inView) expect(shown.get(f.cell!)).toBe(worstAt(f.cell!));
  await page.screenshot({ path: outputPath("page-2-checked.png") });
});

test("preview rows are exactly the 24 px the virtualisation assumes", async () => {
  const heights = await page.locator(".zs-grid tbody tr[data-row]").evaluateAll((rows) =>
    rows.slice(0, 10).map((r) => (r as HTMLElement).getBoundingClientRect().height),
  );
  expect(heights.length).toBeGreaterThan(5);
  for (const h of heights) expect(h).toBeCloseTo(24, 1);
});

test("clicking a finding far down scrolls the preview to its cell and outlines it", async () => {
  const last = expected.filter((f) => f.cell && f.row !== null).sort((a, b) => (b.row ?? 0) - (a.row ?? 0))[0];
  const pane = page.getByRole("region", { name: "校验", exact: true });
  await pane.locator("li button", { hasText: last.message.zh }).first().click();
  const cell = page.locator(`.zs-grid td[data-cell="${last.cell}"]`);
  await cell.waitFor();
  expect(await cell.getAttribute("class")).toContain("zs-grid-selected");
  expect(await cell.getAttribute("data-severity")).toBe(worstAt(last.cell!));
  const box = await cell.boundingBox();
  const view = await page.locator(".zs-grid-scroller").boundingBox();
  expect(box && view).toBeTruthy();
  // Inside the scroller's visible area (below the sticky column header, right of the row header).
  expect(box!.y).toBeGreaterThanOrEqual(view!.y + 20);
  expect(box!.y + box!.height).toBeLessThanOrEqual(view!.y + view!.height);
  expect(box!.x).toBeGreaterThanOrEqual(view!.x + 40);
  expect(box!.x + box!.width).toBeLessThanOrEqual(view!.x + view!.width + 1);
  await page.waitForTimeout(2000); // let the flash end, so the screenshot shows the outline
  await page.screenshot({ path: outputPath("page-3-selected.png") });
});

const EXPLANATION = "全市数含市级直接招商项目，与区县口径不同";

test("a 核实说明 written in the pane is kept for the copy", async () => {
  const verify = expected.find((f) => f.severity === "verify" && f.cell)!;
  const pane = page.getByRole("region", { name: "校验", exact: true });
  await pane.getByRole("button", { name: `填写说明：${verify.cell}` }).first().click();
  await pane.getByLabel(`核实说明（${verify.cell}）`).fill(EXPLANATION);
  await pane.getByRole("button", { name: "保存" }).click();
  await pane.getByText(EXPLANATION).first().waitFor();
});

test("下载标注文件 gives the original with marks, notes, the 校验结果 sheet and the explanation", async () => {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "下载标注文件" }).click()]);
  expect(download.suggestedFilename()).toBe("chongqing-2022-h1-校验.xlsx");
  const file = outputPath("chongqing-2022-h1-校验.xlsx");
  await download.saveAs(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  expect(wb.getWorksheet("校验结果")).toBeDefined();
  const ws = wb.getWorksheet("1-6月")!;
  // Marks are our conditional formats (the same writer as zs-check --out, through the browser's CompressionStream).
  const marks = markedCells(new Uint8Array(fs.readFileSync(file)), "1-6月");
  for (const f of expected.filter((x) => x.cell)) {
    const target = ws.getCell(f.cell!);
    expect(marks.get((target.isMerged ? target.master : target).address)).toBe(SEVERITY_FILL_ARGB[worstAt(f.cell!)]);
  }
  const explanations = wb.worksheets.find((w) => w.name === EXPLANATIONS_SHEET)!;
  expect(explanations.state).toBe("veryHidden");
  const texts: string[] = [];
  explanations.eachRow((row) => texts.push(String(row.getCell(4).value)));
  expect(texts).toContain(EXPLANATION);
});

// The page's JSON carries the 核实说明 written on the page, so the CLI reads the downloaded copy, where it is stored.
test("下载JSON报告 is zs-check --format json for the same file, byte for byte", async () => {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "下载JSON报告" }).click()]);
  expect(download.suggestedFilename()).toBe("chongqing-2022-h1-校验.json");
  const file = outputPath("chongqing-2022-h1-校验.json");
  await download.saveAs(file);
  const json = fs.readFileSync(file, "utf8");
  expect(JSON.parse(json).files[0].sheets[0].explained).toBe(1);
  expect(json).toBe(await zsCheckJson(outputPath("chongqing-2022-h1-校验.xlsx")));
});

test("narrow window: preview on top and kept in sight while the pane scrolls, nothing cut off sideways", async () => {
  await page.setViewportSize({ width: 420, height: 900 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const pane = page.getByRole("region", { name: "校验", exact: true });
  expect((await pane.boundingBox())!.y).toBeGreaterThan((await page.locator(".zs-grid-scroller").boundingBox())!.y);
  await page.screenshot({ path: outputPath("page-4-narrow.png") });
  // Far down the pane's list, a click still shows the cell: the preview is sticky at the top.
  const first = expected.find((f) => f.cell && f.severity === "info") ?? expected.find((f) => f.cell)!;
  await pane.locator("li button", { hasText: first.message.zh }).first().click();
  const cell = page.locator(`.zs-grid td[data-cell="${first.cell}"]`);
  await cell.waitFor();
  const box = (await cell.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(900);
  await page.waitForTimeout(2000);
  await page.screenshot({ path: outputPath("page-5-narrow-selected.png") });
  await page.setViewportSize({ width: 1280, height: 800 });
});

test("a refused file and English browsers", async () => {
  const en = await context.browser()!.newContext({ ignoreHTTPSErrors: true, locale: "en-US", viewport: { width: 1280, height: 800 } });
  const p = await en.newPage();
  await p.goto(server.url);
  await p.getByRole("button", { name: "Sample data" }).waitFor();
  await p.getByLabel("Choose a workbook to check (.xlsx or .xlsm)").setInputFiles({ name: "old.xls", mimeType: "application/vnd.ms-excel", buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0]) });
  await p.getByText(/"old.xls" is not an .xlsx or .xlsm workbook/).waitFor();
  await p.screenshot({ path: outputPath("page-6-english-refused.png") });
  await en.close();
});

test("no request left the server and the page threw nothing", () => {
  expect(foreign).toEqual([]);
  expect(pageErrors).toEqual([]);
});
