// Lives beside the mock, outside the Office.js lint scope: it makes the very mistakes those rules forbid, to show the mock fails on them.
import { FakeExcel, WEB_PAYLOAD_LIMIT } from "./office-mock";

/** The mock is only worth its tests if it fails where Excel fails: these pin its strictness. */
describe("the Office.js mock", () => {
  it("refuses to read a property before load and sync", async () => {
    const fx = new FakeExcel();
    fx.addSheet("S", { values: [[1]] });
    const used = fx.context.workbook.worksheets.getItem("S").getUsedRangeOrNullObject(true);
    expect(() => used.rowCount).toThrow(/PropertyNotLoaded/);
    used.load("rowCount");
    expect(() => used.rowCount).toThrow(/PropertyNotLoaded/);
    await fx.context.sync();
    expect(used.rowCount).toBe(1);
    expect(() => used.values).toThrow(/PropertyNotLoaded/);
  });

  it("applies writes only at sync, in order, and fails a batch left unsynced", async () => {
    const fx = new FakeExcel();
    fx.addSheet("S");
    await expect(
      fx.run({}, async (context) => {
        context.workbook.worksheets.getItem("S").getRange("A1").values = [[1]];
        expect(fx.cell("S", "A1").value).toBe("");
      }),
    ).rejects.toThrow(/unsynced/);
  });

  it("turns '=…', '+…' and '-…' written as values into formulas unless the cell is text, as Excel parses input", async () => {
    const fx = new FakeExcel();
    fx.addSheet("S");
    const ws = fx.context.workbook.worksheets.getItem("S");
    ws.getRange("A1:C1").values = [["=1+1", "+A1", "-A1"]];
    const b = ws.getRange("A2:C2");
    b.numberFormat = [["@", "@", "@"]];
    b.values = [["=1+1", "+A1", "-A1"]];
    await fx.context.sync();
    expect(["A1", "B1", "C1"].map((c) => fx.cell("S", c).formula)).toEqual(["=1+1", "=+A1", "=-A1"]);
    expect(["A2", "B2", "C2"].map((c) => fx.cell("S", c))).toMatchObject([
      { formula: null, value: "=1+1" },
      { formula: null, value: "+A1" },
      { formula: null, value: "-A1" },
    ]);
  });

  it("fails a request that reads `custom` of a non-Custom format (office-js #2180)", async () => {
    const fx = new FakeExcel();
    fx.addSheet("S");
    fx.addConditionalFormat("S", { type: "ColorScale", areas: [{ top: 0, left: 0, bottom: 3, right: 0 }], formula: null, fill: null });
    const formats = fx.context.workbook.worksheets.getItem("S").getRange().conditionalFormats;
    formats.load("type");
    await fx.context.sync();
    formats.items[0].custom.rule.load("formula");
    await expect(fx.context.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
  });

  it("fails the request that uses a member beyond the client's ExcelApi, with the set taken from @types/office-js", async () => {
    const fx = new FakeExcel({ client: "office-2021" }); // ExcelApi 1.14
    fx.addSheet("S", { values: [[1]] });
    const ws = fx.context.workbook.worksheets.getItem("S");
    ws.notes.load("content"); // Worksheet.notes is tagged [Api set: ExcelApi 1.18]
    await expect(fx.context.sync()).rejects.toMatchObject({ code: "ApiNotFound", message: expect.stringMatching(/Worksheet\.notes \(ExcelApi 1\.18\)/) });
    ws.getUsedRangeOrNullObject(true).getMergedAreasOrNullObject().load("address"); // 1.13: present in 2021
    await expect(fx.context.sync()).resolves.toBeUndefined();
    expect(fx.isSetSupported("ExcelApi", "1.14")).toBe(true);
    expect(fx.isSetSupported("ExcelApi", "1.15")).toBe(false);
    expect(fx.isSetSupported("ExcelApiOnline", "1.1")).toBe(false);
    expect(new FakeExcel({ client: "web" }).isSetSupported("ExcelApiOnline", "1.1")).toBe(true);
  });

  it("checks the properties named in load() too", async () => {
    const fx = new FakeExcel({ apiVersion: "1.7" });
    fx.addSheet("S");
    fx.context.workbook.worksheets.load("name, visibility"); // ExcelApi 1.1
    await fx.context.sync();
    fx.context.workbook.worksheets.load("name, showGridlines"); // ExcelApi 1.8
    await expect(fx.context.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
  });

  it("on the web fails a response over 5 MB (Resource limits and performance optimization for Office Add-ins)", async () => {
    const long = "统计口径说明".repeat(100); // 600 characters, 1,800 bytes in UTF-8
    const rows = Math.ceil(WEB_PAYLOAD_LIMIT / (long.length * 3 * 12 * 2)) + 10;
    const values = Array.from({ length: rows }, () => new Array(12).fill(long));
    for (const client of ["web", "m365-windows"]) {
      const fx = new FakeExcel({ client });
      fx.addSheet("S", { values });
      const used = fx.context.workbook.worksheets.getItem("S").getUsedRangeOrNullObject(true);
      used.load("values, formulas");
      if (client === "web") await expect(fx.context.sync()).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
      else await expect(fx.context.sync()).resolves.toBeUndefined();
    }
  });

  it("fails a batch while the user edits a cell unless Excel.run was asked to delayForCellEdit", async () => {
    const fx = new FakeExcel();
    fx.addSheet("S");
    fx.editingCell = true;
    const touch = async (context: Excel.RequestContext) => {
      context.workbook.worksheets.load("name");
      await context.sync();
    };
    await expect(fx.run({}, touch)).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
    await expect(fx.run({ delayForCellEdit: true }, touch)).resolves.toBeUndefined();
  });

  it("refuses writes to a protected sheet and new sheets in a protected workbook", async () => {
    const fx = new FakeExcel();
    fx.addSheet("S").protected = true;
    fx.context.workbook.worksheets.getItem("S").getRange("A1").values = [[1]];
    await expect(fx.context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    fx.workbookProtected = true;
    fx.context.workbook.worksheets.add("T");
    await expect(fx.context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
  });

  it("cannot read a conditional format Excel's UI duplicated (office-js #6835, #6827)", async () => {
    const fx = new FakeExcel();
    fx.addSheet("S");
    fx.addConditionalFormat("S", { type: "CellValue", areas: [{ top: 0, left: 0, bottom: 3, right: 0 }], formula: null, fill: null, unreadable: true });
    fx.context.workbook.worksheets.getItem("S").getRange().conditionalFormats.load("type");
    await expect(fx.context.sync()).rejects.toMatchObject({ code: "GeneralException" });
  });
});
