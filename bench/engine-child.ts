/*
 * Runs in its own process so that its peak memory is the engine's alone: builds a 100,000 × 12 grid, then reads
 * and validates it, and prints {"ms","extraMB"} as JSON. extraMB = peak RSS during the check − RSS before it.
 */
import { readSheet } from "../src/core/sheet";
import { validate } from "../src/core/engine";
import { bigGrid, bigRegistry } from "./big-sheet";

const rows = Number(process.argv[2] ?? 100_000);
const values = bigGrid(rows);
const registry = bigRegistry(rows);
validate(readSheet({ name: "warm-up", values: values.slice(0, 500) }, { registry }), null, {}, registry);
global.gc?.();
const before = process.memoryUsage().rss;
let peak = before;
const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
const t0 = process.hrtime.bigint();
const result = validate(readSheet({ name: "big", values }, { registry }), null, {}, registry);
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
peak = Math.max(peak, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
clearInterval(timer);
console.log(JSON.stringify({ ms, extraMB: (peak - before) / 1048576, findings: result.findings.length }));
