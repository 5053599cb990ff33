import { execFileSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import { run } from "../src/cli/main";
import { Figure, median, round } from "./figure";
import { bigRegistryData, bigWorkbook } from "./big-sheet";

const ROWS = 100_000;

function nullIO(cwd: string) {
  const sink = { write: () => true };
  return { stdout: sink, stderr: sink, isTTY: false, cwd, env: {} };
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/** The engine alone, in a child process so its memory is measured apart from this one's. */
function engineFigures(): Figure[] {
  const out = execFileSync(
    process.execPath,
    ["--expose-gc", "--import", "tsx", path.join(__dirname, "engine-child.ts"), String(ROWS)],
    { encoding: "utf8", maxBuffer: 1 << 20 },
  );
  const { ms, extraMB } = JSON.parse(out.trim().split("\n").pop()!);
  return [
    { name: "engine (readSheet + validate) on 100,000 rows × 12 columns", value: round(ms / 1000, 2), unit: "s", target: 1 },
    { name: "engine throughput", value: round(ROWS / (ms / 1000) / 1000, 0), unit: "k rows/s", target: 100, higherIsBetter: true },
    { name: "engine memory (peak RSS growth)", value: round(extraMB, 0), unit: "MB", target: 300 },
  ];
}

/** zs-check end to end against exceljs alone loading the same file, alternated so neither runs warmer. */
async function endToEndFigures(dir: string): Promise<Figure[]> {
  const file = path.join(dir, "big.xlsx");
  const registry = path.join(dir, "registry.json");
  fs.writeFileSync(file, await bigWorkbook(ROWS));
  fs.writeFileSync(registry, JSON.stringify(bigRegistryData(ROWS)));
  const loadOnly: number[] = [];
  const check: number[] = [];
  for (let i = 0; i < 2; i++) {
    loadOnly.push(await timed(() => new ExcelJS.Workbook().xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer)));
    check.push(await timed(() => run([file, "--registry", registry, "--format", "json"], nullIO(dir))));
  }
  const ratio = median(check) / median(loadOnly);
  return [
    { name: "exceljs alone loading the 100,000-row workbook", value: round(median(loadOnly) / 1000, 2), unit: "s", target: null },
    { name: "zs-check end to end on the 100,000-row workbook", value: round(median(check) / 1000, 2), unit: "s", target: null },
    { name: "zs-check ÷ exceljs load", value: round(ratio, 2), unit: "×", target: 1.5 },
  ];
}

/** A month's batch: 41 district files of 41 rows each, checked in one run. */
async function batchFigures(dir: string): Promise<Figure[]> {
  const example = path.resolve(__dirname, "../examples/chongqing-2022-h1.xlsx");
  const batch = path.join(dir, "batch");
  fs.mkdirSync(batch);
  for (let i = 1; i <= 41; i++) fs.copyFileSync(example, path.join(batch, `district-${String(i).padStart(2, "0")}.xlsx`));
  await run([path.join(batch, "district-01.xlsx"), "--format", "json"], nullIO(dir));
  const ms = median([await timed(() => run([batch, "--format", "json"], nullIO(dir))), await timed(() => run([batch, "--format", "json"], nullIO(dir)))]);
  return [{ name: "zs-check on 41 files of 41 rows", value: round(ms / 1000, 2), unit: "s", target: 3 }];
}

export async function checkFigures(): Promise<Figure[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zs-bench-check-"));
  try {
    return [...engineFigures(), ...(await endToEndFigures(dir)), ...(await batchFigures(dir))];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
