// Types for scripts/lib/xml.js (CommonJS).
export interface XmlElement {
  name: string;
  prefix: string | null;
  local: string;
  ns: string | null;
  attrs: Record<string, string>;
  attrList: { name: string; value: string; line: number }[];
  children: XmlElement[];
  text: string;
  parent: XmlElement | null;
  line: number;
  column: number;
  nsScope: Record<string, string>;
}
export class XmlError extends Error {
  line: number;
  column: number;
}
export function parseXml(src: string): { root: XmlElement };
export function allElements(el: XmlElement): XmlElement[];
export function resolveQName(el: XmlElement, qname: string): { ns: string | null; local: string };
