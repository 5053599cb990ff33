import path from "path";
import os from "os";
import fs from "fs";
import zlib from "zlib";
import { installCustomFunctionsStandIn } from "../tests/support/custom-functions-standin";
import { Figure, round, timeMs } from "./figure";
import { buildEntries } from "./build";

/** A rows × cols grid of figures like a real sheet's: mostly 2-decimal amounts, some blanks and text numbers. */
function grid(rows: number, cols: number, seed: number): unknown[][] {
  let s = seed >>> 0;
  const rand = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: rows }, () =>
    Array.from({ length: cols }, () => Math.round(rand() * 100000) / 100 + 1),
  );
}

export async function functionsFigures(): Promise<Figure[]> {
  installCustomFunctionsStandIn();
  const functions = await import("../src/functions/functions");
  const rows = 1000;
  const cols = 1000;
  const cells = rows * cols;
  const a = grid(rows, cols, 1);
  const b = grid(rows, cols, 2);
  const completionMs = timeMs(() => functions.completion(a, b));
  const yoyMs = timeMs(() => functions.yoy(a, b));

  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "zs-bench-functions-"));
  await buildEntries(["functions"], outDir);
  const bundle = fs.readFileSync(path.join(outDir, "functions.js"));
  fs.rmSync(outDir, { recursive: true, force: true });

  return [
    { name: "ZS.COMPLETION over 1,000,000 cells", value: round((completionMs * 1e6) / cells, 1), unit: "ns/cell", target: 100 },
    { name: "ZS.YOY over 1,000,000 cells", value: round((yoyMs * 1e6) / cells, 1), unit: "ns/cell", target: 100 },
    { name: "custom-functions bundle (minified)", value: round(bundle.length / 1024, 1), unit: "KB", target: 50 },
    { name: "custom-functions bundle (gzip)", value: round(zlib.gzipSync(bundle).length / 1024, 1), unit: "KB", target: null },
  ];
}
