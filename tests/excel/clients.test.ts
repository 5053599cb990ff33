/*
 * Every client the README names, modelled (tests/support/office-mock.ts; client data in scripts/lib/clients.js):
 * every WorkbookPort method and the ribbon's 一键校验 run under each client the manifest lets install the add-in,
 * and either work or degrade with a clear message; none ever fails with ApiNotFound. Clients the manifest refuses
 * (Office 2016/2019: IE11/EdgeHTML webviews, ExcelApi 1.1/1.7, no CustomFunctionsRuntime 1.2; iPad: no custom
 * functions) are shown refused.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { checkSheet } from "../../src/app/check";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { OfficeWorkbookPort } from "../../src/excel/office-port";
import { markOf } from "../../src/app/marks";
import { isOurNote } from "../../src/app/notes";
import { NOTICE_MS } from "../../src/commands/notify";
import { CLIENTS, ExcelClient, installable, manifestRequirements } from "../../scripts/lib/clients";
import { excelApiSets } from "../../scripts/lib/excel-api-sets";
import { FEATURE_SETS } from "../../src/excel/requirements";
import { FakeExcel, installOfficeGlobals } from "../support/office-mock";
import { seedDistrict } from "../support/office-mock-district";

const MANIFEST = fs.readFileSync(path.resolve(__dirname, "..", "..", "manifest.xml"), "utf8");
const REQUIREMENTS = manifestRequirements(MANIFEST);
const MIN_EXCEL_API = REQUIREMENTS.find((r) => r.name === "ExcelApi")!.minVersion;

/** The lowest client the manifest admits: exactly its minimum ExcelApi (Microsoft 365 Version 2102 on Windows). */
const MINIMUM: ExcelClient = { ...CLIENTS.find((c) => c.id === "m365-windows")!, id: "manifest-minimum", excelApi: MIN_EXCEL_API, customFunctions: "1.2" };
const ADMITTED = [MINIMUM, ...CLIENTS.filter((c) => installable(c, REQUIREMENTS))];

const SHEET = "1-6月";

/** Planted problems: a duplicate unit (强制性) and a negative amount. */
function plant(v: (string | number)[][], d: { rowOf: Map<string, number> }): void {
  v[d.rowOf.get("渝北区")! - 1][1] = "江北区";
  v[d.rowOf.get("万州区")! - 1][3] = -5;
}

function apiNotFound(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: string }).code === "ApiNotFound";
}

describe("the adapter's run-time feature checks", () => {
  it("name the requirement set @types/office-js gives the member each feature uses", () => {
    const sets = excelApiSets();
    expect({
      conditionalFormats: sets.Range.conditionalFormats,
      enableEvents: sets.Runtime.enableEvents,
      rangeAreas: sets.Worksheet.getRanges,
      mergedAreas: sets.Range.getMergedAreasOrNullObject,
      notes: sets.Worksheet.notes,
    }).toEqual({
      conditionalFormats: FEATURE_SETS.conditionalFormats[1],
      enableEvents: FEATURE_SETS.enableEvents[1],
      rangeAreas: FEATURE_SETS.rangeAreas[1],
      mergedAreas: FEATURE_SETS.mergedAreas[1],
      notes: FEATURE_SETS.notes[1],
    });
  });
});

describe("clients the manifest refuses", () => {
  it.each(["office-2016", "office-2019", "ipad"])("%s cannot install the add-in, so never runs the pane", (id) => {
    expect(installable(CLIENTS.find((c) => c.id === id)!, REQUIREMENTS)).toBe(false);
  });

  it("every admitted client has a webview that runs the ES2020 pane", () => {
    expect(ADMITTED.every((c) => c.modernWebview)).toBe(true);
    expect(ADMITTED.map((c) => c.id)).toEqual(["manifest-minimum", "office-2021", "office-2024", "m365-windows", "m365-mac", "web"]);
  });
});

describe.each(ADMITTED.map((c) => [c.id, c] as const))("under %s", (_id, client) => {
  let fx: FakeExcel;
  let port: OfficeWorkbookPort;
  let globals: ReturnType<typeof installOfficeGlobals>;

  beforeEach(() => {
    fx = new FakeExcel({ client, displayLanguage: "zh-CN" });
    seedDistrict(fx, SHEET, plant);
    fx.addSheet("目标", { values: [["单位", "年度目标"], ["江北区", 100]] });
    fx.activeSheet = SHEET;
    port = new OfficeWorkbookPort({ host: fx.host() });
    globals = installOfficeGlobals(fx);
  });

  afterEach(() => globals.restore());

  it("runs every WorkbookPort method without an ApiNotFound", async () => {
    const calls: [string, () => Promise<unknown>][] = [];
    const failures: string[] = [];
    const record = async (name: string, f: () => Promise<unknown>): Promise<unknown> => {
      try {
        return await f();
      } catch (e) {
        failures.push(`${name}: ${(e as Error).message}`);
        if (apiNotFound(e)) throw e;
        return undefined;
      }
    };
    expect(await record("listSheets", () => port.listSheets())).toEqual([SHEET, "目标"]);
    expect(await record("activeSheet", () => port.activeSheet())).toBe(SHEET);
    const grid = (await record("readSheet", () => port.readSheet(SHEET))) as Awaited<ReturnType<typeof port.readSheet>>;
    const { result } = checkSheet(grid, DEFAULT_SETTINGS, { lang: "zh" });
    expect(result.findings.length).toBeGreaterThan(0);
    await record("applyHighlights", () => port.applyHighlights(SHEET, result.findings));
    await record("selectCell", () => port.selectCell(SHEET, "B7"));
    await record("writeReport", () => port.writeReport(result.findings, "zh"));
    await record("saveExplanations", () => port.saveExplanations([{ sheet: SHEET, cell: "D7", rule: "R1", text: "-经核实，系统口径调整" }]));
    expect(await record("loadExplanations", () => port.loadExplanations())).toEqual([{ sheet: SHEET, cell: "D7", rule: "R1", text: "-经核实，系统口径调整" }]);
    await record("saveSettings", () => port.saveSettings({ ...DEFAULT_SETTINGS, period: "2022年1-6月" }));
    expect(((await record("loadSettings", () => port.loadSettings())) as typeof DEFAULT_SETTINGS).period).toBe("2022年1-6月");
    await record("insertFormulaColumns", () =>
      port.insertFormulaColumns(SHEET, [{ kind: "yoy", inputs: ["D", "E"], firstRow: 6, lastRow: 46, header: "同比（公式）" }]),
    );
    await record("clearHighlights", () => port.clearHighlights(SHEET));
    // 报送前固化 last: it changes the sheet.
    fx.addSheet("完成率", { values: [["黔江区", 95.03, 160, "=ZSTJ.COMPLETION(B1,C1)"]] });
    fx.cell("完成率", "D1").value = 0.5939;
    expect(await record("freezeAddinFormulas", () => port.freezeAddinFormulas("完成率"))).toMatchObject({ cells: 1 });
    expect(fx.cell("完成率", "D1")).toMatchObject({ formula: null, value: 0.5939 });
    expect(calls).toEqual([]);
    expect(failures).toEqual([]);
  });

  it("marks cells; notes only from ExcelApi 1.18, and otherwise says so in both languages", async () => {
    const grid = await port.readSheet(SHEET);
    const { result } = checkSheet(grid, DEFAULT_SETTINGS, { lang: "zh" });
    await port.applyHighlights(SHEET, result.findings);
    const sheet = fx.sheet(SHEET);
    expect(sheet.conditionalFormats.some((f) => markOf(f.formula) !== null)).toBe(true);
    const ours = sheet.notes.filter((n) => isOurNote(n.content));
    const limits = port.limitations();
    if (fx.isSetSupported("ExcelApi", "1.18")) {
      expect(ours.length).toBeGreaterThan(0);
      expect(limits).toEqual([]);
    } else {
      expect(ours).toEqual([]);
      expect(limits.map((l) => l.zh).join()).toMatch(/不支持.*备注.*ExcelApi 1\.18/);
      expect(limits.map((l) => l.en).join()).toMatch(/notes.*ExcelApi 1\.18/);
    }
    await port.clearHighlights(SHEET);
    expect(sheet.conditionalFormats.filter((f) => markOf(f.formula) !== null)).toEqual([]);
    expect(sheet.notes.filter((n) => isOurNote(n.content))).toEqual([]);
    expect(sheet.notes).toHaveLength(1); // the user's own note stays
  });

  it("runs the ribbon's 一键校验 to a notice, without an ApiNotFound", async () => {
    jest.useFakeTimers();
    try {
      jest.resetModules();
      const commands = await import("../../src/commands/commands");
      const completed = jest.fn();
      const done = commands.runValidation({ completed } as unknown as Office.AddinCommands.Event);
      await jest.advanceTimersByTimeAsync(NOTICE_MS + 100);
      await done;
      expect(completed).toHaveBeenCalledTimes(1);
      expect(fx.notices).toHaveLength(1);
      expect(fx.notices[0].message).toMatch(/^校验完成：强制性 [1-9]/);
      expect(fx.notices[0].message).not.toMatch(/ApiNotFound|失败/);
      if (!fx.isSetSupported("ExcelApi", "1.18")) expect(fx.notices[0].message).toMatch(/不支持.*备注/);
    } finally {
      jest.useRealTimers();
    }
  });
});
