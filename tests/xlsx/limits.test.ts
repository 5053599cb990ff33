import ExcelJS from "exceljs";
import { checkWorkbookBytes, DEFAULT_LIMITS, LimitCheck } from "../../src/xlsx/limits";
import { formatBytes } from "../../src/xlsx/format";
import { readZipDirectory } from "../../src/xlsx/zip";
import { makeZip, workbookBytes } from "./helpers";

function refused(check: LimitCheck): Extract<LimitCheck, { ok: false }> {
  if (check.ok) throw new Error(`expected a refusal, got ok (${check.entries} entries)`);
  return check;
}

async function smallWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("月报").addRow(["渝中区", 12.5]);
  return workbookBytes(wb);
}

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function cfbWith(streamName: string | null): Uint8Array {
  const bytes = new Uint8Array(4096);
  bytes.set(CFB_MAGIC, 0);
  if (streamName) {
    const utf16 = Buffer.from(streamName, "utf16le");
    bytes.set(utf16, 1024);
  }
  return bytes;
}

describe("formatBytes", () => {
  it("prints binary multiples with at most one decimal", () => {
    expect(formatBytes(2.3 * 1024 ** 3)).toBe("2.3 GB");
    expect(formatBytes(1024 ** 3)).toBe("1 GB");
    expect(formatBytes(100 * 1024 ** 2)).toBe("100 MB");
    expect(formatBytes(512)).toBe("512 B");
  });
});

describe("checkWorkbookBytes", () => {
  it("accepts an ordinary workbook and reports what it declares", async () => {
    const check = checkWorkbookBytes(await smallWorkbook(), undefined, "a.xlsx");
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.entries).toBeGreaterThan(5);
    expect(check.inflatedBytes).toBeGreaterThan(1000);
    expect(check.notes).toEqual([]);
  });

  it("has defaults sized for 100k-row sheets", () => {
    // 100,000 × 12 city table from exceljs: 8.5 MB file, 51 MB inflated, ratio ≤ 15 (end to end in large.test.ts).
    // The inflated limit also bounds memory (reading peaks near 45 MB + 3.4 × the XML): room for 1.5× that table.
    expect(DEFAULT_LIMITS.maxFileBytes).toBeGreaterThanOrEqual(5 * 8.5 * 1024 ** 2);
    expect(DEFAULT_LIMITS.maxInflatedBytes).toBeGreaterThanOrEqual(1.5 * 51 * 1024 ** 2);
    expect(DEFAULT_LIMITS.maxInflatedBytes).toBeLessThanOrEqual(80 * 1024 ** 2);
    expect(DEFAULT_LIMITS.maxCompressionRatio).toBeGreaterThan(30);
  });

  it("refuses a zip bomb by its compression ratio, naming the entry and the figures", () => {
    const bomb = makeZip([
      { name: "[Content_Types].xml", data: "<Types/>" },
      { name: "xl/worksheets/sheet1.xml", data: new Uint8Array(50 * 1024 * 1024), level: 9 },
    ]);
    expect(bomb.byteLength).toBeLessThan(200 * 1024);
    const r = refused(checkWorkbookBytes(bomb, undefined, "炸弹.xlsx"));
    expect(r.reason).toBe("ratio-too-high");
    expect(r.message.zh).toContain("文件 炸弹.xlsx");
    expect(r.message.zh).toContain("xl/worksheets/sheet1.xml");
    expect(r.message.zh).toContain("50 MB");
    expect(r.message.zh).toContain("超过上限 200:1");
    expect(r.message.en).toContain("zip bomb");
  });

  it("does not ratio-check small entries (styles.xml may compress very well)", () => {
    const zip = makeZip([{ name: "xl/styles.xml", data: "a".repeat(500 * 1024), level: 9 }]);
    expect(checkWorkbookBytes(zip).ok).toBe(true);
  });

  it("refuses too many entries before walking them", () => {
    const many = makeZip(
      Array.from({ length: DEFAULT_LIMITS.maxEntries + 1 }, (_, i) => ({ name: `x/${i}.xml`, data: "", method: 0 as const })),
    );
    const r = refused(checkWorkbookBytes(many, undefined, "many.xlsx"));
    expect(r.reason).toBe("too-many-entries");
    expect(r.message.zh).toBe(`文件 many.xlsx 包含 ${DEFAULT_LIMITS.maxEntries + 1} 个压缩条目，超过上限 ${DEFAULT_LIMITS.maxEntries}`);
    expect(checkWorkbookBytes(makeZip([{ name: "a", data: "" }, { name: "b", data: "" }]), { maxEntries: 1 }).ok).toBe(false);
  });

  it("refuses a file whose entries inflate beyond the limit, with both figures", () => {
    const random = new Uint8Array(2 * 1024 * 1024);
    for (let i = 0; i < random.length; i++) random[i] = (i * 2654435761) >>> 24;
    const zip = makeZip([{ name: "xl/worksheets/sheet1.xml", data: random, method: 0 }]);
    const r = refused(checkWorkbookBytes(zip, { maxInflatedBytes: 1024 * 1024 }, "a.xlsx"));
    expect(r.reason).toBe("inflated-too-large");
    expect(r.message.zh).toBe("文件 a.xlsx 解压后 2 MB，超过上限 1 MB");
  });

  it("refuses a file over the size limit before looking inside", () => {
    const r = refused(checkWorkbookBytes(new Uint8Array(2048), { maxFileBytes: 1024 }, "big.xlsx"));
    expect(r.reason).toBe("too-large");
    expect(r.message.zh).toBe("文件 big.xlsx 大小 2 KB，超过上限 1 KB");
  });

  it("refuses what is not a ZIP (a CSV renamed, a truncated download)", async () => {
    const csv = refused(checkWorkbookBytes(new TextEncoder().encode("单位,合同额\n渝中区,12.5\n"), undefined, "a.xlsx"));
    expect(csv.reason).toBe("not-a-zip");
    expect(csv.message.zh).toContain("不是 ZIP 格式");
    const whole = await smallWorkbook();
    const truncated = refused(checkWorkbookBytes(whole.subarray(0, whole.byteLength - 200)));
    expect(truncated.reason).toBe("not-a-zip");
    const empty = refused(checkWorkbookBytes(new Uint8Array(0), undefined, "空.xlsx"));
    expect(empty.reason).toBe("empty");
    expect(empty.message.zh).toBe("文件 空.xlsx 为空（0 字节），不是工作簿。请重新保存或下载");
  });

  it("refuses an OLE2/CFB file: encrypted xlsx, old .xls, or unknown", () => {
    const unknown = refused(checkWorkbookBytes(cfbWith(null)));
    expect(unknown.reason).toBe("encrypted");
    expect(unknown.message.zh).toBe("文件已加密或为旧版 .xls 格式，请另存为 .xlsx");
    const encrypted = refused(checkWorkbookBytes(cfbWith("EncryptedPackage"), undefined, "密.xlsx"));
    expect(encrypted.reason).toBe("encrypted");
    expect(encrypted.message.zh).toContain("文件 密.xlsx 已加密");
    const xls = refused(checkWorkbookBytes(cfbWith("Workbook"), undefined, "old.xls"));
    expect(xls.message.zh).toContain("旧版 .xls");
  });

  it("refuses .xlsb by name and by content", async () => {
    const byName = refused(checkWorkbookBytes(await smallWorkbook(), undefined, "报表.XLSB"));
    expect(byName.reason).toBe("binary-xlsb");
    expect(byName.message.zh).toContain("不支持");
    expect(byName.message.zh).toContain(".xlsb");
    const byContent = refused(checkWorkbookBytes(makeZip([{ name: "xl/workbook.bin", data: "\u0001\u0002" }]), undefined, "x.xlsx"));
    expect(byContent.reason).toBe("binary-xlsb");
  });

  it("refuses a ZIP whose entries carry ZIP-level encryption", () => {
    const r = refused(checkWorkbookBytes(makeZip([{ name: "xl/workbook.xml", data: "<x/>", encryptedFlag: true }])));
    expect(r.reason).toBe("encrypted");
  });

  it("reads .xlsm like .xlsx and says the macros are ignored; notes chart sheets", () => {
    const zip = makeZip([
      { name: "xl/workbook.xml", data: "<workbook/>" },
      { name: "xl/vbaProject.bin", data: "macro" },
      { name: "xl/chartsheets/sheet1.xml", data: "<chartsheet/>" },
    ]);
    const check = checkWorkbookBytes(zip, undefined, "宏.xlsm");
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.notes.map((n) => n.zh)).toEqual([
      "工作簿含宏（vbaProject.bin）：宏不会被运行，也不会被读取",
      "已跳过 1 个图表工作表（只有图表、没有单元格）",
    ]);
  });
});

describe("readZipDirectory", () => {
  it("reads ZIP64 end records and extras honestly", () => {
    const zip = makeZip(
      [
        { name: "a.xml", data: "x".repeat(3000) },
        { name: "b.xml", data: "hello", method: 0 },
      ],
      { zip64: true },
    );
    const dir = readZipDirectory(zip, 100);
    expect(dir.ok).toBe(true);
    if (!dir.ok) return;
    expect(dir.entries.map((e) => [e.name, e.uncompressedSize])).toEqual([
      ["a.xml", 3000],
      ["b.xml", 5],
    ]);
    expect(dir.entries[1].localHeaderOffset).toBeGreaterThan(0);
    expect(checkWorkbookBytes(zip).ok).toBe(true);
  });

  it("finds the end record behind an archive comment and rejects a damaged directory", () => {
    const zip = makeZip([{ name: "a.xml", data: "<a/>" }]);
    const comment = Buffer.from("a comment");
    const withComment = Buffer.concat([Buffer.from(zip), comment]);
    withComment.writeUInt16LE(comment.length, zip.byteLength - 2);
    const dir = readZipDirectory(new Uint8Array(withComment), 10);
    expect(dir.ok && dir.entries[0].name).toBe("a.xml");

    const damaged = Buffer.from(zip);
    damaged.writeUInt32LE(0xdeadbeef, damaged.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])));
    expect(readZipDirectory(new Uint8Array(damaged), 10)).toEqual({ ok: false, problem: "corrupt" });
  });
});
