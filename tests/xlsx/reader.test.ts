import { deflateRawSync } from "zlib";
import { readWorkbook, WorkbookError } from "../../src/xlsx/read";
import { checkWorkbookBytes } from "../../src/xlsx/limits";
import { webByteTools } from "../../src/xlsx/web-byte-tools";
import { readZipDirectory } from "../../src/xlsx/zip";
import { decimalValue } from "../../src/xlsx/sheet-part";
import { handWorkbook, handWorkbookParts, makeZip, withDeclaredCount, withDeclaredSize } from "./helpers";

/** Our own reader over workbooks written by hand, part by part, and over hostile archives. */

async function refusal(bytes: Uint8Array, options: Parameters<typeof readWorkbook>[1] = {}): Promise<WorkbookError> {
  const err = await readWorkbook(bytes, { fileName: "a.xlsx", ...options }).catch((e: unknown) => e);
  if (!(err instanceof WorkbookError)) throw new Error(`expected a WorkbookError, got ${String(err)}`);
  return err;
}

const row = (r: number, cells: string, attrs = ""): string => `<row r="${r}"${attrs}>${cells}</row>`;
const sheet = (rows: string, after = ""): string => `<sheetData>${rows}</sheetData>${after}`;
const one = (xml: string, more: Partial<Parameters<typeof handWorkbook>[0]> = {}): Uint8Array =>
  handWorkbook({ sheets: [{ name: "表", xml }], ...more });

describe("the zip walker refuses archives that lie", () => {
  const honest = (): Uint8Array => one(sheet(row(1, '<c r="A1"><v>1</v></c>')));

  it("refuses an end record declaring fewer entries than the central directory holds", async () => {
    const zip = honest();
    const entries = (readZipDirectory(zip, 100) as { entries: unknown[] }).entries.length;
    const lying = withDeclaredCount(zip, entries - 2);
    expect(readZipDirectory(lying, 100)).toMatchObject({ ok: false, problem: "count-mismatch", foundEntries: entries });
    const err = await refusal(lying);
    expect(err.reason).toBe("count-mismatch");
    expect(err.bilingual.zh).toBe(`文件 a.xlsx 的压缩目录声明 ${entries - 2} 个条目，实际有 ${entries} 个：压缩包谎报条目数，疑似压缩炸弹，已拒绝读取`);
  });

  it("stops walking at the entry limit when a small declared count hides many entries", () => {
    const many = makeZip(Array.from({ length: 50 }, (_, i) => ({ name: `x/${i}.xml`, data: "", method: 0 as const })));
    const check = checkWorkbookBytes(withDeclaredCount(many, 2), { maxEntries: 10 }, "a.xlsx");
    expect(check).toMatchObject({ ok: false, reason: "count-mismatch" });
    if (!check.ok) expect(check.message.zh).toContain("实际有 超过 10 个");
  });

  it("stops inflating an entry that inflates to more than it declares, before inflating it whole", async () => {
    const big = sheet(row(1, `<c r="A1" t="inlineStr"><is><t>${"x".repeat(20 * 1024 * 1024)}</t></is></c>`));
    const lying = withDeclaredSize(one(big), "xl/worksheets/sheet1.xml", 1000);
    expect(checkWorkbookBytes(lying).ok).toBe(true); // the declared figures pass
    const started = Date.now();
    const err = await refusal(lying);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(err.reason).toBe("size-mismatch");
    expect(err.bilingual.zh).toBe(
      "文件 a.xlsx 中的 xl/worksheets/sheet1.xml 声明解压后为 1000 B，实际更大：压缩包谎报大小，疑似压缩炸弹，已停止读取",
    );
  });

  it("refuses an entry that inflates to less than it declares as damaged or tampered with", async () => {
    const err = await refusal(withDeclaredSize(honest(), "xl/worksheets/sheet1.xml", 5000));
    expect(err.reason).toBe("size-mismatch");
    expect(err.bilingual.zh).toContain("文件已损坏或被篡改");
  });

  it("refuses a zip bomb by its ratio before inflating anything", async () => {
    const bomb = makeZip([...handWorkbookParts({ sheets: [{ name: "表", xml: sheet("") }] }).slice(0, 4), { name: "xl/worksheets/sheet1.xml", data: new Uint8Array(64 * 1024 * 1024), level: 9 }]);
    const err = await refusal(bomb);
    expect(err.reason).toBe("ratio-too-high");
    expect(err.bilingual.zh).toContain("疑似压缩炸弹");
  });

  it("counts the real inflated bytes against the limit", async () => {
    const wb = one(sheet(row(1, `<c r="A1" t="inlineStr"><is><t>${"中".repeat(200_000)}</t></is></c>`)));
    const err = await refusal(wb, { limits: { maxInflatedBytes: 100_000 } });
    expect(err.reason).toBe("inflated-too-large");
  });

  it("names damaged compressed data in its own words, not zlib's", async () => {
    const parts = handWorkbookParts({ sheets: [{ name: "表", xml: sheet("") }] });
    const zip = Buffer.from(makeZip(parts));
    const data = deflateRawSync(Buffer.from(parts[4].data as string));
    const at = zip.indexOf(data);
    zip.fill(0xff, at, at + data.length);
    const err = await refusal(new Uint8Array(zip));
    expect(err.reason).toBe("unreadable");
    expect(err.bilingual.zh).toBe("文件 a.xlsx 已损坏：其中的 xl/worksheets/sheet1.xml 无法解压。请在 Excel 中打开后另存为 .xlsx 再试");
  });
});

describe("files that are not workbooks are named as what they are", () => {
  const cfb = (stream: string): Uint8Array => {
    const bytes = new Uint8Array(4096);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
    bytes.set(Buffer.from(stream, "utf16le"), 1024);
    return bytes;
  };

  it("an encrypted workbook (a CFB file with an EncryptionInfo stream, MS-OFFCRYPTO)", async () => {
    const err = await refusal(cfb("EncryptionInfo"));
    expect(err.reason).toBe("encrypted");
    expect(err.bilingual.zh).toContain("已加密");
  });

  it("an old .xls (a CFB file with a Workbook stream)", async () => {
    const err = await refusal(cfb("Workbook"));
    expect(err.reason).toBe("legacy-xls");
    expect(err.bilingual.zh).toContain("旧版 .xls");
  });

  it("an empty file, a CSV, a zip without a workbook", async () => {
    expect((await refusal(new Uint8Array(0))).bilingual.zh).toContain("为空");
    expect((await refusal(new TextEncoder().encode("a,b\n1,2\n"))).reason).toBe("not-a-zip");
    expect((await refusal(makeZip([{ name: "word/document.xml", data: "<w:document/>" }]))).bilingual.zh).toContain("不是 Excel 工作簿");
  });
});

describe("number formats", () => {
  const styles =
    '<numFmts count="4"><numFmt numFmtId="164" formatCode="0.00\\%"/><numFmt numFmtId="165" formatCode="0.00&quot;%&quot;"/>' +
    '<numFmt numFmtId="166" formatCode="#,##0.00&quot;亿元&quot;"/><numFmt numFmtId="167" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>' +
    '<cellStyleXfs count="1"><xf numFmtId="10"/></cellStyleXfs>' +
    '<cellXfs count="7"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/><xf numFmtId="10"/><xf numFmtId="14"/><xf numFmtId="167"/></cellXfs>';
  const cells = [1, 2, 3, 4, 5, 6].map((s, i) => `<c r="${"ABCDEF"[i]}1" s="${s}"><v>95.03</v></c>`).join("") + '<c r="G1" s="0"><v>1</v></c>';

  it("are read verbatim: backslashes and quotes kept, built-in ids mapped, General as none", async () => {
    const g = (await readWorkbook(one(sheet(row(1, cells)), { styles }))).sheets[0];
    expect(g.numberFormats?.[0]).toEqual(['0.00\\%', '0.00"%"', '#,##0.00"亿元"', "0.00%", "mm-dd-yy", 'yyyy"年"m"月"d"日"', null]);
  });

  it("leave numbers as the file holds them (95.03 stays 95.03), dates as dates", async () => {
    const g = (await readWorkbook(one(sheet(row(1, cells)), { styles }))).sheets[0];
    expect(g.values[0].slice(0, 4)).toEqual([95.03, 95.03, 95.03, 95.03]);
    // Serial 95.03 under a date format is 1900-04-04 00:43 (exceljs's conversion, kept so values do not move).
    expect(g.values[0][4]).toEqual(new Date(Math.round((95.03 - 25569) * 86_400_000)));
    expect(g.values[0][5]).toBeInstanceOf(Date);
  });

  it("count 1904-based serials from 1904 when the workbook says so", async () => {
    const g = (await readWorkbook(one(sheet(row(1, '<c r="A1" s="5"><v>0</v></c>')), { styles, date1904: true }))).sheets[0];
    expect(g.values[0][0]).toEqual(new Date(Date.UTC(1904, 0, 1)));
  });
});

describe("text", () => {
  it("joins rich-text runs, skips phonetic runs, decodes entities, references and _xHHHH_ escapes", async () => {
    const sst = [
      "<r><rPr><b/></rPr><t>到位</t></r><r><t>资金</t></r><rPh sb=\"0\" eb=\"1\"><t>ダミー</t></rPh>",
      '<t xml:space="preserve">  两端空格  </t>',
      "<t>  无保留时去掉两端空白&#10;</t>",
      '<t xml:space="preserve">第一行&#10;第二行_x000D_</t>',
      "<t>_x005F_x000D_ 是字面文字</t>",
      "<t>A &amp; B &lt;C&gt; &#x4E2D; &nbsp;</t>",
      "<r><t>hello</t></r><r><t> </t></r><r><t>world</t></r>",
      "<t/>",
    ];
    const cells = sst.map((_, i) => `<c r="A${i + 1}" t="s"><v>${i}</v></c>`).map((c, i) => row(i + 1, c)).join("");
    const g = (await readWorkbook(one(sheet(cells), { sharedStrings: sst }))).sheets[0];
    expect(g.values.map((r) => r[0])).toEqual([
      "到位资金",
      "  两端空格  ",
      "无保留时去掉两端空白",
      "第一行\n第二行\r",
      "_x000D_ 是字面文字",
      "A & B <C> 中 &nbsp;",
      "hello world",
      "",
    ]);
  });

  it("reads inline strings, booleans, errors and string results of formulas", async () => {
    const cells =
      '<c r="A1" t="inlineStr"><is><t>渝中区</t></is></c><c r="B1" t="b"><v>1</v></c><c r="C1" t="b"><v>0</v></c>' +
      '<c r="D1" t="e"><v>#REF!</v></c><c r="E1" t="str"><f>A1&amp;"x"</f><v>渝中区x</v></c><c r="F1" t="e"><f>1/0</f><v>#DIV/0!</v></c>';
    const g = (await readWorkbook(one(sheet(row(1, cells))))).sheets[0];
    expect(g.values[0]).toEqual(["渝中区", true, false, "#REF!", "渝中区x", "#DIV/0!"]);
    expect(g.formulas?.[0]).toEqual([null, null, null, null, '=A1&"x"', "=1/0"]);
  });

  it("keeps a quote-prefixed cell as text ('0012, '=1+1): never a number, never a formula", async () => {
    const styles = '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="0" quotePrefix="1"/></cellXfs>';
    const cells = '<c r="A1" s="1" t="s"><v>0</v></c><c r="B1" s="1" t="s"><v>1</v></c><c r="C1" s="1"><v>12</v></c>';
    const g = (await readWorkbook(one(sheet(row(1, cells)), { styles, sharedStrings: ["<t>0012</t>", "<t>=1+1</t>"] }))).sheets[0];
    expect(g.values[0]).toEqual(["0012", "=1+1", "12"]);
    expect(g.formulas).toBeUndefined();
  });
});

describe("formulas, merges, hidden rows", () => {
  it("gives formulas their cached results and translates shared formulas from their anchor", async () => {
    const rows =
      row(1, '<c r="A1"><v>1</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0">A1*2+$A$1</f><v>3</v></c>') +
      row(2, '<c r="A2"><v>2</v></c><c r="B2"><f t="shared" si="0"/><v>5</v></c>') +
      row(3, '<c r="A3"><v>3</v></c><c r="B3"><f t="shared" si="0"/><v>7</v></c><c r="C3"><f>SUM(B1:B3)</f></c>');
    const g = (await readWorkbook(one(sheet(rows)))).sheets[0];
    expect(g.values).toEqual([[1, 3, null], [2, 5, null], [3, 7, null]]);
    expect(g.formulas).toEqual([
      [null, "=A1*2+$A$1", null],
      [null, "=A2*2+$A$1", null],
      [null, "=A3*2+$A$1", "=SUM(B1:B3)"],
    ]);
  });

  it("keeps a merged area's value in its top-left cell and lists the area from the origin", async () => {
    const rows = row(2, '<c r="B2" t="inlineStr"><is><t>标题</t></is></c><c r="C2" t="inlineStr"><is><t>hidden under the merge</t></is></c>') + row(3, '<c r="B3"><v>5</v></c>');
    const g = (await readWorkbook(one(sheet(rows, '<mergeCells count="1"><mergeCell ref="B2:D2"/></mergeCells>')))).sheets[0];
    expect(g.origin).toEqual({ row: 1, col: 1 });
    expect(g.values).toEqual([["标题", null, null], [5, null, null]]);
    expect(g.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 2 }]);
  });

  it("lists hidden rows relative to the origin", async () => {
    const rows = row(2, '<c r="A2"><v>1</v></c>') + row(3, '<c r="A3"><v>2</v></c>', ' hidden="1"') + row(9, "", ' hidden="1"');
    const g = (await readWorkbook(one(sheet(rows)))).sheets[0];
    expect(g.hiddenRows).toEqual([1]);
  });

  it("reads elements with a namespace prefix and cells without an address", async () => {
    const xml =
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>' +
      '<x:row r="1"><x:c t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c><x:c><x:v>2</x:v></x:c></x:row></x:sheetData></x:worksheet>';
    const g = (await readWorkbook(one(xml))).sheets[0];
    expect(g.values).toEqual([["a", 2]]);
  });
});

describe("sheets", () => {
  it("lists sheets in order with their visibility, skips chart sheets with a note and reads our explanations", async () => {
    const bytes = handWorkbook({
      sheets: [
        { name: "月报", xml: sheet(row(1, '<c r="A1"><v>1</v></c>')) },
        { name: "图", xml: "", chart: true },
        { name: "旧", xml: sheet(""), state: "hidden" },
        {
          name: "_zs_explanations",
          state: "veryHidden",
          xml: sheet(
            row(1, ["sheet", "cell", "rule", "explanation"].map((t, i) => `<c r="${"ABCD"[i]}1" t="inlineStr"><is><t>${t}</t></is></c>`).join("")) +
              row(2, ["月报", "A1", "yoy-mismatch", "=1+1 是说明"].map((t, i) => `<c r="${"ABCD"[i]}2" t="inlineStr"><is><t>${t}</t></is></c>`).join("")),
          ),
        },
      ],
    });
    const data = await readWorkbook(bytes);
    expect(data.sheetNames).toEqual(["月报", "旧"]);
    expect(data.hiddenSheets).toEqual(["旧"]);
    expect(data.notes.map((n) => n.zh)).toEqual(["已跳过 1 个图表工作表（只有图表、没有单元格）"]);
    expect(data.explanations).toEqual([{ sheet: "月报", cell: "A1", rule: "yoy-mismatch", text: "=1+1 是说明" }]);
  });

  it("names the sheet and cell that point past the shared-string table", async () => {
    const bytes = one(sheet(row(7, '<c r="C7" t="s"><v>5</v></c>')), { sharedStrings: ["<t>a</t>"] });
    const err = await refusal(bytes);
    expect(err.reason).toBe("bad-shared-string");
    expect(err.bilingual.zh).toBe(
      "文件 a.xlsx 已损坏：工作表“表”的单元格 C7 引用第 5 号共享字符串，而共享字符串表只有 1 项（0—0）。请在 Excel 中打开后另存为 .xlsx 再试",
    );
  });
});

describe("a stray cell at XFD1048576", () => {
  it("reads in well under a second with memory for the cells present, the far cell at its real address", async () => {
    const bytes = one(sheet(row(1, '<c r="A1" t="inlineStr"><is><t>单位</t></is></c><c r="B1"><v>1</v></c>') + row(1048576, '<c r="XFD1048576"><v>9</v></c>')));
    expect(bytes.byteLength).toBeLessThan(12 * 1024);
    const heapBefore = process.memoryUsage().heapUsed;
    const started = Date.now();
    const g = (await readWorkbook(bytes)).sheets[0];
    expect(Date.now() - started).toBeLessThan(1000);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024);
    expect(g.origin).toEqual({ row: 0, col: 0 });
    expect(g.values).toHaveLength(1048576);
    expect(g.values[0]).toEqual(["单位", 1]);
    expect(g.values[1048575][16383]).toBe(9);
    expect(g.values[1048575]).toHaveLength(16384);
    // The rows between hold nothing and share one empty row.
    expect(g.values[5]).toHaveLength(0);
    expect(g.values[5]).toBe(g.values[500_000]);
  });
});

describe("rows with cells at both ends (A and XFD) on every row", () => {
  it("cost memory for their cells only, the far cells still at their real columns", async () => {
    let rows = "";
    for (let r = 1; r <= 20_000; r++) rows += row(r, `<c r="A${r}"><v>${r}</v></c><c r="XFD${r}"><v>1</v></c>`);
    const bytes = one(sheet(rows));
    const heapBefore = process.memoryUsage().heapUsed;
    const g = (await readWorkbook(bytes)).sheets[0];
    // A full row of 16,384 cells would take 128 KB; 20,000 of them 2.5 GB.
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(400 * 1024 * 1024);
    expect(g.values).toHaveLength(20_000);
    expect(g.values[19_999][0]).toBe(20_000);
    expect(g.values[19_999][16_383]).toBe(1);
    expect(g.values[19_999][5] ?? null).toBeNull();
  });
});

describe("the browser's inflate (DecompressionStream, also in Node 20)", () => {
  it("reads the same grid as Node's zlib and stops a lying entry the same way", async () => {
    const bytes = one(sheet(row(1, '<c r="A1" t="inlineStr"><is><t>渝中区</t></is></c><c r="B1"><v>12.5</v></c>')));
    expect(await readWorkbook(bytes, { byteTools: webByteTools })).toEqual(await readWorkbook(bytes));
    const big = sheet(row(1, `<c r="A1" t="inlineStr"><is><t>${"x".repeat(4 * 1024 * 1024)}</t></is></c>`));
    const err = await refusal(withDeclaredSize(one(big), "xl/worksheets/sheet1.xml", 1000), { byteTools: webByteTools });
    expect(err.reason).toBe("size-mismatch");
  });

  it("says the browser is too old when its DecompressionStream lacks deflate-raw (Chromium before 103)", async () => {
    const real = globalThis.DecompressionStream;
    class GzipOnly {
      constructor(format: string) {
        if (format !== "gzip") throw new TypeError(`Unsupported compression format: '${format}'`);
      }
    }
    globalThis.DecompressionStream = GzipOnly as unknown as typeof DecompressionStream;
    try {
      const err = await refusal(one(sheet(row(1, '<c r="A1"><v>1</v></c>'))), { byteTools: webByteTools });
      expect(err.reason).toBe("unreadable");
      expect(err.bilingual.zh).toContain("此浏览器版本过旧");
    } finally {
      globalThis.DecompressionStream = real;
    }
  });
});

describe("reading a number without parseFloat", () => {
  it("gives exactly parseFloat's double for every plain decimal, and declines the others", () => {
    const samples = ["0", "-0", "95.03", "0.1", "12.5", "-1234.5678", "007", "5.", "123456789012345", "0.0000000000000000000001"];
    let seed = 42;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let i = 0; i < 20_000; i++) {
      const int = String(next() % 10 ** (1 + (next() % 9)));
      const frac = String(next()).slice(0, next() % 8);
      samples.push(`${next() % 2 ? "-" : ""}${int}${frac ? `.${frac}` : ""}`);
    }
    for (const s of samples) expect([s, decimalValue(s, 0, s.length)]).toEqual([s, parseFloat(s)]);
    for (const s of ["1E+3", "1234567890123456789", "", "-", ".", "1.2.3", " 1"]) expect(decimalValue(s, 0, s.length)).toBeNaN();
  });
});
