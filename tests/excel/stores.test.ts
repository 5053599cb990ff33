import ExcelJS from "exceljs";
import { Explanation } from "../../src/core/explanations";
import { DEFAULT_SETTINGS, CheckSettings } from "../../src/core/settings";
import { EXPLANATION_COLUMNS, EXPLANATIONS_SHEET, explanationRows, parseExplanationRows } from "../../src/excel/explanations-store";
import { OfficeWorkbookPort } from "../../src/excel/office-port";
import { SETTINGS_KEY } from "../../src/excel/settings-store";
import { readExplanations, writeExplanations } from "../../src/xlsx/explanations";
import { FakeExcel, installOfficeGlobals, InstalledGlobals } from "../support/office-mock";

let globals: InstalledGlobals;
let fx: FakeExcel;

beforeEach(() => {
  fx = new FakeExcel();
  fx.addSheet("1-6月", { values: [["x"]] });
  // Office.AsyncResultStatus is read from the global by the settings store, as in Excel.
  globals = installOfficeGlobals(fx);
});

afterEach(() => globals.restore());

const EXPLANATIONS: Explanation[] = [
  { sheet: "1-6月", cell: "D22", rule: "unit-slip", text: "该区本期有一个百亿级项目签约，数据经区统计局核实", author: "王芳", date: "2022-07-08" },
  { sheet: "1-6月", cell: null, rule: "missing-unit", text: "=万盛经开区数据并入綦江区上报" },
];

describe("explanations", () => {
  it("round-trips through a very hidden _zs_explanations sheet, every field as text", async () => {
    const port = new OfficeWorkbookPort({ host: fx.host() });
    expect(await port.loadExplanations()).toEqual([]);

    await port.saveExplanations(EXPLANATIONS);

    const ws = fx.sheet(EXPLANATIONS_SHEET);
    expect(ws.visibility).toBe("VeryHidden");
    expect(fx.cell(EXPLANATIONS_SHEET, "A1").value).toBe("sheet");
    const formulaLike = fx.cell(EXPLANATIONS_SHEET, "D3");
    expect(formulaLike).toMatchObject({ value: "=万盛经开区数据并入綦江区上报", formula: null, numberFormat: "@" });
    expect(await port.loadExplanations()).toEqual(EXPLANATIONS);
    expect(fx.eventsEnabled).toBe(true);
    // Hiding a sheet has no undo support on Windows/Mac: never inside an undo group.
    expect(fx.runs.every((r) => !r.mergeUndoGroup)).toBe(true);
  });

  it("replaces the stored set on the next save and does not touch visibility again", async () => {
    const port = new OfficeWorkbookPort({ host: fx.host() });
    await port.saveExplanations(EXPLANATIONS);
    fx.writes.length = 0;
    await port.saveExplanations([EXPLANATIONS[0]]);
    expect(await port.loadExplanations()).toEqual([EXPLANATIONS[0]]);
    expect(fx.cell(EXPLANATIONS_SHEET, "A3").value).toBe("");
    expect(fx.writes.some((w) => w.what.startsWith("visibility"))).toBe(false);
    expect(fx.sheets.filter((s) => s.name === EXPLANATIONS_SHEET)).toHaveLength(1);
  });

  it("hides the sheet again if someone made it visible", async () => {
    const port = new OfficeWorkbookPort({ host: fx.host() });
    await port.saveExplanations(EXPLANATIONS);
    fx.sheet(EXPLANATIONS_SHEET).visibility = "Visible";
    await port.saveExplanations(EXPLANATIONS);
    expect(fx.sheet(EXPLANATIONS_SHEET).visibility).toBe("VeryHidden");
  });

  it("uses the .xlsx adapter's sheet layout, so zs-check reads what Excel wrote and the other way round", () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("1-6月");
    writeExplanations(wb, EXPLANATIONS);
    const ws = wb.getWorksheet(EXPLANATIONS_SHEET)!;
    const rows = ws.getSheetValues().slice(1).map((r) => (Array.isArray(r) ? r.slice(1) : []));
    expect(rows[0]).toEqual([...EXPLANATION_COLUMNS]);
    expect(parseExplanationRows(rows as unknown[][])).toEqual(EXPLANATIONS);

    const back = new ExcelJS.Workbook();
    const mine = back.addWorksheet(EXPLANATIONS_SHEET);
    back.addWorksheet("1-6月");
    explanationRows(EXPLANATIONS).forEach((r) => mine.addRow(r));
    expect(readExplanations(back)).toEqual(EXPLANATIONS);
  });

  it("skips rows without a sheet, a rule or a text", () => {
    expect(parseExplanationRows([["sheet", "cell", "rule", "explanation"], ["S", "C1", "", "x"], ["S", "C1", "r", " "], [null, "C1", "r", "t"], ["S", 7, "r", 12]])).toEqual([
      { sheet: "S", cell: "7", rule: "r", text: "12" },
    ]);
  });
});

describe("settings", () => {
  it("round-trips through document settings as JSON under zs.settings", async () => {
    const port = new OfficeWorkbookPort({ host: fx.host() });
    expect(await port.loadSettings()).toEqual(DEFAULT_SETTINGS);
    const mine: CheckSettings = { ...DEFAULT_SETTINGS, targets: { kind: "sheet", sheet: "目标" }, period: "2022年1-6月", lang: "en" };
    await port.saveSettings(mine);
    expect(typeof fx.settings.get(SETTINGS_KEY)).toBe("string");
    expect(await port.loadSettings()).toEqual(mine);
  });

  it("normalises what it finds: junk, old objects, half-filled JSON", async () => {
    const port = new OfficeWorkbookPort({ host: fx.host() });
    fx.settings.set(SETTINGS_KEY, "{not json");
    expect(await port.loadSettings()).toEqual(DEFAULT_SETTINGS);
    fx.settings.set(SETTINGS_KEY, { preset: "chongqing-2026", lang: "xx" });
    expect(await port.loadSettings()).toMatchObject({ preset: "chongqing-2026", lang: null });
  });

  it("rejects when Office cannot save the settings", async () => {
    fx.settingsSaveFails = true;
    const port = new OfficeWorkbookPort({ host: fx.host() });
    await expect(port.saveSettings(DEFAULT_SETTINGS)).rejects.toThrow(/saving settings failed: read-only/);
  });
});
