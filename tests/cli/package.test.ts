import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildCli, packCli } from "../../scripts/build-cli";
import { run } from "../../src/cli/main";

/**
 * How a bureau without this repository gets zs-check: the tarball from `npm run pack:cli`, installed with npm on a
 * machine with no network, or its single file run with node. Both must answer exactly as the repository does.
 */

const REPO = path.resolve(__dirname, "../..");
const EXAMPLE = path.join(REPO, "examples", "chongqing-2022-h1.xlsx");
let tmp: string;
let tarball: string;
let cjs: string;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), "zs-cli-pack-"));
  const out = path.join(tmp, "dist-cli");
  cjs = (await buildCli(out)).file;
  tarball = packCli(out);
}, 120_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function inProcess(argv: string[]): Promise<string> {
  let stdout = "";
  await run(argv, {
    stdout: { write: (s: string) => ((stdout += s), true) },
    stderr: { write: () => true },
    isTTY: false,
    cwd: REPO,
    env: { NO_COLOR: "1" },
  });
  return stdout;
}

test("the tarball installs with npm offline, has no dependencies, and its zs-check checks like the repository's", async () => {
  const prefix = path.join(tmp, "global");
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const install = spawnSync(npm, ["install", "-g", "--offline", "--no-audit", "--no-fund", "--prefix", prefix, tarball], {
    encoding: "utf8",
    timeout: 120_000,
  });
  expect(install.status).toBe(0);
  const manifest = JSON.parse(readFileSync(path.join(prefix, "lib", "node_modules", "zs-check", "package.json"), "utf8"));
  expect(manifest.dependencies).toBeUndefined();
  const notices = readFileSync(path.join(prefix, "lib", "node_modules", "zs-check", "THIRD-PARTY-NOTICES.txt"), "utf8");
  expect(notices).toContain("commander");
  // Reading and the annotated copy are our own code now: the CLI bundles no spreadsheet library.
  expect(notices).not.toContain("exceljs");

  const bin = path.join(prefix, "bin", "zs-check");
  const r = spawnSync(bin, [EXAMPLE, "--format", "json"], { cwd: REPO, encoding: "utf8", timeout: 60_000 });
  expect(r.stderr).toBe("");
  expect(r.status).toBe(1); // the example has planted 强制性 findings
  expect(r.stdout).toBe(await inProcess([EXAMPLE, "--format", "json"]));
}, 180_000);

test("the single file runs with plain node, outside the repository, and knows its version", () => {
  const r = spawnSync(process.execPath, [cjs, "--version"], { cwd: os.tmpdir(), encoding: "utf8", timeout: 60_000 });
  const { version } = JSON.parse(readFileSync(path.join(REPO, "package.json"), "utf8"));
  expect(r.status).toBe(0);
  expect(r.stdout).toBe(`zs-check ${version}\n`);
}, 60_000);
