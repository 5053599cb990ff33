import { ByteTools } from "./byte-tools";

/**
 * A small pull scanner over one XML part: enough for the few SpreadsheetML parts the checker reads, no DTDs, no
 * entity definitions (an unknown entity stays as written instead of failing the file). It works on the part's
 * latin1 view (one char per byte, so positions are byte positions; the inflated bytes are not kept) and decodes
 * text as UTF-8 only where text is wanted. Element and attribute names are matched by local name: some writers (the OpenXML SDK)
 * prefix every element (`<x:c>`).
 */
export class XmlCursor {
  /** Local name of the current tag spans src[nameStart, nameEnd). */
  nameStart = 0;
  nameEnd = 0;
  closing = false;
  selfClosing = false;
  /** Attributes of the current tag span src[attrStart, attrEnd). */
  attrStart = 0;
  attrEnd = 0;
  /** Just past the current tag's ">". */
  pos = 0;

  constructor(
    readonly src: string,
    private readonly tools: ByteTools,
  ) {}

  /** Moves to the next element tag (open, close or empty), skipping comments, declarations and CDATA. */
  next(): boolean {
    const s = this.src;
    for (;;) {
      const lt = s.indexOf("<", this.pos);
      if (lt < 0) return false;
      const c = s.charCodeAt(lt + 1);
      if (c === 0x3f /* ? */) {
        this.pos = skipPast(s, "?>", lt);
        continue;
      }
      if (c === 0x21 /* ! */) {
        this.pos = s.startsWith("<!--", lt) ? skipPast(s, "-->", lt) : s.startsWith("<![CDATA[", lt) ? skipPast(s, "]]>", lt) : skipPast(s, ">", lt);
        continue;
      }
      this.closing = c === 0x2f;
      let i = this.closing ? lt + 2 : lt + 1;
      let start = i;
      for (;;) {
        const ch = s.charCodeAt(i);
        if (ch === 0x3a /* : */) start = i + 1;
        else if (ch === 0x20 || ch === 0x3e || ch === 0x2f || ch === 0x09 || ch === 0x0a || ch === 0x0d || Number.isNaN(ch)) break;
        i++;
      }
      this.nameStart = start;
      this.nameEnd = i;
      // Find the tag's end, stepping over quoted attribute values (">" is legal inside them).
      let q = i;
      for (;;) {
        const ch = s.charCodeAt(q);
        if (ch === 0x3e) break;
        if (ch === 0x22 || ch === 0x27) {
          q = s.indexOf(ch === 0x22 ? '"' : "'", q + 1);
          if (q < 0) return false;
        } else if (Number.isNaN(ch)) return false;
        q++;
      }
      this.selfClosing = s.charCodeAt(q - 1) === 0x2f;
      this.attrStart = i;
      this.attrEnd = this.selfClosing ? q - 1 : q;
      this.pos = q + 1;
      return true;
    }
  }

  /** Is the current tag's local name `name`? */
  is(name: string): boolean {
    return this.nameEnd - this.nameStart === name.length && this.src.startsWith(name, this.nameStart);
  }

  get name(): string {
    return this.src.slice(this.nameStart, this.nameEnd);
  }

  /**
   * An attribute's decoded value, matched by its name as written (`xml:space`) or, when `name` has no prefix, by
   * local name too (`r:id` for "id" — workbooks are free to choose the prefix).
   */
  attr(name: string): string | null {
    const raw = this.rawAttr(name);
    return raw === null ? null : this.decode(raw[0], raw[1]);
  }

  /** Raw (undecoded) value span of an attribute: ASCII values such as "B12" or "1" need no decoding. */
  rawAttr(name: string): [number, number] | null {
    const s = this.src;
    let i = this.attrStart;
    const end = this.attrEnd;
    while (i < end) {
      const ch = s.charCodeAt(i);
      if (ch === 0x20 || ch === 0x09 || ch === 0x0a || ch === 0x0d) {
        i++;
        continue;
      }
      const eq = s.indexOf("=", i);
      if (eq < 0 || eq >= end) return null;
      let nameEnd = eq;
      while (nameEnd > i && s.charCodeAt(nameEnd - 1) <= 0x20) nameEnd--;
      let v = eq + 1;
      while (v < end && s.charCodeAt(v) <= 0x20) v++;
      const quote = s[v];
      const close = s.indexOf(quote, v + 1);
      if (close < 0 || close > end) return null;
      if (matchesName(s, i, nameEnd, name)) return [v + 1, close];
      i = close + 1;
    }
    return null;
  }

  /** An attribute's raw value as an ASCII string (numbers, addresses, flags), without entity decoding. */
  asciiAttr(name: string): string | null {
    const raw = this.rawAttr(name);
    return raw === null ? null : this.src.slice(raw[0], raw[1]);
  }

  /** UTF-8 text of src[start, end) with XML entities and character references decoded. */
  decode(start: number, end: number): string {
    let ascii = true;
    for (let i = start; i < end; i++) {
      if (this.src.charCodeAt(i) >= 0x80) {
        ascii = false;
        break;
      }
    }
    const text = ascii ? this.src.slice(start, end) : this.tools.utf8(this.src, start, end);
    return text.indexOf("&") < 0 ? text : decodeEntities(text);
  }

  /**
   * The text content of the element just opened (for <t>, <v>, <f>: no child elements), CDATA included; moves
   * past its closing tag. Empty for a self-closing tag.
   */
  readText(): string {
    if (this.selfClosing) return "";
    const s = this.src;
    let out = "";
    let at = this.pos;
    for (;;) {
      const lt = s.indexOf("<", at);
      if (lt < 0) {
        this.pos = s.length;
        return out + this.decode(at, s.length);
      }
      out += lt > at ? this.decode(at, lt) : "";
      if (s.startsWith("<![CDATA[", lt)) {
        const end = s.indexOf("]]>", lt);
        const stop = end < 0 ? s.length : end;
        const text = this.tools.utf8(this.src, lt + 9, stop);
        out += text;
        at = stop + 3;
        continue;
      }
      this.pos = lt;
      this.next(); // the closing tag (or, in a malformed part, whatever comes next)
      return out;
    }
  }

  /** Skips to just past the closing tag of the element just opened (nested elements of any depth included). */
  skipElement(): void {
    if (this.selfClosing) return;
    let depth = 1;
    while (depth > 0 && this.next()) {
      if (this.closing) depth--;
      else if (!this.selfClosing) depth++;
    }
  }
}

function skipPast(s: string, token: string, from: number): number {
  const at = s.indexOf(token, from);
  return at < 0 ? s.length : at + token.length;
}

function matchesName(s: string, start: number, end: number, name: string): boolean {
  const len = end - start;
  if (len === name.length && s.startsWith(name, start)) return true;
  if (name.indexOf(":") >= 0) return false;
  // Local-name match: "r:id" (any prefix) for "id".
  return len > name.length && s.charCodeAt(end - name.length - 1) === 0x3a && s.startsWith(name, end - name.length);
}

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** The five predefined entities and numeric references (`&#10;`, `&#x4E2D;`); anything else stays as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref.charCodeAt(0) !== 0x23) return NAMED[ref] ?? whole;
    const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/**
 * SpreadsheetML escapes characters XML cannot carry as `_xHHHH_` (`_x000D_` is a CR); a literal "_x000D_" is
 * written with its underscore escaped, `_x005F_x000D_`. Decoding left to right in one pass gives both right.
 * (ECMA-376 Part 1, §22.9.2.19 ST_Xstring.)
 */
export function decodeXstring(text: string): string {
  if (text.indexOf("_x") < 0) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const XML_SPACE = /^[ \t\r\n]+|[ \t\r\n]+$/g;

function isXmlSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/**
 * The text of one <t>: Excel drops leading and trailing white space (spaces, tabs, line breaks, whether written
 * literally or as `&#10;`) unless the element says xml:space="preserve", and keeps a run that is only white space
 * (a space between two formatted runs). Seen in fastexcel #624 (Excel trims an inlineStr without preserve) and
 * xlrd #225 (Excel shows "hello world" across a `<t> </t>` run).
 */
export function readT(x: XmlCursor): string {
  const preserve = x.asciiAttr("xml:space") === "preserve";
  const text = x.readText();
  if (preserve || !(isXmlSpace(text.charCodeAt(0)) || isXmlSpace(text.charCodeAt(text.length - 1)))) {
    return decodeXstring(text);
  }
  const trimmed = text.replace(XML_SPACE, "");
  return decodeXstring(trimmed === "" ? text : trimmed);
}

/**
 * Text of a string item (<si>, <is>): its own <t>, or its rich-text runs' <t>s concatenated; phonetic runs
 * (<rPh>, the furigana Excel keeps for Japanese) are not part of the text. Call with the cursor on the open tag.
 */
export function readStringItem(x: XmlCursor): string {
  if (x.selfClosing) return "";
  let out = "";
  let depth = 1;
  while (depth > 0 && x.next()) {
    if (x.closing) {
      depth--;
      continue;
    }
    if (x.is("t")) out += readT(x);
    else if (x.is("rPh")) x.skipElement();
    else if (!x.selfClosing) depth++;
  }
  return out;
}
