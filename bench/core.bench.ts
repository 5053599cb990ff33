import { parseCell } from "../src/core/numbers";
import { chongqing } from "../src/core/units";
import { Figure, round, timeMs } from "./figure";

/** Parsing and name resolution run for every cell and row of every sheet a reviewer opens. */
export function coreFigures(): Figure[] {
  const samples = ["389.76亿元", "约95.1", "1,234", "12.5%", "—", "３３", "abc", "1.08万亿元", "", "0.125"];
  const cells = Array.from({ length: 1_000_000 }, (_, i) => samples[i % samples.length]);
  const parseMs = timeMs(() => {
    let n = 0;
    for (const c of cells) if (parseCell(c).kind === "number") n++;
    return n;
  }, 3);

  const names = chongqing.unitsOf("chongqing-2020").map((u) => u.name);
  const lookups = 1_000_000;
  const resolveMs = timeMs(() => {
    let ok = 0;
    for (let i = 0; i < lookups; i++) if (chongqing.resolve(names[i % names.length], 2022).status === "ok") ok++;
    return ok;
  }, 3);

  // Unknown labels take the suggestion path (similarity against every unit): a sheet of project names must not stall.
  const unknown = Array.from({ length: 10_000 }, (_, i) => `测试${String(i).padStart(6, "0")}区`);
  const unknownMs = timeMs(() => unknown.forEach((n) => chongqing.resolve(n, 2022)), 1);

  return [
    { name: "resolve 10,000 unknown names (with suggestions)", value: round(unknownMs, 0), unit: "ms", target: 1000, how: "in-process, one run after a warm-up" },
    { name: "parseCell on text cells", value: round(cells.length / (parseMs / 1000) / 1e6, 2), unit: "M cells/s", target: 1, higherIsBetter: true, how: "in-process, 1,000,000 text cells of 10 kinds, median of 5" },
    { name: "resolve known unit names", value: round(lookups / (resolveMs / 1000) / 1e6, 2), unit: "M names/s", target: 1, higherIsBetter: true, how: "in-process, Chongqing names as typed, median of 3" },
  ];
}
