import ExcelJS from "exceljs";
import { checkWorkbookBytes } from "../../src/xlsx/limits";
import { readWorkbook } from "../../src/xlsx/read";
import { PassThrough } from "stream";

/**
 * The size the limits are designed around: a 100,000 × 12 sheet written by exceljs must pass the default limits,
 * and reading it into a grid must give every row.
 */
const ROWS = 100_000;
const COLS = 12;
const UNITS = ["渝中区", "大渡口区", "江北区", "沙坪坝区", "九龙坡区", "南岸区", "北碚区", "渝北区", "巴南区"];

describe("a 100,000 × 12 workbook", () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    // exceljs's streaming writer: the same file format, ~6× faster to build than the document writer.
    const chunks: Buffer[] = [];
    const stream = new PassThrough();
    stream.on("data", (c: Buffer) => chunks.push(c));
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: true });
    const ws = wb.addWorksheet("大表");
    for (let r = 0; r < ROWS; r++) {
      const row: (string | number)[] = [UNITS[r % UNITS.length], `备注${r}`];
      for (let c = 2; c < COLS; c++) row.push(((r * 31 + c * 17) % 100000) / 100);
      ws.addRow(row).commit();
    }
    await wb.commit();
    bytes = new Uint8Array(Buffer.concat(chunks));
  }, 120_000);

  it("passes the default limits", () => {
    const check = checkWorkbookBytes(bytes, undefined, "大表.xlsx");
    expect(check).toMatchObject({ ok: true });
    if (check.ok) expect(check.inflatedBytes).toBeGreaterThan(30 * 1024 * 1024);
  });

  // Its speed is a figure of `npm run bench`, not a timed test.
  it("converts a 100,000-row sheet to a complete grid", async () => {
    const grid = (await readWorkbook(bytes)).sheets[0];
    expect(grid.values).toHaveLength(ROWS);
    expect(grid.values[0]).toHaveLength(COLS);
    expect(grid.values[ROWS - 1][0]).toBe(UNITS[(ROWS - 1) % UNITS.length]);
  }, 120_000);
});
