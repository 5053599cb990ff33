import ExcelJS from "exceljs";
import { createHash } from "crypto";
import { deflateRawSync, inflateRawSync } from "zlib";
import { readZipDirectory } from "../../src/xlsx/zip";
import { crc32 } from "../../src/xlsx/crc32";

/** Test support: a minimal ZIP writer/reader (Node zlib) and workbook byte helpers. Not a test file. */

export interface ZipInput {
  name: string;
  data: Uint8Array | string;
  /** 8 (deflate, default) or 0 (stored). */
  method?: 0 | 8;
  level?: number;
  /** Sets the ZIP-level encryption flag (content is not really encrypted). */
  encryptedFlag?: boolean;
}

/** Writes a ZIP; `zip64` writes ZIP64 extras for every entry and a ZIP64 end-of-central-directory. */
export function makeZip(inputs: ZipInput[], opts: { zip64?: boolean } = {}): Uint8Array {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const input of inputs) {
    const raw = typeof input.data === "string" ? Buffer.from(input.data, "utf8") : Buffer.from(input.data);
    const method = input.method ?? 8;
    const data = method === 8 ? deflateRawSync(raw, { level: input.level ?? 6 }) : raw;
    const name = Buffer.from(input.name, "utf8");
    const crc = crc32(raw);
    const flags = 0x0800 | (input.encryptedFlag ? 1 : 0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    chunks.push(local, name, data);

    const extra = Buffer.alloc(opts.zip64 ? 28 : 0);
    if (opts.zip64) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(24, 2);
      extra.writeBigUInt64LE(BigInt(raw.length), 4);
      extra.writeBigUInt64LE(BigInt(data.length), 12);
      extra.writeBigUInt64LE(BigInt(offset), 20);
    }
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(opts.zip64 ? 45 : 20, 4);
    cd.writeUInt16LE(opts.zip64 ? 45 : 20, 6);
    cd.writeUInt16LE(flags, 8);
    cd.writeUInt16LE(method, 10);
    cd.writeUInt32LE(crc, 16);
    cd.writeUInt32LE(opts.zip64 ? 0xffffffff : data.length, 20);
    cd.writeUInt32LE(opts.zip64 ? 0xffffffff : raw.length, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt16LE(extra.length, 30);
    cd.writeUInt32LE(opts.zip64 ? 0xffffffff : offset, 42);
    central.push(cd, name, extra);
    offset += local.length + name.length + data.length;
  }
  const cdBytes = Buffer.concat(central);
  const tail: Buffer[] = [];
  if (opts.zip64) {
    const rec = Buffer.alloc(56);
    rec.writeUInt32LE(0x06064b50, 0);
    rec.writeBigUInt64LE(44n, 4);
    rec.writeUInt16LE(45, 12);
    rec.writeUInt16LE(45, 14);
    rec.writeBigUInt64LE(BigInt(inputs.length), 24);
    rec.writeBigUInt64LE(BigInt(inputs.length), 32);
    rec.writeBigUInt64LE(BigInt(cdBytes.length), 40);
    rec.writeBigUInt64LE(BigInt(offset), 48);
    const loc = Buffer.alloc(20);
    loc.writeUInt32LE(0x07064b50, 0);
    loc.writeBigUInt64LE(BigInt(offset + cdBytes.length), 8);
    loc.writeUInt32LE(1, 16);
    tail.push(rec, loc);
  }
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(opts.zip64 ? 0xffff : inputs.length, 8);
  eocd.writeUInt16LE(opts.zip64 ? 0xffff : inputs.length, 10);
  eocd.writeUInt32LE(opts.zip64 ? 0xffffffff : cdBytes.length, 12);
  eocd.writeUInt32LE(opts.zip64 ? 0xffffffff : offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, cdBytes, ...tail, eocd]));
}

/** One entry's inflated text, read with our directory reader and Node's inflate. */
export function readZipText(bytes: Uint8Array, name: string): string {
  const dir = readZipDirectory(bytes, 100_000);
  if (!dir.ok) throw new Error(`not a zip: ${dir.problem}`);
  const entry = dir.entries.find((e) => e.name === name);
  if (!entry) throw new Error(`no entry ${name}; have ${dir.entries.map((e) => e.name).join(", ")}`);
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  const data = buf.subarray(start, start + entry.compressedSize);
  return (entry.method === 8 ? inflateRawSync(data) : data).toString("utf8");
}

export function zipEntryNames(bytes: Uint8Array): string[] {
  const dir = readZipDirectory(bytes, 100_000);
  if (!dir.ok) throw new Error(`not a zip: ${dir.problem}`);
  return dir.entries.map((e) => e.name);
}

export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const out = await wb.xlsx.writeBuffer();
  return new Uint8Array(out as unknown as ArrayBuffer);
}

export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** The XML path of a worksheet by name, following workbook.xml and its relationships. */
export function sheetXmlPath(bytes: Uint8Array, sheetName: string): string {
  const workbook = readZipText(bytes, "xl/workbook.xml");
  const rels = readZipText(bytes, "xl/_rels/workbook.xml.rels");
  const esc = sheetName.replace(/&/g, "&amp;").replace(/'/g, "&apos;").replace(/"/g, "&quot;");
  const sheet = new RegExp(`<(?:\\w+:)?sheet [^>]*name="${esc.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*/>`).exec(workbook);
  if (!sheet) throw new Error(`no sheet ${sheetName} in workbook.xml`);
  const rid = /r:id="([^"]+)"/.exec(sheet[0])![1];
  const rel = new RegExp(`<Relationship [^>]*Id="${rid}"[^>]*/>`).exec(rels)!;
  const target = /Target="([^"]+)"/.exec(rel[0])![1].replace(/^\/?xl\//, "");
  return `xl/${target}`;
}

export interface HandSheet {
  name: string;
  /** The worksheet's <sheetData> and whatever follows it (mergeCells …), or a whole <worksheet> document. */
  xml: string;
  state?: "hidden" | "veryHidden";
  /** Written as a chart sheet part instead of a worksheet. */
  chart?: boolean;
}

export interface HandWorkbook {
  sheets: HandSheet[];
  /** Each string is one <si>'s inner XML (`<t>a</t>` or rich runs). */
  sharedStrings?: string[];
  /** Inner XML of <styleSheet> (numFmts, cellXfs …). */
  styles?: string;
  date1904?: boolean;
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** The XML parts of a minimal workbook written by hand, the way Excel lays them out. */
export function handWorkbookParts(wb: HandWorkbook): ZipInput[] {
  const parts: ZipInput[] = [];
  const rels: string[] = [];
  const sheetTags = wb.sheets.map((s, i) => {
    const kind = s.chart ? "chartsheet" : "worksheet";
    const path = s.chart ? `chartsheets/sheet${i + 1}.xml` : `worksheets/sheet${i + 1}.xml`;
    rels.push(`<Relationship Id="rId${i + 1}" Type="${REL}/${kind}" Target="${path}"/>`);
    const body = s.xml.trimStart().startsWith("<?xml") || s.xml.includes("<worksheet") ? s.xml : `<worksheet ${NS}>${s.xml}</worksheet>`;
    parts.push({ name: `xl/${path}`, data: s.chart ? `<chartsheet ${NS}/>` : body });
    const esc = s.name.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
    return `<sheet name="${esc}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`;
  });
  if (wb.sharedStrings) {
    rels.push(`<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
    const items = wb.sharedStrings.map((si) => `<si>${si}</si>`).join("");
    parts.push({ name: "xl/sharedStrings.xml", data: `<sst ${NS} count="${wb.sharedStrings.length}">${items}</sst>` });
  }
  if (wb.styles) {
    rels.push(`<Relationship Id="rIdT" Type="${REL}/styles" Target="styles.xml"/>`);
    parts.push({ name: "xl/styles.xml", data: `<styleSheet ${NS}>${wb.styles}</styleSheet>` });
  }
  const pr = wb.date1904 ? '<workbookPr date1904="1"/>' : "";
  return [
    { name: "[Content_Types].xml", data: '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
    {
      name: "_rels/.rels",
      data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    { name: "xl/workbook.xml", data: `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS} xmlns:r="${REL}">${pr}<sheets>${sheetTags.join("")}</sheets></workbook>` },
    { name: "xl/_rels/workbook.xml.rels", data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>` },
    ...parts,
  ];
}

export function handWorkbook(wb: HandWorkbook): Uint8Array {
  return makeZip(handWorkbookParts(wb));
}

/** Rewrites the end record's two entry counts (a lying archive). */
export function withDeclaredCount(zip: Uint8Array, count: number): Uint8Array {
  const out = Buffer.from(zip);
  const eocd = out.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  out.writeUInt16LE(count, eocd + 8);
  out.writeUInt16LE(count, eocd + 10);
  return new Uint8Array(out);
}

/** Rewrites one entry's declared uncompressed size in the central directory and its local header. */
export function withDeclaredSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = Buffer.from(zip);
  const dir = readZipDirectory(zip, 100_000);
  if (!dir.ok) throw new Error("not a zip");
  const entry = dir.entries.find((e) => e.name === name);
  if (!entry) throw new Error(`no entry ${name}`);
  out.writeUInt32LE(size, entry.localHeaderOffset + 22);
  let at = out.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  at = out.readUInt32LE(at + 16);
  for (;;) {
    const nameLen = out.readUInt16LE(at + 28);
    if (out.toString("utf8", at + 46, at + 46 + nameLen) === name) {
      out.writeUInt32LE(size, at + 24);
      return new Uint8Array(out);
    }
    at += 46 + nameLen + out.readUInt16LE(at + 30) + out.readUInt16LE(at + 32);
  }
}

/**
 * The checker's marks on one sheet of an annotated copy, as the file holds them: every cell covered by one of our
 * conditional formats (formula N("ZS-MARK:…")=0), with the fill colour (ARGB) of the format's dxf.
 */
export function markedCells(bytes: Uint8Array, sheetName: string): Map<string, string> {
  const xml = readZipText(bytes, sheetXmlPath(bytes, sheetName));
  const dxfList = /<dxfs[^>]*>(.*?)<\/dxfs>/s.exec(readZipText(bytes, "xl/styles.xml"))?.[1] ?? "";
  const dxfs = [...dxfList.matchAll(/<dxf>(.*?)<\/dxf>/gs)].map((m) => /<bgColor rgb="(\w+)"/.exec(m[1])?.[1] ?? "");
  const marks = new Map<string, string>();
  const rule = /<(?:\w+:)?conditionalFormatting sqref="([^"]+)"><(?:\w+:)?cfRule type="expression" dxfId="(\d+)"[^>]*><(?:\w+:)?formula>N\(&quot;ZS-MARK:\w+&quot;\)=0<\/(?:\w+:)?formula>/g;
  for (const m of xml.matchAll(rule)) {
    for (const area of m[1].split(" ")) {
      const [from, to] = area.split(":");
      const col = from.replace(/\d+/g, "");
      const first = Number(from.replace(/\D+/g, ""));
      const last = to ? Number(to.replace(/\D+/g, "")) : first;
      for (let r = first; r <= last; r++) marks.set(`${col}${r}`, dxfs[Number(m[2])]);
    }
  }
  return marks;
}
