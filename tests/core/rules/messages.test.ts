/*
 * Every finding message on the bundled example workbooks (examples/) and on the 2026 reform sheet, in Chinese and
 * English, reads the way a reviewer writes: parentheses balanced and never nested inside parentheses, and no
 * signed difference ("相差-0.22").
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { validate } from "../../../src/core/engine";
import { Finding } from "../../../src/core/findings";
import { readSheet } from "../../../src/core/sheet";
import { TargetTable, targetsFromModel } from "../../../src/core/targets";
import { readWorkbook } from "../../../src/xlsx";
import { fullRun } from "./build-model";
import { sheet2026 } from "./sheet-2026";

const EXAMPLES = path.resolve(__dirname, "../../../examples");

async function findingsOf(file: string, targets: TargetTable | null): Promise<Finding[]> {
  const wb = await readWorkbook(readFileSync(path.join(EXAMPLES, file)), { fileName: file });
  return wb.sheets.flatMap((grid) => validate(readSheet(grid), targets).findings);
}

async function targetsOf(file: string): Promise<TargetTable> {
  const wb = await readWorkbook(readFileSync(path.join(EXAMPLES, file)), { fileName: file });
  return targetsFromModel(readSheet(wb.sheets[0]));
}

/** Depth of parentheses, either width; -1 when they do not balance. */
function maxDepth(text: string): number {
  let depth = 0;
  let max = 0;
  for (const ch of text) {
    if (ch === "(" || ch === "（") max = Math.max(max, ++depth);
    else if (ch === ")" || ch === "）") if (--depth < 0) return -1;
  }
  return depth === 0 ? max : -1;
}

/** Messages that break the rules, with their rule and cell, so a failure says where. */
function offending(findings: readonly Finding[]): string[] {
  const bad: string[] = [];
  for (const f of findings) {
    for (const text of [f.message.zh, f.message.en]) {
      const d = maxDepth(text);
      if (d < 0 || d > 1 || /相差-|differs? by -/.test(text)) bad.push(`${f.rule} ${f.cell}: ${text}`);
    }
  }
  return bad;
}

describe("finding messages on the example workbooks", () => {
  test("the anomalies workbook with its targets: many rules fire, no message nests parentheses", async () => {
    const findings = await findingsOf("chongqing-2022-h1.xlsx", await targetsOf("targets-2022.xlsx"));
    expect(new Set(findings.map((f) => f.rule)).size).toBeGreaterThanOrEqual(10);
    expect(offending(findings)).toEqual([]);
  });

  test("the anomalies workbook without targets and the 渝北 form", async () => {
    const findings = [
      ...(await findingsOf("chongqing-2022-h1.xlsx", null)),
      ...(await findingsOf("yubei-2022-form.xlsx", null)),
    ];
    expect(findings.length).toBeGreaterThan(0);
    expect(offending(findings)).toEqual([]);
  });

  test("the 2026 sheet with leftover 江北区/渝北区 rows, totals with and without them", () => {
    const findings = [...fullRun(sheet2026(true)).findings, ...fullRun(sheet2026(false)).findings];
    expect(new Set(findings.map((f) => f.rule))).toEqual(new Set(["invalid-unit", "total-mismatch", "not-comparable"]));
    expect(offending(findings)).toEqual([]);
  });

  test("the parenthesis check itself: nested or unbalanced parentheses are caught, consecutive ones pass", () => {
    expect(maxDepth("工作表“汇总”B3（全市，正式合同额本期）：超出修约误差（±0.21亿元）。")).toBe(1);
    expect(maxDepth("汇总!B3 (全市, Formal contract amount (current))")).toBe(2);
    expect(maxDepth("（渝北区（大部）")).toBe(-1);
  });
});
