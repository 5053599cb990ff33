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

    const per = rowsPerChunk(5);
    const chunks = Math.ceil(rows / per);
    expect(chunks).toBeGreaterThan(3);
    expect(grid.values).toHaveLength(rows);
    expect(grid.values[rows - 1]).toEqual([`单位${rows - 1}`, rows - 1, (rows - 1) * 0.5, "备注文字", (rows - 1) % 7]);
    expect(progress).toHaveLength(chunks);
    expect(progress[progress.length - 1]).toBe(1);
    for (let i = 1; i < progress.length; i++) expect(progress[i]).toBeGreaterThan(progress[i - 1]);
    // One request for the size, then one per chunk: never one per row.
    expect(sync).toHaveBeenCalledTimes(chunks + 1);
    // And each request really stays under the web's 5 MB.
    for (const r of fx.requests) expect(r.responseBytes).toBeLessThan(5_000_000);
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
