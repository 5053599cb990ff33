import type ExcelJS from "exceljs";
import { readZipDirectory, ZipEntry } from "./zip";

/**
 * Number-format codes exactly as the file writes them.
 *
 * exceljs 4.4 removes every backslash from a code when it reads styles.xml (lib/xlsx/xform/style/numfmt-xform.js,
 * `formatCode.replace(/[\\](.)/g, '$1')`), so `0.00\%` — a percent sign printed as text after a figure that is
 * already ×100 — comes back as `0.00%`, which multiplies by 100. A 同比 column typed as 12.5 under `0.00\%` then
 * reads as 1250% and every cell is a false rate finding; an annotated copy written back by exceljs would even
 * show 1250.00%. So the custom codes are read here from xl/styles.xml (the part exceljs reads, by that name) and
 * put back into exceljs's own style index before it gives cells their styles: every cell, and every copy written
 * from the workbook, then carries the verbatim code.
 */

const LOCAL_HEADER = 0x04034b50;

/** Custom number formats by id (ISO/IEC 29500-1 §18.8.30 numFmt: ids below 164 are built in). */
export type NumberFormatCodes = Map<number, string>;

/** The inflated bytes of one entry; null when it cannot be read here (the workbook is then read as exceljs reads it). */
async function entryBytes(bytes: Uint8Array, entry: ZipEntry): Promise<Uint8Array | null> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.byteLength || view.getUint32(at, true) !== LOCAL_HEADER) return null;
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.byteLength) return null;
  const data = bytes.subarray(start, end);
  if (entry.method === 0) return data;
  if (entry.method !== 8 || typeof DecompressionStream === "undefined") return null;
  try {
    // DecompressionStream("deflate-raw"): Node ≥ 20 and current browsers; the page has no other inflater of its own.
    const stream = new Blob([data as BlobPart]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch {
    return null;
  }
}

const ENTITY = /&(#x[0-9a-fA-F]+|#\d+|quot|amp|lt|gt|apos);/g;

function decodeXml(text: string): string {
  return text.replace(ENTITY, (_, e: string) => {
    if (e === "quot") return '"';
    if (e === "amp") return "&";
    if (e === "lt") return "<";
    if (e === "gt") return ">";
    if (e === "apos") return "'";
    const code = e.charAt(1) === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : "";
  });
}

const NUM_FMT = /<(?:[A-Za-z_][\w.-]*:)?numFmt\s([^>]*?)\/?>/g;

function attribute(attrs: string, name: string): string | null {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(attrs);
  if (m === null) return null;
  return decodeXml(m[2] ?? m[3] ?? "");
}

/** The <numFmt> records of a styles part, codes decoded from XML and otherwise untouched. */
export function parseNumberFormats(stylesXml: string): NumberFormatCodes {
  const codes: NumberFormatCodes = new Map();
  for (const m of stylesXml.matchAll(NUM_FMT)) {
    const id = attribute(m[1], "numFmtId");
    const code = attribute(m[1], "formatCode");
    if (id === null || code === null || !/^\d+$/.test(id)) continue;
    codes.set(Number(id), code);
  }
  return codes;
}

/** The workbook's custom number formats as written; empty when the file has none or they cannot be read here. */
export async function readNumberFormats(bytes: Uint8Array, maxEntries: number): Promise<NumberFormatCodes> {
  const dir = readZipDirectory(bytes, maxEntries);
  if (!dir.ok) return new Map();
  const entry = dir.entries.find((e) => e.name === "xl/styles.xml");
  if (entry === undefined) return new Map();
  const data = await entryBytes(bytes, entry);
  if (data === null) return new Map();
  return parseNumberFormats(new TextDecoder("utf-8").decode(data));
}

/** What the hook needs of exceljs's internals (lib/xlsx/xlsx.js reconcile, styles-xform.js index.numFmt). */
interface ReconcileTarget {
  reconcile(model: { styles?: { index?: { numFmt?: unknown } } }, options: unknown): unknown;
}

/**
 * Makes exceljs give cells the verbatim codes: its reconcile step turns each cell's style id into a style model,
 * looking the code up in `styles.index.numFmt[id]`; the stripped codes there are replaced first. Only codes that
 * exceljs changed are touched. If a later exceljs moves these internals the hook does nothing (the test that
 * reads `0.00\%` back then fails), and reading falls back to exceljs's codes.
 */
export function keepVerbatimNumberFormats(wb: ExcelJS.Workbook, codes: NumberFormatCodes): void {
  if (codes.size === 0) return;
  const xlsx = wb.xlsx as unknown as ReconcileTarget;
  if (typeof xlsx.reconcile !== "function") return;
  const original = xlsx.reconcile;
  xlsx.reconcile = function reconcileVerbatim(this: ReconcileTarget, model, options) {
    const index = model.styles?.index?.numFmt;
    if (Array.isArray(index) || (typeof index === "object" && index !== null)) {
      const table = index as Record<number, unknown>;
      for (const [id, code] of codes) if (typeof table[id] === "string" && table[id] !== code) table[id] = code;
    }
    return original.call(this, model, options);
  };
}
