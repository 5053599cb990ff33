import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * The one test that runs the real package bin as a user would: proves bin/zs-check.js starts under plain Node
 * (TypeScript compiled on load by tsx, no build step) and that --help needs no workbook machinery.
 */
test("node bin/zs-check.js --help prints the Chinese help and exits 0", () => {
  const root = path.resolve(__dirname, "../..");
  const r = spawnSync(process.execPath, [path.join(root, "bin", "zs-check.js"), "--help"], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
    timeout: 60_000,
  });
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  expect(r.stdout).toContain("zs-check — 招商引资统计报表校验");
  expect(r.stdout).toContain("用法：");
}, 60_000);

test("node bin/zs-check.js --out writes the annotated copy (exceljs is loaded on demand under tsx too)", () => {
  const root = path.resolve(__dirname, "../..");
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "zs-bin-out-"));
  try {
    const r = spawnSync(process.execPath, [path.join(root, "bin", "zs-check.js"), "examples/chongqing-2022-h1.xlsx", "--out", out], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
      timeout: 60_000,
    });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(1); // the example's planted 强制性 findings, not a failure to write
    expect(fs.readdirSync(out).sort()).toEqual(["chongqing-2022-h1.xlsx", "zs-check-report.json"]);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}, 60_000);

test("node bin/zs-merge.js merges under plain Node (the lazily required merge code compiles under tsx too)", () => {
  const root = path.resolve(__dirname, "../..");
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "zs-bin-merge-"));
  try {
    const r = spawnSync(process.execPath, [path.join(root, "bin", "zs-merge.js"), "examples/qianjiang-2022-h1-form.xlsx", "--out", path.join(out, "汇总.xlsx")], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
      timeout: 60_000,
    });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("已汇总 1 个文件（1 个单位）");
    expect(fs.readdirSync(out)).toEqual(["汇总.xlsx"]);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}, 60_000);
