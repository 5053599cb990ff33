import ExcelJS from "exceljs";
import { ExplainedFinding } from "../../src/core/explanations";
import { Finding } from "../../src/core/findings";
import { reportFinding } from "../support/report-finding";
import { writeAnnotatedCopy } from "../../src/xlsx/annotate";

const finding = (extra: Partial<Finding>): Finding => reportFinding(extra);

/** Writes the report into an annotated copy and reads it back with another library, as Excel would open it. */
async function roundTrip(findings: (Finding | ExplainedFinding)[]): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("1-6月").addRow(["区县"]);
  const copy = await writeAnnotatedCopy(new Uint8Array(await wb.xlsx.writeBuffer()), [{ sheet: "1-6月", findings: findings as Finding[] }]);
  const again = new ExcelJS.Workbook();
  await again.xlsx.load(copy as unknown as ArrayBuffer);
  return again.getWorksheet("校验结果")!;
}

describe("the 校验结果 sheet of an annotated copy, re-read", () => {
  test("rates keep their % format and 应为 is one figure at the printed precision", async () => {
    const ws = await roundTrip([
      finding({ value: 0.011894, valueFormat: "0.00%", expected: { kind: "figure", value: 0.593938 } }),
      finding({ rule: "total-mismatch", cell: "C5", value: 2812.37, valueFormat: "#,##0.00", expected: { kind: "sum", value: 2813.67, tolerance: 0.195 } }),
    ]);
    expect(ws.getCell("G2")).toMatchObject({ value: 0.011894, numFmt: "0.00%" });
    expect(ws.getCell("H2")).toMatchObject({ value: 0.5939, numFmt: "0.00%" });
    expect(ws.getCell("H3")).toMatchObject({ value: 2813.67, numFmt: "#,##0.00" });
  });

  test("状态 and 核实说明 columns: 未说明 / 已说明 for 核实性 findings, — for the others", async () => {
    const explained: ExplainedFinding = {
      ...finding({ cell: "F9" }),
      explanation: { sheet: "1-6月", cell: "F9", rule: "rate-mismatch", text: "目标为年中调整后的数，已附调整文件" },
    };
    const ws = await roundTrip([finding({}), explained, finding({ severity: "info", cell: "F10" })]);
    expect(ws.getCell("J1").value).toBe("状态");
    expect(ws.getCell("K1").value).toBe("核实说明");
    expect([2, 3, 4].map((r) => ws.getCell(`J${r}`).value)).toEqual(["未说明", "已说明", "—"]);
    expect(ws.getCell("K3").value).toBe("目标为年中调整后的数，已附调整文件");
    expect(ws.getCell("K3").numFmt).toBe("@");
    expect(ws.getCell("K3").alignment).toMatchObject({ wrapText: true });
  });
});

test("an annotated copy (zs-check --out) shows the explanations stored in the workbook as 已说明", async () => {
  const { writeAnnotatedCopy, writeExplanations } = await import("../../src/xlsx");
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("1-6月").addRow(["区县"]);
  writeExplanations(wb, [{ sheet: "1-6月", cell: "F8", rule: "rate-mismatch", text: "目标为年中调整后的数，已附调整文件" }]);
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  const copy = await writeAnnotatedCopy(bytes, [{ sheet: "1-6月", findings: [finding({}), finding({ cell: "F9" })] }]);
  const again = new ExcelJS.Workbook();
  await again.xlsx.load(copy as unknown as ArrayBuffer);
  const ws = again.getWorksheet("校验结果")!;
  expect([ws.getCell("D2").text, ws.getCell("J2").value, ws.getCell("K2").value]).toEqual(["F8", "已说明", "目标为年中调整后的数，已附调整文件"]);
  expect([ws.getCell("D3").text, ws.getCell("J3").value]).toEqual(["F9", "未说明"]);
});
