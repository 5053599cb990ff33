import { ByteTools } from "./byte-tools";
import { applyInsertions, childrenOf, escapeXml, findRoot, Insertion } from "./xml-edit";
import { WorkbookPackage } from "./package";
import { XmlCursor } from "./xml";
import { CopiedEntry, NewEntry, writeZip } from "./zip-write";
import { entryData, readZipDirectory, ZipEntry } from "./zip";
import { latin1Bytes } from "./xml-edit";

/**
 * The original package plus our changes: parts are read through WorkbookPackage (limits and real inflated bytes
 * counted), changed parts are kept as latin1 text, new parts are appended, and finish() writes a zip in which
 * every part nobody changed is copied compressed as it was.
 */
export const REL = {
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
  comments: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments",
  vmlDrawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing",
  officeDocument: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
} as const;

export const CONTENT_TYPE = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  comments: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  vml: "application/vnd.openxmlformats-officedocument.vmlDrawing",
  rels: "application/vnd.openxmlformats-package.relationships+xml",
} as const;

const CONTENT_TYPES_PART = "[Content_Types].xml";

export interface Relationship {
  id: string;
  type: string;
  /** Resolved part name ("xl/worksheets/sheet1.xml"); the raw target for external ones. */
  target: string;
  external: boolean;
}

/** Resolves a relationship target against the folder of the part that owns it (OPC, ECMA-376 Part 2 §9.3). */
export function resolveTarget(ownerPath: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = ownerPath.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

export function relsPathOf(partPath: string): string {
  const slash = partPath.lastIndexOf("/");
  return `${partPath.slice(0, slash + 1)}_rels/${partPath.slice(slash + 1)}.rels`;
}

/** `target` relative to the folder of `ownerPath` ("xl/workbook.xml", "xl/worksheets/a.xml" → "worksheets/a.xml"). */
export function relativeTarget(ownerPath: string, target: string): string {
  const from = ownerPath.split("/").slice(0, -1);
  const to = target.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

export class PackageEdit {
  private readonly entries: ZipEntry[];
  private readonly byName = new Map<string, ZipEntry>();
  private readonly changed = new Map<string, string>();
  private readonly added: { name: string; text: string }[] = [];
  /** Original parts already inflated: read once, so the inflated-bytes budget counts each part once. */
  private readonly read = new Map<string, string | null>();

  constructor(
    private readonly bytes: Uint8Array,
    private readonly pkg: WorkbookPackage,
    readonly tools: ByteTools,
  ) {
    // The package opened, so the directory was read and checked with these limits already.
    const dir = readZipDirectory(bytes, Number.MAX_SAFE_INTEGER);
    this.entries = dir.ok ? dir.entries : [];
    for (const e of this.entries) this.byName.set(key(e.name), e);
  }

  has(name: string): boolean {
    return this.byName.has(key(name)) || this.added.some((a) => key(a.name) === key(name));
  }

  /** A part's text as it stands (our changes included), one char per byte; null when there is no such part. */
  async text(name: string): Promise<string | null> {
    const k = key(name);
    const mine = this.changed.get(k) ?? this.added.find((a) => key(a.name) === k)?.text;
    if (mine !== undefined) return mine;
    if (this.read.has(k)) return this.read.get(k) as string | null;
    const bytes = await this.pkg.part(name);
    const text = bytes ? this.tools.latin1(bytes) : null;
    this.read.set(k, text);
    return text;
  }

  /** Replaces a part's text (an original part: recompressed; one of ours: updated). */
  set(name: string, text: string): void {
    const k = key(name);
    const mine = this.added.find((a) => key(a.name) === k);
    if (mine) mine.text = text;
    else this.changed.set(k, text);
    this.read.delete(k);
  }

  /** A new part, listed in [Content_Types].xml by an Override. */
  async add(name: string, text: string, contentType: string): Promise<void> {
    this.added.push({ name, text });
    await this.addOverride(name, contentType);
  }

  /** A new part whose content type comes from a Default (by its extension), not an Override. */
  addUnlisted(name: string, text: string): void {
    this.added.push({ name, text });
  }

  /** `${stem}${n}${ext}` with the smallest n ≥ 1 no part uses. */
  freeName(stem: string, ext: string): string {
    for (let n = 1; ; n++) {
      const name = `${stem}${n}${ext}`;
      if (!this.has(name)) return name;
    }
  }

  async relationships(ownerPath: string): Promise<Relationship[]> {
    const src = await this.text(relsPathOf(ownerPath));
    if (src === null) return [];
    const out: Relationship[] = [];
    const x = new XmlCursor(src, this.tools);
    while (x.next()) {
      if (x.closing || !x.is("Relationship")) continue;
      const id = x.attr("Id");
      const target = x.attr("Target");
      if (id === null || target === null) continue;
      const external = x.asciiAttr("TargetMode") === "External";
      out.push({ id, type: x.attr("Type") ?? "", target: external ? target : resolveTarget(ownerPath, target), external });
    }
    return out;
  }

  /** Adds a relationship from `ownerPath` to the part `target`; returns its new, unused Id. */
  async addRelationship(ownerPath: string, type: string, target: string): Promise<string> {
    const relsPath = relsPathOf(ownerPath);
    const existing = await this.relationships(ownerPath);
    const taken = new Set(existing.map((r) => r.id));
    let n = existing.length + 1;
    while (taken.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const rel = `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(relativeTarget(ownerPath, target))}"/>`;
    const src = await this.text(relsPath);
    if (src === null) {
      const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel}</Relationships>`;
      this.added.push({ name: relsPath, text: xml });
      await this.ensureDefault("rels", CONTENT_TYPE.rels);
    } else {
      this.set(relsPath, appendToRoot(src, this.tools, (p) => rel.replace("<Relationship", `<${p}Relationship`)));
    }
    return id;
  }

  private async addOverride(name: string, contentType: string): Promise<void> {
    const src = await this.text(CONTENT_TYPES_PART);
    if (src === null) return;
    const line = `<Override PartName="/${escapeXml(name)}" ContentType="${contentType}"/>`;
    this.set(CONTENT_TYPES_PART, appendToRoot(src, this.tools, (p) => line.replace("<Override", `<${p}Override`)));
  }

  /** A Default for the extension, unless one is there (Extension is compared case-insensitively, as OPC says). */
  async ensureDefault(ext: string, contentType: string): Promise<void> {
    const src = await this.text(CONTENT_TYPES_PART);
    if (src === null) return;
    const x = new XmlCursor(src, this.tools);
    while (x.next()) {
      if (!x.closing && x.is("Default") && (x.attr("Extension") ?? "").toLowerCase() === ext.toLowerCase()) return;
    }
    const line = `<Default Extension="${ext}" ContentType="${contentType}"/>`;
    this.set(CONTENT_TYPES_PART, appendToRoot(src, this.tools, (p) => line.replace("<Default", `<${p}Default`)));
  }

  private bytesOf(text: string): Uint8Array {
    return this.tools.latin1Bytes ? this.tools.latin1Bytes(text) : latin1Bytes(text);
  }

  /** The new archive: original entries in their order (copied or recompressed), then the new parts. */
  async finish(): Promise<Uint8Array> {
    const out: (CopiedEntry | NewEntry)[] = [];
    for (const e of this.entries) {
      const text = this.changed.get(key(e.name));
      if (text !== undefined) {
        out.push({ kind: "new", name: e.name, data: this.bytesOf(text) });
        continue;
      }
      const compressed = entryData(this.bytes, e);
      if (!compressed) throw new Error(`unreachable: ${e.name} was readable when the package was opened`);
      out.push({ kind: "copied", nameBytes: e.nameBytes, method: e.method, crc: e.crc32, compressed, uncompressedSize: e.uncompressedSize, flags: e.flags });
    }
    for (const a of this.added) out.push({ kind: "new", name: a.name, data: this.bytesOf(a.text) });
    const t = this.tools;
    return writeZip(out, { deflate: t.deflateRaw ? (d) => (t.deflateRaw as NonNullable<ByteTools["deflateRaw"]>)(d) : null, crc32: t.crc32 });
  }
}

function key(name: string): string {
  return name.replace(/^\//, "").toLowerCase();
}

/** `make(prefix)` inserted as the root's last child (a self-closing root is opened up). */
export function appendToRoot(src: string, tools: ByteTools, make: (prefix: string) => string): string {
  const root = findRoot(src, tools);
  if (!root) throw new Error("appendToRoot: the part has no root element");
  const text = make(root.prefix);
  const ins: Insertion =
    root.closeStart >= 0
      ? { at: root.closeStart, text }
      : { at: root.selfCloseAt, replace: 2, text: `>${text}</${qnameAt(src, root)}>` };
  return applyInsertions(src, [ins]);
}

function qnameAt(src: string, root: { openEnd: number }): string {
  const lt = src.lastIndexOf("<", root.openEnd);
  const m = /^<([^\s/>]+)/.exec(src.slice(lt));
  return m ? m[1] : "";
}

export { childrenOf };
