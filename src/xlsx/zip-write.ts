import { crc32 } from "./crc32";

/**
 * Writes a ZIP archive from entries that are either copied as they were (their compressed bytes, method and CRC
 * taken over untouched, so an unchanged part is byte-identical once inflated and is not even re-compressed) or
 * new content to compress. Pure: no Node APIs; the compressor comes from the caller (zlib in Node,
 * CompressionStream on the page), or the content is stored.
 *
 * Plain ZIP (no ZIP64): the writer refuses archives past 4 GB, far beyond the reader's limits anyway.
 */
export interface CopiedEntry {
  kind: "copied";
  /** The name as the original archive spelled it (bytes), so even an odd name is kept exactly. */
  nameBytes: Uint8Array;
  method: number;
  crc: number;
  compressed: Uint8Array;
  uncompressedSize: number;
  /** Original general-purpose flags; the data-descriptor bit is dropped (sizes are in our local header). */
  flags: number;
}

export interface NewEntry {
  kind: "new";
  name: string;
  data: Uint8Array;
}

export type ZipWriteEntry = CopiedEntry | NewEntry;

export type Deflate = (data: Uint8Array) => Promise<Uint8Array>;

/** What the writer takes from the platform: a compressor (null: store) and, optionally, a faster CRC-32. */
export interface WriteTools {
  deflate: Deflate | null;
  crc32?: (data: Uint8Array) => number;
}

const UTF8_NAME_FLAG = 0x0800;
const DATA_DESCRIPTOR_FLAG = 0x0008;
const MAX32 = 0xffffffff;

interface Ready {
  nameBytes: Uint8Array;
  method: number;
  crc: number;
  compressed: Uint8Array;
  uncompressedSize: number;
  flags: number;
}

/** A new entry, compressed (`packed`) or stored when compressing does not pay (tiny parts) or no compressor is available. */
function newEntry(entry: NewEntry, packed: Uint8Array | null, crc: (data: Uint8Array) => number): Ready {
  const useDeflate = packed !== null && packed.byteLength < entry.data.byteLength;
  return {
    nameBytes: new TextEncoder().encode(entry.name),
    method: useDeflate ? 8 : 0,
    crc: crc(entry.data),
    compressed: useDeflate ? packed : entry.data,
    uncompressedSize: entry.data.byteLength,
    flags: UTF8_NAME_FLAG,
  };
}

async function prepare(entry: ZipWriteEntry, tools: WriteTools): Promise<Ready> {
  if (entry.kind === "copied") {
    return { ...entry, flags: entry.flags & ~DATA_DESCRIPTOR_FLAG };
  }
  return newEntry(entry, tools.deflate ? await tools.deflate(entry.data) : null, tools.crc32 ?? crc32);
}

/** Raw DEFLATE (no zlib header), as ZIP method 8 stores it, done at once (Node's zlib.deflateRawSync). */
export type DeflateRaw = (data: Uint8Array) => Uint8Array;

/**
 * A new package from its parts, at once (a workbook we write whole, such as zs-merge's): deflated with `deflateRaw`
 * when given, stored otherwise, so the same writer runs in a browser without a zlib.
 */
export function zipOf(entries: readonly { name: string; data: Uint8Array }[], deflateRaw?: DeflateRaw): Uint8Array {
  return assemble(entries.map((e) => newEntry({ kind: "new", ...e }, deflateRaw ? deflateRaw(e.data) : null, crc32)));
}

/** DOS date/time of 1980-01-01 00:00: a fixed stamp, so the same input gives the same bytes. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

export async function writeZip(entries: readonly ZipWriteEntry[], tools: WriteTools): Promise<Uint8Array> {
  const ready: Ready[] = [];
  for (const e of entries) ready.push(await prepare(e, tools));
  return assemble(ready);
}

/**
 * The fields a local header and its central-directory record share, in the same order (APPNOTE 4.3.7 and 4.3.12):
 * version needed, flags, method, time, date, CRC-32, sizes, name length.
 */
function entryFields(view: DataView, at: number, r: Ready): void {
  view.setUint16(at, r.method === 8 ? 20 : 10, true);
  view.setUint16(at + 2, r.flags, true);
  view.setUint16(at + 4, r.method, true);
  view.setUint16(at + 6, DOS_TIME, true);
  view.setUint16(at + 8, DOS_DATE, true);
  view.setUint32(at + 10, r.crc, true);
  view.setUint32(at + 14, r.compressed.byteLength, true);
  view.setUint32(at + 18, r.uncompressedSize, true);
  view.setUint16(at + 22, r.nameBytes.byteLength, true);
}

function assemble(ready: readonly Ready[]): Uint8Array {
  let localSize = 0;
  let centralSize = 0;
  for (const r of ready) {
    localSize += 30 + r.nameBytes.byteLength + r.compressed.byteLength;
    centralSize += 46 + r.nameBytes.byteLength;
  }
  const total = localSize + centralSize + 22;
  if (localSize + centralSize > MAX32 || ready.length > 0xffff) throw new Error("writeZip: archive too large for plain ZIP");
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  let at = 0;
  const offsets: number[] = [];
  for (const r of ready) {
    offsets.push(at);
    view.setUint32(at, 0x04034b50, true);
    entryFields(view, at + 4, r);
    view.setUint16(at + 28, 0, true);
    out.set(r.nameBytes, at + 30);
    out.set(r.compressed, at + 30 + r.nameBytes.byteLength);
    at += 30 + r.nameBytes.byteLength + r.compressed.byteLength;
  }
  const centralStart = at;
  ready.forEach((r, i) => {
    view.setUint32(at, 0x02014b50, true);
    view.setUint16(at + 4, 20, true);
    entryFields(view, at + 6, r);
    // extra, comment, disk, internal and external attributes: all 0
    view.setUint32(at + 42, offsets[i], true);
    out.set(r.nameBytes, at + 46);
    at += 46 + r.nameBytes.byteLength;
  });
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, ready.length, true);
  view.setUint16(at + 10, ready.length, true);
  view.setUint32(at + 12, at - centralStart, true);
  view.setUint32(at + 16, centralStart, true);
  return out;
}
