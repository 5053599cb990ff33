/*
 * The page reads in a Web Worker and receives the workbook in slices of rows (src/web/read-protocol.ts): what the
 * worker posts must build back the same workbook the reader read, in messages small enough that the main thread
 * deserialises each in a few milliseconds. The worker's job (serveRead) runs here in one thread.
 */
import ExcelJS from "exceljs";
import { readWorkbook } from "../../src/xlsx/read";
import { ReadMessage, WorkbookAssembler, errorFromMessage, errorMessage, workbookMessages } from "../../src/web/read-protocol";
import { serveRead } from "../../src/web/read-service";
import { writeAnnotatedCopy } from "../../src/xlsx/annotate";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { handWorkbook, makeZip, withDeclaredCount, workbookBytes, zipEntryNames } from "../xlsx/helpers";

async function cityTable(rows: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("1-6月");
  ws.getCell("A1").value = "2022年1-6月全市招商引资主要指标完成情况表";
  ws.mergeCells("A1:C1");
  ws.addRow(["区县", "正式合同额", "资金到位率"]);
  for (let i = 0; i < rows; i++) {
    const row = ws.addRow([`单位${i + 1}`, 10 + i / 100, 0.5]);
    row.getCell(2).numFmt = "0.00";
    row.getCell(3).numFmt = "0.00%";
  }
  ws.getCell(`B${rows + 3}`).value = { formula: `SUM(B3:B${rows + 2})`, result: 1 };
  wb.addWorksheet("年度目标").addRow(["区县", "年度目标"]);
  return workbookBytes(wb);
}

type PageError = Error & { reason?: string; bilingual?: { zh: string; en: string } };

function caught(fn: () => unknown): PageError | null {
  try {
    fn();
  } catch (err) {
    return err as PageError;
  }
  return null;
}

async function served(bytes: Uint8Array, fileName = "a.xlsx"): Promise<ReadMessage[]> {
  const posted: ReadMessage[] = [];
  await serveRead({ bytes, fileName }, (m) => posted.push(structuredClone(m)));
  return posted;
}

function assemble(messages: readonly ReadMessage[]) {
  const assembler = new WorkbookAssembler();
  let whole = false;
  for (const m of messages) whole = assembler.accept(m);
  expect(whole).toBe(true);
  return assembler.result();
}

test("the workbook built from the worker's messages is the workbook the reader read", async () => {
  const bytes = await cityTable(300);
  const direct = await readWorkbook(bytes, { fileName: "a.xlsx" });
  const rebuilt = assemble(await served(bytes));
  expect(rebuilt).toEqual(direct);
});

test("the check settings stored in the workbook reach the page through the worker", async () => {
  const settings = { ...DEFAULT_SETTINGS, period: "2022年1-9月" };
  const bytes = await writeAnnotatedCopy(await cityTable(5), [], { settings });
  const direct = await readWorkbook(bytes, { fileName: "a.xlsx" });
  expect(direct.settings?.period).toBe("2022年1-9月");
  expect(assemble(await served(bytes)).settings).toEqual(direct.settings);
});

/** 40,000 rows of 3 numbers, written as Excel lays out <sheetData> (exceljs would take seconds to write it). */
function longSheet(rows: number): Uint8Array {
  const xml: string[] = [];
  for (let r = 1; r <= rows; r++) xml.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}"><v>1.5</v></c><c r="C${r}"><v>2</v></c></row>`);
  return handWorkbook({ sheets: [{ name: "长表", xml: `<sheetData>${xml.join("")}</sheetData>` }] });
}

test("a large sheet travels in slices of about 20,000 cells, not in one message", async () => {
  const bytes = longSheet(30_000);
  const messages = await served(bytes);
  const slices = messages.filter((m): m is Extract<ReadMessage, { type: "rows" }> => m.type === "rows");
  expect(slices.length).toBeGreaterThanOrEqual(4);
  for (const s of slices) expect(s.values.reduce((n, row) => n + (row?.length ?? 0), 0)).toBeLessThanOrEqual(20_000);
  expect(assemble(messages).sheets[0].values).toHaveLength(30_000);
});

test("the worker reports its reading progress, rising to 1 before the rows arrive", async () => {
  const messages = await served(await cityTable(100));
  const progress = messages.filter((m) => m.type === "progress").map((m) => (m as { fraction: number }).fraction);
  expect(progress.length).toBeGreaterThan(0);
  expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  expect(progress[progress.length - 1]).toBe(1);
  expect(messages.findIndex((m) => m.type === "progress" && m.fraction === 1)).toBeLessThan(messages.findIndex((m) => m.type === "head"));
});

test("one number-format string per distinct code is kept on the page, as the reader keeps it", async () => {
  const sheet = assemble(await served(await cityTable(50))).sheets[0];
  const codes = sheet.numberFormats!.slice(2, 52).map((row) => row[1]);
  expect(new Set(codes)).toEqual(new Set(["0.00"]));
  expect(codes.every((c) => c === codes[0])).toBe(true);
});

test("the empty rows of a sparse sheet arrive as one shared row, not one array each", () => {
  const grid = { name: "散", values: [["a"], [], [], [], ["b"]], numberFormats: [[null], [], [], [], [null]] };
  const data = { sheets: [grid], sheetNames: ["散"], hiddenSheets: [], explanations: [], settings: null, notes: [] };
  const messages = [...workbookMessages(data)].map((m) => structuredClone(m));
  const rows = messages.find((m) => m.type === "rows") as Extract<ReadMessage, { type: "rows" }>;
  expect(rows.values.filter((r) => r === null)).toHaveLength(3);
  const rebuilt = assemble(messages).sheets[0];
  expect(rebuilt.values).toEqual(grid.values);
  expect(rebuilt.values[1]).toBe(rebuilt.values[2]);
});

test("a refused file reaches the page named as what it is, in both languages, with the reader's reason", async () => {
  const notAWorkbook = new TextEncoder().encode("单位,合同额\n渝中区,12.5\n");
  const messages = await served(notAWorkbook, "假的.xlsx");
  expect(messages).toHaveLength(1);
  const thrown = caught(() => new WorkbookAssembler().accept(messages[0]));
  expect(thrown?.reason).toBe("not-a-zip");
  expect(thrown?.bilingual?.zh).toMatch(/文件 假的.xlsx 不是有效的 .xlsx 工作簿/);
  expect(thrown?.bilingual?.en).toMatch(/not a valid .xlsx workbook/);
});

test("a zip bomb that lies about its entry count is refused in the worker, never inflated", async () => {
  const honest = handWorkbook({ sheets: [{ name: "1-6月", xml: "<sheetData/>" }] });
  const bytes = withDeclaredCount(honest, zipEntryNames(honest).length - 1);
  const [message] = await served(bytes, "炸弹.xlsx");
  expect(message.type).toBe("error");
  expect((message as { reason?: string }).reason).toBe("count-mismatch");
});

test("an error without a reader's reason keeps its message through the trip", () => {
  const back = errorFromMessage(structuredClone(errorMessage(new Error("out of memory"))) as Extract<ReadMessage, { type: "error" }>);
  expect(back.message).toBe("out of memory");
  expect((back as { bilingual?: unknown }).bilingual).toBeUndefined();
});

test("a zip with no worksheet is the reader's error, not a crash of the worker", async () => {
  const [message] = await served(makeZip([{ name: "word/document.xml", data: "<w:document/>" }]), "信.xlsx");
  expect(message.type).toBe("error");
});
