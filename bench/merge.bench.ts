import { spawnSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import { deflateRawSync } from "zlib";
import { chongqing } from "../src/core/units";
import { Cell, writeSpreadsheet } from "../src/xlsx/write/spreadsheet";
import { writeSeedForms } from "../tests/support/seed-forms";
import { Figure, MIN_SAMPLES, fromSamples } from "./figure";

const BIN = path.resolve(__dirname, "../bin/zs-merge.js");
const SINGLE_ROW_FILES = 1000;

/** A district's table with one unit row: title, unit line, header, the row. */
function singleRowTable(unit: string, i: number): Uint8Array {
  const text = (t: string): Cell => ({ kind: "text", text: t });
  const num = (v: number): Cell => ({ kind: "number", value: v });
  return writeSpreadsheet(
    [
      {
        name: "Sheet1",
        rows: [
          [text(`${unit}2022年1-6月招商引资情况表`)],
          [text("单位：亿元、个")],
          [text("区县"), text("签约项目数（个）"), text("正式合同额（亿元）")],
          [text(unit), num(10 + (i % 30)), num(50 + (i % 97) + 0.25)],
        ],
        merges: [],
      },
    ],
    (d) => deflateRawSync(d),
  );
}

/** zs-merge as a whole process (tsx start-up included, as a user runs bin/zs-merge.js); wall milliseconds. */
function mergeRun(input: string, out: string, cwd: string): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [BIN, input, "--out", out, "--format", "json"], { cwd, encoding: "utf8", maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  // 1: duplicates refused, 2: unreadable forms listed; both are merges that ran to the end and wrote the workbook.
  if (![0, 1, 2].includes(r.status ?? -1) || !fs.existsSync(path.join(cwd, out))) {
    throw new Error(`zs-merge ${input} exited ${r.status}: ${r.stderr.slice(0, 500)}`);
  }
  return ms;
}

function samples(input: string, cwd: string, name: string): number[] {
  mergeRun(input, `${name}-warm.xlsx`, cwd);
  return Array.from({ length: MIN_SAMPLES }, (_x, i) => mergeRun(input, `${name}-${i}.xlsx`, cwd));
}

/** zs-merge on seed 000's 41 forms and on 1,000 single-row files (units repeat: 959 duplicates refused). */
export async function mergeFigures(): Promise<Figure[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zs-merge-bench-"));
  try {
    const forms = path.join(dir, "forms");
    fs.mkdirSync(forms);
    await writeSeedForms(forms);
    const many = path.join(dir, "many");
    fs.mkdirSync(many);
    const units = chongqing.unitsOf("chongqing-2020").map((u) => u.name);
    for (let i = 0; i < SINGLE_ROW_FILES; i++) {
      fs.writeFileSync(path.join(many, `${String(i).padStart(4, "0")}.xlsx`), singleRowTable(units[i % units.length], i));
    }
    const how = "whole process: node bin/zs-merge.js (tsx start-up included), check + merge + write; 5 runs after a warm-up";
    return [
      fromSamples({ name: "zs-merge, 41 one-district forms (seed 000)", unit: "s", target: 2, how }, samples("forms", dir, "forms"), (x) => x / 1000, 2),
      fromSamples({ name: "zs-merge, 1,000 single-row files", unit: "s", target: 10, how }, samples("many", dir, "many"), (x) => x / 1000, 2),
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
