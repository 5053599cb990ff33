/*
 * Number-format codes as the file writes them. exceljs 4.4 strips backslashes when it reads styles.xml
 * (numfmt-xform.js), so `0.00\%` (a literal percent sign after a ×100 figure) would read as the scaling `0.00%`.
 * Format syntax: Microsoft, "Review guidelines for customizing a number format" (escaped and quoted literals).
 */
import ExcelJS from "exceljs";
import { validate } from "../../src/core/engine";
import { readSheet } from "../../src/core/sheet";
import { readWorkbook, writeAnnotatedCopy } from "../../src/xlsx";
import { parseNumberFormats } from "../../src/xlsx/number-formats";
import { makeZip, readZipText, workbookBytes, zipEntryNames } from "./helpers";

/** 1–6月 正式合同额 of ten districts with last year's figures; 同比 typed as ×100 numbers rounded to 2 decimals. */
const ROWS: [string, number, number][] = [
  ["渝中区", 120.35, 98.2],
  ["大渡口区", 45.6, 50.12],
  ["江北区", 210.4, 180.05],
  ["沙坪坝区", 160.22, 140.9],
  ["九龙坡区", 188.75, 201.3],
  ["南岸区", 99.1, 85.46],
  ["北碚区", 130.08, 110.5],
  ["渝北区", 300.6, 260.33],
  ["巴南区", 150.9, 149.2],
  ["黔江区", 95.03, 80.1],
];

function yoyTimes100(cur: number, prev: number): number {
  return Math.round(((cur - prev) / prev) * 10000) / 100;
}

/** The 同比 figure of row i as the clerk typed it: ×100 unless `typed` says otherwise. */
type YoyTyped = (cur: number, prev: number, i: number) => number;

async function yoySheet(yoyFormat: string, typed: YoyTyped = (cur, prev) => yoyTimes100(cur, prev)): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("主要指标");
  ws.addRow(["2022年1—6月中心城区招商引资正式合同额完成情况表"]);
  ws.addRow(["单位：亿元"]);
  ws.addRow(["区县", "正式合同额", null, null]);
  ws.addRow([null, "本期", "上年同期", "同比"]);
  ws.mergeCells("B3:D3");
  ws.mergeCells("A3:A4");
  ROWS.forEach(([unit, cur, prev], i) => {
    const row = ws.addRow([unit, cur, prev, typed(cur, prev, i)]);
    row.getCell(2).numFmt = "0.00";
    row.getCell(3).numFmt = "0.00";
    row.getCell(4).numFmt = yoyFormat;
  });
  ws.addRow(["填表人：李四"]);
  return workbookBytes(wb);
}

async function rateFindings(bytes: Uint8Array): Promise<(string | null)[]> {
  const data = await readWorkbook(bytes);
  const result = validate(readSheet(data.sheets[0]), null);
  return result.findings.filter((f) => f.rule === "rate-mismatch").map((f) => f.cell);
}

describe("number formats are read as the file writes them", () => {
  test("a 同比 column of ×100 figures under 0.00\\% gives no rate finding", async () => {
    expect(await rateFindings(await yoySheet("0.00\\%"))).toEqual([]);
  });

  test("a 同比 column of ×100 figures under 0.00\"%\" (quoted sign) gives no rate finding", async () => {
    expect(await rateFindings(await yoySheet('0.00"%"'))).toEqual([]);
  });

  test("under 0.00\\% a fraction typed by mistake prints 0.13% and is a rate finding, not read as 12.5%", async () => {
    // 大渡口区's 同比 typed as the fraction -0.0902 instead of -9.02.
    const typed: YoyTyped = (cur, prev, i) => (i === 1 ? Math.round(((cur - prev) / prev) * 10000) / 10000 : yoyTimes100(cur, prev));
    expect(await rateFindings(await yoySheet("0.00\\%", typed))).toEqual(["D6"]);
  });

  test("the same ×100 figures under the scaling 0.00% are rate findings (they print as 2255.60% etc.)", async () => {
    // What the sheet would be if exceljs's stripped code were believed: the check above would fail.
    expect((await rateFindings(await yoySheet("0.00%"))).length).toBe(ROWS.length);
  });

  test("the raw styles.xml written with 0.00\\% is read back with its backslash, beside the built-in 0.00%", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("s");
    ws.getCell("A1").value = 12.5;
    ws.getCell("A1").numFmt = "0.00\\%";
    ws.getCell("A2").value = 0.125;
    ws.getCell("A2").numFmt = "0.00%";
    ws.getCell("A3").value = -1.5;
    ws.getCell("A3").numFmt = '[Blue]0.0"个百分点";[Red]-0.0"个百分点"';
    const bytes = await workbookBytes(wb);
    expect(readZipText(bytes, "xl/styles.xml")).toContain('formatCode="0.00\\%"');
    const grid = (await readWorkbook(bytes)).sheets[0];
    expect(grid.numberFormats).toEqual([["0.00\\%"], ["0.00%"], ['[Blue]0.0"个百分点";[Red]-0.0"个百分点"']]);
  });

  test("a hand-built styles.xml (entities, single quotes, a stored entry) is read verbatim", async () => {
    const bytes = await workbookBytes(
      (() => {
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet("s");
        ws.getCell("A1").value = 3.25;
        ws.getCell("A1").numFmt = "0.000";
        return wb;
      })(),
    );
    // Re-pack every part, replacing the styles part's custom code with one Excel itself would write.
    const names = zipEntryNames(bytes);
    const parts = names.map((name) => {
      let data = readZipText(bytes, name);
      if (name === "xl/styles.xml") {
        data = data.replace('formatCode="0.000"', "formatCode='0.00\\%;\\-0.00\\%;&quot;—&quot;'");
      }
      return { name, data, method: name === "xl/styles.xml" ? (0 as const) : (8 as const) };
    });
    const styles = parts.find((p) => p.name === "xl/styles.xml")?.data ?? "";
    expect(parseNumberFormats(styles).get(164)).toBe('0.00\\%;\\-0.00\\%;"—"');
    const grid = (await readWorkbook(makeZip(parts))).sheets[0];
    expect(grid.numberFormats?.[0][0]).toBe('0.00\\%;\\-0.00\\%;"—"');
  });

  test("an annotated copy keeps 0.00\\% (exceljs would otherwise write back the scaling 0.00%)", async () => {
    const bytes = await yoySheet("0.00\\%");
    const copy = await writeAnnotatedCopy(bytes, []);
    expect(readZipText(copy, "xl/styles.xml")).toContain('formatCode="0.00\\%"');
  });
});
