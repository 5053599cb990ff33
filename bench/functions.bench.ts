import path from "path";
import os from "os";
import fs from "fs";
import vm from "vm";
import zlib from "zlib";
import { installCustomFunctionsStandIn } from "../tests/support/custom-functions-standin";
import { Figure, fromSamples, round, sampleMs } from "./figure";
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

/**
 * The shipped bundle, not the TypeScript sources: dist/functions.js built for ES2016 and minified is what Excel's
 * JavaScript-only runtime runs (timing the sources under the dev loader measured its export getters too).
 */
export async function functionsFigures(): Promise<Figure[]> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "zs-bench-functions-"));
  await buildEntries(["functions"], outDir);
  const bundle = fs.readFileSync(path.join(outDir, "functions.js"));
  fs.rmSync(outDir, { recursive: true, force: true });
  const standIn = installCustomFunctionsStandIn();
  // In this realm, as Excel's runtime runs it in its own single context: arrays passed into a separate vm context
  // cross realms on every access, which measured 15-25× slower than the same code in one realm.
  vm.runInThisContext(bundle.toString("utf8"));
  const byId = (id: string) => {
    const fn = standIn.registry.get(id);
    if (!fn) throw new Error(`the bundle registers no ${id}`);
    return fn;
  };

  const rows = 1000;
  const cols = 1000;
  const cells = rows * cols;
  const a = grid(rows, cols, 1);
  const b = grid(rows, cols, 2);
  const how = "dist/functions.js (production build) run in this realm, called by id with 1,000 × 1,000 ranges; median of 5";
  const perCell = (ms: number) => (ms * 1e6) / cells;
  const completion = byId("COMPLETION");
  const yoy = byId("YOY");
  return [
    fromSamples({ name: "ZSTJ.COMPLETION over 1,000,000 cells", unit: "ns/cell", target: 100, how }, sampleMs(() => completion(a, b)), perCell, 1),
    fromSamples({ name: "ZSTJ.YOY over 1,000,000 cells", unit: "ns/cell", target: 100, how }, sampleMs(() => yoy(a, b)), perCell, 1),
    { name: "custom-functions bundle (minified)", value: round(bundle.length / 1024, 1), unit: "KB", target: 50, how: "production build, ES2016" },
    { name: "custom-functions bundle (gzip)", value: round(zlib.gzipSync(bundle).length / 1024, 1), unit: "KB", target: null, how: "gzip -9 of the same file" },
  ];
}
