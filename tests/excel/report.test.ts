import { Finding, Severity } from "../../src/core/findings";
import { OfficeWorkbookPort } from "../../src/excel/office-port";
import { reportTable, rowSlices } from "../../src/excel/report";
import { reportSheet, StyleSink } from "../../src/xlsx/report";
import { FakeExcel } from "../support/office-mock";

function f(cell: string | null, severity: Severity, extra: Partial<Finding> = {}): Finding {
  return {
    rule: "unknown-unit",
    severity,
    sheet: "1-6月",
    cell,
    row: cell ? Number(cell.replace(/\D/g, "")) : null,
    column: cell ? cell.replace(/\d/g, "") : null,
    unit: null,
    indicator: null,
    value: null,
    message: { zh: "消息", en: "message" },
    ...extra,
  };
}

function setup(apiVersion = "1.20") {
  const fx = new FakeExcel({ apiVersion });
  fx.addSheet("1-6月", { values: [["x"]] });
  const sync = jest.spyOn(fx.context, "sync");
  const port = new OfficeWorkbookPort({ host: fx.host() });
  return { fx, sync, port };
}

function columnValues(fx: FakeExcel, sheet: string, col: string, rows: number): unknown[] {
  return Array.from({ length: rows }, (_, i) => fx.cell(sheet, `${col}${i + 1}`).value);
}

describe("writeReport", () => {
  it("writes a unit name like =HYPERLINK(…) as text: format @ set before the value, the value the string", async () => {
    const { fx, port } = setup();
    const name = '=HYPERLINK("http://x","渝北")';
    await port.writeReport([f("B7", "error", { unit: name, value: name })], "zh");

    for (const ref of ["E2", "G2"]) {
      const cell = fx.cell("校验结果", ref);
      expect(cell.numberFormat).toBe("@");
      expect(cell.formula).toBeNull();
      expect(cell.value).toBe(name);
    }
    // Every string cell is text; the order is proven by the mock, which turns "=…" into a formula in a General cell.
    for (const col of "ABCDEFGHI") expect(fx.cell("校验结果", `${col}2`).numberFormat).toBe("@");
  });

  it("has the .xlsx report's columns, in both languages", () => {
    for (const lang of ["zh", "en"] as const) {
      const noStyles: StyleSink = { font: () => 0, solidFill: () => 0, xf: () => 0, numFmt: () => 0 };
      const xlsxHeader = reportSheet([], lang, noStyles).rows[0].map((c) => (c && "text" in c ? c.text : null));
      expect(reportTable([], lang).header).toEqual(xlsxHeader);
    }
  });

  it("links the 单元格 column to the cell, bolds and freezes the header, fills the severity column", async () => {
    const { fx, port } = setup();
    await port.writeReport([f("C7", "verify", { sheet: "It's 1-6月" }), f(null, "error"), f("D9", "info", { value: 12.5, expected: { kind: "figure", value: 10 } })], "zh");
    const ws = fx.sheet("校验结果");
    expect(columnValues(fx, "校验结果", "A", 4)).toEqual(["严重程度", "强制性", "核实性", "提示性"]);
    expect(fx.cell("校验结果", "D3").hyperlink).toEqual({ documentReference: "'It''s 1-6月'!C7", textToDisplay: "C7", screenTip: "It's 1-6月!C7" });
    expect(fx.cell("校验结果", "D2").hyperlink).toBeNull(); // a finding about the whole sheet has no cell
    expect(fx.cell("校验结果", "D2").value).toBe("");
    // Numbers stay numbers.
    expect(fx.cell("校验结果", "G4")).toMatchObject({ value: 12.5, numberFormat: "General" });
    // 应为 at the printed precision of the figure it replaces: 12.5 has one decimal.
    expect(fx.cell("校验结果", "H4")).toMatchObject({ value: 10, numberFormat: "0.0" });
    expect(fx.cell("校验结果", "A1").bold).toBe(true);
    expect(fx.cell("校验结果", "I1").bold).toBe(true);
    expect(ws.frozenRows).toBe(1);
    expect(fx.cell("校验结果", "A2").fill).toBe("#FFC7CE");
    expect(fx.cell("校验结果", "A3").fill).toBe("#FFEB9C");
    expect(fx.cell("校验结果", "A4").fill).toBe("#DDEBF7");
    expect(fx.cell("校验结果", "I2").wrapText).toBe(true);
    expect(fx.activeSheet).toBe("校验结果");
  });

  it("takes the same few requests for 3 findings as for 2,000", async () => {
    const counts: number[] = [];
    for (const n of [3, 2000]) {
      const { fx, sync, port } = setup();
      const list = Array.from({ length: n }, (_, i) => f(`C${i + 5}`, (["error", "verify", "info"] as const)[i % 3]));
      await port.writeReport(list, "en");
      counts.push(sync.mock.calls.length);
      expect(fx.cell("Check results", `A${n + 1}`).value).toBe("Info");
    }
    expect(counts[0]).toBeLessThanOrEqual(3);
    expect(counts[1]).toBe(counts[0]);
  });

  it("rewrites its own report sheet in place, with no rows left over", async () => {
    const { fx, port, sync } = setup();
    await port.writeReport([f("C7", "error"), f("C8", "error"), f("C9", "error")], "zh");
    sync.mockClear();
    await port.writeReport([f("C7", "info")], "zh");
    expect(fx.sheets.map((s) => s.name)).toEqual(["1-6月", "校验结果"]);
    expect(columnValues(fx, "校验结果", "A", 4)).toEqual(["严重程度", "提示性", "", ""]);
    expect(sync.mock.calls.length).toBeLessThanOrEqual(3);
  });

  it("leaves a user's own sheet called 校验结果 alone and writes 校验结果(2)", async () => {
    const { fx, port } = setup();
    fx.addSheet("校验结果", { values: [["我自己的表"]] });
    await port.writeReport([f("C7", "error")], "zh");
    expect(fx.cell("校验结果", "A1").value).toBe("我自己的表");
    expect(fx.cell("校验结果(2)", "A1").value).toBe("严重程度");
    // The next report goes to the same (2), not to a (3).
    await port.writeReport([f("C8", "info")], "zh");
    expect(fx.sheets.map((s) => s.name)).toEqual(["1-6月", "校验结果", "校验结果(2)"]);
    expect(fx.cell("校验结果(2)", "A2").value).toBe("提示性");
  });

  it("splits only a report beyond the payload limit into several writes", () => {
    const rows = Array.from({ length: 10 }, () => ["x".repeat(100)]);
    expect(rowSlices(rows)).toEqual([{ first: 0, count: 10 }]);
    const slices = rowSlices(rows, 1000);
    expect(slices.length).toBeGreaterThan(1);
    expect(slices.reduce((a, s) => a + s.count, 0)).toBe(10);
    expect(rowSlices([])).toEqual([]);
  });

  it("writes huge reports in several requests, every one under 5 MB", async () => {
    const { fx, port } = setup();
    const long = "很长的说明".repeat(200);
    const list = Array.from({ length: 3000 }, (_, i) => f(`C${i + 5}`, "info", { message: { zh: long, en: long } }));
    await port.writeReport(list, "zh");
    expect(fx.requests.length).toBeGreaterThan(3);
    for (const r of fx.requests) expect(r.requestBytes).toBeLessThan(5_000_000);
    expect(fx.cell("校验结果", "I3001").value).toBe(long);
  });
});
