import { ByteTools } from "./byte-tools";
import { CONTENT_TYPE, PackageEdit, REL } from "./package-edit";
import { XmlCursor } from "./xml";
import { appendToList, applyInsertions, Child, childrenOf, escapeXml, findRoot, Insertion, Root } from "./xml-edit";

/** CT_Stylesheet's sequence (ECMA-376 Part 1 §18.8.39): where a missing list is created. */
const STYLESHEET_ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];

/** Built-in number format 49 is Text ("@"), ECMA-376 Part 1 §18.8.30. */
export const TEXT_FORMAT_ID = 49;

const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  "</styleSheet>";

export interface XfSpec {
  numFmtId: number;
  fontId?: number;
  fillId?: number;
  /** Wrapped text aligned to the top (long messages). */
  wrap?: boolean;
}

type Make = (prefix: string) => string;

/**
 * Additions to the styles part: new fonts, fills, number formats, cell formats (cellXfs) and differential formats
 * (dxfs, for conditional formats). Each list gets our entries at its end, so every index the workbook already
 * uses keeps meaning what it meant; only the lists' count attributes change.
 */
export class StylesEdit {
  private readonly pending = new Map<string, Make[]>();
  private readonly existing = new Map<string, number>();
  private nextNumFmt: number;
  private readonly numFmtIds = new Map<string, number>();
  private readonly hasStyleXf: boolean;

  private constructor(
    private readonly edit: PackageEdit,
    private readonly path: string,
    private readonly src: string,
    private readonly root: Root,
    private readonly children: Child[],
    tools: ByteTools,
  ) {
    let maxFmt = 163; // custom formats start at 164
    for (const c of children) {
      const items = itemsOf(src, c, root, tools);
      this.existing.set(c.name, items.length);
      if (c.name === "numFmts") {
        for (const it of items) {
          const x = new XmlCursor(src, tools);
          x.pos = it.start;
          x.next();
          const id = Number(x.asciiAttr("numFmtId"));
          const code = x.attr("formatCode");
          if (Number.isFinite(id)) maxFmt = Math.max(maxFmt, id);
          if (code !== null && Number.isFinite(id) && !this.numFmtIds.has(code)) this.numFmtIds.set(code, id);
        }
      }
    }
    this.nextNumFmt = maxFmt + 1;
    this.hasStyleXf = (this.existing.get("cellStyleXfs") ?? 0) > 0;
  }

  /** The workbook's styles part, or a minimal one made and related to the workbook when it has none. */
  static async open(edit: PackageEdit, workbookPath: string, stylesPath: string | null): Promise<StylesEdit> {
    let path = stylesPath;
    if (path === null) {
      const dir = workbookPath.slice(0, workbookPath.lastIndexOf("/") + 1);
      path = edit.has(`${dir}styles.xml`) ? edit.freeName(`${dir}styles`, ".xml") : `${dir}styles.xml`;
      await edit.add(path, MINIMAL_STYLES, CONTENT_TYPE.styles);
      await edit.addRelationship(workbookPath, REL.styles, path);
    }
    const src = (await edit.text(path)) ?? MINIMAL_STYLES;
    const root = findRoot(src, edit.tools);
    if (!root || root.closeStart < 0) throw new Error("styles part without a root element");
    return new StylesEdit(edit, path, src, root, childrenOf(src, root, edit.tools), edit.tools);
  }

  private push(list: string, make: Make): number {
    const queue = this.pending.get(list) ?? [];
    this.pending.set(list, queue);
    queue.push(make);
    return (this.existing.get(list) ?? 0) + queue.length - 1;
  }

  /** A differential format that only fills (what our conditional formats show), ARGB colour. */
  dxfFill(argb: string): number {
    return this.push("dxfs", (p) => `<${p}dxf><${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb}"/><${p}bgColor rgb="${argb}"/></${p}patternFill></${p}fill></${p}dxf>`);
  }

  solidFill(argb: string): number {
    return this.push("fills", (p) => `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`);
  }

  font(opts: { bold?: boolean; underline?: boolean; argb?: string }): number {
    return this.push("fonts", (p) => {
      const parts = [opts.bold ? `<${p}b/>` : "", opts.underline ? `<${p}u/>` : "", `<${p}sz val="11"/>`, opts.argb ? `<${p}color rgb="${opts.argb}"/>` : ""];
      return `<${p}font>${parts.join("")}</${p}font>`;
    });
  }

  /** The id of a number format code: the workbook's own when it has the code, else a new custom one. */
  numFmt(code: string): number {
    const known = this.numFmtIds.get(code);
    if (known !== undefined) return known;
    const id = this.nextNumFmt++;
    this.numFmtIds.set(code, id);
    this.push("numFmts", (p) => `<${p}numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    return id;
  }

  xf(spec: XfSpec): number {
    return this.push("cellXfs", (p) => {
      const attrs = [
        `numFmtId="${spec.numFmtId}"`,
        `fontId="${spec.fontId ?? 0}"`,
        `fillId="${spec.fillId ?? 0}"`,
        'borderId="0"',
        this.hasStyleXf ? 'xfId="0"' : "",
        'applyNumberFormat="1"',
        spec.fontId !== undefined ? 'applyFont="1"' : "",
        spec.fillId !== undefined ? 'applyFill="1"' : "",
        spec.wrap ? 'applyAlignment="1"' : "",
      ].filter(Boolean);
      const inner = spec.wrap ? `<${p}alignment vertical="top" wrapText="1"/>` : "";
      return inner ? `<${p}xf ${attrs.join(" ")}>${inner}</${p}xf>` : `<${p}xf ${attrs.join(" ")}/>`;
    });
  }

  /** Writes the additions into the package (nothing when none were made). */
  commit(): void {
    if (this.pending.size === 0) return;
    const ins: Insertion[] = [];
    // In schema order, so two lists created at the same place come out in the right order.
    const lists = [...this.pending].sort((a, b) => STYLESHEET_ORDER.indexOf(a[0]) - STYLESHEET_ORDER.indexOf(b[0]));
    for (const [list, makes] of lists) {
      const content = makes.map((m) => m(this.root.prefix)).join("");
      ins.push(...appendToList(this.src, this.root, this.children, STYLESHEET_ORDER, list, content, makes.length));
    }
    this.edit.set(this.path, applyInsertions(this.src, ins));
  }
}

/** The direct children of one list element (the <font>s of <fonts>). */
function itemsOf(src: string, list: Child, root: Root, tools: ByteTools): Child[] {
  if (list.selfClosing) return [];
  const inner: Root = { prefix: root.prefix, openEnd: list.openEnd, closeStart: src.lastIndexOf("</", list.end - 1), selfCloseAt: -1 };
  return childrenOf(src, inner, tools);
}
