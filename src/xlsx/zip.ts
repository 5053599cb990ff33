/**
 * Reads a ZIP's end-of-central-directory and central directory without inflating anything, so that the limits
 * can be checked before anything allocates memory for the content. Pure: DataView over the bytes, no Node APIs,
 * so it runs in the browser bundle too.
 *
 * The central directory is WALKED over the byte span the end record gives, not trusted by its entry count: an
 * archive that declares fewer entries than it holds (to slip past the entry and size limits) is refused as a
 * lie ("count-mismatch"). Declared sizes are still only declarations; package.ts counts the real inflated bytes.
 */

export interface ZipEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  /** 0 stored, 8 deflate; anything else JSZip cannot read. */
  method: number;
  /** General-purpose flag bit 0: ZIP-level (not Office) encryption. */
  encrypted: boolean;
  /** Where the entry's local header starts (lets tests and tools read one entry). */
  localHeaderOffset: number;
  /** CRC-32 and general-purpose flags from the directory: the writer copies an untouched entry with them. */
  crc32: number;
  flags: number;
  /** The name's bytes as stored (the copy keeps them exactly, whatever their encoding). */
  nameBytes: Uint8Array;
}

export type ZipDirectory =
  | { ok: true; entries: ZipEntry[]; declaredEntries: number }
  | {
      ok: false;
      problem: "no-eocd" | "multi-disk" | "corrupt" | "too-many-entries" | "count-mismatch";
      declaredEntries?: number;
      /** For count-mismatch: how many entries the directory really holds (walking stops past maxEntries). */
      foundEntries?: number;
    };

const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const EOCD_MIN = 22;
const MAX_COMMENT = 0xffff;

/** An unsigned 64-bit little-endian field as a number; null beyond 2^53 (no real workbook gets there). */
function uint64(view: DataView, at: number): number | null {
  const lo = view.getUint32(at, true);
  const hi = view.getUint32(at + 4, true);
  if (hi >= 0x200000) return null;
  return hi * 0x100000000 + lo;
}

function findEocd(view: DataView): number {
  const last = view.byteLength - EOCD_MIN;
  const first = Math.max(0, last - MAX_COMMENT);
  for (let at = last; at >= first; at--) {
    // The comment-length field must reach exactly to the end of the file; this rejects a stray signature inside a
    // comment or in stored data.
    if (view.getUint32(at, true) === SIG_EOCD && at + EOCD_MIN + view.getUint16(at + 20, true) === view.byteLength) {
      return at;
    }
  }
  return -1;
}

interface DirLocation {
  entries: number;
  offset: number;
  size: number;
}

/** ZIP64 end-of-central-directory: read honestly rather than refuse, it is what large archivers write. */
function readZip64(view: DataView, eocd: number): DirLocation | "multi-disk" | "corrupt" {
  const locator = eocd - 20;
  if (locator < 0 || view.getUint32(locator, true) !== SIG_ZIP64_LOCATOR) return "corrupt";
  if (view.getUint32(locator + 16, true) > 1) return "multi-disk";
  const at = uint64(view, locator + 8);
  if (at === null || at + 56 > view.byteLength || view.getUint32(at, true) !== SIG_ZIP64_EOCD) return "corrupt";
  if (view.getUint32(at + 16, true) !== 0 || view.getUint32(at + 20, true) !== 0) return "multi-disk";
  const entries = uint64(view, at + 32);
  const size = uint64(view, at + 40);
  const offset = uint64(view, at + 48);
  if (entries === null || size === null || offset === null) return "corrupt";
  return { entries, size, offset };
}

function locateDirectory(view: DataView, eocd: number): DirLocation | "multi-disk" | "corrupt" {
  const disk = view.getUint16(eocd + 4, true);
  const cdDisk = view.getUint16(eocd + 6, true);
  const entriesHere = view.getUint16(eocd + 8, true);
  const entries = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const offset = view.getUint32(eocd + 16, true);
  if (entries === 0xffff || size === 0xffffffff || offset === 0xffffffff) return readZip64(view, eocd);
  if (disk !== 0 || cdDisk !== 0 || entriesHere !== entries) return "multi-disk";
  return { entries, size, offset };
}

/** The ZIP64 extra field (0x0001) holds, in this order, only the fields whose 32-bit value is 0xFFFFFFFF. */
function applyZip64Extra(view: DataView, start: number, length: number, entry: ZipEntry): boolean {
  const end = start + length;
  for (let at = start; at + 4 <= end; ) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 0x0001) {
      let p = at + 4;
      const take = (): number | null => {
        if (p + 8 > at + 4 + size) return null;
        const v = uint64(view, p);
        p += 8;
        return v;
      };
      if (entry.uncompressedSize === 0xffffffff) {
        const v = take();
        if (v === null) return false;
        entry.uncompressedSize = v;
      }
      if (entry.compressedSize === 0xffffffff) {
        const v = take();
        if (v === null) return false;
        entry.compressedSize = v;
      }
      if (entry.localHeaderOffset === 0xffffffff) {
        const v = take();
        if (v === null) return false;
        entry.localHeaderOffset = v;
      }
      return true;
    }
    at += 4 + size;
  }
  return (
    entry.uncompressedSize !== 0xffffffff && entry.compressedSize !== 0xffffffff && entry.localHeaderOffset !== 0xffffffff
  );
}

const utf8 = new TextDecoder("utf-8", { fatal: false });

/** Names are compared against ASCII part names only, so a CP437 (non-UTF-8) name decoding loosely is harmless. */
function decodeName(bytes: Uint8Array): string {
  return utf8.decode(bytes);
}

/**
 * Lists the entries. `maxEntries` stops before walking a directory that declares absurdly many entries (each one
 * costs an object here and several in JSZip).
 */
export function readZipDirectory(bytes: Uint8Array, maxEntries: number): ZipDirectory {
  if (bytes.byteLength < EOCD_MIN) return { ok: false, problem: "no-eocd" };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEocd(view);
  if (eocd < 0) return { ok: false, problem: "no-eocd" };
  const loc = locateDirectory(view, eocd);
  if (typeof loc === "string") return { ok: false, problem: loc };
  if (loc.entries > maxEntries) return { ok: false, problem: "too-many-entries", declaredEntries: loc.entries };
  if (loc.offset + loc.size > bytes.byteLength) return { ok: false, problem: "corrupt" };

  const entries: ZipEntry[] = [];
  let at = loc.offset;
  const end = loc.offset + loc.size;
  // Walk every record in the directory's byte span, whatever the count says. More than maxEntries records under
  // a count of at most maxEntries (checked above) is a lie: stop there rather than walk them all.
  while (at < end) {
    if (entries.length >= maxEntries) {
      return { ok: false, problem: "count-mismatch", declaredEntries: loc.entries, foundEntries: entries.length + 1 };
    }
    if (at + 46 > end || view.getUint32(at, true) !== SIG_CENTRAL) return { ok: false, problem: "corrupt" };
    const flags = view.getUint16(at + 8, true);
    const nameLen = view.getUint16(at + 28, true);
    const extraLen = view.getUint16(at + 30, true);
    const commentLen = view.getUint16(at + 32, true);
    if (at + 46 + nameLen + extraLen + commentLen > end) return { ok: false, problem: "corrupt" };
    const entry: ZipEntry = {
      name: decodeName(bytes.subarray(at + 46, at + 46 + nameLen)),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
      encrypted: (flags & 1) === 1,
      localHeaderOffset: view.getUint32(at + 42, true),
      crc32: view.getUint32(at + 16, true),
      flags,
      nameBytes: bytes.subarray(at + 46, at + 46 + nameLen),
    };
    if (!applyZip64Extra(view, at + 46 + nameLen, extraLen, entry)) return { ok: false, problem: "corrupt" };
    entries.push(entry);
    at += 46 + nameLen + extraLen + commentLen;
  }
  if (entries.length !== loc.entries) {
    return { ok: false, problem: "count-mismatch", declaredEntries: loc.entries, foundEntries: entries.length };
  }
  return { ok: true, entries, declaredEntries: loc.entries };
}

/**
 * Where an entry's compressed bytes are, checked against its local header: the header must be where the directory
 * says and the data must lie inside the file. Returns null for a damaged or lying entry.
 */
export function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array | null {
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.byteLength) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(at, true) !== SIG_LOCAL) return null;
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.byteLength) return null;
  return bytes.subarray(start, end);
}
