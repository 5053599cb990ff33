import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { inflateRawSync } from "node:zlib";
import { SaxesParser } from "saxes";
import { Finding, Severity } from "../../src/core/findings";
import { writeAnnotatedCopy } from "../../src/xlsx/annotate";
import { readWorkbook } from "../../src/xlsx/read";
import { entryData, readZipDirectory } from "../../src/xlsx/zip";
import { exceljsWorkbook, handWrittenWorkbook } from "./corpus";
import { markedCells, sheetXmlPath } from "./helpers";
import { findSoffice } from "../support/libreoffice";

/*
 * Issue 9 §1: the annotated copy is the original package plus our additions. Over a corpus made by exceljs, by
 * hand-written XML (plain and x:-prefixed) and — where LibreOffice is installed — by LibreOffice, every part we do
 * not need is byte-identical in the copy, every part we touch still holds the original's text in order (only
 * insertions, count attributes aside), every new or touched XML part is well-formed, and the values read back
 * are the original's.
 */

const SHEET = "1-6月";

function at(cell: string, severity: Severity, extra: Partial<Finding> = {}): Finding {
  return {
    rule: "outlier",
    severity,
    sheet: SHEET,
    cell,
    row: Number(cell.replace(/\D/g, "")),
    column: cell.replace(/\d/g, ""),
    unit: "渝中区",
    indicator: null,
    value: 12.5,
    message: { zh: `说明 ${cell}`, en: `message ${cell}` },
    ...extra,
  };
}

const FINDINGS: Finding[] = [
  at("B2", "error"),
  at("B3", "verify"),
  at("B4", "verify"),
  at("C5", "info"),
  at("B1", "info", { unit: "\u001b[2J全部通过\r\n" }),
];

function parts(zip: Uint8Array): Map<string, Buffer> {
  const dir = readZipDirectory(zip, 10_000);
  if (!dir.ok) throw new Error(`not a zip: ${dir.problem}`);
  const out = new Map<string, Buffer>();
  for (const e of dir.entries) {
    const data = entryData(zip, e)!;
    out.set(e.name, e.method === 0 ? Buffer.from(data) : inflateRawSync(data));
  }
  return out;
}

/** Is `small` what is left of `big` after deleting some characters (i.e. `big` = `small` + insertions)? */
function isSubsequence(small: string, big: string): boolean {
  let j = 0;
  for (let i = 0; i < small.length; i++) {
    j = big.indexOf(small[i], j);
    if (j < 0) return false;
    j++;
  }
  return true;
}

/** The list counts of styles.xml are the only original text we change (they must match the lists). */
const withoutCounts = (xml: string): string => xml.replace(/\scount="\d+"/g, "");

function wellFormed(xml: string): void {
  const parser = new SaxesParser({ xmlns: true });
  parser.on("error", (e) => {
    throw e;
  });
  parser.write(xml).close();
}

/** Parts an annotated copy may change: the package's lists, the marked sheets and their notes. */
function mayChange(name: string, markedSheets: readonly string[]): boolean {
  return (
    ["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"].includes(name) ||
    markedSheets.includes(name) ||
    markedSheets.some((s) => name === s.replace(/([^/]+)$/, "_rels/$1.rels")) ||
    /^xl\/comments\d*\.xml$/.test(name) ||
    /^xl\/drawings\/vmlDrawing\d*\.vml$/.test(name)
  );
}

async function checkCopy(label: string, original: Uint8Array): Promise<Uint8Array> {
  const copy = await writeAnnotatedCopy(original, [{ sheet: SHEET, findings: FINDINGS }]);
  const before = parts(original);
  const after = parts(copy);
  const marked = [sheetXmlPath(original, SHEET)];
  for (const [name, bytes] of before) {
    const now = after.get(name);
    expect(`${label} ${name}: ${now ? "kept" : "lost"}`).toBe(`${label} ${name}: kept`);
    if (!now || now.equals(bytes)) continue;
    expect(`${label} ${name}: ${mayChange(name, marked) ? "may change" : "changed"}`).toBe(`${label} ${name}: may change`);
    const o = withoutCounts(bytes.toString("latin1"));
    const n = withoutCounts(now.toString("latin1"));
    expect(`${label} ${name}: ${isSubsequence(o, n) ? "insertions only" : "altered"}`).toBe(`${label} ${name}: insertions only`);
    wellFormed(now.toString("utf8"));
  }
  for (const [name, bytes] of after) {
    if (before.has(name)) continue;
    expect(name).toMatch(/^xl\/(worksheets\/sheet\d+\.xml|worksheets\/_rels\/sheet\d+\.xml\.rels|comments\d+\.xml|drawings\/vmlDrawing\d+\.vml|styles\d*\.xml|_rels\/workbook\.xml\.rels)$/);
    wellFormed(bytes.toString("utf8"));
  }
  return copy;
}

describe("the annotated copy only adds to the original package", () => {
  const corpus: [string, () => Promise<Uint8Array> | Uint8Array][] = [
    ["exceljs", exceljsWorkbook],
    ["hand-written", () => handWrittenWorkbook()],
    ["hand-written x:-prefixed, no styles part", () => handWrittenWorkbook({ prefixed: true })],
  ];

  test.each(corpus)("%s: untouched parts byte-identical, touched parts only gain insertions", async (label, make) => {
    await checkCopy(label, await make());
  });

  test.each(corpus)("%s: every value of every original sheet reads back the same", async (_label, make) => {
    const original = await make();
    const copy = await writeAnnotatedCopy(original, [{ sheet: SHEET, findings: FINDINGS }]);
    const a = await readWorkbook(original);
    const b = await readWorkbook(copy);
    expect(b.sheetNames).toEqual([...a.sheetNames, "校验结果"]);
    expect(b.sheets.slice(0, a.sheets.length).map((s) => s.values)).toEqual(a.sheets.map((s) => s.values));
    expect(markedCells(copy, SHEET).get("B2")).toBe("FFFFC7CE");
  });

  test("text from a workbook comes back in the report exactly, control characters and CR included", async () => {
    const copy = await writeAnnotatedCopy(handWrittenWorkbook(), [{ sheet: SHEET, findings: FINDINGS }]);
    const report = (await readWorkbook(copy, { sheets: ["校验结果"] })).sheets[0];
    const units = report.values.map((row) => row[4]);
    expect(units).toContain("\u001b[2J全部通过\r\n");
  });

  test("the workbook's own names, protection and links are kept as they were", async () => {
    const original = handWrittenWorkbook();
    const copy = parts(await writeAnnotatedCopy(original, [{ sheet: SHEET, findings: FINDINGS }]));
    const wb = copy.get("xl/workbook.xml")!.toString("utf8");
    expect(wb).toContain('<definedName name="Local" localSheetId="0">');
    expect(wb).toContain('<definedName name="Secret" hidden="1">');
    expect(wb).toContain('<workbookProtection lockStructure="1"/>');
    // The report's filter is a sheet-local hidden name of the new, last sheet: the others keep their positions.
    expect(wb).toMatch(/<definedName name="_xlnm._FilterDatabase" localSheetId="2" hidden="1">'校验结果'!\$A\$1:\$K\$6<\/definedName>/);
    expect(copy.get("xl/worksheets/sheet1.xml")!.toString("utf8")).toContain('<c r="C2" cm="1"><f t="array" ref="C2:C4">_xlfn._xlws.SORT(B2:B4)</f>');
  });
});

/**
 * A sheet's CSV without trailing empty cells and rows: a note or mark on an empty cell widens the used range
 * LibreOffice exports, which adds empty cells but no value.
 */
const trimmedCsv = (text: string): string =>
  text
    .split(/\r?\n/)
    .map((line) => line.replace(/,+$/, ""))
    .join("\n")
    .replace(/\n+$/, "");

/** Every sheet of every file as CSV, by LibreOffice (sheet -1: one file per sheet, LibreOffice 7.2+). */
function csvAll(bin: string, profile: string, outDir: string, files: string[]): void {
  execFileSync(
    bin,
    [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", outDir, ...files],
    { stdio: "pipe", timeout: 180_000 },
  );
}

describe("LibreOffice and the annotated copy", () => {
  const bin = findSoffice();
  const run = bin ? test : test.skip;
  if (!bin) console.log("LibreOffice (soffice) not found: the LibreOffice part of the annotated-copy corpus was not run.");

  run("a LibreOffice-written corpus only gains insertions, and LibreOffice opens every copy with every original value", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zs-additive-"));
    try {
      const profile = path.join(dir, "profile");
      const src = path.join(dir, "src");
      const lo = path.join(dir, "lo");
      fs.mkdirSync(src);
      fs.writeFileSync(path.join(src, "exceljs.xlsx"), await exceljsWorkbook());
      fs.writeFileSync(path.join(src, "hand.xlsx"), handWrittenWorkbook());
      // LibreOffice's own package: its names, protection, validation, quote prefixes, image, table.
      execFileSync(bin as string, [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", lo, path.join(src, "exceljs.xlsx"), path.join(src, "hand.xlsx")], {
        stdio: "pipe",
        timeout: 180_000,
      });
      const originals = [path.join(src, "exceljs.xlsx"), path.join(src, "hand.xlsx"), path.join(lo, "exceljs.xlsx"), path.join(lo, "hand.xlsx")];
      // What LibreOffice wrote holds the features under test: a chart, an image, a table, protection, names.
      const loHand = [...parts(new Uint8Array(fs.readFileSync(path.join(lo, "hand.xlsx")))).keys()];
      const loExceljs = [...parts(new Uint8Array(fs.readFileSync(path.join(lo, "exceljs.xlsx")))).keys()];
      expect(loHand.some((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))).toBe(true);
      expect(loExceljs.some((n) => /^xl\/media\//.test(n))).toBe(true);
      const copies = path.join(dir, "copies");
      fs.mkdirSync(copies);
      const copyFiles: string[] = [];
      for (const [i, file] of originals.entries()) {
        const label = `${i < 2 ? "src" : "lo"}-${path.basename(file)}`;
        const copy = await checkCopy(label, new Uint8Array(fs.readFileSync(file)));
        const out = path.join(copies, label);
        fs.writeFileSync(out, copy);
        copyFiles.push(out);
        fs.copyFileSync(file, path.join(dir, `orig-${label}`));
      }
      const csvOrig = path.join(dir, "csv-orig");
      const csvCopy = path.join(dir, "csv-copy");
      csvAll(bin as string, profile, csvOrig, originals.map((_, i) => path.join(dir, `orig-${i < 2 ? "src" : "lo"}-${path.basename(originals[i])}`)));
      csvAll(bin as string, profile, csvCopy, copyFiles);
      const origCsv = fs.readdirSync(csvOrig);
      expect(origCsv.length).toBeGreaterThanOrEqual(originals.length * 2);
      for (const name of origCsv) {
        const copyName = name.replace(/^orig-/, "");
        const copied = path.join(csvCopy, copyName);
        expect(`${copyName}: ${fs.existsSync(copied) ? "opened" : "missing"}`).toBe(`${copyName}: opened`);
        const want = trimmedCsv(fs.readFileSync(path.join(csvOrig, name), "utf8"));
        expect(`${copyName}\n${trimmedCsv(fs.readFileSync(copied, "utf8"))}`).toBe(`${copyName}\n${want}`);
      }
      // And the report sheet of each copy opened too.
      expect(fs.readdirSync(csvCopy).filter((n) => n.includes("校验结果"))).toHaveLength(copyFiles.length);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 400_000);
});

describe("how the copy is written", () => {
  test("untouched parts are copied still compressed, byte for byte, not recompressed", async () => {
    const original = await exceljsWorkbook();
    const copy = await writeAnnotatedCopy(original, [{ sheet: SHEET, findings: FINDINGS }]);
    const raw = (zip: Uint8Array): Map<string, Buffer> => {
      const dir = readZipDirectory(zip, 10_000);
      if (!dir.ok) throw new Error(dir.problem);
      return new Map(dir.entries.map((e) => [e.name, Buffer.from(entryData(zip, e)!)]));
    };
    const before = raw(original);
    const after = raw(copy);
    for (const name of ["xl/theme/theme1.xml", "xl/media/image1.png", "docProps/app.xml"]) {
      expect(after.get(name)!.equals(before.get(name)!)).toBe(true);
    }
  });

  test("with the page's byte tools (CompressionStream) the copy is the same workbook", async () => {
    const { webByteTools } = await import("../../src/xlsx/web-byte-tools");
    const original = handWrittenWorkbook();
    const node = parts(await writeAnnotatedCopy(original, [{ sheet: SHEET, findings: FINDINGS }]));
    const page = parts(await writeAnnotatedCopy(original, [{ sheet: SHEET, findings: FINDINGS }], { byteTools: webByteTools }));
    expect([...page.keys()]).toEqual([...node.keys()]);
    for (const [name, bytes] of node) expect(page.get(name)!.equals(bytes)).toBe(true);
  });

  test("explanations given to the writer replace the workbook's own store, every field as text", async () => {
    const { EXPLANATIONS_SHEET } = await import("../../src/xlsx/explanations");
    const first = await writeAnnotatedCopy(handWrittenWorkbook(), [{ sheet: SHEET, findings: [] }], {
      explanations: [{ sheet: SHEET, cell: "B3", rule: "outlier", text: "旧说明" }],
    });
    const text = "=HYPERLINK(\"http://x\",\"点击\")\r\n";
    const second = await writeAnnotatedCopy(first, [{ sheet: SHEET, findings: [] }], {
      explanations: [{ sheet: SHEET, cell: "B3", rule: "outlier", text }],
    });
    const back = await readWorkbook(second);
    expect(back.explanations).toEqual([{ sheet: SHEET, cell: "B3", rule: "outlier", text: text.trim() }]);
    const wb = parts(second).get("xl/workbook.xml")!.toString("utf8");
    expect(wb.split(`name="${EXPLANATIONS_SHEET}"`)).toHaveLength(2); // one store, not two
    expect(wb).toMatch(new RegExp(`name="${EXPLANATIONS_SHEET}" sheetId="\\d+" state="veryHidden"`));
  });
});

test("our conditional formats come after the user's own, whose priorities are left as they were", async () => {
  const original = await exceljsWorkbook();
  const copy = parts(await writeAnnotatedCopy(original, [{ sheet: SHEET, findings: FINDINGS }]));
  const xml = copy.get("xl/worksheets/sheet1.xml")!.toString("utf8");
  const rules = [...xml.matchAll(/<cfRule [^>]*priority="(\d+)"[^>]*>(?:<formula>([^<]*)<\/formula>)?/g)].map((m) => ({ priority: Number(m[1]), ours: (m[2] ?? "").includes("ZS-MARK") }));
  const user = rules.filter((r) => !r.ours).map((r) => r.priority);
  const ours = rules.filter((r) => r.ours).map((r) => r.priority);
  expect(user).toEqual([1]);
  expect(ours).toEqual([2, 3, 4]);
});

test("checking an annotated copy again replaces our earlier marks instead of stacking them, and clears them when all is fixed", async () => {
  const first = await writeAnnotatedCopy(handWrittenWorkbook(), [{ sheet: SHEET, findings: FINDINGS }]);
  expect(markedCells(first, SHEET).get("B3")).toBe("FFFFEB9C");
  const second = await writeAnnotatedCopy(first, [{ sheet: SHEET, findings: [at("B4", "error")] }]);
  expect(markedCells(second, SHEET)).toEqual(new Map([["B4", "FFFFC7CE"]]));
  // Our note on B4 says what this check found; no second note is stacked on the cell.
  const comments = parts(second).get("xl/comments1.xml")!.toString("utf8");
  expect(comments).toContain('<comment ref="B4" authorId="0"><text><r><t xml:space="preserve">【招商统计助手】\n强制性：说明 B4</t></r></text></comment>');
  expect(comments.split('ref="B4"')).toHaveLength(2);
  const clean = await writeAnnotatedCopy(second, [{ sheet: SHEET, findings: [] }]);
  expect(markedCells(clean, SHEET).size).toBe(0);
  // The user's own data validation and extensions are still there.
  const xml = parts(clean).get("xl/worksheets/sheet1.xml")!.toString("utf8");
  expect(xml).toContain('<dataValidation type="decimal"');
  expect(xml).toContain("<x14:sparklineGroups");
});
