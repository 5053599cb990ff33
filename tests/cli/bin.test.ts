import { spawnSync } from "node:child_process";
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
