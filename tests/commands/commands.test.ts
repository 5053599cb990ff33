import { checkSheet } from "../../src/app/check";
import { summarize } from "../../src/core/findings";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { OfficeWorkbookPort } from "../../src/excel/office-port";
import { SETTINGS_KEY } from "../../src/excel/settings-store";
import { markOf } from "../../src/app/marks";
import { NOTICE_MS } from "../../src/commands/notify";
import { failureText, summaryText, ValidationFailure } from "../../src/commands/validate";
import { OfficeAdapterError } from "../../src/excel/errors";
import { FakeExcel, installOfficeGlobals, InstalledGlobals } from "../support/office-mock";
import { DistrictSheet, seedDistrict } from "../support/office-mock-district";

type Commands = typeof import("../../src/commands/commands");

const SHEET = "1-6月";

const manyProblems = (v: (string | number)[][], d: DistrictSheet): void => {
  for (let r = d.firstUnitRow - 1; r < d.lastUnitRow; r++) v[r][2] = String(v[r][2]);
  v[d.rowOf.get("渝北区")! - 1][1] = "江北区";
  v[d.rowOf.get("万州区")! - 1][3] = -5;
};

let fx: FakeExcel;
let globals: InstalledGlobals;
let commands: Commands;

function event() {
  return { completed: jest.fn() } as unknown as Office.AddinCommands.Event & { completed: jest.Mock };
}

/** Runs the command to its end: the notice stays up NOTICE_MS before the command completes. */
async function run(p: Promise<void>): Promise<void> {
  await jest.advanceTimersByTimeAsync(NOTICE_MS + 100);
  await p;
}

beforeEach(async () => {
  jest.useFakeTimers();
  fx = new FakeExcel({ displayLanguage: "zh-CN" });
  globals = installOfficeGlobals(fx);
  jest.resetModules();
  commands = await import("../../src/commands/commands");
});

afterEach(() => {
  globals.restore();
  jest.useRealTimers();
});

describe("一键校验 (runValidation)", () => {
  it("is associated with the ribbon action id", () => {
    expect(globals.associations.get("runValidation")).toBe(commands.runValidation);
  });

  it("is associated when the function file loads, before Office.onReady fires (office-js #2744, #3378: else the first click does nothing)", async () => {
    const office = (globalThis as unknown as { Office: { onReady: unknown } }).Office;
    const before = office.onReady;
    office.onReady = () => new Promise(() => undefined); // never ready
    try {
      globals.associations.clear();
      jest.resetModules();
      const fresh = await import("../../src/commands/commands");
      expect(globals.associations.get("runValidation")).toBe(fresh.runValidation);
    } finally {
      office.onReady = before;
    }
  });

  it("a 审核规则 sheet in the workbook is checked too: a rule the sheet cannot take adds one 提示性", async () => {
    seedDistrict(fx, SHEET);
    await run(commands.runValidation(event()));
    const info = (message: string) => Number(/提示性 (\d+)/.exec(message)?.[1]);
    const before = info(fx.notices[0].message);
    fx.addSheet("审核规则", { values: [["[强制性] 实际使用外资 >= 0 : 外资不能为负"]] });
    await run(commands.runValidation(event()));
    expect(info(fx.notices[1].message)).toBe(before + 1);
  });

  it("a syntax error in the 审核规则 sheet is reported with its row and column; nothing is checked", async () => {
    seedDistrict(fx, SHEET);
    fx.addSheet("审核规则", { values: [["# 市局下发"], ["[强制性] 实际使用外资 >="]] });
    await run(commands.runValidation(event()));
    expect(fx.notices[0].message).toContain("审核规则有错误，未校验：工作表“审核规则”第2行第16列：公式不完整");
    expect(fx.notices[0].message).toContain("sheet 审核规则, line 2, column 16: the rule ends too early");
  });

  it("outside Excel (info.host is another application) says the add-in works in Excel only and completes", async () => {
    seedDistrict(fx, SHEET);
    fx.hostName = "Word";
    const e = event();
    await run(commands.runValidation(e));
    expect(e.completed).toHaveBeenCalledTimes(1);
    expect(fx.notices[0].message).toBe("招商统计助手只能在 Excel 中使用\nZS Stats Assistant works in Excel only");
    expect(fx.runs).toEqual([]);
  });

  it("while the user edits a cell, waits for the edit to end (Excel.run delayForCellEdit) instead of failing", async () => {
    seedDistrict(fx, SHEET);
    fx.editingCell = true;
    const e = event();
    await run(commands.runValidation(e));
    expect(fx.notices[0].message).toMatch(/^校验完成：/);
    expect(fx.runs.every((r) => (r as { delayForCellEdit?: boolean }).delayForCellEdit === true)).toBe(true);
  });

  it("if Excel still refuses for cell editing, tells the user to finish the edit", async () => {
    seedDistrict(fx, SHEET);
    fx.editingCell = true;
    // A host that ignores delayForCellEdit; the port from the same module registry as the command (resetModules).
    const { OfficeWorkbookPort: Port } = await import("../../src/excel/office-port");
    const port = new Port({ host: { ...fx.host(), run: (_o, batch) => fx.run({}, batch) } });
    await run(commands.runValidationWith(event(), () => port));
    expect(fx.notices[0].message).toMatch(/^校验失败：您正在编辑单元格：请按 Enter 或 Esc 结束编辑后再试\nCheck failed: You are editing a cell/);
  });

  it("checks and marks the active sheet, shows the counts by severity and completes the event", async () => {
    const d = seedDistrict(fx, SHEET, manyProblems);
    fx.addSheet("说明").visibility = "Visible";
    fx.activeSheet = SHEET;
    const e = event();

    await run(commands.runValidation(e));

    expect(e.completed).toHaveBeenCalledTimes(1);
    // The same counts as the engine gives for this sheet.
    const grid = await new OfficeWorkbookPort({ host: fx.host() }).readSheet(SHEET);
    const expected = summarize(checkSheet(grid, DEFAULT_SETTINGS, { lang: "zh" }).result.findings);
    expect(fx.notices).toEqual([{ title: "招商统计助手", message: `校验完成：强制性 ${expected.error} · 核实性 ${expected.verify} · 提示性 ${expected.info}` }]);
    expect(expected.error + expected.verify + expected.info).toBeGreaterThanOrEqual(40);
    // Marked in place, with the user's own formats still there.
    expect(fx.sheet(SHEET).conditionalFormats.filter((f) => markOf(f.formula)).length).toBeGreaterThan(0);
    expect(fx.sheet(SHEET).conditionalFormats.filter((f) => !markOf(f.formula))).toHaveLength(d.userFormats);
    expect(fx.runs.some((r) => r.mergeUndoGroup)).toBe(true);
  });

  it("speaks the language of the saved settings, else Office's", async () => {
    seedDistrict(fx, SHEET);
    fx.settings.set(SETTINGS_KEY, JSON.stringify({ ...DEFAULT_SETTINGS, lang: "en" }));
    const e = event();
    await run(commands.runValidation(e));
    expect(fx.notices[0]).toEqual({ title: "ZS Stats Assistant", message: "Check complete: Error 0 · Verify 0 · Info 0" });
    expect(e.completed).toHaveBeenCalledTimes(1);

    // No language saved: Office's display language decides.
    fx.settings.delete(SETTINGS_KEY);
    (globalThis as unknown as { Office: { context: { displayLanguage: string } } }).Office.context.displayLanguage = "en-US";
    await run(commands.runValidation(event()));
    expect(fx.notices[1].message).toBe("Check complete: Error 0 · Verify 0 · Info 0");
  });

  it("reads the targets from the sheet the settings name", async () => {
    seedDistrict(fx, SHEET);
    seedDistrict(fx, "目标");
    fx.activeSheet = SHEET;
    fx.settings.set(SETTINGS_KEY, JSON.stringify({ ...DEFAULT_SETTINGS, targets: { kind: "sheet", sheet: "目标" } }));
    const port = new OfficeWorkbookPort({ host: fx.host() });
    const read = jest.spyOn(port, "readSheet");
    const e = event();
    await run(commands.runValidationWith(e, () => port));
    expect(read.mock.calls.map((c) => c[0])).toEqual([SHEET, "目标"]);
    expect(fx.notices[0].message).toMatch(/^校验完成：/);
    expect(e.completed).toHaveBeenCalledTimes(1);
  });

  it("reads the 上期报表 sheet the settings name, as the pane does", async () => {
    seedDistrict(fx, SHEET);
    seedDistrict(fx, "1-5月");
    fx.activeSheet = SHEET;
    fx.settings.set(SETTINGS_KEY, JSON.stringify({ ...DEFAULT_SETTINGS, previousSheet: "1-5月" }));
    const port = new OfficeWorkbookPort({ host: fx.host() });
    const read = jest.spyOn(port, "readSheet");
    await run(commands.runValidationWith(event(), () => port));
    expect(read.mock.calls.map((c) => c[0])).toEqual([SHEET, "1-5月"]);
    expect(fx.notices[0].message).toMatch(/^校验完成：/);
    // Both sheets are seeded as 1-6月: the comparison is refused, and the notice says so.
    expect(fx.notices[0].message).toContain("未与上期报表对比：上期报表应为同一年度更早的期别");
  });

  it("completes the event on failure and shows the error, Chinese first, naming the sheet", async () => {
    seedDistrict(fx, SHEET);
    fx.settings.set(SETTINGS_KEY, JSON.stringify({ ...DEFAULT_SETTINGS, targets: { kind: "sheet", sheet: "2022目标" } }));
    const e = event();
    await run(commands.runValidation(e));
    expect(e.completed).toHaveBeenCalledTimes(1);
    const [zh, en] = fx.notices[0].message.split("\n");
    expect(zh).toMatch(/^校验工作表“1-6月”失败：无法读取目标值工作表“2022目标”/);
    expect(en).toMatch(/^Checking sheet "1-6月" failed: Cannot read the targets sheet "2022目标"/);
    expect(fx.eventsEnabled).toBe(true);
  });

  it("completes the event when Excel cannot mark (too old) and says why", async () => {
    fx.apiVersion = "1.5";
    seedDistrict(fx, SHEET);
    const e = event();
    await run(commands.runValidation(e));
    expect(e.completed).toHaveBeenCalledTimes(1);
    expect(fx.notices[0].message).toMatch(/^校验工作表“1-6月”失败：此版本的 Excel 不支持条件格式/);
  });

  it("completes the event even when the workbook cannot be reached at all", async () => {
    const e = event();
    await run(
      commands.runValidationWith(e, () => {
        throw new Error("no workbook");
      }),
    );
    expect(e.completed).toHaveBeenCalledTimes(1);
    expect(fx.notices[0].message).toBe("校验失败：no workbook\nCheck failed: no workbook");
  });

  it("completes the event when the notice itself cannot be shown", async () => {
    seedDistrict(fx, SHEET);
    (globalThis as unknown as { Office: { context: { ui: { displayDialogAsync: unknown } } } }).Office.context.ui.displayDialogAsync = () => {
      throw new Error("dialogs blocked");
    };
    const e = event();
    await run(commands.runValidation(e));
    expect(e.completed).toHaveBeenCalledTimes(1);
  });
});

describe("notice texts", () => {
  it("formats counts and failures", () => {
    expect(summaryText({ error: 2, verify: 5, info: 3 }, "zh")).toBe("校验完成：强制性 2 · 核实性 5 · 提示性 3");
    expect(summaryText({ error: 2, verify: 5, info: 3 }, "en")).toBe("Check complete: Error 2 · Verify 5 · Info 3");
    expect(failureText(new ValidationFailure("S", new OfficeAdapterError({ zh: "中", en: "en" })))).toBe('校验工作表“S”失败：中\nChecking sheet "S" failed: en');
    expect(failureText(new ValidationFailure(null, "x"))).toBe("校验失败：x\nCheck failed: x");
  });
});
