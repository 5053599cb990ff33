import { parseCell } from "../src/core/numbers";
import { chongqing } from "../src/core/units";
import { Figure, fromSamples, sampleMs } from "./figure";

/** Parsing and name resolution run for every cell and row of every sheet a reviewer opens. */
export function coreFigures(): Figure[] {
  const samples = ["389.76亿元", "约95.1", "1,234", "12.5%", "—", "３３", "abc", "1.08万亿元", "", "0.125"];
  const cells = Array.from({ length: 1_000_000 }, (_, i) => samples[i % samples.length]);
  const parseMs = sampleMs(() => {
    let n = 0;
    for (const c of cells) if (parseCell(c).kind === "number") n++;
    return n;
  });

  const names = chongqing.unitsOf("chongqing-2020").map((u) => u.name);
  const lookups = 1_000_000;
  const resolveMs = sampleMs(() => {
    let ok = 0;
    for (let i = 0; i < lookups; i++) if (chongqing.resolve(names[i % names.length], 2022).status === "ok") ok++;
    return ok;
  });

  // Unknown labels take the suggestion path (similarity against every unit): a sheet of project names must not stall.
  const unknown = Array.from({ length: 10_000 }, (_, i) => `测试${String(i).padStart(6, "0")}区`);
  const unknownMs = sampleMs(() => unknown.forEach((n) => chongqing.resolve(n, 2022)));

  const inProcess = "in-process, median of 5 after a warm-up";
  return [
    fromSamples({ name: "resolve 10,000 unknown names (with suggestions)", unit: "ms", target: 1000, how: inProcess }, unknownMs, (ms) => ms, 0),
    fromSamples(
      { name: "parseCell on text cells", unit: "M cells/s", target: 1, higherIsBetter: true, how: `${inProcess}; 1,000,000 text cells of 10 kinds` },
      parseMs,
      (ms) => cells.length / (ms / 1000) / 1e6,
      2,
    ),
    fromSamples(
      { name: "resolve known unit names", unit: "M names/s", target: 1, higherIsBetter: true, how: `${inProcess}; Chongqing names as typed` },
      resolveMs,
      (ms) => lookups / (ms / 1000) / 1e6,
      2,
    ),
  ];
}
