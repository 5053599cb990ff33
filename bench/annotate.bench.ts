import { Finding, Severity } from "../src/core/findings";
import { writeAnnotatedCopy } from "../src/xlsx/annotate";
import { readWorkbook } from "../src/xlsx/read";
import { bigWorkbook } from "./big-sheet";
import { Figure, fromSamples, MIN_SAMPLES } from "./figure";

const ROWS = 100_000;
/** One finding per this many rows, cycling the severities: a sheet with many problems, not a clean one. */
const EVERY = 50;

function findings(sheet: string): Finding[] {
  const out: Finding[] = [];
  const severities: Severity[] = ["error", "verify", "info"];
  for (let r = 5; r < ROWS; r += EVERY) {
    const severity = severities[(r / EVERY) % 3 | 0];
    out.push({
      rule: "outlier",
      severity,
      sheet,
      cell: `E${r}`,
      row: r,
      column: "E",
      unit: null,
      indicator: null,
      value: 1,
      message: { zh: "数值异常，请核实", en: "unusual value" },
    });
  }
  return out;
}

/**
 * Issue 9's figure "writing the annotated copy ≤ 2× the read": both in-process on the same 100,000-row workbook,
 * alternated so neither runs on a quieter machine: the read is readWorkbook (what zs-check reads), the write is
 * writeAnnotatedCopy with a finding every 50 rows (2,000 marked cells, 500 notes, the 校验结果 sheet).
 */
export async function annotateFigures(): Promise<Figure[]> {
  const bytes = await bigWorkbook(ROWS);
  const sheet = (await readWorkbook(bytes)).sheetNames[0];
  const list = [{ sheet, findings: findings(sheet) }];
  const read: number[] = [];
  const write: number[] = [];
  const time = async (fn: () => Promise<unknown>): Promise<number> => {
    const t0 = process.hrtime.bigint();
    await fn();
    return Number(process.hrtime.bigint() - t0) / 1e6;
  };
  await writeAnnotatedCopy(bytes, list); // warm-up
  for (let i = 0; i < MIN_SAMPLES; i++) {
    read.push(await time(() => readWorkbook(bytes)));
    write.push(await time(() => writeAnnotatedCopy(bytes, list)));
  }
  const how = `in-process, ${MIN_SAMPLES} alternated runs; a finding every ${EVERY} rows`;
  return [
    fromSamples({ name: "read the 100,000-row workbook (readWorkbook)", unit: "s", target: null, how }, read, (x) => x / 1000, 2),
    fromSamples({ name: "write its annotated copy (writeAnnotatedCopy)", unit: "s", target: null, how }, write, (x) => x / 1000, 2),
    fromSamples({ name: "annotated copy ÷ read (100,000 rows)", unit: "×", target: 2, how: "per pair of alternated runs" }, write.map((w, i) => w / read[i]), (x) => x, 2),
  ];
}

if (require.main === module) {
  annotateFigures().then((figures) => {
    for (const f of figures) console.log(JSON.stringify(f));
  });
}
