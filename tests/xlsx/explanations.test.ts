import ExcelJS from "exceljs";
import {
  EXPLANATIONS_SHEET,
  ExplanationRecord,
  readExplanations,
  writeExplanations,
} from "../../src/xlsx/explanations";
import { readWorkbook } from "../../src/xlsx/read";
import { writeAnnotatedCopy } from "../../src/xlsx/annotate";
import { loadWorkbook, readZipText, workbookBytes } from "./helpers";

const RECORDS: ExplanationRecord[] = [
  {
    sheet: "1-6月",
    cell: "C7",
    rule: "total-mismatch",
    text: "区县口径与市级核定口径不同，差额为两江新区重叠部分",
    author: "张三",
    date: "2025-07-10",
  },
  { sheet: "1-6月", cell: null, rule: "missing-unit", text: "=万盛经开区本月未报送，已电话催报" },
  { sheet: "1-6月", cell: "D9", rule: "outlier", text: "+1 个大项目集中签约", author: "@李四" },
];

function baseWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("1-6月").getCell("B2").value = "渝中区";
  return wb;
}

describe("explanations", () => {
  it("round-trips through a saved file (write → save → load → read)", async () => {
    const wb = baseWorkbook();
    writeExplanations(wb, RECORDS);
    const loaded = await loadWorkbook(await workbookBytes(wb));
    expect(readExplanations(loaded)).toEqual(RECORDS);
  });

  it("stores them in a veryHidden sheet, as text only", async () => {
    const wb = baseWorkbook();
    writeExplanations(wb, RECORDS);
    const bytes = await workbookBytes(wb);
    expect(readZipText(bytes, "xl/workbook.xml")).toMatch(new RegExp(`name="${EXPLANATIONS_SHEET}"[^>]*state="veryHidden"`));
    const ws = (await loadWorkbook(bytes)).getWorksheet(EXPLANATIONS_SHEET)!;
    expect(ws.state).toBe("veryHidden");
    expect(ws.getRow(1).values).toEqual([undefined, "sheet", "cell", "rule", "explanation", "author", "date"]);
    const formulaLike = ws.getCell("D3");
    expect(formulaLike.value).toBe("=万盛经开区本月未报送，已电话催报");
    expect(formulaLike.type).toBe(ExcelJS.ValueType.String);
    expect(formulaLike.numFmt).toBe("@");
  });

  it("are read by readWorkbook, whose sheets and sheetNames leave the hidden sheet out", async () => {
    const wb = baseWorkbook();
    writeExplanations(wb, RECORDS);
    const data = await readWorkbook(await workbookBytes(wb));
    expect(data.explanations).toEqual(RECORDS);
    expect(data.sheets.map((s) => s.name)).toEqual(["1-6月"]);
    expect(data.sheetNames).toEqual(["1-6月"]);
    expect(data.hiddenSheets).toEqual([]);
  });

  it("replaces the previous set instead of appending to it", async () => {
    const wb = baseWorkbook();
    writeExplanations(wb, RECORDS);
    const loaded = await loadWorkbook(await workbookBytes(wb));
    writeExplanations(loaded, RECORDS.slice(0, 1));
    const again = await loadWorkbook(await workbookBytes(loaded));
    expect(readExplanations(again)).toEqual(RECORDS.slice(0, 1));
    expect(again.worksheets.filter((w) => w.name === EXPLANATIONS_SHEET)).toHaveLength(1);
  });

  it("skips rows that name no sheet, rule or text, and reads a typed-over date as ISO text", () => {
    const wb = baseWorkbook();
    writeExplanations(wb, RECORDS.slice(0, 1));
    const ws = wb.getWorksheet(EXPLANATIONS_SHEET)!;
    ws.addRow(["1-6月", "C8", "", "no rule"]);
    ws.addRow(["1-6月", "C9", "outlier", ""]);
    ws.addRow(["1-6月", "C10", "outlier", "ok", "王五", new Date(Date.UTC(2025, 6, 11))]);
    expect(readExplanations(wb)).toEqual([
      RECORDS[0],
      { sheet: "1-6月", cell: "C10", rule: "outlier", text: "ok", author: "王五", date: "2025-07-11T00:00:00.000Z" },
    ]);
  });

  it("returns none for a workbook without the sheet, and refuses to leave no visible sheet", () => {
    expect(readExplanations(baseWorkbook())).toEqual([]);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("only").state = "hidden";
    expect(() => writeExplanations(wb, RECORDS)).toThrow(/visible worksheet/);
  });

  it("travel with the annotated copy", async () => {
    const wb = baseWorkbook();
    writeExplanations(wb, RECORDS);
    const copy = await writeAnnotatedCopy(await workbookBytes(wb), []);
    const data = await readWorkbook(copy);
    expect(data.explanations).toEqual(RECORDS);
    expect(data.sheetNames).toEqual(["1-6月", "校验结果"]);
    expect((await loadWorkbook(copy)).getWorksheet(EXPLANATIONS_SHEET)?.state).toBe("veryHidden");
  });
});
