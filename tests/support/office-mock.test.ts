// Lives beside the mock, outside the Office.js lint scope: it makes the very mistakes those rules forbid, to show the mock fails on them.
import { FakeExcel } from "./office-mock";

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

  it("turns '=…' written as a value into a formula unless the cell is text, as Excel does", async () => {
    const fx = new FakeExcel();
    fx.addSheet("S");
    const ws = fx.context.workbook.worksheets.getItem("S");
    ws.getRange("A1").values = [["=1+1"]];
    const b = ws.getRange("B1");
    b.numberFormat = [["@"]];
    b.values = [["=1+1"]];
    await fx.context.sync();
    expect(fx.cell("S", "A1").formula).toBe("=1+1");
    expect(fx.cell("S", "B1")).toMatchObject({ formula: null, value: "=1+1" });
  });

  it("fails a request that reads `custom` of a non-Custom format (office-js #2180) and APIs beyond the version", async () => {
    const fx = new FakeExcel({ apiVersion: "1.9" });
    fx.addSheet("S");
    fx.addConditionalFormat("S", { type: "ColorScale", areas: [{ top: 0, left: 0, bottom: 3, right: 0 }], formula: null, fill: null });
    const formats = fx.context.workbook.worksheets.getItem("S").getRange().conditionalFormats;
    formats.load("type");
    await fx.context.sync();
    formats.items[0].custom.rule.load("formula");
    await expect(fx.context.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
    expect(() => fx.context.workbook.worksheets.getItem("S").notes).toThrow(/ApiNotFound/);
  });
});
