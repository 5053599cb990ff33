/** @jest-environment jsdom */
import "./support/node-globals";
import fs from "fs";
import path from "path";
import ExcelJS from "exceljs";
import { checkSheet } from "../../src/app/check";
import { compareFindings, Finding } from "../../src/core/findings";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { formatJson } from "../../src/app/json-format";
import { buildReport } from "../../src/cli/build-report";
import { EXPLANATIONS_SHEET, SEVERITY_FILL_ARGB } from "../../src/xlsx";
import { MemoryWorkbookPort } from "../../src/web/memory-port";
import { SETTINGS_SHEET } from "../../src/app/settings-sheet";
import { pageJson } from "../../src/web/json-report";
import { annotatedCopy } from "../../src/web/workbook-io";
import { openWorkbook } from "../../src/web/workbook-reader";
import { markedCells } from "../xlsx/helpers";
import { outputName } from "../../src/web/file-names";
import { marksFor } from "../../src/web/marks";

const EXAMPLE = path.join(__dirname, "../../examples/chongqing-2022-h1.xlsx");
const SHEET = "1-6月";

async function examplePort(): Promise<MemoryWorkbookPort> {
  const bytes = new Uint8Array(fs.readFileSync(EXAMPLE));
  return new MemoryWorkbookPort(await openWorkbook(bytes, "chongqing-2022-h1.xlsx"), { lang: "zh" });
}

async function engineFindings(port: MemoryWorkbookPort): Promise<Finding[]> {
  const grid = await port.readSheet(SHEET);
  return [...checkSheet(grid, DEFAULT_SETTINGS).result.findings].sort(compareFindings);
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

test("a file port: the workbook's sheets, grids, and the same object for every read", async () => {
  const port = await examplePort();
  expect(port.kind).toBe("file");
  expect(port.displayLanguage()).toBe("zh");
  expect(await port.listSheets()).toEqual([SHEET]);
  expect(await port.activeSheet()).toBe(SHEET);
  const progress: number[] = [];
  const grid = await port.readSheet(SHEET, (p) => progress.push(p));
  expect(grid.name).toBe(SHEET);
  expect(grid.values.length).toBeGreaterThan(40);
  expect(progress).toEqual([1]);
  await expect(port.readSheet("没有")).rejects.toThrow("没有工作表“没有”");
});

test("highlights are kept per sheet, replaced, cleared, and announced", async () => {
  const port = await examplePort();
  const findings = await engineFindings(port);
  const events: (string | null)[] = [];
  port.events.on("highlights", ({ sheet }) => events.push(sheet));
  expect(port.hasResults()).toBe(false);

  await port.applyHighlights(SHEET, findings);
  expect(port.findingsOf(SHEET)).toEqual(findings);
  expect(port.hasResults()).toBe(true);
  const error = findings.find((f) => f.severity === "error" && f.cell)!;
  expect(marksFor(port.findingsOf(SHEET), "zh").get(error.cell!)?.severity).toBe("error");

  await port.applyHighlights(SHEET, findings.slice(0, 1));
  expect(port.findingsOf(SHEET)).toHaveLength(1);
  await port.clearHighlights(SHEET);
  expect(port.findingsOf(SHEET)).toHaveLength(0);
  await port.applyHighlights(SHEET, findings);
  await port.clearHighlights();
  expect(port.findingsOf(SHEET)).toHaveLength(0);
  // 清除标记 takes the marks off the preview; the downloads keep the last check (issue 8 §7).
  expect(port.snapshot().results).toEqual([{ sheet: SHEET, findings }]);
  expect(port.hasResults()).toBe(true);
  expect(events).toEqual([SHEET, SHEET, SHEET, SHEET, null]);
});

test("selectCell tells the preview which cell to show (addresses normalised)", async () => {
  const port = await examplePort();
  const selected: { sheet: string; cell: string }[] = [];
  port.events.on("select", (e) => selected.push(e));
  await port.selectCell(SHEET, "$k$43");
  expect(selected).toEqual([{ sheet: SHEET, cell: "K43" }]);
});

test("settings live in memory, normalised and copied", async () => {
  const port = await examplePort();
  expect(await port.loadSettings()).toEqual(DEFAULT_SETTINGS);
  const next = { ...DEFAULT_SETTINGS, period: "2022年1-6月", targets: { kind: "none" as const } };
  await port.saveSettings(next);
  const back = await port.loadSettings();
  expect(back.period).toBe("2022年1-6月");
  back.period = "changed";
  expect((await port.loadSettings()).period).toBe("2022年1-6月");
});

test("formula columns are refused in file mode, and the port says so up front", async () => {
  const port = await examplePort();
  expect(port.supports("formula-columns")).toBe(false);
  await expect(
    port.insertFormulaColumns(SHEET, [{ kind: "completion", inputs: ["D", "G"], firstRow: 5, lastRow: 50, header: "完成率" }]),
  ).rejects.toThrow("不支持插入公式列");
});

test("the annotated copy: original values, severity marks, the 校验结果 sheet, and the session's explanations", async () => {
  const port = await examplePort();
  const findings = await engineFindings(port);
  await port.applyHighlights(SHEET, findings);
  const verify = findings.find((f) => f.severity === "verify" && f.cell)!;
  const explanation = { sheet: SHEET, cell: verify.cell, rule: verify.rule, text: "全市数含市级直接招商项目，口径不同", date: "2025-07-10" };
  await port.saveExplanations([explanation]);

  const copy = await load(await annotatedCopy(port.snapshot()));
  const ws = copy.getWorksheet(SHEET)!;
  const error = findings.find((f) => f.severity === "error" && f.cell)!;
  const bytes = await annotatedCopy(port.snapshot());
  expect(markedCells(bytes, SHEET).get(error.cell!)).toBe(SEVERITY_FILL_ARGB.error);
  const original = await load(new Uint8Array(fs.readFileSync(EXAMPLE)));
  expect(ws.getCell(error.cell!).value).toEqual(original.getWorksheet(SHEET)!.getCell(error.cell!).value);
  const report = copy.getWorksheet("校验结果");
  expect(report).toBeDefined();
  expect(report!.rowCount).toBeGreaterThan(findings.length);

  const hidden = copy.getWorksheet(EXPLANATIONS_SHEET)!;
  expect(hidden.state).toBe("veryHidden");
  const rows: string[][] = [];
  hidden.eachRow((row) => rows.push([1, 2, 3, 4].map((c) => String(row.getCell(c).value ?? ""))));
  expect(rows).toContainEqual([SHEET, verify.cell, verify.rule, explanation.text]);

  // Reopening the copy on the page brings the explanation back.
  const reopened = await openWorkbook(await annotatedCopy(port.snapshot()), "copy.xlsx");
  expect(reopened.data.explanations).toEqual([explanation]);
});

test("the JSON download is exactly zs-check's --format json for the same findings", async () => {
  const port = await examplePort();
  const findings = await engineFindings(port);
  await port.applyHighlights(SHEET, findings);
  const s = port.snapshot();
  const json = pageJson({ fileName: s.fileName, results: s.results, settings: s.settings, lang: "zh", grid: (n) => port.grid(n) });

  const grid = port.grid(SHEET)!;
  const { model, result } = checkSheet(grid, DEFAULT_SETTINGS);
  const cli = formatJson(
    buildReport(
      [{ file: { path: EXAMPLE, display: "chongqing-2022-h1.xlsx" }, sheets: [{ model, result }], error: null, notes: [], annotatedCopy: null, explanations: [], settings: null }],
      [],
      [],
    ),
    "zh",
  );
  expect(json).toBe(cli);
  const parsed = JSON.parse(json);
  expect(parsed.files[0].sheets[0].summary.error).toBe(findings.filter((f) => f.severity === "error").length);
});

test("download names keep the original name and always end in .xlsx / .json", () => {
  expect(outputName("渝北区.xlsx", "xlsx")).toBe("渝北区-校验.xlsx");
  expect(outputName("渝北区.XLSM", "xlsx")).toBe("渝北区-校验.xlsx");
  expect(outputName("2022.1-6月.xlsx", "json")).toBe("2022.1-6月-校验.json");
  expect(outputName("a.xlsx", "json", "en")).toBe("a-checked.json");
});

test("settings saved on the page travel in the annotated copy's settings sheet, and the page starts from them", async () => {
  const port = await examplePort();
  expect(await port.loadSettings()).toEqual(DEFAULT_SETTINGS);
  const corrected = { ...DEFAULT_SETTINGS, period: "2022年1-9月", thresholds: { ...DEFAULT_SETTINGS.thresholds, outlierZ: 4 } };
  await port.saveSettings(corrected);
  await port.applyHighlights(SHEET, await engineFindings(port));

  const copy = await annotatedCopy(port.snapshot());
  expect((await load(copy)).getWorksheet(SETTINGS_SHEET)?.state).toBe("veryHidden");
  // zs-check and the page read it back: the city bureau re-checks the district's file the district's way.
  const reopened = await openWorkbook(copy, "copy.xlsx");
  expect(reopened.data.settings).toEqual(corrected);
  expect(reopened.data.sheetNames).not.toContain(SETTINGS_SHEET);
  expect(await new MemoryWorkbookPort(reopened, { lang: "zh" }).loadSettings()).toEqual(corrected);
});
