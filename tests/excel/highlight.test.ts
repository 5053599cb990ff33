import { checkSheet } from "../../src/app/check";
import { Finding, Severity } from "../../src/core/findings";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { MAX_ADDRESS_CHARS } from "../../src/app/addresses";
import { OfficeAdapterError } from "../../src/excel/errors";
import { markFormula, markOf, planMarks, SEVERITY_FILL } from "../../src/app/marks";
import { NOTE_PREFIX } from "../../src/app/notes";
import { OfficeWorkbookPort } from "../../src/excel/office-port";
import { FakeExcel, parseCell } from "../support/office-mock";
import { DistrictSheet, seedDistrict } from "../support/office-mock-district";

const SHEET = "1-6月";

type Edit = (values: (string | number)[][], d: DistrictSheet) => void;

/** One planted problem: 渝北区's project count typed as text → one 提示性 finding. */
const oneProblem: Edit = (v, d) => {
  const r = d.rowOf.get("渝北区")! - 1;
  v[r][2] = String(v[r][2]);
};

/** 40+ findings: every count typed as text, a duplicated unit, a negative amount. */
const manyProblems: Edit = (v, d) => {
  for (let r = d.firstUnitRow - 1; r < d.lastUnitRow; r++) v[r][2] = String(v[r][2]);
  v[d.rowOf.get("渝北区")! - 1][1] = "江北区";
  v[d.rowOf.get("万州区")! - 1][3] = -5;
};

function setup(apiVersion = "1.20", edit?: Edit) {
  const fx = new FakeExcel({ apiVersion });
  const d = seedDistrict(fx, SHEET, edit);
  const sync = jest.spyOn(fx.context, "sync");
  const port = new OfficeWorkbookPort({ host: fx.host(), lang: "zh" });
  return { fx, d, sync, port };
}

async function checkAndMark(edit: Edit, apiVersion = "1.20") {
  const s = setup(apiVersion, edit);
  const grid = await s.port.readSheet(SHEET);
  const { result } = checkSheet(grid, DEFAULT_SETTINGS, { lang: "zh" });
  await s.port.applyHighlights(SHEET, result.findings);
  return { ...s, findings: result.findings, syncs: s.sync.mock.calls.length };
}

function ourFormats(fx: FakeExcel, sheet = SHEET) {
  return fx.sheet(sheet).conditionalFormats.filter((f) => markOf(f.formula) !== null);
}

function ourNotes(fx: FakeExcel, sheet = SHEET) {
  return fx.sheet(sheet).notes.filter((n) => n.content.startsWith(NOTE_PREFIX));
}

const RANK: Record<Severity, number> = { error: 0, verify: 1, info: 2 };

/** Cell → the severity it must show: the most severe of its findings. */
function expectedMarks(findings: readonly Finding[]): Map<string, Severity> {
  const out = new Map<string, Severity>();
  for (const f of findings) {
    if (!f.cell) continue;
    const prev = out.get(f.cell);
    if (!prev || RANK[f.severity] < RANK[prev]) out.set(f.cell, f.severity);
  }
  return out;
}

function finding(cell: string | null, severity: Severity, message = "问题", sheet = SHEET): Finding {
  return {
    rule: "outlier",
    severity,
    sheet,
    cell,
    row: cell ? parseCell(cell).row + 1 : null,
    column: cell ? cell.replace(/\d+/g, "") : null,
    unit: null,
    indicator: null,
    value: null,
    message: { zh: message, en: `en:${message}` },
  };
}

describe("read + validate + highlight", () => {
  // Notes are read in a request of their own (office-js #6198), hence one request more than formats alone need.
  it("takes at most 6 requests in all, the same for 1 finding as for 40+, and clears in at most 4", async () => {
    const one = await checkAndMark(oneProblem);
    const many = await checkAndMark(manyProblems);

    expect(one.findings).toHaveLength(1);
    expect(many.findings.length).toBeGreaterThanOrEqual(40);
    expect(one.syncs).toBeLessThanOrEqual(6);
    expect(many.syncs).toBe(one.syncs);

    for (const run of [one, many]) {
      run.sync.mockClear();
      await run.port.clearHighlights(SHEET);
      expect(run.sync.mock.calls.length).toBeLessThanOrEqual(4);
      expect(ourFormats(run.fx)).toHaveLength(0);
      expect(ourNotes(run.fx)).toHaveLength(0);
    }
  });

  it("shows every flagged cell in its severity's colour and leaves the others as they were", async () => {
    const { fx, findings, d } = await checkAndMark(manyProblems);
    const marks = expectedMarks(findings);
    expect(new Set(marks.values())).toEqual(new Set(["error", "verify", "info"]));
    for (const [cell, severity] of marks) expect(fx.displayedFill(SHEET, cell)).toBe(SEVERITY_FILL[severity]);
    // Unflagged cells show what the user gave them.
    expect(fx.displayedFill(SHEET, d.colouredCell)).toBe("#00FF00");
    expect(fx.displayedFill(SHEET, `E${d.totalRow}`)).toBe("#D9E1F2");
    // Fills are the .xlsx adapter's.
    expect(SEVERITY_FILL).toEqual({ error: "#FFC7CE", verify: "#FFEB9C", info: "#DDEBF7" });
  });
});

describe("highlight then clear", () => {
  it("restores the workbook exactly and removes only the add-in's formats and notes", async () => {
    const s = setup("1.20", manyProblems);
    const before = s.fx.snapshot();
    const beforeCells = JSON.stringify((before as { cells: unknown }[])[0].cells);
    const grid = await s.port.readSheet(SHEET);
    const { result } = checkSheet(grid, DEFAULT_SETTINGS, { lang: "zh" });
    await s.port.applyHighlights(SHEET, result.findings);

    const sheet = s.fx.sheet(SHEET);
    // Marking changed no cell: values, formulas, fills, borders, number formats all as they were.
    expect(JSON.stringify((s.fx.snapshot() as { cells: unknown }[])[0].cells)).toBe(beforeCells);
    expect(ourFormats(s.fx).length).toBeGreaterThan(0);
    expect(ourNotes(s.fx).length).toBeGreaterThan(0);
    expect(sheet.conditionalFormats.length).toBe(ourFormats(s.fx).length + s.d.userFormats);

    await s.port.clearHighlights(SHEET);

    expect(s.fx.snapshot()).toEqual(before);
    expect(sheet.conditionalFormats.map((f) => f.type)).toEqual(["ColorScale", "Custom"]);
    expect(sheet.notes).toEqual([{ cell: s.d.userNoteCell, content: "数据来源：区统计局（王芳）", author: "王芳" }]);
    expect(s.fx.displayedFill(SHEET, s.d.colouredCell)).toBe("#00FF00");
  });

  it("replaces earlier marks instead of piling them up", async () => {
    const { fx, port } = setup();
    await port.applyHighlights(SHEET, [finding("D7", "error"), finding("E8", "info")]);
    await port.applyHighlights(SHEET, [finding("F9", "verify")]);
    const ours = ourFormats(fx);
    expect(ours).toHaveLength(1);
    expect(ours[0].formula).toBe(markFormula("verify"));
    expect(fx.displayedFill(SHEET, "D7")).toBeNull();
    expect(fx.displayedFill(SHEET, "F9")).toBe(SEVERITY_FILL.verify);
    expect(ourNotes(fx).map((n) => n.cell)).toEqual(["F9"]);
    expect(fx.sheet(SHEET).conditionalFormats).toHaveLength(1 + 2);
  });

  it("clears every sheet when no sheet is named", async () => {
    const { fx, port, sync } = setup();
    seedDistrict(fx, "Other");
    await port.applyHighlights(SHEET, [finding("D7", "error")]);
    await port.applyHighlights("Other", [finding("D8", "info", "x", "Other")]);
    sync.mockClear();
    await port.clearHighlights();
    expect(ourFormats(fx, SHEET)).toHaveLength(0);
    expect(ourFormats(fx, "Other")).toHaveLength(0);
    expect(ourNotes(fx, "Other")).toHaveLength(0);
    expect(fx.sheet("Other").conditionalFormats).toHaveLength(2);
    expect(sync.mock.calls.length).toBeLessThanOrEqual(5); // one more request to list the sheets
  });
});

describe("marks", () => {
  it("gives a cell with several findings the most severe colour, once, and lists the most severe first in its note", async () => {
    const { fx, port } = setup();
    await port.applyHighlights(SHEET, [finding("D7", "info", "提示"), finding("D7", "error", "错误"), finding("D7", "verify", "核实")]);
    const covering = ourFormats(fx).filter((f) => f.areas.some((a) => a.top === 6 && a.left === 3));
    expect(covering).toHaveLength(1);
    expect(fx.displayedFill(SHEET, "D7")).toBe(SEVERITY_FILL.error);
    expect(ourNotes(fx)).toEqual([
      { cell: "D7", content: `${NOTE_PREFIX}\n强制性：错误\n核实性：核实\n提示性：提示`, author: expect.any(String) },
    ]);
  });

  it("puts the error format above the others and all of ours above the user's", async () => {
    const { fx, port } = setup();
    await port.applyHighlights(SHEET, [finding("D7", "info"), finding("D8", "error"), finding("D9", "verify")]);
    const severities = fx.sheet(SHEET).conditionalFormats.map((f) => markOf(f.formula));
    expect(severities).toEqual(["error", "verify", "info", null, null]);
  });

  it("skips findings without a cell or for another sheet", () => {
    const plan = planMarks(SHEET, [finding(null, "error"), finding("C5", "error", "x", "Other"), finding("$c$5", "info")]);
    expect([...plan.cells.keys()]).toEqual(["C5"]);
    expect(plan.addresses).toEqual({ error: [], verify: [], info: ["C5"] });
  });

  it("cuts thousands of cells into short RangeAreas addresses, still in four requests", async () => {
    const { fx, port, sync } = setup();
    const many: Finding[] = [];
    for (let r = 1; r <= 1500; r++) for (const col of ["D", "G", "K"]) if (r % 2 === 1) many.push(finding(`${col}${r}`, "info"));
    const plan = planMarks(SHEET, many);
    expect(plan.addresses.info.length).toBeGreaterThan(1);
    for (const a of plan.addresses.info) expect(a.length).toBeLessThanOrEqual(MAX_ADDRESS_CHARS);

    await port.applyHighlights(SHEET, many);

    expect(sync.mock.calls.length).toBeLessThanOrEqual(4);
    expect(ourFormats(fx)).toHaveLength(plan.addresses.info.length);
    for (const f of many) expect(fx.displayedFill(SHEET, f.cell!)).toBe(SEVERITY_FILL.info);
    expect(fx.displayedFill(SHEET, "D2")).toBeNull();
    expect(ourNotes(fx)).toHaveLength(500); // capped: beyond that only colours mark the cells
  });

  it("merges consecutive rows of a column into one area", () => {
    const plan = planMarks(SHEET, [finding("C5", "info"), finding("C6", "info"), finding("C7", "info"), finding("C9", "info"), finding("AA3", "info")]);
    expect(plan.addresses.info).toEqual(["C5:C7,C9,AA3"]);
  });
});

describe("notes", () => {
  it("adds notes only where ExcelApi 1.18 is supported", async () => {
    const with118 = await checkAndMark(oneProblem, "1.18");
    expect(ourNotes(with118.fx)).toHaveLength(1);
    expect(ourNotes(with118.fx)[0].content.startsWith(NOTE_PREFIX)).toBe(true);

    // Under 1.17 the mock throws on any use of the notes API, so passing proves it is not touched.
    const without = await checkAndMark(oneProblem, "1.17");
    expect(without.fx.sheet(SHEET).notes).toHaveLength(1); // the user's own, alone
    expect(ourFormats(without.fx)).toHaveLength(1);
    await without.port.clearHighlights(SHEET);
    expect(ourFormats(without.fx)).toHaveLength(0);
  });

  it("never touches a user's note, and adds none of ours on a cell that has one", async () => {
    const { fx, port, d } = setup();
    await port.applyHighlights(SHEET, [finding(d.userNoteCell, "error"), finding("D7", "verify")]);
    const notes = fx.sheet(SHEET).notes;
    expect(notes.filter((n) => n.cell === d.userNoteCell)).toEqual([{ cell: d.userNoteCell, content: "数据来源：区统计局（王芳）", author: "王芳" }]);
    expect(ourNotes(fx).map((n) => n.cell)).toEqual(["D7"]);
    expect(fx.displayedFill(SHEET, d.userNoteCell)).toBe(SEVERITY_FILL.error); // still coloured
  });

  it("writes English notes when the port's language is English", async () => {
    const fx = new FakeExcel({ displayLanguage: "en-US" });
    seedDistrict(fx, SHEET);
    const port = new OfficeWorkbookPort({ host: fx.host() });
    await port.applyHighlights(SHEET, [finding("D7", "verify", "核实")]);
    expect(ourNotes(fx)[0].content).toBe(`${NOTE_PREFIX}\nVerify: en:核实`);
  });
});

describe("Excel traps", () => {
  it("marks with colours when the notes cannot be loaded (office-js #6198: notes are loaded in their own request)", async () => {
    const { fx, port } = setup();
    fx.notesUnreadable = true;
    await port.applyHighlights(SHEET, [finding("D7", "error")]);
    expect(fx.displayedFill(SHEET, "D7")).toBe(SEVERITY_FILL.error);
    expect(ourNotes(fx)).toHaveLength(0);
    expect(fx.sheet(SHEET).notes).toHaveLength(1); // the user's note untouched
  });

  it("on the web loads only the notes' content, which Excel on the web supports (office-js #6198)", async () => {
    const fx = new FakeExcel({ client: "web" });
    seedDistrict(fx, SHEET);
    const port = new OfficeWorkbookPort({ host: fx.host(), lang: "zh" });
    await port.applyHighlights(SHEET, [finding("D7", "error")]);
    expect(ourNotes(fx).map((n) => n.cell)).toEqual(["D7"]);
    await port.clearHighlights(SHEET);
    expect(ourNotes(fx)).toHaveLength(0);
  });

  it("marks and clears past a user's conditional format Office.js cannot read (office-js #6835, #6827)", async () => {
    const { fx, port, d } = setup();
    fx.addConditionalFormat(SHEET, { type: "CellValue", areas: [{ top: d.firstUnitRow - 1, left: 4, bottom: d.lastUnitRow - 1, right: 4 }], formula: null, fill: "#FFFF00", unreadable: true });
    const userFormats = fx.sheet(SHEET).conditionalFormats.length;
    await port.applyHighlights(SHEET, [finding("D7", "error"), finding("G9", "verify")]);
    expect(fx.displayedFill(SHEET, "D7")).toBe(SEVERITY_FILL.error);
    expect(ourNotes(fx).map((n) => n.cell).sort()).toEqual(["D7", "G9"]);
    await port.applyHighlights(SHEET, [finding("G9", "verify")]); // replaces: the old error mark is found and removed
    expect(ourFormats(fx).map((f) => markOf(f.formula))).toEqual(["verify"]);
    await port.clearHighlights();
    expect(ourFormats(fx)).toHaveLength(0);
    expect(ourNotes(fx)).toHaveLength(0);
    expect(fx.sheet(SHEET).conditionalFormats).toHaveLength(userFormats);
    expect(fx.eventsEnabled).toBe(true);
  });

  it("stops with a clear message before writing anything on a protected sheet", async () => {
    const { fx, port } = setup();
    await port.applyHighlights(SHEET, [finding("D7", "error")]);
    fx.sheet(SHEET).protected = true;
    const before = fx.snapshot();
    const writes = fx.writes.length;
    const attempt = port.applyHighlights(SHEET, [finding("D8", "error")]);
    await expect(attempt).rejects.toBeInstanceOf(OfficeAdapterError);
    await expect(attempt).rejects.toMatchObject({ text: { zh: expect.stringMatching(/^工作表“1-6月”受保护/) } });
    await expect(port.clearHighlights(SHEET)).rejects.toMatchObject({ text: { en: expect.stringMatching(/^Sheet "1-6月" is protected/) } });
    expect(fx.writes.length).toBe(writes);
    expect(fx.snapshot()).toEqual(before);
    expect(fx.eventsEnabled).toBe(true);
  });

  it("clears every sheet when a protected one carries none of our marks", async () => {
    const { fx, port } = setup();
    fx.addSheet("封面").protected = true;
    await port.applyHighlights(SHEET, [finding("D7", "error")]);
    await port.clearHighlights();
    expect(ourFormats(fx)).toHaveLength(0);
  });
});

describe("events and undo", () => {
  it("writes with events off and switches them back on", async () => {
    const { fx, port } = await checkAndMark(manyProblems);
    expect(fx.writes.length).toBeGreaterThan(0);
    expect(fx.writes.every((w) => !w.eventsEnabled)).toBe(true);
    expect(fx.eventsEnabled).toBe(true);
    fx.writes.length = 0;
    await port.clearHighlights(SHEET);
    expect(fx.writes.every((w) => !w.eventsEnabled)).toBe(true);
    expect(fx.eventsEnabled).toBe(true);
  });

  it("switches events back on when the batch fails", async () => {
    const { fx, port } = setup();
    await expect(port.applyHighlights("no such sheet", [finding("A1", "error", "x", "no such sheet")])).rejects.toMatchObject({ code: "ItemNotFound" });
    expect(fx.eventsEnabled).toBe(true);
  });

  it("is one undo step with ExcelApi 1.20 and plain batches before it", async () => {
    const modern = setup("1.20");
    await modern.port.applyHighlights(SHEET, [finding("D7", "error")]);
    await modern.port.clearHighlights(SHEET);
    // delayForCellEdit on every batch: Excel.RunOptions (a batch otherwise fails while the user edits a cell).
    expect(modern.fx.runs).toEqual([
      { mergeUndoGroup: true, delayForCellEdit: true },
      { mergeUndoGroup: true, delayForCellEdit: true },
    ]);

    const older = setup("1.19");
    await older.port.applyHighlights(SHEET, [finding("D7", "error")]);
    expect(older.fx.runs).toEqual([{ delayForCellEdit: true }]);
    expect(older.fx.displayedFill(SHEET, "D7")).toBe(SEVERITY_FILL.error);
  });

  it("runs ungrouped when Excel refuses the undo group", async () => {
    const { fx, port } = setup();
    fx.refuseUndoGroups = true;
    await port.applyHighlights(SHEET, [finding("D7", "error")]);
    expect(fx.runs).toEqual([{ delayForCellEdit: true }]);
    expect(fx.displayedFill(SHEET, "D7")).toBe(SEVERITY_FILL.error);
  });
});

describe("older Excels", () => {
  it("marks area by area without RangeAreas (ExcelApi 1.8), and clears them all", async () => {
    const { fx, port, sync } = setup("1.8");
    await port.applyHighlights(SHEET, [finding("D7", "error"), finding("D8", "error"), finding("F9", "info")]);
    expect(sync.mock.calls.length).toBeLessThanOrEqual(3);
    expect(ourFormats(fx)).toHaveLength(2); // D7:D8 and F9
    expect(fx.displayedFill(SHEET, "D8")).toBe(SEVERITY_FILL.error);
    await port.clearHighlights(SHEET);
    expect(ourFormats(fx)).toHaveLength(0);
  });

  it("refuses to mark without conditional formats (before ExcelApi 1.6), in both languages", async () => {
    const { fx, port } = setup("1.5");
    const error = await port.applyHighlights(SHEET, [finding("D7", "error")]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OfficeAdapterError);
    expect((error as OfficeAdapterError).text.zh).toMatch(/条件格式/);
    await expect(port.clearHighlights(SHEET)).resolves.toBeUndefined();
    expect(fx.writes).toEqual([]);
  });
});

describe("note language", () => {
  it("follows the language saved in the workbook's settings when the port is given none", async () => {
    const fx = new FakeExcel({ displayLanguage: "zh-CN" });
    seedDistrict(fx, SHEET);
    fx.settings.set("zs.settings", JSON.stringify({ lang: "en" }));
    await new OfficeWorkbookPort({ host: fx.host() }).applyHighlights(SHEET, [finding("D7", "error", "错")]);
    expect(ourNotes(fx)[0].content).toBe(`${NOTE_PREFIX}\nError: en:错`);
  });
});
