/**
 * Shared by the end-to-end test and the web bench: Debian's Chromium driven by playwright-core (Playwright cannot
 * download browsers here), and the built page served by scripts/serve.js on a free loopback port.
 */
import fs from "fs";
import path from "path";
import { Browser, chromium } from "playwright-core";
import { RunningServer, startServer } from "../../scripts/serve";

export const CHROMIUM = process.env.ZS_CHROMIUM ?? "/usr/bin/chromium";

/** The flags toolchain.md lists: headless, no sandbox (containers), and nothing that phones home. */
export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function hasChromium(): boolean {
  return fs.existsSync(CHROMIUM);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
}

export const REPO = path.resolve(__dirname, "../..");

/** The build to test: ZS_E2E_DIST (set by scripts/e2e.js to a fresh build), else dist/. */
export function distDir(): string {
  return path.resolve(REPO, process.env.ZS_E2E_DIST ?? "dist");
}

/**
 * HTTPS with the project's self-signed development certificate, as `npm start` serves it; port 0 picks a free
 * one. Pages opened on it need a context with ignoreHTTPSErrors (the certificate is trusted nowhere).
 */
export async function serve(root = distDir()): Promise<RunningServer> {
  if (!fs.existsSync(path.join(root, "index.html"))) {
    throw new Error(`${root}/index.html is missing: run npm run build (or node scripts/e2e.js, which builds)`);
  }
  return startServer({ root, port: 0 });
}

export const OUTPUT = path.join(REPO, "test-output");

export function outputPath(name: string): string {
  fs.mkdirSync(OUTPUT, { recursive: true });
  return path.join(OUTPUT, name);
}
