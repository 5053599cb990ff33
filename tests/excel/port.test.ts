import { OfficeWorkbookPort, languageOf } from "../../src/excel/office-port";
import { cellAreas, chunkAddresses, normalizeCell, parseArea, parseAreas, sheetReference, splitAreas } from "../../src/app/addresses";
import { requirementsFrom } from "../../src/excel/requirements";
import { markFormula, markOf } from "../../src/app/marks";
import { isOurNote, NOTE_PREFIX } from "../../src/app/notes";
import { FakeExcel, installOfficeGlobals } from "../support/office-mock";

describe("OfficeWorkbookPort basics", () => {
  it("is the excel kind and follows Office's display language", () => {
    expect(new OfficeWorkbookPort({ host: new FakeExcel({ displayLanguage: "zh-CN" }).host() }).displayLanguage()).toBe("zh");
    expect(new OfficeWorkbookPort({ host: new FakeExcel({ displayLanguage: "zh-TW" }).host() }).displayLanguage()).toBe("zh");
    const en = new OfficeWorkbookPort({ host: new FakeExcel({ displayLanguage: "en-US" }).host() });
    expect(en.displayLanguage()).toBe("en");
    expect(en.kind).toBe("excel");
    expect(languageOf("ZH-cn")).toBe("zh");
    expect(languageOf("en-GB")).toBe("en");
    expect(languageOf("fr-FR")).toBe("zh"); // the documented default (src/excel/ui-language.ts)
    expect(languageOf(undefined)).toBe("zh");
  });

  it("takes formula columns and the report sheet; one undo step only from ExcelApi 1.20", () => {
    const current = new OfficeWorkbookPort({ host: new FakeExcel({ apiVersion: "1.20" }).host() });
    expect(["formula-columns", "report-sheet", "undo"].map((f) => current.supports(f as "undo"))).toEqual([true, true, true]);
    const older = new OfficeWorkbookPort({ host: new FakeExcel({ apiVersion: "1.19" }).host() });
    expect(older.supports("undo")).toBe(false);
    expect(older.supports("formula-columns")).toBe(true);
  });

  it("lists the visible sheets and names the active one", async () => {
    const fx = new FakeExcel();
    fx.addSheet("1-6月");
    fx.addSheet("目标");
    fx.addSheet("_zs_explanations").visibility = "VeryHidden";
    fx.addSheet("旧表").visibility = "Hidden";
    fx.activeSheet = "目标";
    const port = new OfficeWorkbookPort({ host: fx.host() });
    expect(await port.listSheets()).toEqual(["1-6月", "目标"]);
    expect(await port.activeSheet()).toBe("目标");
  });

  it("selects a cell on its sheet in one request, and only shows the sheet for a sheet-level finding", async () => {
    const fx = new FakeExcel();
    fx.addSheet("A");
    fx.addSheet("B");
    const sync = jest.spyOn(fx.context, "sync");
    const port = new OfficeWorkbookPort({ host: fx.host() });
    await port.selectCell("B", "$D$22");
    expect(fx.activeSheet).toBe("B");
    expect(fx.selection).toEqual({ sheet: "B", address: "D22" });
    expect(sync).toHaveBeenCalledTimes(1);
    await port.selectCell("A", "");
    expect(fx.activeSheet).toBe("A");
    expect(fx.selection).toEqual({ sheet: "B", address: "D22" });
  });

  it("works from the Office globals when no host is given", async () => {
    const fx = new FakeExcel({ displayLanguage: "en-GB", apiVersion: "1.20" });
    fx.addSheet("S", { values: [["全市", 1]] });
    const globals = installOfficeGlobals(fx);
    try {
      const port = new OfficeWorkbookPort();
      expect(port.displayLanguage()).toBe("en");
      expect((await port.readSheet("S")).values).toEqual([["全市", 1]]);
      await port.clearHighlights("S");
      expect(fx.runs).toEqual([{ delayForCellEdit: true }, { delayForCellEdit: true, mergeUndoGroup: true }]);
    } finally {
      globals.restore();
    }
  });
});

describe("requirements", () => {
  it("asks Office once per feature, with string versions, and treats a throwing host as unsupported", () => {
    const ask = jest.fn((name: string, version: string) => name === "ExcelApi" && version === "1.18");
    const req = requirementsFrom(ask);
    expect(req.supports("notes")).toBe(true);
    expect(req.supports("notes")).toBe(true);
    expect(req.supports("undoGroup")).toBe(false);
    expect(ask).toHaveBeenCalledTimes(2);
    expect(ask).toHaveBeenCalledWith("ExcelApi", "1.18");
    expect(
      requirementsFrom(() => {
        throw new Error("no Office");
      }).supports("notes"),
    ).toBe(false);
  });
});

describe("addresses", () => {
  it("reads RangeAreas addresses as Excel writes them", () => {
    expect(splitAreas("Sheet1!A1:B2, 'My, sheet'!C3,'It''s'!D4")).toEqual(["Sheet1!A1:B2", "'My, sheet'!C3", "'It''s'!D4"]);
    expect(parseArea("Sheet1!$C$3:$E$7")).toEqual({ top: 2, left: 2, bottom: 6, right: 4 });
    expect(parseArea("'x'!3:5")).toEqual({ top: 2, bottom: 4, left: 0, right: 16383 });
    expect(parseArea("B:D")).toEqual({ top: 0, bottom: 1048575, left: 1, right: 3 });
    expect(parseArea("junk")).toBeNull();
    expect(parseAreas("S!A1, junk, S!B2")).toHaveLength(2);
    expect(parseAreas(null)).toEqual([]);
  });

  it("writes compact, bounded address lists and quoted references", () => {
    expect(cellAreas([{ row: 4, col: 2 }, { row: 5, col: 2 }, { row: 5, col: 2 }, { row: 0, col: 0 }])).toEqual(["A1", "C5:C6"]);
    expect(chunkAddresses(["A1", "B2", "C3"], 5)).toEqual(["A1,B2", "C3"]);
    expect(chunkAddresses([])).toEqual([]);
    expect(sheetReference("It's", "C7")).toBe("'It''s'!C7");
    expect(normalizeCell("$c$7")).toBe("C7");
    expect(normalizeCell("C7:D8")).toBeNull();
    expect(normalizeCell(null)).toBeNull();
  });

  it("recognises its own marks and notes only", () => {
    expect(markOf(markFormula("verify"))).toBe("verify");
    expect(markOf('=AND($D6>300,N("ZS-MARK:error")=0)')).toBe("error");
    expect(markOf("=$D6>300")).toBeNull();
    expect(markOf(null)).toBeNull();
    expect(isOurNote(`${NOTE_PREFIX}\n强制性：x`)).toBe(true);
    expect(isOurNote("招商统计助手 说过")).toBe(false);
    expect(isOurNote(undefined)).toBe(false);
  });
});
