import { OfficeWorkbookPort } from "../../src/excel/office-port";
import { FakeExcel } from "../support/office-mock";

/*
 * 报送前固化 over the Office mock. A ZSTJ cell here is what Excel holds once the function has run: the formula text
 * (Range.formulas) and the value it shows (Range.values).
 */
function district(fx: FakeExcel, name: string): void {
  fx.addSheet(name, {
    values: [
      ["区县", "正式合同额", "年度目标", "完成率", "合计"],
      ["黔江区", 95.03, 160, "=ZSTJ.COMPLETION(B2,C2)", "=SUM(B2:C2)"],
      ["酉阳县", 40, 80, "=ROUND(ZSTJ.COMPLETION(B3,C3),4)", "=SUM(B3:C3)"],
      ["秀山县", 30, "", "=ZSTJ.COMPLETION(B4,C4)", "=SUM(B4:C4)"],
    ],
    numberFormats: [[], [], [], ["", "", "", "0.00%"]],
  });
  fx.cell(name, "D2").value = 0.59394;
  fx.cell(name, "D3").value = 0.5;
  fx.cell(name, "D4").value = "#N/A";
}

describe("freezeAddinFormulas (报送前固化) in Excel", () => {
  it("turns every ZSTJ.* formula of the workbook into the value it shows, in one undo step and four requests", async () => {
    const fx = new FakeExcel({ apiVersion: "1.20" });
    district(fx, "1-6月");
    district(fx, "1-9月");
    fx.addSheet("说明", { values: [["本表由区县填报"]] });
    const sync = jest.spyOn(fx.context, "sync");
    const result = await new OfficeWorkbookPort({ host: fx.host() }).freezeAddinFormulas();

    expect(result).toEqual({ cells: 6, sheets: ["1-6月", "1-9月"], skipped: [] });
    for (const sheet of ["1-6月", "1-9月"]) {
      expect(fx.cell(sheet, "D2")).toMatchObject({ formula: null, value: 0.59394 });
      // Mixed with ROUND: converted whole, to the value Excel shows.
      expect(fx.cell(sheet, "D3")).toMatchObject({ formula: null, value: 0.5 });
      // An error the function returned (no target) is its result: kept as that error value.
      expect(fx.cell(sheet, "D4")).toMatchObject({ formula: null, value: "#N/A" });
      expect(fx.cell(sheet, "D4").numberFormat).toBe("0.00%");
      // Formulas of Excel's own are the user's: untouched.
      expect(fx.cell(sheet, "E2").formula).toBe("=SUM(B2:C2)");
    }
    expect(fx.runs).toEqual([{ mergeUndoGroup: true, delayForCellEdit: true }]);
    expect(sync).toHaveBeenCalledTimes(4);
  });

  it("converts one chosen sheet only, without listing the sheets", async () => {
    const fx = new FakeExcel();
    district(fx, "1-6月");
    district(fx, "1-9月");
    const sync = jest.spyOn(fx.context, "sync");
    const result = await new OfficeWorkbookPort({ host: fx.host() }).freezeAddinFormulas("1-9月");
    expect(result.sheets).toEqual(["1-9月"]);
    expect(fx.cell("1-6月", "D2").formula).toBe("=ZSTJ.COMPLETION(B2,C2)");
    expect(fx.cell("1-9月", "D2").formula).toBeNull();
    expect(sync).toHaveBeenCalledTimes(3);
  });

  it("leaves a cell showing #NAME? or #BUSY! as a formula and names it: its function has not run", async () => {
    const fx = new FakeExcel();
    district(fx, "表");
    fx.cell("表", "D2").value = "#NAME?";
    fx.cell("表", "D3").value = "#BUSY!";
    const result = await new OfficeWorkbookPort({ host: fx.host() }).freezeAddinFormulas();
    expect(result).toEqual({ cells: 1, sheets: ["表"], skipped: ["表!D2", "表!D3"] });
    expect(fx.cell("表", "D2").formula).toBe("=ZSTJ.COMPLETION(B2,C2)");
  });

  it("reads only the formula cells, not the figures around them (the web caps a response at 5 MB)", async () => {
    const fx = new FakeExcel();
    const rows = Array.from({ length: 20_000 }, (_, i) => ["渝中区渝中区渝中区", 1000 + i / 100, 2000 + i / 100, i === 5 ? "=ZSTJ.YOY(B6,C6)" : ""]);
    fx.addSheet("大表", { values: rows });
    fx.cell("大表", "D6").value = -0.5;
    const result = await new OfficeWorkbookPort({ host: fx.host() }).freezeAddinFormulas("大表");
    expect(result.cells).toBe(1);
    expect(Math.max(...fx.requests.map((r) => r.responseBytes))).toBeLessThan(1_000);
  });

  it("answers zero for a workbook without ZSTJ formulas and writes nothing", async () => {
    const fx = new FakeExcel();
    fx.addSheet("表", { values: [["区县", "合计"], ["黔江区", "=SUM(1,2)"]] });
    const result = await new OfficeWorkbookPort({ host: fx.host() }).freezeAddinFormulas();
    expect(result).toEqual({ cells: 0, sheets: [], skipped: [] });
    expect(fx.cell("表", "B2").formula).toBe("=SUM(1,2)");
  });

  it("runs as one undo group only where ExcelApi 1.20 exists", async () => {
    const fx = new FakeExcel({ apiVersion: "1.14" });
    district(fx, "表");
    await new OfficeWorkbookPort({ host: fx.host() }).freezeAddinFormulas();
    expect(fx.runs).toEqual([{ delayForCellEdit: true }]);
    expect(fx.cell("表", "D2").formula).toBeNull();
  });

  it("below ExcelApi 1.9 (no Range.copyFrom) says so in Chinese and English instead of failing with ApiNotFound", async () => {
    const fx = new FakeExcel({ apiVersion: "1.8" });
    district(fx, "表");
    const port = new OfficeWorkbookPort({ host: fx.host() });
    expect(port.supports("freeze")).toBe(false);
    await expect(port.freezeAddinFormulas()).rejects.toMatchObject({
      text: { zh: expect.stringContaining("选择性粘贴"), en: expect.stringContaining("Paste Special") },
    });
    expect(fx.cell("表", "D2").formula).toBe("=ZSTJ.COMPLETION(B2,C2)");
  });
});
