import ExcelJS from "exceljs";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { keyedOverride } from "../../src/app/mapping-keys";
import { runOneClick } from "../../src/app/one-click";
import { SETTINGS_SHEET, settingsRows } from "../../src/app/settings-sheet";
import { readWithSettings } from "../../src/app/check";
import { OfficeWorkbookPort } from "../../src/excel/office-port";
import { Finding } from "../../src/core/findings";
import { CheckSettings, DEFAULT_SETTINGS } from "../../src/core/settings";
import { SheetGrid } from "../../src/core/sheet/types";
import { MemoryWorkbookPort } from "../../src/web/memory-port";
import { readWorkbook } from "../../src/xlsx/read";
import { writeSettingsSheet } from "../../src/xlsx/settings-sheet";
import { runCli, tempDir } from "../cli/fixtures";
import { FakeExcel, installOfficeGlobals, InstalledGlobals } from "../support/office-mock";

/**
 * Issue 10 §2's evidence: the same file with non-default settings stored in it gives identical findings from the
 * pane (its 一键校验 sequence over the mocked Office.js port), from the page (the same sequence over the in-memory
 * port of the file's bytes) and from zs-check. The settings are those of the issue: the period corrected to 1–9月,
 * a threshold, a mapping correction.
 */

const EXAMPLE = path.resolve(__dirname, "../../examples/chongqing-2022-h1.xlsx");
const SHEET = "1-6月";

interface Seen {
  rule: string;
  severity: string;
  sheet: string;
  cell: string | null;
  message: string;
}

const seen = (list: readonly Seen[]): Seen[] =>
  [...list].sort((a, b) => `${a.cell}|${a.rule}|${a.message}`.localeCompare(`${b.cell}|${b.rule}|${b.message}`));
const fromFindings = (fs: readonly Finding[]): Seen[] =>
  seen(fs.map((f) => ({ rule: f.rule, severity: f.severity, sheet: f.sheet, cell: f.cell, message: f.message.zh })));

let dir: string;
let cleanup: () => void;
let bytes: Uint8Array;
let settings: CheckSettings;
let globals: InstalledGlobals | null = null;

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  const original = await readWorkbook(readFileSync(EXAMPLE));
  const grid = original.sheets.find((g) => g.name === SHEET) as SheetGrid;
  // Made the way the pane makes it: on the column as read (其中：工业合同额 taken out of the check).
  const model = readWithSettings(grid, DEFAULT_SETTINGS);
  const industrial = model.columns.find((c) => c.indicator === "industrial-contract-amount")!;
  settings = {
    ...DEFAULT_SETTINGS,
    period: "2022年1-9月",
    thresholds: { ...DEFAULT_SETTINGS.thresholds, behindScheduleInfo: 10 },
    mapping: { [SHEET]: [keyedOverride(model, { col: industrial.col, indicator: null })] },
  };
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(EXAMPLE) as unknown as ArrayBuffer);
  writeSettingsSheet(wb, settings);
  bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  writeFileSync(path.join(dir, "district.xlsx"), bytes);
});

afterAll(() => cleanup());
afterEach(() => {
  globals?.restore();
  globals = null;
});

async function zsCheck(file: string): Promise<{ period: string | null; findings: Seen[] }> {
  const r = await runCli([file, "--format", "json"], dir);
  const sheet = JSON.parse(r.stdout).files[0].sheets[0];
  const findings = sheet.findings.map((f: { rule: string; severity: string; sheet: string; cell: string | null; messages: { zh: string } }) => ({
    rule: f.rule,
    severity: f.severity,
    sheet: f.sheet,
    cell: f.cell,
    message: f.messages.zh,
  }));
  return { period: sheet.period, findings: seen(findings) };
}

async function page(): Promise<Seen[]> {
  const data = await readWorkbook(bytes, { fileName: "district.xlsx" });
  const port = new MemoryWorkbookPort({ fileName: "district.xlsx", bytes, data }, { lang: "zh", activeSheet: SHEET });
  const outcome = await runOneClick(port);
  return fromFindings(outcome!.findings);
}

/** The workbook as Excel would hold it: the sheet's values, formats, merges and formulas, and our settings sheet. */
async function pane(): Promise<Seen[]> {
  const data = await readWorkbook(bytes);
  const grid = data.sheets.find((g) => g.name === SHEET) as SheetGrid;
  const fx = new FakeExcel();
  const ws = fx.addSheet(SHEET, {
    values: grid.values as unknown[][],
    numberFormats: (grid.numberFormats ?? []).map((r) => r.map((f) => f ?? "General")),
  });
  ws.merges.push(...(grid.merges ?? []));
  grid.formulas?.forEach((row, r) =>
    row.forEach((f, c) => {
      if (f) fx.cellOf(ws, r, c).formula = f.startsWith("=") ? f : `=${f}`;
    }),
  );
  fx.addSheet(SETTINGS_SHEET, { values: settingsRows(settings) }).visibility = "VeryHidden";
  globals = installOfficeGlobals(fx);
  const outcome = await runOneClick(new OfficeWorkbookPort({ host: fx.host() }));
  return fromFindings(outcome!.findings);
}

describe("the same file with settings stored in it gives the same findings on every face", () => {
  test("zs-check, the page and the pane (mocked Office.js) agree, finding for finding", async () => {
    const cli = await zsCheck("district.xlsx");
    expect(cli.period).toBe("2022年1-9月");
    expect(cli.findings.length).toBeGreaterThan(0);
    expect(await page()).toEqual(cli.findings);
    expect(await pane()).toEqual(cli.findings);
  });

  test("the stored settings matter: the same file without them is found otherwise", async () => {
    writeFileSync(path.join(dir, "plain.xlsx"), readFileSync(EXAMPLE));
    const plain = await zsCheck("plain.xlsx");
    const stored = await zsCheck("district.xlsx");
    expect(plain.period).toBe("2022年1-6月");
    expect(plain.findings).not.toEqual(stored.findings);
    // The corrected column is out of the check: no finding is about 工业合同额 any more.
    expect(stored.findings.some((f) => f.message.includes("工业合同额"))).toBe(false);
    expect(plain.findings.some((f) => f.message.includes("工业合同额"))).toBe(true);
  });
});
