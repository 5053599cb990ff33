import { parseXml, allElements } from "../../scripts/lib/xml";

describe("scripts/lib/xml.js (fallback well-formedness parser)", () => {
  test("parses namespaces, attributes, entities, comments and CDATA", () => {
    const { root } = parseXml(
      '<?xml version="1.0" encoding="UTF-8"?>\n<!-- c --><a xmlns="urn:a" xmlns:b="urn:b" x="1 &amp; 2"><b:c y=\'&#x4E2D;\'>t&lt;<![CDATA[<raw>]]></b:c></a>',
    );
    expect(root.local).toBe("a");
    expect(root.ns).toBe("urn:a");
    expect(root.attrs.x).toBe("1 & 2");
    const c = allElements(root)[1];
    expect([c.prefix, c.local, c.ns, c.attrs.y, c.text]).toEqual(["b", "c", "urn:b", "中", "t<<raw>"]);
  });

  test.each([
    ["<a><b></a>", /does not match <b>/],
    ["<a>", /never closed/],
    ['<a x="1" x="2"/>', /duplicate attribute x/],
    ["<a x=1/>", /must be quoted/],
    ["<a>&nbsp;</a>", /undefined entity/],
    ["<p:a/>", /prefix 'p'.*not declared/],
    ["<a/><b/>", /content after the root element/],
    ["text<a/>", /expected the root element/],
    ['<a x="<"/>', /'<' is not allowed/],
    ["<a><!-- a -- b --></a>", /'--' is not allowed/],
  ])("rejects %s", (src, message) => {
    expect(() => parseXml(src)).toThrow(message);
  });
});
