/*
 * npm run bench: prints one JSON line per figure ({"name","value","unit","target"}) then a readable table.
 * Exit status 0 even when a figure misses its target: the README records the figures, CI does not time them.
 */
import { Figure, passes } from "./figure";
import { functionsFigures } from "./functions.bench";
import { coreFigures } from "./core.bench";
import { checkFigures } from "./check.bench";
import { webFigures } from "./web.bench";

async function main(): Promise<void> {
  const figures: Figure[] = [...coreFigures(), ...(await functionsFigures()), ...(await checkFigures()), ...(await webFigures())];
  for (const f of figures) {
    console.log(JSON.stringify({ name: f.name, value: f.value, unit: f.unit, target: f.target }));
  }
  console.log("");
  const rows = figures.map((f) => [
    f.name,
    `${f.value} ${f.unit}`,
    f.target === null ? "—" : `${f.higherIsBetter ? "≥" : "≤"} ${f.target} ${f.unit}`,
    f.target === null ? "" : passes(f) ? "ok" : "MISSED",
  ]);
  const header = ["figure", "value", "target", ""];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i])).join("  ");
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  rows.forEach((r) => console.log(line(r)));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
