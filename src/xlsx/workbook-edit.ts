import { CONTENT_TYPE, PackageEdit, REL } from "./package-edit";
import { XmlCursor } from "./xml";
import { appendToList, applyInsertions, Child, childrenOf, escapeXstring, findRoot, Insertion, Root, utf8Latin1 } from "./xml-edit";

/** CT_Workbook's sequence (ECMA-376 Part 1 §18.2.27): where a missing <definedNames> goes. */
const WORKBOOK_ORDER = [
  "fileVersion", "fileSharing", "workbookPr", "workbookProtection", "bookViews", "sheets", "functionGroups",
  "externalReferences", "definedNames", "calcPr", "oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr",
  "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst",
];

const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export interface BookSheet {
  name: string;
  state: "visible" | "hidden" | "veryHidden";
  /** The sheet's part, null when its relationship is missing. */
  path: string | null;
  kind: "worksheet" | "other";
}

/**
 * workbook.xml as the annotated copy changes it: new <sheet> entries at the end of <sheets> (so every existing
 * sheet keeps its position, and with it every sheet-local name's localSheetId) and new defined names at the end
 * of <definedNames>. The part is rewritten once, by commit().
 */
export class WorkbookEdit {
  private readonly newSheets: string[] = [];
  private readonly newNames: string[] = [];

  private constructor(
    private readonly edit: PackageEdit,
    readonly path: string,
    private readonly src: string,
    private readonly root: Root,
    private readonly children: Child[],
    readonly sheets: BookSheet[],
    private maxSheetId: number,
    readonly stylesPath: string | null,
    readonly sharedStringsPath: string | null,
    readonly date1904: boolean,
  ) {}

  /** Null when the package has no workbook part. */
  static async open(edit: PackageEdit): Promise<WorkbookEdit | null> {
    const office = (await edit.relationships("")).find((r) => !r.external && r.type.endsWith("/officeDocument") && edit.has(r.target));
    const path = office?.target ?? (edit.has("xl/workbook.xml") ? "xl/workbook.xml" : null);
    if (path === null) return null;
    const src = await edit.text(path);
    if (src === null) return null;
    const root = findRoot(src, edit.tools);
    if (!root || root.closeStart < 0) return null;
    const rels = await edit.relationships(path);
    const sheets: BookSheet[] = [];
    let maxSheetId = 0;
    let date1904 = false;
    const x = new XmlCursor(src, edit.tools);
    while (x.next()) {
      if (x.closing) continue;
      if (x.is("workbookPr")) {
        const v = x.asciiAttr("date1904");
        date1904 = v === "1" || v === "true";
      } else if (x.is("sheet")) {
        const rel = rels.find((r) => r.id === x.attr("id") && !r.external);
        const state = x.asciiAttr("state");
        maxSheetId = Math.max(maxSheetId, Number(x.asciiAttr("sheetId")) || 0);
        sheets.push({
          name: x.attr("name") ?? "",
          state: state === "hidden" || state === "veryHidden" ? state : "visible",
          path: rel && edit.has(rel.target) ? rel.target : null,
          kind: rel?.type.endsWith("/worksheet") ? "worksheet" : "other",
        });
      }
    }
    const find = (suffix: string, fallback: string): string | null => {
      const rel = rels.find((r) => !r.external && r.type.endsWith(`/${suffix}`) && edit.has(r.target));
      return rel ? rel.target : edit.has(fallback) ? fallback : null;
    };
    const children = childrenOf(src, root, edit.tools);
    return new WorkbookEdit(edit, path, src, root, children, sheets, maxSheetId, find("styles", "xl/styles.xml"), find("sharedStrings", "xl/sharedStrings.xml"), date1904);
  }

  /** Every sheet name, ours included, for picking a free one. */
  names(): string[] {
    return this.sheets.map((s) => s.name);
  }

  /** A new worksheet part with its relationship and <sheet> entry; returns its position (localSheetId). */
  async addSheet(name: string, xml: string, state: "visible" | "veryHidden"): Promise<number> {
    const dir = this.path.slice(0, this.path.lastIndexOf("/") + 1);
    const part = this.edit.freeName(`${dir}worksheets/sheet`, ".xml");
    await this.edit.add(part, utf8Latin1(xml), CONTENT_TYPE.worksheet);
    const id = await this.edit.addRelationship(this.path, REL.worksheet, part);
    this.maxSheetId += 1;
    const st = state === "visible" ? "" : ` state="${state}"`;
    const p = this.root.prefix;
    this.newSheets.push(`<${p}sheet xmlns:r="${R_NS}" name="${escapeXstring(name)}" sheetId="${this.maxSheetId}"${st} r:id="${id}"/>`);
    this.sheets.push({ name, state: state === "visible" ? "visible" : "veryHidden", path: part, kind: "worksheet" });
    return this.sheets.length - 1;
  }

  /** A hidden, sheet-local name (what Excel writes for an AutoFilter: _xlnm._FilterDatabase). */
  addLocalName(name: string, sheetIndex: number, formula: string): void {
    const p = this.root.prefix;
    this.newNames.push(`<${p}definedName name="${name}" localSheetId="${sheetIndex}" hidden="1">${escapeXstring(formula)}</${p}definedName>`);
  }

  commit(): void {
    const ins: Insertion[] = [];
    if (this.newSheets.length > 0) {
      const sheets = this.children.find((c) => c.name === "sheets");
      if (!sheets || sheets.selfClosing) throw new Error("workbook.xml without a <sheets> list");
      ins.push({ at: this.src.lastIndexOf("</", sheets.end - 1), text: utf8Latin1(this.newSheets.join("")) });
    }
    if (this.newNames.length > 0) {
      // definedNames has no count attribute; appendToList finds none to raise.
      ins.push(...appendToList(this.src, this.root, this.children, WORKBOOK_ORDER, "definedNames", utf8Latin1(this.newNames.join("")), 0));
    }
    if (ins.length > 0) this.edit.set(this.path, applyInsertions(this.src, ins));
  }
}
