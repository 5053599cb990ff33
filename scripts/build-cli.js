#!/usr/bin/env node
"use strict";
/**
 * Builds zs-check as one JavaScript file for machines without this repository:
 *
 *   node scripts/build-cli.js [--out dist-cli] [--pack]
 *
 * - dist-cli/zs-check.cjs: src/cli/bin.ts and everything it imports (commander included), bundled by
 *   esbuild for Node 20. Nothing is compiled at start (the repository's bin/zs-check.js compiles TypeScript on
 *   every start through tsx, which is right for development and slow for a bureau's daily use), and nothing needs
 *   installing: `node zs-check.cjs 报送/` works wherever Node 20 does.
 * - dist-cli/package.json: a package with that file as its `zs-check` bin and no dependencies, so the tarball from
 *   `--pack` (npm pack) installs with `npm install -g zs-check-<version>.tgz` on a machine with no network.
 */
const fs = require("node:fs");
const path = require("node:path");
const { spawnSync } = require("node:child_process");

const REPO = path.resolve(__dirname, "..");

const NOTICES = "THIRD-PARTY-NOTICES.txt";

/**
 * The bundle carries other people's code (commander and whatever else it imports, all MIT-style licences that
 * ask for their notice to travel with copies): each package's licence text, from the package itself.
 */
function thirdPartyNotices(inputs) {
  const packages = new Map();
  for (const input of inputs) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input.replace(/\\/g, "/"));
    if (!m) continue;
    const dir = path.join(REPO, input.slice(0, input.replace(/\\/g, "/").lastIndexOf(`node_modules/${m[1]}/`) + `node_modules/${m[1]}`.length));
    if (!packages.has(dir)) packages.set(dir, m[1]);
  }
  const sections = [];
  for (const [dir, name] of [...packages].sort((a, b) => a[1].localeCompare(b[1]))) {
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
    const licenceFile = fs.readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
    const text = licenceFile ? fs.readFileSync(path.join(dir, licenceFile), "utf8").trim() : `License: ${pkg.license || "see package"}`;
    sections.push(`${name} ${pkg.version} (${pkg.license || "unknown"})\n\n${text}`);
  }
  return `zs-check bundles the following packages.\n\n${sections.join(`\n\n${"-".repeat(72)}\n\n`)}\n`;
}

async function buildCli(outDir = path.join(REPO, "dist-cli")) {
  const esbuild = require("esbuild");
  const root = require(path.join(REPO, "package.json"));
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, "zs-check.cjs");
  const result = await esbuild.build({
    entryPoints: [path.join(REPO, "src", "cli", "bin.ts")],
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    outfile: file,
    banner: { js: "#!/usr/bin/env node" },
    legalComments: "none",
    metafile: true,
    logLevel: "warning",
  });
  fs.chmodSync(file, 0o755);
  fs.writeFileSync(path.join(outDir, NOTICES), thirdPartyNotices(Object.keys(result.metafile.inputs)));
  const pkg = {
    name: "zs-check",
    version: root.version,
    description: "zs-check：招商引资统计报表校验（命令行） / checks investment-promotion statistics workbooks",
    license: root.license,
    engines: { node: ">=20" },
    bin: { "zs-check": "zs-check.cjs" },
    files: ["zs-check.cjs", NOTICES, "README.md"],
  };
  fs.writeFileSync(path.join(outDir, "package.json"), `${JSON.stringify(pkg, null, 2)}\n`);
  fs.writeFileSync(
    path.join(outDir, "README.md"),
    [
      "# zs-check",
      "",
      "招商引资统计报表校验（命令行）。需要 Node.js 20 及以上，无需其他安装。",
      "Checks investment-promotion statistics workbooks. Needs Node.js 20 or later and nothing else.",
      "",
      "```",
      "zs-check 报送文件夹/ --targets 2022年目标.xlsx --out 已标注/",
      "zs-check --help",
      "```",
      "",
    ].join("\n"),
  );
  return { file, packageJson: path.join(outDir, "package.json"), version: root.version };
}

/** npm pack in the output folder; returns the tarball's path. */
function packCli(outDir = path.join(REPO, "dist-cli")) {
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const r = spawnSync(npm, ["pack", "--silent", "--pack-destination", outDir], { cwd: outDir, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`npm pack failed: ${r.stderr || r.stdout}`);
  const name = r.stdout.trim().split("\n").pop();
  return path.join(outDir, name);
}

async function main(argv) {
  const i = argv.indexOf("--out");
  const outDir = i >= 0 && argv[i + 1] ? path.resolve(argv[i + 1]) : path.join(REPO, "dist-cli");
  const built = await buildCli(outDir);
  console.log(`zs-check ${built.version} → ${path.relative(process.cwd(), built.file) || built.file}`);
  if (argv.includes("--pack")) console.log(`tarball → ${path.relative(process.cwd(), packCli(outDir))}`);
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (err) => {
      console.error(`build-cli: ${err && err.message ? err.message : err}`);
      process.exitCode = 1;
    },
  );
}

module.exports = { buildCli, packCli };
