import { execFileSync, spawnSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import { buildCli } from "../scripts/build-cli";
import { Figure, MIN_SAMPLES, fromSamples, median, round } from "./figure";
import { bigRegistryData, bigWorkbook } from "./big-sheet";

const ROWS = 100_000;
const EXAMPLE = path.resolve(__dirname, "../examples/chongqing-2022-h1.xlsx");

/** The engine alone, in child processes so that its memory is measured apart from this one's; five of them. */
export function engineFigures(): Figure[] {
  const runs = Array.from({ length: MIN_SAMPLES }, () => {
    const out = execFileSync(
      process.execPath,
      ["--expose-gc", "--import", "tsx", path.join(__dirname, "engine-child.ts"), String(ROWS)],
      { encoding: "utf8", maxBuffer: 1 << 20 },
    );
    return JSON.parse(out.trim().split("\n").pop()!) as { ms: number; extraMB: number };
  });
  const ms = runs.map((r) => r.ms);
  const how = "in-process, readSheet + validate on a prepared grid shaped like a city table (全市 row, footer); 5 child processes";
  return [
    fromSamples({ name: "engine (readSheet + validate) on 100,000 rows × 12 columns", unit: "s", target: 1, how }, ms, (x) => x / 1000, 2),
    fromSamples({ name: "engine throughput", unit: "k rows/s", target: 100, higherIsBetter: true, how }, ms, (x) => ROWS / (x / 1000) / 1000, 0),
    fromSamples({ name: "engine memory (peak RSS growth)", unit: "MB", target: 300, how }, runs.map((r) => r.extraMB), (x) => x, 0),
  ];
}

/** A whole process, start to exit: wall milliseconds, and peak RSS in MB where GNU time is there to tell it. */
function processRun(args: string[], cwd: string): { ms: number; peakMB: number | null } {
  // zs-check exits 1 when it finds 强制性 problems; anything else but 0 means the run measured a failure.
  const gnuTime = fs.existsSync("/usr/bin/time");
  const cmd = gnuTime ? "/usr/bin/time" : process.execPath;
  const argv = gnuTime ? ["-f", "%M", process.execPath, ...args] : args;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { cwd, encoding: "utf8", maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const okCodes = args[0] === "-e" ? [0] : [0, 1];
  if (!okCodes.includes(r.status ?? -1)) throw new Error(`${args.join(" ").slice(0, 200)} exited ${r.status}: ${r.stderr}`);
  const kb = gnuTime ? Number(r.stderr.trim().split("\n").pop()) : NaN;
  return { ms, peakMB: Number.isFinite(kb) ? kb / 1024 : null };
}

/** Alternates the commands, so that none of them runs warmer or on a quieter machine than the others. */
function alternate(commands: string[][], cwd: string, runs = MIN_SAMPLES): { ms: number[]; peakMB: (number | null)[] }[] {
  const results = commands.map(() => ({ ms: [] as number[], peakMB: [] as (number | null)[] }));
  for (const c of commands) processRun(c, cwd); // warm the disk cache
  for (let i = 0; i < runs; i++) {
    commands.forEach((c, k) => {
      const r = processRun(c, cwd);
      results[k].ms.push(r.ms);
      results[k].peakMB.push(r.peakMB);
    });
  }
  return results;
}

// Resolved here: the child runs in a temporary folder, where a bare require("exceljs") would find nothing.
const LOAD_WITH_EXCELJS = `const E=require(${JSON.stringify(require.resolve("exceljs"))});new E.Workbook().xlsx.load(require("fs").readFileSync(process.argv[1])).then(()=>{},(e)=>{console.error(e);process.exit(3)})`;

/**
 * What a statistician waits for: the shipped zs-check (dist-cli/zs-check.cjs, built here) as a whole process —
 * start-up, module loading, reading, checking, writing JSON — against a bare `node -e 0` start and against a process
 * that only loads the same workbook with exceljs.
 */
async function processFigures(dir: string): Promise<Figure[]> {
  const cli = (await buildCli(path.join(dir, "dist-cli"))).file;
  const big = path.join(dir, "big.xlsx");
  const registry = path.join(dir, "registry.json");
  fs.writeFileSync(big, await bigWorkbook(ROWS));
  fs.writeFileSync(registry, JSON.stringify(bigRegistryData(ROWS)));
  const batch = path.join(dir, "batch");
  fs.mkdirSync(batch);
  for (let i = 1; i <= 41; i++) fs.copyFileSync(EXAMPLE, path.join(batch, `district-${String(i).padStart(2, "0")}.xlsx`));

  const [bare, one, folder] = alternate([["-e", "0"], [cli, EXAMPLE, "--format", "json"], [cli, batch, "--format", "json"]], dir);
  const floorScript = path.join(__dirname, "unzip-floor.cjs");
  const [load, check, floor] = alternate(
    [["-e", LOAD_WITH_EXCELJS, big], [cli, big, "--registry", registry, "--format", "json"], [floorScript, big]],
    dir,
  );

  const s = (ms: number) => ms / 1000;
  const ratio = (a: number[], b: number[]) => a.map((x, i) => x / b[i]);
  const peaks = check.peakMB.filter((x): x is number => x !== null);
  const whole = "whole process (node dist-cli/zs-check.cjs), median of 5 alternated runs";
  return [
    fromSamples({ name: "node -e 0 (bare start, for comparison)", unit: "s", target: null, how: "whole process" }, bare.ms, s, 3),
    fromSamples({ name: "zs-check on one 41-row file, end to end", unit: "s", target: null, how: whole }, one.ms, s, 2),
    fromSamples({ name: "zs-check on one 41-row file ÷ bare node start", unit: "×", target: 3, how: "per pair of alternated runs" }, ratio(one.ms, bare.ms), (x) => x, 1),
    fromSamples({ name: "zs-check on 41 files of 41 rows", unit: "s", target: 3, how: whole }, folder.ms, s, 2),
    fromSamples({ name: "exceljs alone loading the 100,000-row workbook", unit: "s", target: null, how: "whole process: node, require exceljs, load" }, load.ms, s, 2),
    fromSamples({ name: "zs-check on the 100,000-row workbook (JSON output)", unit: "s", target: null, how: `${whole}; title, 全市 row, shared strings, number formats` }, check.ms, s, 2),
    fromSamples({ name: "zs-check ÷ exceljs load (100,000 rows)", unit: "×", target: 1.5, how: "per pair of alternated runs" }, ratio(check.ms, load.ms), (x) => x, 2),
    fromSamples({ name: "floor: unzip the sheet XML and scan its cells, no model (100,000 rows)", unit: "s", target: null, how: "whole process: node bench/unzip-floor.cjs (zlib + a byte scan)" }, floor.ms, s, 2),
    fromSamples({ name: "zs-check ÷ floor (100,000 rows)", unit: "×", target: 2, how: "per triple of alternated runs" }, ratio(check.ms, floor.ms), (x) => x, 2),
    ...(peaks.length > 0
      ? [{ name: "zs-check peak memory (100,000 rows)", value: round(median(peaks), 0), unit: "MB", target: 300, how: "peak RSS of the process (GNU time %M)" }]
      : []),
  ];
}

export async function checkFigures(): Promise<Figure[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zs-bench-check-"));
  try {
    return [...engineFigures(), ...(await processFigures(dir))];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
