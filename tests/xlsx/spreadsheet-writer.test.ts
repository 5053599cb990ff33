import { readWorkbook } from "../../src/xlsx/read";
import { writeSpreadsheet } from "../../src/xlsx/write/spreadsheet";
import { crc32 } from "../../src/xlsx/crc32";
import { zipOf } from "../../src/xlsx/zip-write";
import { readZipDirectory } from "../../src/xlsx/zip";

describe("the SpreadsheetML writer", () => {
  test("CRC-32 is the ZIP one (check value of \"123456789\" is CBF43926, APPNOTE 4.4.7)", () => {
    expect(crc32(new TextEncoder().encode("123456789")).toString(16)).toBe("cbf43926");
  });

  test("writes a ZIP whose central directory our reader walks entry by entry", () => {
    const zip = zipOf([
      { name: "a.xml", data: new TextEncoder().encode("<a/>") },
      { name: "目录/b.xml", data: new TextEncoder().encode("<b/>") },
    ]);
    const dir = readZipDirectory(zip, 10);
    expect(dir.ok && dir.entries.map((e) => [e.name, e.method, e.uncompressedSize])).toEqual([
      ["a.xml", 0, 4],
      ["目录/b.xml", 0, 4],
    ]);
  });

  test("text that looks like a formula is written as text, and formulas keep their cached results", async () => {
    const bytes = writeSpreadsheet([
      {
        name: "表",
        rows: [
          [{ kind: "text", text: "=SUM(A1:A2) & <b>" }, { kind: "number", value: 1.5 }],
          [{ kind: "formula", formula: "B1*2", cached: 3 }, { kind: "formula", formula: 'IF(B1>9,1,"")', cached: "" }],
        ],
        merges: [],
      },
    ]);
    const grid = (await readWorkbook(bytes)).sheets[0];
    expect(grid.values[0]).toEqual(["=SUM(A1:A2) & <b>", 1.5]);
    expect(grid.values[1][0]).toBe(3);
    expect(grid.formulas?.[0]?.[0] ?? null).toBeNull();
    expect(grid.formulas?.[1]?.[0]).toBe("=B1*2");
  });

  test("refuses a sheet name Excel would refuse", () => {
    expect(() => writeSpreadsheet([{ name: "a/b", rows: [], merges: [] }])).toThrow(RangeError);
  });
});

describe("the SpreadsheetML writer with a raw deflate", () => {
  test("deflates every entry (method 8) and the workbook reads back the same", async () => {
    const { deflateRawSync } = await import("node:zlib");
    const sheets = [{ name: "表", rows: [[{ kind: "text" as const, text: "渝中区" }, { kind: "number" as const, value: 290 }]], merges: [] }];
    const packed = writeSpreadsheet(sheets, (d) => deflateRawSync(d));
    const dir = readZipDirectory(packed, 20);
    expect(dir.ok && dir.entries.every((e) => e.method === 8)).toBe(true);
    expect((await readWorkbook(packed)).sheets[0].values[0]).toEqual(["渝中区", 290]);
  });
});
