import { Finding, Severity, SEVERITIES } from "../core/findings";
import { Lang } from "../core/i18n";
import { columnLetters, parseA1 } from "../core/sheet/a1";
import { MergedRange } from "../core/sheet/types";
import { cellAreas, normalizeCell, parseArea } from "../app/addresses";
import { MARK_TAG, markFormula, planMarks } from "../app/marks";
import { isOurNote, MAX_NOTES, noteText } from "../app/notes";
import { CONTENT_TYPE, PackageEdit, REL } from "./package-edit";
import { readStringItem, XmlCursor } from "./xml";
import { appendToRoot } from "./package-edit";
import { applyInsertions, Child, childrenOf, escapeXml, escapeXstring, findRoot, Insertion, insertionPoint, Root, utf8Latin1 } from "./xml-edit";

/** CT_Worksheet's sequence (ECMA-376 Part 1 §18.3.1.99): where new children go. */
const WORKSHEET_ORDER = [
  "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection",
  "protectedRanges", "scenarios", "autoFilter", "sortState", "dataConsolidate", "customSheetViews", "mergeCells",
  "phoneticPr", "conditionalFormatting", "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup",
  "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing",
  "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts",
  "extLst",
];

const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
/** The author of our notes; Excel shows it in the note's header line on some versions. */
export const NOTE_AUTHOR = "招商统计助手";

export interface MarkStyles {
  /** dxf index per severity, in the workbook's styles part. */
  dxf: Record<Severity, number>;
}

/** The top-left cell of the merged area holding `cell` (a merged area shows only that cell's format and note). */
function mergedTopLeft(cell: string, merges: readonly MergedRange[]): string {
  const pos = parseA1(cell);
  if (!pos) return cell;
  for (const m of merges) {
    if (pos.row >= m.top && pos.row <= m.bottom && pos.col >= m.left && pos.col <= m.right) return `${columnLetters(m.left)}${m.top + 1}`;
  }
  return cell;
}

function mergesOf(src: string, children: readonly Child[], edit: PackageEdit): MergedRange[] {
  const list = children.find((c) => c.name === "mergeCells");
  if (!list) return [];
  const out: (MergedRange | null)[] = [];
  const x = new XmlCursor(src.slice(list.start, list.end), edit.tools);
  while (x.next()) if (!x.closing && x.is("mergeCell")) out.push(parseArea(x.asciiAttr("ref") ?? ""));
  return out.filter((m): m is MergedRange => m !== null);
}

/** The largest priority any conditional format rule of the sheet has (extensions included). */
function maxPriority(src: string, from: number): number {
  let max = 0;
  const re = /<(?:[A-Za-z0-9_]+:)?cfRule\b[^>]*?\spriority\s*=\s*"(\d+)"/g;
  re.lastIndex = from;
  for (let m = re.exec(src); m; m = re.exec(src)) max = Math.max(max, Number(m[1]));
  return max;
}

/**
 * Marks one worksheet: a conditional format per severity over the findings' cells (the look and the formula of
 * the Excel add-in's marks, src/excel/marks.ts, so clearing them there works on a copy too) and a note on each
 * flagged cell that has none yet. Everything is inserted; the sheet's own cells, formats and notes are untouched.
 */
export async function markSheet(
  edit: PackageEdit,
  sheetPath: string,
  sheetName: string,
  findings: readonly Finding[],
  lang: Lang,
  styles: MarkStyles,
  vmlBlock: number,
): Promise<void> {
  const src = await edit.text(sheetPath);
  if (src === null) return;
  const root = findRoot(src, edit.tools);
  if (!root || root.closeStart < 0) return;
  const children = childrenOf(src, root, edit.tools, "sheetData");
  const merges = mergesOf(src, children, edit);
  const moved = findings.map((f) => (f.cell ? { ...f, cell: mergedTopLeft(normalizeCell(f.cell) ?? f.cell, merges) } : f));
  const plan = planMarks(sheetName, moved);
  // Marks of an earlier check (the file is itself an annotated copy) are ours to remove, as the add-in's clearing
  // does: they would show findings that may be gone. The user's own conditional formats are never touched.
  const stale = children.filter((c) => c.name === "conditionalFormatting" && src.slice(c.start, c.end).includes(MARK_TAG));
  if (plan.cells.size === 0 && stale.length === 0) return;

  const p = root.prefix;
  const ins: Insertion[] = stale.map((c) => ({ at: c.start, replace: c.end - c.start, text: "" }));
  if (plan.cells.size === 0) {
    edit.set(sheetPath, applyInsertions(src, ins));
    return;
  }
  const tail = children.find((c) => c.name === "sheetData")?.end ?? root.openEnd;
  let priority = maxPriority(src, tail);
  const byCell = new Map<Severity, { row: number; col: number }[]>(SEVERITIES.map((s) => [s, []]));
  for (const [cell, list] of plan.cells) {
    const pos = parseA1(cell);
    if (pos) byCell.get(list[0].severity)?.push(pos);
  }
  let cf = "";
  for (const s of SEVERITIES) {
    const cells = byCell.get(s) ?? [];
    if (cells.length === 0) continue;
    // After the user's own rules (priority numbers are only ever added, never changed): one mark per cell, so ours
    // never compete with each other.
    priority += 1;
    const formula = escapeXml(markFormula(s).slice(1));
    cf +=
      `<${p}conditionalFormatting sqref="${cellAreas(cells).join(" ")}"><${p}cfRule type="expression" dxfId="${styles.dxf[s]}" priority="${priority}">` +
      `<${p}formula>${formula}</${p}formula></${p}cfRule></${p}conditionalFormatting>`;
  }
  ins.push({ at: insertionPoint(children, root, WORKSHEET_ORDER, "conditionalFormatting"), text: cf });

  const legacy = await addNotes(edit, sheetPath, src, root, children, plan.cells, lang, vmlBlock);
  if (legacy) ins.push(legacy);
  edit.set(sheetPath, applyInsertions(src, ins));
}

interface ExistingNote {
  /** Written by us (an earlier check): its text may be replaced by this check's. */
  ours: boolean;
  /** The span of the comment's <text> content. */
  textStart: number;
  textEnd: number;
}

/** Cells that already hold a note: the user's are never changed, ours from an earlier copy get today's text. */
function existingNotes(commentsSrc: string | null, edit: PackageEdit): Map<string, ExistingNote> {
  const out = new Map<string, ExistingNote>();
  if (commentsSrc === null) return out;
  const x = new XmlCursor(commentsSrc, edit.tools);
  let cell: string | null = null;
  while (x.next()) {
    if (x.closing) continue;
    if (x.is("comment")) cell = normalizeCell(x.asciiAttr("ref"));
    else if (x.is("text") && cell !== null) {
      const textStart = x.pos;
      const text = readStringItem(x);
      const textEnd = x.selfClosing ? -1 : commentsSrc.lastIndexOf("</", x.pos - 1);
      out.set(cell, { ours: isOurNote(text) && textEnd >= textStart, textStart, textEnd });
      cell = null;
    }
  }
  return out;
}

function countAuthors(src: string, edit: PackageEdit): number {
  let n = 0;
  const x = new XmlCursor(src, edit.tools);
  while (x.next()) if (!x.closing && x.is("author")) n++;
  return n;
}

const SHAPETYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">' +
  '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

/** A note's box, as Excel draws it: hidden until the mouse is over the cell, anchored beside the cell. */
function noteShape(id: number, row: number, col: number, z: number): string {
  const anchor = `${col + 1}, 15, ${Math.max(0, row - 1)}, 10, ${col + 4}, 15, ${row + 4}, 4`;
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:200pt;height:80pt;z-index:${z};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor><x:AutoFill>False</x:AutoFill>` +
    `<x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`
  );
}

/**
 * Our notes go into the sheet's comments part and its VML drawing (Excel needs both for a note to show), each
 * created when the sheet has none. Returns the <legacyDrawing> to insert into the sheet when the drawing is new.
 */
async function addNotes(
  edit: PackageEdit,
  sheetPath: string,
  sheetSrc: string,
  root: Root,
  children: readonly Child[],
  cells: Map<string, Finding[]>,
  lang: Lang,
  vmlBlock: number,
): Promise<Insertion | null> {
  const rels = await edit.relationships(sheetPath);
  const commentsRel = rels.find((r) => !r.external && r.type === REL.comments);
  const legacyChild = children.find((c) => c.name === "legacyDrawing");
  let vmlPath: string | null = null;
  if (legacyChild) {
    const x = new XmlCursor(sheetSrc.slice(legacyChild.start, legacyChild.end), edit.tools);
    x.next();
    const id = x.attr("id");
    vmlPath = rels.find((r) => r.id === id && !r.external)?.target ?? null;
  }
  const commentsSrc = commentsRel ? await edit.text(commentsRel.target) : null;
  const existing = existingNotes(commentsSrc, edit);
  const toNote = [...cells].filter(([cell]) => !existing.has(cell)).slice(0, MAX_NOTES);
  const renote = [...cells].filter(([cell]) => existing.get(cell)?.ours);
  if (toNote.length === 0 && renote.length === 0) return null;

  // The comments part.
  const noteRun = (list: Finding[], p: string): string => `<${p}r><${p}t xml:space="preserve">${escapeXstring(noteText(list, lang))}</${p}t></${p}r>`;
  const comment = (cell: string, list: Finding[], author: number, p: string): string =>
    `<${p}comment ref="${cell}" authorId="${author}"><${p}text>${noteRun(list, p)}</${p}text></${p}comment>`;
  if (commentsRel && commentsSrc !== null) {
    const croot = findRoot(commentsSrc, edit.tools);
    if (!croot || croot.closeStart < 0) return null;
    const cp = croot.prefix;
    const ins: Insertion[] = renote.map(([cell, list]) => {
      const note = existing.get(cell) as ExistingNote;
      return { at: note.textStart, replace: note.textEnd - note.textStart, text: utf8Latin1(noteRun(list, cp)) };
    });
    if (toNote.length === 0) {
      edit.set(commentsRel.target, applyInsertions(commentsSrc, ins));
      return null;
    }
    const author = countAuthors(commentsSrc, edit);
    const authorsEnd = commentsSrc.indexOf(`</${cp}authors>`);
    const authorXml = `<${cp}author>${utf8Latin1(NOTE_AUTHOR)}</${cp}author>`;
    if (authorsEnd >= 0) ins.push({ at: authorsEnd, text: authorXml });
    else {
      const empty = commentsSrc.indexOf(`<${cp}authors/>`);
      if (empty < 0) return null;
      ins.push({ at: empty + `<${cp}authors`.length, replace: 2, text: `>${authorXml}</${cp}authors>` });
    }
    const listEnd = commentsSrc.indexOf(`</${cp}commentList>`);
    const notes = utf8Latin1(toNote.map(([cell, list]) => comment(cell, list, author, cp)).join(""));
    if (listEnd >= 0) ins.push({ at: listEnd, text: notes });
    else {
      const empty = commentsSrc.indexOf(`<${cp}commentList/>`);
      if (empty < 0) return null;
      ins.push({ at: empty + `<${cp}commentList`.length, replace: 2, text: `>${notes}</${cp}commentList>` });
    }
    edit.set(commentsRel.target, applyInsertions(commentsSrc, ins));
  } else {
    const folder = sheetPath.slice(0, sheetPath.lastIndexOf("/"));
    const base = folder.slice(0, folder.lastIndexOf("/") + 1);
    const path = edit.freeName(`${base}comments`, ".xml");
    const xml =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN_NS}"><authors><author>${NOTE_AUTHOR}</author></authors><commentList>` +
      toNote.map(([cell, list]) => comment(cell, list, 0, "")).join("") +
      "</commentList></comments>";
    await edit.add(path, utf8Latin1(xml), CONTENT_TYPE.comments);
    await edit.addRelationship(sheetPath, REL.comments, path);
  }

  // The VML drawing: a hidden box per note.
  const shapes = (first: number): string =>
    toNote
      .map(([cell], i) => {
        const pos = parseA1(cell) ?? { row: 0, col: 0 };
        return noteShape(first + i, pos.row, pos.col, i + 1);
      })
      .join("");
  const vmlSrc = vmlPath ? await edit.text(vmlPath) : null;
  if (vmlPath && vmlSrc !== null) {
    let maxId = 0;
    for (const m of vmlSrc.matchAll(/_x0000_s(\d+)/g)) maxId = Math.max(maxId, Number(m[1]));
    const first = maxId > 0 ? maxId + 1 : vmlBlock * 1024 + 1;
    const type = vmlSrc.includes('id="_x0000_t202"') ? "" : SHAPETYPE;
    edit.set(vmlPath, appendToRoot(vmlSrc, edit.tools, () => type + shapes(first)));
    return null;
  }
  const folder = sheetPath.slice(0, sheetPath.lastIndexOf("/"));
  const base = folder.slice(0, folder.lastIndexOf("/") + 1);
  const path = edit.freeName(`${base}drawings/vmlDrawing`, ".vml");
  const vml =
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${vmlBlock}"/></o:shapelayout>${SHAPETYPE}${shapes(vmlBlock * 1024 + 1)}</xml>`;
  edit.addUnlisted(path, vml);
  await edit.ensureDefault("vml", CONTENT_TYPE.vml);
  const id = await edit.addRelationship(sheetPath, REL.vmlDrawing, path);
  if (legacyChild) return null; // a drawing the sheet names but the package lacks: leave the sheet as it is
  return {
    at: insertionPoint(children, root, WORKSHEET_ORDER, "legacyDrawing"),
    text: `<${root.prefix}legacyDrawing xmlns:r="${R_NS}" r:id="${id}"/>`,
  };
}
