import { OfficeWorkbookPort } from "../../src/excel/office-port";
import { DEFAULT_READ_LIMITS, rowsPerChunk } from "../../src/excel/read";
import { a1 } from "../../src/core/sheet/a1";
import { FakeExcel } from "../support/office-mock";
import { seedDistrict } from "../support/office-mock-district";

function setup(apiVersion = "1.20") {
  const fx = new FakeExcel({ apiVersion });
  const sync = jest.spyOn(fx.context, "sync");
  const port = new OfficeWorkbookPort({ host: fx.host() });
  return { fx, sync, port };
}

describe("readSheet", () => {
  it("reads a district sheet's used range in two requests: values, formats, merges, formulas, hidden rows", async () => {
    const { fx, sync, port } = setup();
    const d = seedDistrict(fx, "1-6月");
    fx.sheet("1-6月").hiddenRows.add(d.rowOf.get("万盛经开区")! - 1);

    const grid = await port.readSheet("1-6月");

    expect(sync).toHaveBeenCalledTimes(2);
    expect(grid.name).toBe("1-6月");
    expect(grid.origin).toEqual({ row: 0, col: 0 });
    expect(grid.values).toHaveLength(d.values.length);
    expect(grid.values[0][0]).toBe("2022年1—6月全市招商引资主要指标完成情况表");
    expect(grid.values[0][1]).toBeNull(); // Office's "" for an empty cell becomes null, as the .xlsx reader gives
    expect(grid.values[d.rowOf.get("渝北区")! - 1][1]).toBe("渝北区");
    expect(grid.numberFormats?.[d.firstUnitRow - 1][5]).toBe("0.00%");
    expect(grid.merges).toEqual(expect.arrayContaining(d.merges));
    expect(grid.merges).toHaveLength(d.merges.length);
    expect(grid.hiddenRows).toEqual([d.rowOf.get("万盛经开区")! - 1]);
    // The 全市 count is a formula; every other cell is a constant.
    expect(grid.formulas?.[d.totalRow - 1][2]).toMatch(/^=SUM\(/);
    expect(grid.formulas?.[d.firstUnitRow - 1][2]).toBeNull();
  });

  it("maps grid positions back to the sheet when the used range starts at C3", async () => {
    const { fx, port } = setup();
    fx.addSheet("S", { values: [["全市", 1], ["渝北区", "=HYPERLINK(\"x\",\"y\")"]], origin: { row: 2, col: 2 } });
    // A text cell holding formula-like text: value and "formula" are the same string, so it is no formula.
    const text = fx.cell("S", "D4");
    text.numberFormat = "@";
    text.formula = null;
    text.value = '=HYPERLINK("x","y")';

    const grid = await port.readSheet("S");

    expect(grid.origin).toEqual({ row: 2, col: 2 });
    expect(a1({ row: 1, col: 0 }, grid.origin)).toBe("C4");
    expect(grid.values).toEqual([["全市", 1], ["渝北区", '=HYPERLINK("x","y")']]);
    expect(grid.formulas).toBeUndefined();
  });

  it("returns an empty grid for an empty sheet, after one request", async () => {
    const { fx, sync, port } = setup();
    fx.addSheet("Empty");
    const progress: number[] = [];
    const grid = await port.readSheet("Empty", (f) => progress.push(f));
    expect(grid.values).toEqual([]);
    expect(sync).toHaveBeenCalledTimes(1);
    expect(progress).toEqual([1]);
  });

  it("leaves merges and hidden rows out where the API sets are missing (ExcelApi 1.8)", async () => {
    const { fx, sync, port } = setup("1.8");
    const d = seedDistrict(fx, "S");
    fx.sheet("S").hiddenRows.add(10);
    const grid = await port.readSheet("S");
    expect(sync).toHaveBeenCalledTimes(2);
    expect(grid.values).toHaveLength(d.values.length);
    expect(grid.merges).toEqual([]);
    expect(grid.hiddenRows).toEqual([]);
  });

  it("fails with Excel's error for a sheet that does not exist", async () => {
    const { port } = setup();
    await expect(port.readSheet("nope")).rejects.toMatchObject({ code: "ItemNotFound" });
  });
});

describe("chunked reads of a large sheet", () => {
  it("sizes chunks by the 5 MB payload and 5 million cell limits", () => {
    expect(rowsPerChunk(10)).toBe(Math.floor(DEFAULT_READ_LIMITS.maxBytesPerRequest / (10 * DEFAULT_READ_LIMITS.bytesPerCell)));
    expect(rowsPerChunk(10) * 10 * DEFAULT_READ_LIMITS.bytesPerCell).toBeLessThanOrEqual(5_000_000);
    expect(rowsPerChunk(10, { maxCellsPerRead: 100, maxBytesPerRequest: 1e9, bytesPerCell: 1 })).toBe(10);
    expect(rowsPerChunk(100_000)).toBe(1); // never zero rows
  });

  it("reads 30,000 rows in several chunks, with rising progress and a bounded number of requests", async () => {
    const { fx, sync, port } = setup();
    const rows = 30_000;
    const values = Array.from({ length: rows }, (_, r) => [`单位${r}`, r, r * 0.5, "备注文字", r % 7]);
    fx.addSheet("Big", { values });
    const progress: number[] = [];

    const grid = await port.readSheet("Big", (f) => progress.push(f));

    // The first chunk is sized by the estimate, later ones by what the first really weighed (lighter here).
    const first = rowsPerChunk(5);
    expect(rows / first).toBeGreaterThan(3);
    const chunks = progress.length;
    expect(chunks).toBeGreaterThan(1);
    expect(chunks).toBeLessThanOrEqual(Math.ceil(rows / first));
    expect(progress[0]).toBe(first / rows);
    expect(grid.values).toHaveLength(rows);
    expect(grid.values[rows - 1]).toEqual([`单位${rows - 1}`, rows - 1, (rows - 1) * 0.5, "备注文字", (rows - 1) % 7]);
    expect(progress[progress.length - 1]).toBe(1);
    for (let i = 1; i < progress.length; i++) expect(progress[i]).toBeGreaterThan(progress[i - 1]);
    // One request for the size, then one per chunk: never one per row.
    expect(sync).toHaveBeenCalledTimes(chunks + 1);
    // And each request really stays under the web's 5 MB.
    for (const r of fx.requests) expect(r.responseBytes).toBeLessThan(5_000_000);
  });

  it("reads a 12-column sheet of long Chinese text on the web in chunks sized by bytes, each under 5 MB", async () => {
    const fx = new FakeExcel({ client: "web" });
    const port = new OfficeWorkbookPort({ host: fx.host() });
    const note = "经核实，该项目已于本季度完成工商注册并取得用地批复，签约金额按合同约定分期到位，".repeat(4); // ~160 characters
    const rows = 1200;
    fx.addSheet("说明", { values: Array.from({ length: rows }, (_, r) => Array.from({ length: 12 }, (_, c) => `${r}-${c}${note}`)) });
    // By cell count (160 bytes per cell) one request would carry all 1,200 rows: ~14 MB of UTF-8 on the wire.
    expect(rowsPerChunk(12)).toBeGreaterThanOrEqual(rows);
    const grid = await port.readSheet("说明");
    expect(grid.values).toHaveLength(rows);
    expect(grid.values[rows - 1][11]).toBe(`${rows - 1}-11${note}`);
    // The first guess (all rows at once) is refused and retried at half size until it fits; every chunk after the
    // first accepted one is sized by measured bytes and accepted at once.
    const limit = 5 * 1024 * 1024;
    const firstAccepted = fx.requests.findIndex((r, i) => i > 0 && r.responseBytes > 0 && r.responseBytes <= limit);
    expect(fx.requests.slice(1, firstAccepted).every((r) => r.responseBytes > limit)).toBe(true);
    expect(firstAccepted).toBeLessThanOrEqual(4);
    const later = fx.requests.slice(firstAccepted);
    expect(later.length).toBeGreaterThan(4);
    for (const r of later) expect(r.responseBytes).toBeLessThanOrEqual(limit);
  });

  it("retries a chunk Excel refuses as too large at half the rows (web payload limit)", async () => {
    const fx = new FakeExcel({ client: "web" });
    // An estimate far too low makes the first request too large: it is retried smaller instead of failing.
    const port = new OfficeWorkbookPort({ host: fx.host(), readLimits: { maxCellsPerRead: 5_000_000, maxBytesPerRequest: 4_000_000, bytesPerCell: 1 } });
    const text = "招商引资项目情况说明".repeat(30);
    fx.addSheet("S", { values: Array.from({ length: 1500 }, (_, r) => Array.from({ length: 12 }, () => `${r}${text}`)) });
    const sync = jest.spyOn(fx.context, "sync");
    const grid = await port.readSheet("S");
    expect(grid.values).toHaveLength(1500);
    await expect(sync.mock.results[1].value).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
    expect(grid.values[1499][0]).toBe(`1499${text}`);
  });

  it("says so when a single row is over the limit", async () => {
    const fx = new FakeExcel({ client: "web" });
    const port = new OfficeWorkbookPort({ host: fx.host() });
    fx.addSheet("S", { values: [Array.from({ length: 200 }, () => "字".repeat(32_000))] });
    await expect(port.readSheet("S")).rejects.toMatchObject({ text: { zh: expect.stringMatching(/^第 1 行的数据超过 Excel 单次传输的上限/) } });
  });

  it("honours smaller limits given to the port", async () => {
    const fx = new FakeExcel();
    const port = new OfficeWorkbookPort({ host: fx.host(), readLimits: { maxCellsPerRead: 20, maxBytesPerRequest: 1e9, bytesPerCell: 1 } });
    const sync = jest.spyOn(fx.context, "sync");
    fx.addSheet("S", { values: Array.from({ length: 50 }, (_, r) => [r, r + 1]) });
    const grid = await port.readSheet("S");
    expect(grid.values.map((r) => r[0])).toEqual(Array.from({ length: 50 }, (_, r) => r));
    expect(sync).toHaveBeenCalledTimes(1 + 5); // 10 rows × 2 columns per chunk
  });
});
