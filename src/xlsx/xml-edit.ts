import { ByteTools } from "./byte-tools";
import { XmlCursor } from "./xml";

/*
 * Insertions into an existing XML part, kept byte-exact everywhere else. Parts are handled as latin1 strings (one
 * char per byte, see ByteTools.latin1), so slicing and joining never re-encodes the original; inserted text is
 * UTF-8 turned into the same one-char-per-byte form first (utf8Latin1).
 */

/** UTF-8 bytes of `text`, one char per byte: what may be spliced into a latin1 view of a part. */
export function utf8Latin1(text: string): string {
  // eslint-disable-next-line no-control-regex -- ASCII needs no conversion: the common case, kept cheap
  if (/^[\x00-\x7f]*$/.test(text)) return text;
  // Made here, not at load: some test environments (jsdom) load this module without a TextEncoder.
  const bytes = new TextEncoder().encode(text);
  let out = "";
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) out += String.fromCharCode.apply(null, bytes.subarray(i, i + CHUNK) as unknown as number[]);
  return out;
}

/** The bytes of a latin1 view (char code = byte). */
export function latin1Bytes(src: string): Uint8Array {
  const out = new Uint8Array(src.length);
  for (let i = 0; i < src.length; i++) out[i] = src.charCodeAt(i);
  return out;
}

/** Escapes text for an attribute value or element content (quotes too, so one function serves both). */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"));
}

/**
 * Text for a SpreadsheetML string (ST_Xstring, ECMA-376 Part 1 §22.9.2.19): characters XML 1.0 cannot carry
 * (C0 controls but tab and line feed, and CR, which XML parsers turn into LF) are written as `_xHHHH_`, and a
 * literal `_xHHHH_` gets its underscore escaped, so every character of the text comes back as it was.
 */
export function escapeXstring(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is being escaped
  const coded = text.replace(/_(?=x[0-9A-Fa-f]{4}_)|[\x00-\x08\x0b-\x1f\ufffe\uffff]/g, (c) =>
    `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`,
  );
  return escapeXml(coded);
}

export interface Root {
  /** "x:" when the part prefixes its elements, else "". */
  prefix: string;
  /** Just past the root's start tag. */
  openEnd: number;
  /** Where the root's end tag starts; -1 for a self-closing root. */
  closeStart: number;
  /** The "/>" of a self-closing root. */
  selfCloseAt: number;
}

export function findRoot(src: string, tools: ByteTools): Root | null {
  const x = new XmlCursor(src, tools);
  if (!x.next() || x.closing) return null;
  const qname = src.slice(src.lastIndexOf("<", x.nameStart) + 1, x.nameEnd);
  const prefix = qname.slice(0, qname.length - (x.nameEnd - x.nameStart));
  if (x.selfClosing) return { prefix, openEnd: x.pos, closeStart: -1, selfCloseAt: x.attrEnd };
  const closeStart = src.lastIndexOf(`</${qname}`);
  if (closeStart < x.pos) return null;
  return { prefix, openEnd: x.pos, closeStart, selfCloseAt: -1 };
}

export interface Child {
  name: string;
  start: number;
  /** Just past the child's end (its end tag, or its own "/>"). */
  end: number;
  /** Just past its start tag. */
  openEnd: number;
  selfClosing: boolean;
}

/**
 * The root's direct children, in order. `fastSkip` names a child whose content holds no comment or CDATA in
 * practice (sheetData): its end tag is found by search instead of walking every cell, checked for "<!" first.
 */
export function childrenOf(src: string, root: Root, tools: ByteTools, fastSkip?: string): Child[] {
  const out: Child[] = [];
  if (root.closeStart < 0) return out;
  const x = new XmlCursor(src, tools);
  x.pos = root.openEnd;
  while (x.next() && x.pos <= root.closeStart + 1) {
    if (x.closing) break; // the root's own end tag
    const start = src.lastIndexOf("<", x.nameStart);
    const name = x.name;
    const openEnd = x.pos;
    if (!x.selfClosing) {
      const endTag = `</${root.prefix}${name}>`;
      const fast = name === fastSkip ? src.indexOf(endTag, x.pos) : -1;
      const comment = fast >= 0 ? src.indexOf("<!", x.pos) : -1;
      if (fast >= 0 && (comment < 0 || comment > fast)) x.pos = fast + endTag.length;
      else x.skipElement();
    }
    out.push({ name, start, end: x.pos, openEnd, selfClosing: x.selfClosing && x.pos === openEnd });
  }
  return out;
}

/**
 * Where a new child named `name` goes so that the schema's sequence `order` holds: before the first existing
 * child that the sequence puts after it (children the sequence does not list are passed over), else at the end.
 */
export function insertionPoint(children: readonly Child[], root: Root, order: readonly string[], name: string): number {
  const rank = order.indexOf(name);
  for (const c of children) {
    const r = order.indexOf(c.name);
    if (r > rank) return c.start;
  }
  return root.closeStart;
}

/** One insertion: `text` at `at` of the original. Several are applied at once, original positions throughout. */
export interface Insertion {
  at: number;
  text: string;
  /** For a self-closing element that must get content: replace src[at, at + replace) (its "/>") by text. */
  replace?: number;
}

export function applyInsertions(src: string, insertions: readonly Insertion[]): string {
  const sorted = [...insertions].sort((a, b) => a.at - b.at);
  const parts: string[] = [];
  let last = 0;
  for (const ins of sorted) {
    parts.push(src.slice(last, ins.at), ins.text);
    last = ins.at + (ins.replace ?? 0);
  }
  parts.push(src.slice(last));
  return parts.join("");
}

/**
 * Adds `content` at the end of the child list element `child` (e.g. <dxfs>), creating the list at its place in
 * `order` when missing, and raises its count attribute by `added` when it has one. A self-closing list
 * (`<dxfs count="0"/>`) is opened up: the only place the original's characters change besides the count.
 */
export function appendToList(
  src: string,
  root: Root,
  children: readonly Child[],
  order: readonly string[],
  child: string,
  content: string,
  added: number,
): Insertion[] {
  const p = root.prefix;
  const list = children.find((c) => c.name === child);
  if (!list) {
    // `added` 0: a list without a count attribute (definedNames).
    const count = added > 0 ? ` count="${added}"` : "";
    return [{ at: insertionPoint(children, root, order, child), text: `<${p}${child}${count}>${content}</${p}${child}>` }];
  }
  const out: Insertion[] = [];
  const tag = src.slice(list.start, list.openEnd);
  const count = /\scount\s*=\s*"(\d+)"/.exec(tag);
  if (count) {
    const valueAt = list.start + count.index + count[0].length - 1 - count[1].length;
    out.push({ at: valueAt, replace: count[1].length, text: String(Number(count[1]) + added) });
  }
  if (list.selfClosing) {
    const slash = src.lastIndexOf("/", list.openEnd);
    out.push({ at: slash, replace: 2, text: `>${content}</${p}${child}>` });
  } else {
    out.push({ at: src.lastIndexOf("</", list.end - 1), text: content });
  }
  return out;
}
