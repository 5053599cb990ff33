/*
 * npm run bench: prints one JSON line per figure ({"name","value","unit","target","range","samples","how"}) then a
 * readable table. `npm run bench -- --readme` also rewrites the README's figures table from this run, so the README
 * never shows a figure that was not measured, or one measured differently from how it says.
 * Exit status 0 even when a figure misses its target: the README records the figures, CI does not time them.
 * `npm run bench -- --engine` measures the engine figures alone (a minute instead of several, for work on the
 * rules); it never rewrites the README, whose table lists every figure.
 */
import fs from "fs";
import os from "os";
import path from "path";
import { Figure, passes } from "./figure";
import { functionsFigures } from "./functions.bench";
import { coreFigures } from "./core.bench";
import { checkFigures, engineFigures } from "./check.bench";
import { webFigures } from "./web.bench";
import { auditFigures } from "./audit.bench";
import { annotateFigures } from "./annotate.bench";
import { mergeFigures } from "./merge.bench";
import { figuresTable, replaceFiguresTable } from "./readme-table";

async function main(argv: string[]): Promise<void> {
  const engineOnly = argv.includes("--engine");
  const figures: Figure[] = engineOnly
    ? engineFigures()
    : [...coreFigures(), ...(await functionsFigures()), ...(await checkFigures()), ...(await annotateFigures()), ...(await mergeFigures()), ...auditFigures(), ...(await webFigures())];
  for (const f of figures) {
    console.log(JSON.stringify({ name: f.name, value: f.value, unit: f.unit, target: f.target, range: f.range ?? null, samples: f.samples ?? null, how: f.how ?? null }));
  }
  console.log("");
  const rows = figures.map((f) => [
    f.name,
    `${f.value} ${f.unit}`,
    f.range ? `${f.range[0]}–${f.range[1]}` : "",
    f.target === null ? "—" : `${f.higherIsBetter ? "≥" : "≤"} ${f.target} ${f.unit}`,
    f.target === null ? "" : passes(f) ? "ok" : "MISSED",
  ]);
  const header = ["figure", "value", "range", "target", ""];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i])).join("  ");
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  rows.forEach((r) => console.log(line(r)));

  if (argv.includes("--readme") && !engineOnly) {
    const readme = path.resolve(__dirname, "../README.md");
    const machine = `${new Date().toISOString().slice(0, 10)}, Node ${process.versions.node}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB`;
    fs.writeFileSync(readme, replaceFiguresTable(fs.readFileSync(readme, "utf8"), figuresTable(figures, machine)));
    console.log("\nREADME.md: figures table rewritten from this run");
  }
}

main(process.argv.slice(2)).catch((e) => {
  console.error(e);
  process.exit(1);
});
