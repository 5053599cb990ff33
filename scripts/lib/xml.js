"use strict";
/**
 * A small, strict-enough XML parser for manifest checks (zero dependencies).
 * Handles the XML declaration, comments, CDATA, processing instructions, a DOCTYPE without an
 * internal subset, elements, attributes, character/entity references and namespaces (xmlns / xmlns:p).
 * Rejects the usual well-formedness errors: mismatched or unclosed tags, duplicate attributes,
 * unquoted attribute values, '<' in attribute values, bad references, text outside the root element,
 * undeclared prefixes. It is not a validating parser and not a full XML 1.0 implementation: when
 * xmllint is available the validator prefers it for well-formedness.
 */

class XmlError extends Error {
  constructor(message, line, column) {
    super(`line ${line}, column ${column}: ${message}`);
    this.name = "XmlError";
    this.line = line;
    this.column = column;
  }
}

const NAME_START = /[A-Za-z_:\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD]/;
/** NameChar: NameStartChar plus - . digits U+00B7 U+0300–U+036F U+203F–U+2040 */
const NAME_CHAR = {
  test(c) {
    if (NAME_START.test(c) || /[-.0-9\u00B7]/.test(c)) return true;
    const code = c.charCodeAt(0);
    return (code >= 0x300 && code <= 0x36f) || code === 0x203f || code === 0x2040;
  },
};
const PREDEFINED = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
const XML_NS = "http://www.w3.org/XML/1998/namespace";

/**
 * @typedef {{ name: string, prefix: string|null, local: string, ns: string|null,
 *   attrs: Record<string,string>, attrList: {name:string,value:string,line:number}[],
 *   children: XmlElement[], text: string, parent: XmlElement|null, line: number, column: number }} XmlElement
 */

/**
 * @param {string} src
 * @returns {{ root: XmlElement }}
 */
function parseXml(src) {
  let pos = 0;
  if (src.charCodeAt(0) === 0xfeff) pos = 1;

  function where(p) {
    let line = 1;
    let col = 1;
    for (let i = 0; i < p && i < src.length; i++) {
      if (src[i] === "\n") {
        line++;
        col = 1;
      } else col++;
    }
    return { line, col };
  }
  function fail(msg, p = pos) {
    const { line, col } = where(p);
    throw new XmlError(msg, line, col);
  }
  function startsWith(s) {
    return src.startsWith(s, pos);
  }
  function skipWs() {
    while (pos < src.length && /[ \t\r\n]/.test(src[pos])) pos++;
  }
  function readName() {
    const start = pos;
    if (pos >= src.length || !NAME_START.test(src[pos])) fail("expected a name");
    pos++;
    while (pos < src.length && NAME_CHAR.test(src[pos])) pos++;
    return src.slice(start, pos);
  }
  function decode(raw, startPos) {
    return raw.replace(/&([^;&<]*);|&/g, (m, ref, offset) => {
      if (ref === undefined) fail("'&' must start a character or entity reference", startPos + offset);
      if (ref.startsWith("#x")) {
        if (!/^#x[0-9A-Fa-f]+$/.test(ref)) fail(`bad character reference &${ref};`, startPos + offset);
        return String.fromCodePoint(parseInt(ref.slice(2), 16));
      }
      if (ref.startsWith("#")) {
        if (!/^#[0-9]+$/.test(ref)) fail(`bad character reference &${ref};`, startPos + offset);
        return String.fromCodePoint(parseInt(ref.slice(1), 10));
      }
      if (!(ref in PREDEFINED)) fail(`undefined entity &${ref};`, startPos + offset);
      return PREDEFINED[ref];
    });
  }
  function skipMisc(allowDecl) {
    for (;;) {
      skipWs();
      if (startsWith("<?xml") && /[ \t\r\n?]/.test(src[pos + 5] || "")) {
        if (!allowDecl) fail("XML declaration allowed only at the start of the document");
        const end = src.indexOf("?>", pos);
        if (end < 0) fail("unterminated XML declaration");
        pos = end + 2;
      } else if (startsWith("<?")) {
        const end = src.indexOf("?>", pos);
        if (end < 0) fail("unterminated processing instruction");
        pos = end + 2;
      } else if (startsWith("<!--")) {
        const end = src.indexOf("-->", pos + 4);
        if (end < 0) fail("unterminated comment");
        if (src.slice(pos + 4, end).includes("--")) fail("'--' is not allowed inside a comment");
        pos = end + 3;
      } else if (startsWith("<!DOCTYPE")) {
        const end = src.indexOf(">", pos);
        if (end < 0 || src.slice(pos, end).includes("[")) fail("DOCTYPE with an internal subset is not supported");
        pos = end + 1;
      } else return;
      allowDecl = false;
    }
  }

  skipMisc(true);
  if (pos >= src.length || src[pos] !== "<") fail("expected the root element");
  /** @type {XmlElement|null} */
  let root = null;
  /** @type {XmlElement[]} */
  const stack = [];
  /** @type {Array<Record<string,string>>} */
  const nsStack = [{ xml: XML_NS }];

  while (pos < src.length) {
    if (stack.length === 0 && root) break;
    if (startsWith("<!--")) {
      const end = src.indexOf("-->", pos + 4);
      if (end < 0) fail("unterminated comment");
      if (src.slice(pos + 4, end).includes("--")) fail("'--' is not allowed inside a comment");
      pos = end + 3;
    } else if (startsWith("<![CDATA[")) {
      if (!stack.length) fail("CDATA outside the root element");
      const end = src.indexOf("]]>", pos);
      if (end < 0) fail("unterminated CDATA section");
      stack[stack.length - 1].text += src.slice(pos + 9, end);
      pos = end + 3;
    } else if (startsWith("<?")) {
      const end = src.indexOf("?>", pos);
      if (end < 0) fail("unterminated processing instruction");
      pos = end + 2;
    } else if (startsWith("</")) {
      const tagPos = pos;
      pos += 2;
      const name = readName();
      skipWs();
      if (src[pos] !== ">") fail(`expected '>' to close </${name}`);
      pos++;
      const open = stack.pop();
      nsStack.pop();
      if (!open) fail(`closing tag </${name}> without an opening tag`, tagPos);
      if (open.name !== name) fail(`closing tag </${name}> does not match <${open.name}> opened on line ${open.line}`, tagPos);
    } else if (startsWith("<")) {
      const tagPos = pos;
      if (!stack.length && root) fail("only one root element is allowed");
      pos++;
      const name = readName();
      /** @type {{name:string,value:string,line:number}[]} */
      const attrList = [];
      const seen = new Set();
      let selfClosing = false;
      for (;;) {
        const hadWs = /[ \t\r\n]/.test(src[pos] || "");
        skipWs();
        if (pos >= src.length) fail(`unterminated start tag <${name}>`, tagPos);
        if (startsWith("/>")) {
          pos += 2;
          selfClosing = true;
          break;
        }
        if (src[pos] === ">") {
          pos++;
          break;
        }
        if (!hadWs) fail(`expected whitespace between attributes in <${name}>`);
        const attrPos = pos;
        const an = readName();
        skipWs();
        if (src[pos] !== "=") fail(`attribute ${an} in <${name}> has no value`);
        pos++;
        skipWs();
        const q = src[pos];
        if (q !== '"' && q !== "'") fail(`value of attribute ${an} in <${name}> must be quoted`);
        const end = src.indexOf(q, pos + 1);
        if (end < 0) fail(`unterminated value of attribute ${an}`);
        const raw = src.slice(pos + 1, end);
        if (raw.includes("<")) fail(`'<' is not allowed in the value of attribute ${an}`, pos + 1 + raw.indexOf("<"));
        if (seen.has(an)) fail(`duplicate attribute ${an} in <${name}>`, attrPos);
        seen.add(an);
        attrList.push({ name: an, value: decode(raw, pos + 1), line: where(attrPos).line });
        pos = end + 1;
      }
      const scope = Object.assign({}, nsStack[nsStack.length - 1]);
      for (const a of attrList) {
        if (a.name === "xmlns") scope[""] = a.value;
        else if (a.name.startsWith("xmlns:")) scope[a.name.slice(6)] = a.value;
      }
      const colon = name.indexOf(":");
      const prefix = colon >= 0 ? name.slice(0, colon) : null;
      const local = colon >= 0 ? name.slice(colon + 1) : name;
      const ns = prefix === null ? (scope[""] ?? null) : scope[prefix];
      if (prefix !== null && ns === undefined) fail(`namespace prefix '${prefix}' of <${name}> is not declared`, tagPos);
      for (const a of attrList) {
        const c = a.name.indexOf(":");
        if (c >= 0) {
          const p = a.name.slice(0, c);
          if (p !== "xmlns" && scope[p] === undefined) fail(`namespace prefix '${p}' of attribute ${a.name} is not declared`, tagPos);
        }
      }
      const { line, col } = where(tagPos);
      /** @type {XmlElement} */
      const el = {
        name,
        prefix,
        local,
        ns,
        attrs: Object.fromEntries(attrList.map((a) => [a.name, a.value])),
        attrList,
        children: [],
        text: "",
        parent: stack.length ? stack[stack.length - 1] : null,
        line,
        column: col,
        nsScope: scope,
      };
      if (el.parent) el.parent.children.push(el);
      else root = el;
      if (!selfClosing) {
        stack.push(el);
        nsStack.push(scope);
      }
    } else {
      const next = src.indexOf("<", pos);
      const end = next < 0 ? src.length : next;
      const raw = src.slice(pos, end);
      if (!stack.length) {
        if (raw.trim()) fail("text outside the root element");
      } else {
        if (raw.includes("]]>")) fail("']]>' is not allowed in text", pos + raw.indexOf("]]>"));
        stack[stack.length - 1].text += decode(raw, pos);
      }
      pos = end;
    }
  }
  if (stack.length) fail(`<${stack[stack.length - 1].name}> opened on line ${stack[stack.length - 1].line} is never closed`);
  if (!root) fail("no root element");
  skipMisc(false);
  if (pos < src.length) fail("content after the root element");
  return { root };
}

/** Depth-first list of all elements under (and including) el. */
function allElements(el) {
  const out = [];
  (function walk(e) {
    out.push(e);
    for (const c of e.children) walk(c);
  })(el);
  return out;
}

/** Resolves a QName value such as xsi:type="bt:Foo" against the element's in-scope namespaces. */
function resolveQName(el, qname) {
  const c = qname.indexOf(":");
  const prefix = c >= 0 ? qname.slice(0, c) : "";
  return { ns: el.nsScope[prefix] ?? null, local: c >= 0 ? qname.slice(c + 1) : qname };
}

module.exports = { parseXml, allElements, resolveQName, XmlError };
