/*
 * Known Excel traps around writing, each against the client-profile mock (tests/support/office-mock.ts):
 *   - text starting with "=", "+" or "-" is parsed as a formula by Excel unless the cell is formatted as text
 *     first; every place that writes workbook text sets "@" before the values;
 *   - a protected sheet or workbook structure rejects writes (AccessDenied): each writing method stops with a
 *     clear message before writing anything.
 */
import { Finding } from "../../src/core/findings";
import { OfficeAdapterError } from "../../src/excel/errors";
import { EXPLANATIONS_SHEET } from "../../src/excel/explanations-store";
import { OfficeWorkbookPort } from "../../src/excel/office-port";
import { FakeExcel, installOfficeGlobals } from "../support/office-mock";

const SHEET = "1-6月";
const FORMULA_LIKE = ["=SUM(A1:A3)", "+86 023 6000 0000", "-（此项不计入全市）"];

function finding(message: string, unit: string): Finding {
  return {
    rule: "unknown-unit",
    severity: "verify",
    sheet: SHEET,
    cell: "B7",
    row: 7,
    column: "B",
    unit,
    indicator: null,
    value: unit,
    message: { zh: message, en: message },
  };
}

function setup(client = "m365-windows") {
  const fx = new FakeExcel({ client });
  fx.addSheet(SHEET, { values: [["区县", "金额"], ["渝北区", 1]] });
  const port = new OfficeWorkbookPort({ host: fx.host() });
  return { fx, port };
}

describe("text starting with =, + or - stays text wherever the add-in writes workbook text", () => {
  it.each(FORMULA_LIKE)("report sheet: %s", async (text) => {
    const { fx, port } = setup();
    await port.writeReport([finding(text, text)], "zh");
    const cells = [...fx.sheet("校验结果").cells.values()];
    expect(cells.filter((c) => c.formula !== null)).toEqual([]);
    expect(cells.filter((c) => c.value === text).length).toBeGreaterThanOrEqual(2); // the unit, the value, the message
  });

  it.each(FORMULA_LIKE)("explanations sheet: %s", async (text) => {
    const { fx, port } = setup();
    const globals = installOfficeGlobals(fx);
    try {
      await port.saveExplanations([{ sheet: SHEET, cell: "B7", rule: "unknown-unit", text, author: text }]);
      const cells = [...fx.sheet(EXPLANATIONS_SHEET).cells.values()];
      expect(cells.filter((c) => c.formula !== null)).toEqual([]);
      expect(await port.loadExplanations()).toEqual([{ sheet: SHEET, cell: "B7", rule: "unknown-unit", text, author: text }]);
    } finally {
      globals.restore();
    }
  });

  it.each(FORMULA_LIKE)("formula-column header: %s", async (header) => {
    const { fx, port } = setup();
    await port.insertFormulaColumns(SHEET, [{ kind: "yoy", inputs: ["B", "B"], firstRow: 2, lastRow: 2, header }]);
    expect(fx.cell(SHEET, "C1")).toMatchObject({ value: header, formula: null, numberFormat: "@" });
    expect(fx.cell(SHEET, "C2").formula).not.toBeNull(); // the column itself is a formula, as asked
  });
});

describe("the web's 5 MB request limit (Resource limits and performance optimization for Office Add-ins)", () => {
  it("writes a report of thousands of long Chinese messages in requests that each stay under it", async () => {
    const { fx, port } = setup("web");
    const message = "该单位本期到位资金与上年同期相比变化异常，请核实是否存在单位填错（万元误填为亿元）或漏报情况，".repeat(10);
    const findings = Array.from({ length: 5000 }, (_, i) => ({ ...finding(`${i}${message}`, "渝北区"), cell: `D${i + 2}`, row: i + 2 }));
    await port.writeReport(findings, "zh");
    expect(fx.cell("校验结果", "I5001").value).toBe(`4999${message}`);
    const writes = fx.requests.filter((r) => r.requestBytes > 0);
    // Together well over the limit: one request would have been refused.
    expect(writes.reduce((n, r) => n + r.requestBytes, 0)).toBeGreaterThan(5 * 1024 * 1024);
    expect(writes.length).toBeGreaterThan(1);
    for (const r of writes) expect(r.requestBytes).toBeLessThanOrEqual(5 * 1024 * 1024);
  });
});

describe("protected sheets and workbooks get a clear message before anything is written", () => {
  async function refused(fx: FakeExcel, action: () => Promise<unknown>, pattern: RegExp): Promise<void> {
    const before = fx.snapshot();
    const writes = fx.writes.length;
    const attempt = action();
    await expect(attempt).rejects.toBeInstanceOf(OfficeAdapterError);
    await expect(attempt).rejects.toMatchObject({ text: { zh: expect.stringMatching(pattern) } });
    expect(fx.writes.length).toBe(writes);
    expect(fx.snapshot()).toEqual(before);
    expect(fx.eventsEnabled).toBe(true);
  }

  it("formula columns on a protected sheet", async () => {
    const { fx, port } = setup();
    fx.sheet(SHEET).protected = true;
    await refused(fx, () => port.insertFormulaColumns(SHEET, [{ kind: "yoy", inputs: ["B", "B"], firstRow: 2, lastRow: 2, header: "同比" }]), /^工作表“1-6月”受保护/);
  });

  it("the report in a workbook whose structure is protected, and over a protected report sheet of ours", async () => {
    const { fx, port } = setup();
    fx.workbookProtected = true;
    await refused(fx, () => port.writeReport([finding("消息", "渝北区")], "zh"), /^工作簿结构受保护/);
    fx.workbookProtected = false;
    await port.writeReport([finding("消息", "渝北区")], "zh");
    fx.sheet("校验结果").protected = true;
    await refused(fx, () => port.writeReport([finding("消息", "江北区")], "zh"), /^工作表“校验结果”受保护/);
  });

  it("explanations in a protected workbook or a protected explanations sheet", async () => {
    const { fx, port } = setup();
    fx.workbookProtected = true;
    await refused(fx, () => port.saveExplanations([{ sheet: SHEET, cell: "B7", rule: "r", text: "说明" }]), /^工作簿结构受保护/);
    fx.workbookProtected = false;
    await port.saveExplanations([{ sheet: SHEET, cell: "B7", rule: "r", text: "说明" }]);
    fx.sheet(EXPLANATIONS_SHEET).protected = true;
    await refused(fx, () => port.saveExplanations([]), new RegExp(`^工作表“${EXPLANATIONS_SHEET}”受保护`));
  });

  it("without the check Excel itself would refuse part-way (AccessDenied): the mock models it", async () => {
    const { fx } = setup();
    fx.sheet(SHEET).protected = true;
    fx.context.workbook.worksheets.getItem(SHEET).getRange("A1").values = [["x"]];
    await expect(fx.context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
  });
});
