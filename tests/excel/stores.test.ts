import ExcelJS from "exceljs";
import { Explanation } from "../../src/core/explanations";
import { DEFAULT_SETTINGS, CheckSettings } from "../../src/core/settings";
import { EXPLANATION_COLUMNS, EXPLANATIONS_SHEET, explanationRows, parseExplanationRows } from "../../src/excel/explanations-store";
import { OfficeWorkbookPort } from "../../src/excel/office-port";
import { SETTINGS_KEY } from "../../src/excel/settings-store";
import { parseSettingsRows, SETTINGS_SHEET, settingsRows } from "../../src/app/settings-sheet";
import { CLIENTS } from "../../scripts/lib/clients";
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

const DISTRICT: CheckSettings = {
  ...DEFAULT_SETTINGS,
  targets: { kind: "sheet", sheet: "目标" },
  period: "2022年1-9月",
  thresholds: { ...DEFAULT_SETTINGS.thresholds, behindScheduleVerify: 15 },
  mapping: { "1-6月": [{ col: 3, key: "到位资金（亿元）", indicator: null }] },
  lang: "en",
};

// Perpetual Excels (2019: ExcelApi 1.7; 2021: 1.14), the web and current Windows.
describe.each(["office-2019", "office-2021", "web", "m365-windows"].filter((id) => CLIENTS.some((c) => c.id === id)))(
  "settings in the workbook, on %s",
  (client) => {
    beforeEach(() => {
      globals.restore();
      fx = new FakeExcel({ client });
      fx.addSheet("1-6月", { values: [["x"]] });
      globals = installOfficeGlobals(fx);
    });

    it("round-trip through the very hidden _zs_settings sheet, every cell as text, in few requests", async () => {
      const port = new OfficeWorkbookPort({ host: fx.host() });
      expect(await port.loadSettings()).toEqual(DEFAULT_SETTINGS);
      fx.requests.length = 0;
      await port.saveSettings(DISTRICT);
      expect(fx.requests.length).toBeLessThanOrEqual(3);
      const ws = fx.sheet(SETTINGS_SHEET);
      expect(ws.visibility).toBe("VeryHidden");
      expect(fx.cell(SETTINGS_SHEET, "A1").value).toBe("format");
      expect(fx.cell(SETTINGS_SHEET, "B1")).toMatchObject({ value: "zs-settings", numberFormat: "@" });
      fx.requests.length = 0;
      expect(await port.loadSettings()).toEqual(DISTRICT);
      expect(fx.requests.length).toBeLessThanOrEqual(2);
      // Nothing goes to the document settings any more: the sheet is the one place.
      expect(fx.settings.get(SETTINGS_KEY)).toBeUndefined();
    });

    it("holds the rows the .xlsx reader reads (src/app/settings-sheet.ts), so zs-check sees what Excel saved", async () => {
      const port = new OfficeWorkbookPort({ host: fx.host() });
      await port.saveSettings(DISTRICT);
      const rows = settingsRows(DISTRICT);
      const written = rows.map((r, i) => r.map((_, c) => fx.cellOf(fx.sheet(SETTINGS_SHEET), i, c).value));
      expect(written).toEqual(rows);
      expect(parseSettingsRows(written)).toEqual(DISTRICT);
    });
  },
);

describe("settings saved by earlier versions (document settings)", () => {
  it("are still read when the workbook has no settings sheet", async () => {
    fx.settings.set(SETTINGS_KEY, JSON.stringify({ ...DEFAULT_SETTINGS, period: "2022年1-6月", lang: "en" }));
    const port = new OfficeWorkbookPort({ host: fx.host() });
    expect(await port.loadSettings()).toEqual({ ...DEFAULT_SETTINGS, period: "2022年1-6月", lang: "en" });
  });

  it("give way to the settings sheet once the pane has saved there", async () => {
    fx.settings.set(SETTINGS_KEY, JSON.stringify({ ...DEFAULT_SETTINGS, period: "2022年1-6月" }));
    const port = new OfficeWorkbookPort({ host: fx.host() });
    await port.saveSettings(DISTRICT);
    expect(await new OfficeWorkbookPort({ host: fx.host() }).loadSettings()).toEqual(DISTRICT);
  });

  it("are normalised: junk, old objects, half-filled JSON", async () => {
    const port = new OfficeWorkbookPort({ host: fx.host() });
    fx.settings.set(SETTINGS_KEY, "{not json");
    expect(await port.loadSettings()).toEqual(DEFAULT_SETTINGS);
    fx.settings.set(SETTINGS_KEY, { preset: "chongqing-2026", lang: "xx" });
    expect(await port.loadSettings()).toMatchObject({ preset: "chongqing-2026", lang: null });
  });
});
