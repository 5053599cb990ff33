import ExcelJS from "exceljs";
import { readWorkbook, WorkbookError } from "../../src/xlsx/read";
import { makeZip, readZipText, workbookBytes, zipEntryNames } from "./helpers";

/**
 * A sheet shaped like a real 月报: used range from B3, a merged title, merged two-row headers, unit rows with a
 * formula total, text numbers, an error, a hyperlink, a date, a hidden row.
 */
async function monthlyReport(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("1-6月");
  ws.getCell("B3").value = "2022年1—6月全市招商引资主要指标完成情况表";
  ws.mergeCells("B3:F3");
  ws.getCell("B4").value = "单位";
  ws.mergeCells("B4:B5");
  ws.getCell("C4").value = "正式合同额（亿元）";
  ws.mergeCells("C4:D4");
  ws.getCell("C5").value = "本期";
  ws.getCell("D5").value = "上年同期";
  ws.getCell("E4").value = { richText: [{ text: "到位", font: { bold: true } }, { text: "资金" }] };
  ws.getCell("F4").value = "填报日期";

  ws.getCell("B6").value = "渝中区";
  ws.getCell("C6").value = 12.5;
  ws.getCell("C6").numFmt = "0.00";
  ws.getCell("D6").value = "1,234"; // a number typed as text
  ws.getCell("E6").value = { error: "#REF!" } as ExcelJS.CellErrorValue;
  ws.getCell("F6").value = new Date(Date.UTC(2022, 6, 10));
  ws.getCell("F6").numFmt = "yyyy-mm-dd";

  ws.getCell("B7").value = { text: "渝北区", hyperlink: "https://example.invalid/yb" };
  ws.getCell("C7").value = 17.5;
  ws.getCell("D7").value = true;
  ws.getRow(7).hidden = true;

  ws.getCell("B8").value = "全市";
  ws.getCell("C8").value = { formula: "SUM(C6:C7)", result: 30 };
  ws.getCell("D8").value = { formula: "C8*2" }; // no cached result
  ws.getCell("E8").value = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue;

  wb.addWorksheet("说明").getCell("A1").value = "注：数据来源于各区县";
  const hidden = wb.addWorksheet("旧数据");
  hidden.getCell("A1").value = 1;
  hidden.state = "hidden";
  wb.addWorksheet("空白");
  return workbookBytes(wb);
}

describe("readWorkbook", () => {
  let data: Awaited<ReturnType<typeof readWorkbook>>;
  beforeAll(async () => {
    data = await readWorkbook(await monthlyReport(), { fileName: "月报.xlsx" });
  });

  it("lists every worksheet and converts them in order", () => {
    expect(data.sheetNames).toEqual(["1-6月", "说明", "旧数据", "空白"]);
    expect(data.sheets.map((s) => s.name)).toEqual(data.sheetNames);
    expect(data.hiddenSheets).toEqual(["旧数据"]);
    expect(data.explanations).toEqual([]);
    expect(data.notes).toEqual([]);
  });

  it("starts the grid at the used range's top-left (B3 → origin row 2, col 1)", () => {
    const g = data.sheets[0];
    expect(g.origin).toEqual({ row: 2, col: 1 });
    expect(g.values.length).toBe(6); // rows 3..8
    expect(g.values[0].length).toBe(5); // columns B..F
    expect(g.values[0][0]).toBe("2022年1—6月全市招商引资主要指标完成情况表");
  });

  it("keeps a merged value in the top-left cell only and lists merges relative to the origin", () => {
    const g = data.sheets[0];
    expect(g.values[0].slice(1)).toEqual([null, null, null, null]);
    expect(g.values[2][0]).toBeNull(); // B5 under the merged 单位
    expect(g.values[1][2]).toBeNull(); // D4 beside 正式合同额
    expect(g.merges).toEqual(
      expect.arrayContaining([
        { top: 0, left: 0, bottom: 0, right: 4 },
        { top: 1, left: 0, bottom: 2, right: 0 },
        { top: 1, left: 1, bottom: 1, right: 2 },
      ]),
    );
    expect(g.merges).toHaveLength(3);
  });

  it("converts each kind of exceljs value", () => {
    const v = data.sheets[0].values;
    expect(v[1][3]).toBe("到位资金"); // rich text joined
    expect(v[3]).toEqual(["渝中区", 12.5, "1,234", "#REF!", new Date(Date.UTC(2022, 6, 10))]);
    expect(v[3][4]).toBeInstanceOf(Date);
    expect(v[4].slice(0, 3)).toEqual(["渝北区", 17.5, true]); // hyperlink → its text
  });

  it("gives formulas their cached result and records the formula text", () => {
    const g = data.sheets[0];
    expect(g.values[5].slice(0, 4)).toEqual(["全市", 30, null, "#DIV/0!"]);
    expect(g.formulas?.[5]).toEqual([null, "=SUM(C6:C7)", "=C8*2", "=1/0", null]);
    expect(g.formulas?.[3]).toEqual([null, null, null, null, null]);
  });

  it("carries number formats and hidden rows", () => {
    const g = data.sheets[0];
    expect(g.numberFormats?.[3][1]).toBe("0.00");
    expect(g.numberFormats?.[3][4]).toBe("yyyy-mm-dd");
    expect(g.numberFormats?.[3][0]).toBeNull();
    expect(g.hiddenRows).toEqual([4]); // sheet row 7
  });

  it("returns an empty grid for an empty sheet and no formulas matrix when there are none", () => {
    const empty = data.sheets[3];
    expect(empty.values).toEqual([]);
    expect(empty.origin).toEqual({ row: 0, col: 0 });
    expect(data.sheets[1].formulas).toBeUndefined();
    expect(data.sheets[1].values).toEqual([["注：数据来源于各区县"]]);
  });

  it("converts only the sheets asked for, accepts an ArrayBuffer, and names a missing sheet", async () => {
    const bytes = await monthlyReport();
    const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const only = await readWorkbook(ab, { sheets: ["说明"] });
    expect(only.sheets.map((s) => s.name)).toEqual(["说明"]);
    expect(only.sheetNames).toHaveLength(4);
    await expect(readWorkbook(bytes, { sheets: ["7月"], fileName: "月报.xlsx" })).rejects.toMatchObject({
      reason: "sheet-not-found",
      bilingual: { zh: "文件 月报.xlsx 中没有工作表 7月（现有：1-6月、说明、旧数据、空白）" },
    });
  });
});

describe("readWorkbook on sheets written by exceljs", () => {
  async function gridOf(wb: ExcelJS.Workbook) {
    return (await readWorkbook(await workbookBytes(wb))).sheets[0];
  }

  it("translates shared formulas to each cell's own references", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").value = 1;
    ws.getCell("A2").value = 2;
    ws.getCell("A3").value = 3;
    ws.fillFormula("B1:B3", "A1*2", [2, 4, 6]);
    const g = await gridOf(wb);
    expect(g.values.map((r) => r[1])).toEqual([2, 4, 6]);
    expect(g.formulas?.map((r) => r[1])).toEqual(["=A1*2", "=A2*2", "=A3*2"]);
  });

  it("fills the rows between cells with empty cells", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("C5").value = "x";
    ws.getCell("C9").value = "y";
    const g = await gridOf(wb);
    expect(g.values).toEqual([["x"], [null], [null], [null], ["y"]]);
    expect(g.origin).toEqual({ row: 4, col: 2 });
  });

  it("extends the used range to an empty merge master whose merged cells hold the area", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.mergeCells("A1:C1"); // no value anywhere in the title
    ws.getCell("B2").value = 5;
    const g = await gridOf(wb);
    expect(g.origin).toEqual({ row: 0, col: 0 });
    expect(g.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 2 }]);
    expect(g.values[1][1]).toBe(5);
  });
});

describe("readWorkbook refusals", () => {
  it("throws WorkbookError with the limit's reason and message", async () => {
    const bomb = makeZip([{ name: "xl/worksheets/sheet1.xml", data: new Uint8Array(8 * 1024 * 1024), level: 9 }]);
    const err = await readWorkbook(bomb, { fileName: "b.xlsx" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkbookError);
    expect((err as WorkbookError).reason).toBe("ratio-too-high");
    expect((err as WorkbookError).message).toBe((err as WorkbookError).bilingual.zh);
    expect((err as WorkbookError).bilingual.zh).toContain("文件 b.xlsx");
  });

  it("says so when a ZIP holds no worksheet (a .docx renamed)", async () => {
    const zip = makeZip([{ name: "word/document.xml", data: "<w:document/>" }]);
    await expect(readWorkbook(zip, { fileName: "a.xlsx" })).rejects.toMatchObject({ reason: "no-worksheets" });
  });

  it("reads a damaged workbook.xml as a workbook without worksheets, in our words", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("S").getCell("A1").value = 1;
    const good = await workbookBytes(wb);
    const damaged = makeZip(
      zipEntryNames(good)
        .filter((n) => !n.endsWith("/"))
        .map((n) => ({ name: n, data: n === "xl/workbook.xml" ? "<workbook <<<" : readZipText(good, n) })),
    );
    const err = await readWorkbook(damaged, { fileName: "坏.xlsx" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkbookError);
    expect((err as WorkbookError).reason).toBe("no-worksheets");
    expect((err as WorkbookError).bilingual.zh).toBe("文件 坏.xlsx 中没有可读取的工作表，不是 Excel 工作簿");
  });
});
