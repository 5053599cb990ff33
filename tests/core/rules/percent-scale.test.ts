/*
 * Whether a percent column holds fractions (0.5939) or numbers ×100 (59.39) is decided per column, from its cells
 * that agree with their own inputs in one reading only (issue 8 §1): a cell is no longer read whichever way suits it.
 */
import { validate } from "../../../src/core/engine";
import { readSheet } from "../../../src/core/sheet";
import { QIANJIANG_ROWS, qianjiangForm, withRow } from "../forms";

const CONTRACT = "正式合同额";
const INDUSTRIAL = "其中：工业项目正式合同额";

function rateFindings(rows = QIANJIANG_ROWS, completionFormat: string | null = "0.00%") {
  const model = readSheet(qianjiangForm(rows, { completionFormat }).grid);
  return validate(model, null).findings.filter((f) => f.rule === "rate-mismatch");
}

describe("percent columns are read one way per column", () => {
  test("a 完成率 column of bare fractions (no % format) is read as fractions: the correct form passes", () => {
    expect(rateFindings(QIANJIANG_ROWS, null)).toEqual([]);
  });

  test("a wrong rate in a column of bare fractions is shown as the sheet means it: 118.94%, not 1.1894%", () => {
    const findings = rateFindings(withRow(CONTRACT, { completion: 1.1894 }), null);
    expect(findings.map((f) => f.cell)).toEqual(["D7"]);
    expect(findings[0].message.zh).toBe(
      "工作表“黔江区”D7（黔江区，正式合同额完成率）：填报118.94%，按本期95.03亿元÷年度目标160.00亿元计算应为59.39%，填报数高59.55个百分点，超出修约误差，请核实。",
    );
  });

  test("a fraction typed into a 同比 column of numbers ×100 is a mismatch, not read as a fraction for that cell alone", () => {
    const findings = rateFindings(withRow(INDUSTRIAL, { yoy: 0.483 }));
    expect(findings.map((f) => f.cell)).toEqual(["F8"]);
    expect(findings[0].message.zh).toContain("填报0.48%");
    expect(findings[0].message.zh).toContain("应为48.30%");
  });

  test("a column with no cell that tells the readings apart still reads each cell both ways", () => {
    // Only 正式合同额 has inputs for 同比, and 22.05 agrees only as ×100; typed as a fraction it agrees only as one.
    const rows = QIANJIANG_ROWS.map((r) => (r.label === CONTRACT ? { ...r, yoy: 0.2205 } : { ...r, previous: "—", yoy: "—" }));
    expect(rateFindings(rows)).toEqual([]);
  });
});
