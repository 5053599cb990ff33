/*
 * The task pane's bundle and the standalone page in Debian's Chromium: what a statistician waits for.
 * Browser figures need /usr/bin/chromium; without it they are skipped (said on stderr), never invented.
 */
import fs from "fs";
import os from "os";
import path from "path";
import zlib from "zlib";
import type { Browser } from "playwright-core";
import { hasChromium, launchChromium, CHROMIUM, serve } from "../tests/e2e/browser";
import { bigWorkbook, chongqingCycled } from "./big-sheet";
import { buildEntries } from "./build";
import { Figure, median, round } from "./figure";

const ROWS = 10_000;

/** The scripts an HTML page of the build loads, as written by HtmlWebpackPlugin. */
function scriptsOf(dir: string, html: string): string[] {
  const text = fs.readFileSync(path.join(dir, html), "utf8");
  return [...text.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]).filter((src) => !/^https?:/.test(src));
}

function gzipKB(dir: string, files: string[]): number {
  return files.reduce((sum, f) => sum + zlib.gzipSync(fs.readFileSync(path.join(dir, f))).length, 0) / 1024;
}

function bundleFigures(dir: string): Figure[] {
  const pane = scriptsOf(dir, "taskpane.html");
  if (pane.length === 0) throw new Error("taskpane.html loads no script");
  // The custom functions run in their own runtime from functions.js; none of them may end up in the pane.
  for (const f of pane) {
    const js = fs.readFileSync(path.join(dir, f), "utf8");
    if (js.includes("CustomFunctions.associate")) throw new Error(`${f} (task pane) contains the custom-functions code`);
  }
  const page = scriptsOf(dir, "index.html");
  const lazy = fs.readdirSync(dir).filter((f) => f.endsWith(".js") && !page.includes(f) && /workbook-io/.test(f));
  return [
    { name: "task pane JS (gzip, all its scripts)", value: round(gzipKB(dir, pane), 1), unit: "KB", target: 350, how: "production build, gzip of every script taskpane.html loads" },
    { name: "standalone page JS before a file is opened (gzip)", value: round(gzipKB(dir, page), 1), unit: "KB", target: null, how: "production build" },
    { name: "standalone page spreadsheet chunk, loaded on demand (gzip)", value: round(gzipKB(dir, lazy), 1), unit: "KB", target: null, how: "production build" },
  ];
}

/** Navigation start → 示例数据 enabled, in a fresh context each time (nothing cached), median of 5. */
async function loadFigure(browser: Browser, url: string): Promise<Figure> {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const context = await browser.newContext({ ignoreHTTPSErrors: true, locale: "zh-CN" });
    const page = await context.newPage();
    await page.goto(url, { waitUntil: "commit" });
    // performance.now() counts from the navigation's start.
    const handle = await page.waitForFunction(() => {
      const b = [...document.querySelectorAll("button")].find((x) => x.textContent === "示例数据");
      return b !== undefined && !b.disabled ? performance.now() : false;
    }, undefined, { polling: "raf", timeout: 30_000 });
    times.push(Number(await handle.jsonValue()));
    await context.close();
  }
  return { name: "standalone page: load to 示例数据 enabled (median of 5, cold)", value: round(median(times) / 1000, 2), unit: "s", target: 1.5, how: "Debian Chromium headless, fresh context each time, production build on loopback" };
}

/** A 10,000-row workbook through the file input, to the pane's results: median of 3 fresh pages. */
async function bigSheetFigure(browser: Browser, url: string): Promise<Figure[]> {
  // The page checks against Chongqing's 41 units, so a 10,000-row sheet repeats their names (a worst case: every
  // row is a duplicate-unit finding).
  const bytes = Buffer.from(await bigWorkbook(ROWS, chongqingCycled));
  const total: number[] = [];
  const open: number[] = [];
  for (let i = 0; i < 3; i++) {
    const context = await browser.newContext({ ignoreHTTPSErrors: true, locale: "zh-CN", viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(url);
    await page.getByRole("button", { name: "示例数据" }).waitFor();
    await page.waitForLoadState("networkidle");
    // Time stamps are taken in the page: the change event of the input starts the clock.
    await page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>("input[type=file]");
      input?.addEventListener("change", () => ((window as unknown as { zsT0: number }).zsT0 = performance.now()), { capture: true });
    });
    await page.getByLabel("选择要校验的工作簿（.xlsx 或 .xlsm）").setInputFiles({
      name: "big.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: bytes,
    });
    const check = page.getByRole("button", { name: "一键校验" });
    const ready = await page.waitForFunction(() => {
      const b = [...document.querySelectorAll("button")].find((x) => x.textContent === "一键校验");
      return b !== undefined && !b.disabled ? performance.now() : false;
    }, undefined, { polling: "raf", timeout: 60_000 });
    const readyAt = Number(await ready.jsonValue());
    await check.click();
    const done = await page.waitForFunction(() => {
      const h = [...document.querySelectorAll("h2")].find((x) => x.textContent === "校验结果");
      return h !== undefined && document.querySelector(".zs-grid td[data-severity]") !== null ? performance.now() : false;
    }, undefined, { polling: "raf", timeout: 60_000 });
    const t0 = Number(await page.evaluate(() => (window as unknown as { zsT0: number }).zsT0));
    total.push(Number(await done.jsonValue()) - t0);
    open.push(readyAt - t0);
    await context.close();
  }
  return [
    { name: `standalone page: ${ROWS.toLocaleString("en-US")}-row sheet, upload → results shown (median of 3)`, value: round(median(total) / 1000, 2), unit: "s", target: 2, how: "Debian Chromium headless, file input to results list, Chongqing names cycled" },
    { name: `standalone page: ${ROWS.toLocaleString("en-US")}-row sheet, upload → sheet read and 一键校验 enabled`, value: round(median(open) / 1000, 2), unit: "s", target: null, how: "Debian Chromium headless" },
  ];
}

export async function webFigures(): Promise<Figure[]> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "zs-bench-web-"));
  try {
    // Both React entries, as in production: the shared chunk is part of what the pane loads.
    await buildEntries(["taskpane", "index"], outDir);
    const figures = bundleFigures(outDir);
    if (!hasChromium()) {
      console.error(`web bench: browser figures skipped — no Chromium at ${CHROMIUM} (apt-get install -y chromium fonts-wqy-microhei)`);
      return figures;
    }
    const server = await serve(outDir);
    const browser = await launchChromium();
    try {
      figures.push(await loadFigure(browser, server.url));
      figures.push(...(await bigSheetFigure(browser, server.url)));
    } finally {
      await browser.close();
      await server.close();
    }
    return figures;
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}
