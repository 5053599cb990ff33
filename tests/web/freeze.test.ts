/** @jest-environment jsdom */
import "./support/node-globals";
import ExcelJS from "exceljs";
import { MemoryWorkbookPort } from "../../src/web/memory-port";
import { openWorkbook } from "../../src/web/workbook-reader";

/*
 * 报送前固化 on the page: a district file saved by Excel with =ZSTJ.COMPLETION(…) in its 完成率 column. The file
 * stores the call as _xldudf_ZSTJ_COMPLETION(…) with the value Excel showed (office-js issues #2568, #3558).
 */
async function districtFile(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("1-6月");
  ws.addRow(["2022年1-6月招商引资主要指标完成情况表"]);
  ws.addRow(["区县", "正式合同额（亿元）", "正式合同额年度目标（亿元）", "完成率", "合计"]);
  ws.addRow(["黔江区", 95.03, 160, { formula: "_xldudf_ZSTJ_COMPLETION(B3,C3)", result: 0.5939 }, { formula: "SUM(B3:C3)", result: 255.03 }]);
  ws.addRow(["酉阳县", 40, 80, { formula: "ROUND(_xldudf_ZSTJ_COMPLETION(B4,C4),4)", result: 0.5 }, { formula: "SUM(B4:C4)", result: 120 }]);
  ws.addRow(["秀山县", 30, null, { formula: "_xldudf_ZSTJ_COMPLETION(B5,C5)", result: { error: "#N/A" } }, null]);
  ws.addRow(["石柱县", 30, 60, { formula: "_xldudf_ZSTJ_COMPLETION(B6,C6)", result: { error: "#NAME?" } }, null]);
  ws.getCell("D3").numFmt = "0.00%";
  wb.addWorksheet("说明").addRow(["本表由区县填报", { formula: "_xldudf_ZSTJ_YOY(1,2)", result: -0.5 }]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function portOf(bytes: Uint8Array): Promise<MemoryWorkbookPort> {
  return new MemoryWorkbookPort(await openWorkbook(bytes, "黔江区.xlsx"), { lang: "zh" });
}

async function reread(bytes: Uint8Array): Promise<ExcelJS.Worksheet[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.worksheets;
}

test("the page replaces each ZSTJ formula by its cached result in its copy of the file, and says what it did", async () => {
  const original = await districtFile();
  const port = await portOf(original);
  const frozen: unknown[] = [];
  port.events.on("frozen", (r) => frozen.push(r));
  expect(port.supports("freeze")).toBe(true);
  expect(port.isFrozen()).toBe(false);

  const result = await port.freezeAddinFormulas();
  expect(result).toEqual({ cells: 4, sheets: ["1-6月", "说明"], skipped: ["1-6月!D6"] });
  expect(frozen).toEqual([result]);
  expect(port.isFrozen()).toBe(true);

  const [ws, notes] = await reread(port.fileBytes());
  expect(ws.getCell("D3").value).toBe(0.5939);
  expect(ws.getCell("D3").numFmt).toBe("0.00%");
  expect(ws.getCell("D4").value).toBe(0.5); // ROUND(ZSTJ…) converted whole
  expect(ws.getCell("D5").value).toEqual({ error: "#N/A" });
  expect(ws.getCell("D6").formula).toBe("_xldudf_ZSTJ_COMPLETION(B6,C6)"); // #NAME?: never ran, left as it was
  expect(ws.getCell("E3").formula).toBe("SUM(B3:C3)");
  expect(notes.getCell("B1").value).toBe(-0.5);
  // The grid the pane re-checks no longer holds those formulas.
  expect((await port.readSheet("1-6月")).formulas?.[2]?.[3]).toBeNull();
});

test("one chosen sheet only; a file without ZSTJ formulas is left byte for byte", async () => {
  const port = await portOf(await districtFile());
  expect((await port.freezeAddinFormulas("说明")).sheets).toEqual(["说明"]);
  expect((await reread(port.fileBytes()))[0].getCell("D3").formula).toBe("_xldudf_ZSTJ_COMPLETION(B3,C3)");

  const plain = new ExcelJS.Workbook();
  plain.addWorksheet("表").addRow(["区县", { formula: "SUM(1,2)", result: 3 }]);
  const bytes = new Uint8Array(await plain.xlsx.writeBuffer());
  const other = await portOf(bytes);
  expect(await other.freezeAddinFormulas()).toEqual({ cells: 0, sheets: [], skipped: [] });
  expect(other.fileBytes()).toBe(bytes);
  expect(other.isFrozen()).toBe(false);
});
