import ExcelJS from "exceljs";
import { indicatorDef } from "../../src/core/catalog";
import { Finding, Severity } from "../../src/core/findings";
import { writeAnnotatedCopy } from "../../src/xlsx/annotate";
import { SEVERITY_FILL_ARGB } from "../../src/xlsx/severity-style";
import { loadWorkbook, markedCells, readZipText, sha256, sheetXmlPath, workbookBytes } from "./helpers";

const SHEET = "1-6月";
const QUOTED = "It's 表";
const HOSTILE_UNIT = '=HYPERLINK("http://x","渝北")';

function finding(over: Partial<Finding> & Pick<Finding, "rule" | "severity">): Finding {
  return {
    sheet: SHEET,
    cell: null,
    row: null,
    column: null,
    unit: null,
    indicator: null,
    value: null,
    message: { zh: `中文说明 ${over.rule}`, en: `English message ${over.rule}` },
    ...over,
  };
}

function at(cell: string, severity: Severity, rule: Finding["rule"], over: Partial<Finding> = {}): Finding {
  const m = /^([A-Z]+)(\d+)$/.exec(cell)!;
  return finding({ rule, severity, cell, row: Number(m[2]), column: m[1], ...over });
}

async function original(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET);
  ws.getCell("B6").value = "单位";
  ws.getCell("C6").value = "正式合同额";
  ws.mergeCells("B2:D2");
  ws.getCell("B2").value = "标题";
  for (const [r, name, amount] of [
    [7, "渝中区", 12.5],
    [8, "渝北", 17.5],
    [9, "+1", 3],
  ] as const) {
    ws.getCell(`B${r}`).value = name;
    ws.getCell(`C${r}`).value = amount;
    // One shared style on all amounts (and C11): marking C7 must not paint C11.
    ws.getCell(`C${r}`).numFmt = "0.00";
    ws.getCell(`D${r}`).value = 1;
  }
  ws.getCell("C10").value = { formula: "SUM(C7:C9)", result: 33 };
  ws.getCell("C11").value = 0;
  ws.getCell("C11").numFmt = "0.00";
  ws.getCell("D8").note = "原有批注";
  wb.addWorksheet("校验结果").getCell("A1").value = "上次的结果";
  wb.addWorksheet(QUOTED).getCell("A1").value = 1;
  return workbookBytes(wb);
}

const FINDINGS: Finding[] = [
  at("C7", "verify", "total-mismatch", { unit: "渝中区", indicator: "contract-amount", value: 12.5, expected: { kind: "sum", value: 13, tolerance: 0 } }),
  at("C7", "error", "text-number", { unit: "渝中区", value: "12.5" }),
  at("C8", "verify", "outlier", { unit: HOSTILE_UNIT, value: "@SUM(A1)", expected: { kind: "range", min: 1, max: 5 } }),
  at("C9", "info", "rounding" as Finding["rule"], { unit: "+1", value: 3 }),
  at("D8", "info", "negative-value", { value: -1 }),
  at("C2", "info", "blank-value"), // inside the merged title B2:D2
  finding({ rule: "missing-unit", severity: "error", unit: "万盛经开区" }),
];

describe("writeAnnotatedCopy", () => {
  let input: Uint8Array;
  let hashBefore: string;
  let out: Uint8Array;
  let wb: ExcelJS.Workbook;

  beforeAll(async () => {
    input = await original();
    hashBefore = sha256(input);
    out = await writeAnnotatedCopy(input, [
      { sheet: SHEET, findings: FINDINGS },
      { sheet: QUOTED, findings: [{ ...at("A1", "verify", "outlier"), sheet: QUOTED }] },
    ]);
    wb = await loadWorkbook(out);
  });

  const fillOf = (ws: ExcelJS.Worksheet, addr: string): string | undefined => {
    const fill = ws.getCell(addr).fill as ExcelJS.FillPattern | undefined;
    return fill?.type === "pattern" ? fill.fgColor?.argb : undefined;
  };
  const noteOf = (ws: ExcelJS.Worksheet, addr: string): string => {
    const note = ws.getCell(addr).note;
    if (!note) return "";
    return typeof note === "string" ? note : (note.texts ?? []).map((t) => t.text).join("");
  };
  const marksOf = (sheet: string): Map<string, string> => markedCells(out, sheet);

  it("leaves the caller's bytes untouched and returns a new workbook", () => {
    expect(sha256(input)).toBe(hashBefore);
    expect(out).toBeInstanceOf(Uint8Array);
    expect(sha256(out)).not.toBe(hashBefore);
  });

  it("marks each flagged cell with a conditional format in its most severe finding's colour, as the add-in does", () => {
    expect(marksOf(SHEET)).toEqual(
      new Map([
        ["C7", SEVERITY_FILL_ARGB.error],
        ["C8", SEVERITY_FILL_ARGB.verify],
        ["B2", SEVERITY_FILL_ARGB.info], // C2 lies in the merged title B2:D2: its top-left cell shows the mark
        ["C9", SEVERITY_FILL_ARGB.info],
        ["D8", SEVERITY_FILL_ARGB.info],
      ]),
    );
    // Excel reads it too: one rule per severity, formula always true.
    // exceljs reads conditional formats but its typings do not declare them.
    const rules = (wb.getWorksheet(SHEET) as unknown as { conditionalFormattings: { rules: { type: string }[] }[] }).conditionalFormattings;
    expect(rules.map((r) => r.rules[0].type)).toEqual(["expression", "expression", "expression"]);
  });

  it("leaves the cells' own fills and number formats as they were", () => {
    const ws = wb.getWorksheet(SHEET)!;
    for (const addr of ["C7", "C8", "C9", "D8", "C10", "C11", "B2"]) expect(fillOf(ws, addr)).toBeUndefined();
    expect(ws.getCell("C11").numFmt).toBe("0.00");
    expect(ws.getCell("C8").numFmt).toBe("0.00");
  });

  it("notes every message of a cell, most severe first, and never writes over the submitter's own note", () => {
    const ws = wb.getWorksheet(SHEET)!;
    expect(noteOf(ws, "C7")).toBe("【招商统计助手】\n强制性：中文说明 text-number\n核实性：中文说明 total-mismatch");
    expect(noteOf(ws, "B2")).toContain("提示性：中文说明 blank-value");
    // D8 had a note of its own: it stays exactly as it was (its finding is in the report and marked by colour).
    expect(noteOf(ws, "D8")).toBe("原有批注");
  });

  it("keeps values and formulas", () => {
    const ws = wb.getWorksheet(SHEET)!;
    expect(ws.getCell("C7").value).toBe(12.5);
    expect(ws.getCell("B9").value).toBe("+1");
    expect(ws.getCell("C10").value).toEqual({ formula: "SUM(C7:C9)", result: 33 });
  });

  it("adds the report beside an existing 校验结果 sheet, which stays as it was", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([SHEET, "校验结果", QUOTED, "校验结果(2)"]);
    expect(wb.getWorksheet("校验结果")!.getCell("A1").value).toBe("上次的结果");
  });

  it("lists every finding, most severe first, with a frozen bold header", () => {
    const rep = wb.getWorksheet("校验结果(2)")!;
    expect(rep.getRow(1).values).toEqual([
      undefined,
      "严重程度",
      "规则",
      "工作表",
      "单元格",
      "单位",
      "指标",
      "填报值",
      "应为",
      "说明",
      "状态",
      "核实说明",
    ]);
    expect(rep.getCell("A1").font?.bold).toBe(true);
    expect(rep.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(rep.getColumn(9).width).toBeGreaterThan(40);
    expect(rep.actualRowCount).toBe(1 + FINDINGS.length + 1);
    const severities = Array.from({ length: FINDINGS.length + 1 }, (_, i) => rep.getCell(i + 2, 1).value);
    expect(severities).toEqual(["强制性", "强制性", "核实性", "核实性", "核实性", "提示性", "提示性", "提示性"]);
    expect(rep.getCell("A2").fill).toMatchObject({ fgColor: { argb: SEVERITY_FILL_ARGB.error } });
    expect(rep.getCell("A2").numFmt).toBe("@");
    // Sheet-level finding first (row null), then C7.
    expect(rep.getRow(2).values).toEqual([undefined, "强制性", "缺少单位", SHEET, undefined, "万盛经开区", undefined, undefined, undefined, "中文说明 missing-unit", "—"]);
    const c7 = rep.getRow(4);
    expect(c7.getCell(6).value).toBe("正式合同额");
    expect(c7.getCell(7).value).toBe(12.5);
    expect(c7.getCell(8).value).toBe(13);
  });

  it("links the 单元格 column to the cell, quoting sheet names", () => {
    const rep = wb.getWorksheet("校验结果(2)")!;
    const cells = Array.from({ length: FINDINGS.length + 1 }, (_, i) => rep.getCell(i + 2, 4));
    const c8 = cells.find((c) => c.text === "C8")!;
    // A link inside the workbook is a hyperlink with a `location` and no relationship (ECMA-376 Part 1 §18.3.1.47).
    const xml = readZipText(out, sheetXmlPath(out, "校验结果(2)"));
    expect(xml).toContain(`<hyperlink ref="D${c8.row}" location="'1-6月'!$C$8"`);
    const quoted = cells.find((c) => rep.getCell(Number(c.row), 3).value === QUOTED)!;
    expect(quoted.text).toBe("A1");
    expect(xml).toContain(`<hyperlink ref="D${quoted.row}" location="'It''s 表'!$A$1"`);
    expect(xml).not.toContain("r:id=");
  });

  it("writes workbook text as literal strings, never formulas", () => {
    const rep = wb.getWorksheet("校验结果(2)")!;
    const rows = Array.from({ length: FINDINGS.length + 1 }, (_, i) => rep.getRow(i + 2));
    const hostile = rows.find((r) => r.getCell(5).value === HOSTILE_UNIT)!;
    for (const [col, text] of [
      [5, HOSTILE_UNIT],
      [7, "@SUM(A1)"],
      [8, "1 ~ 5"],
    ] as const) {
      const cell = hostile.getCell(col);
      expect(cell.value).toBe(text);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
      expect(cell.numFmt).toBe("@");
    }
    const plusOne = rows.find((r) => r.getCell(5).value === "+1")!.getCell(5);
    expect(plusOne.type).toBe(ExcelJS.ValueType.String);
    // And in the file itself: no formula element anywhere in the report sheet.
    const xml = readZipText(out, sheetXmlPath(out, "校验结果(2)"));
    expect(xml).not.toContain("<f>");
    expect(xml).not.toMatch(/<f[ >]/);
  });

  it("writes English when asked, with an English default sheet name", async () => {
    const en = await loadWorkbook(
      await writeAnnotatedCopy(input, [{ sheet: SHEET, findings: FINDINGS.slice(0, 2) }], { lang: "en" }),
    );
    const rep = en.getWorksheet("Check results")!;
    expect(rep.getCell("A1").value).toBe("Severity");
    expect(rep.getCell("A2").value).toBe("Error");
    expect(rep.getCell("F3").value).toBe(indicatorDef("contract-amount").name.en);
    expect(noteOf(en.getWorksheet(SHEET)!, "C7")).toBe(
      "【招商统计助手】\nError: English message text-number\nVerify: English message total-mismatch",
    );
  });

  it("takes a chosen report name, made valid and unique", async () => {
    const named = await loadWorkbook(
      await writeAnnotatedCopy(input, [{ sheet: SHEET, findings: [] }], { reportSheetName: "校验结果" }),
    );
    expect(named.worksheets.map((w) => w.name)).toContain("校验结果(2)");
    const odd = await loadWorkbook(
      await writeAnnotatedCopy(input, [{ sheet: SHEET, findings: [] }], { reportSheetName: "结果:2025/07?" }),
    );
    expect(odd.worksheets.map((w) => w.name)).toContain("结果_2025_07_");
  });

  it("keeps findings for a sheet the workbook lacks in the report", async () => {
    const wb2 = await loadWorkbook(
      await writeAnnotatedCopy(input, [{ sheet: "不存在", findings: [{ ...at("A1", "error", "duplicate-unit"), sheet: "不存在" }] }]),
    );
    const rep = wb2.getWorksheet("校验结果(2)")!;
    expect(rep.getCell("C2").value).toBe("不存在");
    expect(rep.getCell("D2").text).toBe("A1");
  });

  it("refuses what the limits refuse", async () => {
    await expect(
      writeAnnotatedCopy(input, [], { limits: { maxFileBytes: 100 }, fileName: "a.xlsx" }),
    ).rejects.toMatchObject({ reason: "too-large" });
  });
});
