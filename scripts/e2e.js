#!/usr/bin/env node
"use strict";
/**
 * End-to-end test of the standalone page in Debian's Chromium (tests/e2e/*.e2e.ts, through jest).
 *
 *   node scripts/e2e.js [jest options]
 *
 * - No Chromium at /usr/bin/chromium (or $ZS_CHROMIUM): says so and exits 0 — `npm test` must pass on machines
 *   without a browser (install one with `apt-get install -y chromium fonts-wqy-microhei`).
 * - Tests dist/ when it is newer than every source it is built from; otherwise makes a fresh production build
 *   of the page into a temporary folder first (dist/ is left alone), so a stale build is never what gets tested.
 * - Screenshots and downloads go to test-output/ (git-ignored).
 */
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { spawnSync } = require("node:child_process");

const REPO = path.resolve(__dirname, "..");
const CHROMIUM = process.env.ZS_CHROMIUM || "/usr/bin/chromium";
/** What the page's build is made from: newer than dist/index.html means dist/ is stale. */
const INPUTS = ["src", "webpack.config.js", "package-lock.json", "examples/chongqing-2022-h1.xlsx", "examples/targets-2022.xlsx"];

function newestMtime(p) {
  let st;
  try {
    st = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, name)));
  return newest;
}

/**
 * Fresh = has the page and was written after the last change to its sources. Webpack leaves an output file
 * untouched when its content did not change, so the newest file of dist/ is the build's time.
 */
function distIsFresh(dist) {
  if (!fs.existsSync(path.join(dist, "index.html"))) return false;
  const built = newestMtime(dist);
  return INPUTS.every((input) => newestMtime(path.join(REPO, input)) <= built);
}

function buildPage() {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "zs-e2e-dist-"));
  console.log(`e2e: dist/ is missing or older than the sources — building the page into ${out}`);
  const webpack = require.resolve("webpack-cli/bin/cli.js", { paths: [REPO] });
  const r = spawnSync(process.execPath, [webpack, "--mode", "production", "--env", "only=index", "--env", `outDir=${out}`], {
    cwd: REPO,
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (r.status !== 0) {
    console.error("e2e: the build failed");
    process.exit(1);
  }
  return out;
}

function main() {
  if (!fs.existsSync(CHROMIUM)) {
    console.log(`e2e: skipped — no Chromium at ${CHROMIUM} (apt-get install -y chromium fonts-wqy-microhei)`);
    return 0;
  }
  const dist = path.join(REPO, "dist");
  const fresh = distIsFresh(dist);
  const root = fresh ? dist : buildPage();
  try {
    const jest = require.resolve("jest/bin/jest", { paths: [REPO] });
    const r = spawnSync(
      process.execPath,
      [jest, "--testMatch", "**/tests/e2e/**/*.e2e.ts", "--runInBand", ...process.argv.slice(2)],
      { cwd: REPO, stdio: "inherit", env: { ...process.env, ZS_E2E_DIST: root } },
    );
    return r.status ?? 1;
  } finally {
    if (!fresh) fs.rmSync(root, { recursive: true, force: true });
  }
}

process.exitCode = main();
