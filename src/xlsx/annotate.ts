import { compareFindings, Finding, SEVERITIES, Severity } from "../core/findings";
import { Lang } from "../core/i18n";
import { attachExplanations, ExplainedFinding } from "../core/explanations";
import { columnLetters } from "../core/sheet/a1";
import { asUint8Array } from "./bytes";
import { ByteTools } from "./byte-tools";
import { defaultByteTools } from "./byte-tools-node";
import { WorkbookError } from "./errors";
import { ExplanationRecord, explanationsFromGrid } from "./explanations";
import { EXPLANATIONS_SHEET, explanationRows, isExplanationsSheet } from "../app/explanations-sheet";
import { isSettingsSheet, SETTINGS_SHEET, settingsRows } from "../app/settings-sheet";
import { CheckSettings } from "../core/settings";
import { fileLabel } from "./format";
import { WorkbookLimits } from "./limits";
import { WorkbookPackage } from "./package";
import { PackageEdit } from "./package-edit";
import { reportSheet } from "./report";
import { SEVERITY_FILL_ARGB } from "./severity-style";
import { bySeverity } from "../app/workbook-style";
import { readSharedStrings } from "./shared-strings";
import { markSheet } from "./sheet-marks";
import { readSheetPart } from "./sheet-part";
import { reportSheetBaseName } from "../app/workbook-style";
import { uniqueSheetName } from "../app/sheet-names";
import { NewSheet, newSheetXml } from "./sheet-xml";
import { readStyles } from "./styles";
import { StylesEdit, TEXT_FORMAT_ID } from "./styles-edit";
import { XmlCursor } from "./xml";
import { BookSheet, WorkbookEdit } from "./workbook-edit";
import { utf8Latin1 } from "./xml-edit";

/*
 * The annotated copy is the original package plus our additions: every part we do not need is copied byte for
 * byte (compressed as it was), and the parts we touch — the marked sheets, workbook.xml and its relationships,
 * styles, comments and their drawings, [Content_Types].xml — only get insertions. A read→write round trip through
 * a spreadsheet model (exceljs before) lost defined names, protection, quote prefixes, dynamic arrays, external
 * links, extensions, charts, and altered numbers and text; nothing is re-modelled here, so nothing can be lost.
 * Values and formulas are never changed: reviewers mark and explain, they never change a submitter's numbers.
 */

export interface SheetFindings {
  sheet: string;
  findings: Finding[];
}

export interface AnnotateOptions {
  lang?: Lang;
  /** Default "校验结果" ("Check results" when lang is "en"); "(2)", "(3)" … appended when taken. */
  reportSheetName?: string;
  limits?: Partial<WorkbookLimits>;
  fileName?: string;
  /** Inflate/deflate: Node's zlib by default, the browser's streams on the page. */
  byteTools?: ByteTools;
  /**
   * 核实说明 to store in the copy (the full set: they replace the workbook's explanations sheet, which is ours).
   * Absent: the workbook's own explanations sheet is copied as it is.
   */
  explanations?: readonly ExplanationRecord[];
  /** Check settings to store in the copy (they replace the workbook's settings sheet, which is ours). */
  settings?: CheckSettings;
}

function noWorksheets(fileName: string | undefined): WorkbookError {
  const f = fileLabel(fileName);
  return new WorkbookError("no-worksheets", {
    zh: `${f.zh}中没有可读取的工作表，不是 Excel 工作簿`,
    en: `${f.en}has no worksheet that can be read; it is not an Excel workbook`,
  });
}

function findSheet(sheets: readonly BookSheet[], name: string): BookSheet | undefined {
  return sheets.find((s) => s.name === name) ?? sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
}

/** The explanations the workbook already stores (its hidden sheet), read with the reader's own sheet parser. */
async function storedExplanations(pkg: WorkbookPackage, edit: PackageEdit, book: WorkbookEdit, fileName: string | undefined): Promise<ExplanationRecord[]> {
  const ours = book.sheets.find((s) => s.kind === "worksheet" && s.path !== null && isExplanationsSheet(s.name));
  if (!ours) return [];
  const src = await edit.text(ours.path as string);
  if (src === null) return [];
  const ctx = {
    sheetName: ours.name,
    fileName,
    sharedStrings: await readSharedStrings(pkg, book.sharedStringsPath),
    styles: await readStyles(pkg, book.stylesPath),
    date1904: book.date1904,
  };
  return explanationsFromGrid(readSheetPart(new XmlCursor(src, edit.tools), ctx));
}

/**
 * Marks every finding's cell (a conditional format per severity and a note, as the Excel add-in does), adds a
 * report sheet listing all findings, and returns the new workbook's bytes. The caller's bytes are only read.
 */
export async function writeAnnotatedCopy(
  original: Uint8Array | ArrayBuffer,
  results: SheetFindings[],
  options: AnnotateOptions = {},
): Promise<Uint8Array> {
  const lang = options.lang ?? "zh";
  const bytes = asUint8Array(original);
  const tools = options.byteTools ?? defaultByteTools;
  const pkg = WorkbookPackage.open(bytes, options.limits, options.fileName, tools);
  const edit = new PackageEdit(bytes, pkg, tools);
  const book = await WorkbookEdit.open(edit);
  if (!book || !book.sheets.some((s) => s.kind === "worksheet" && s.path !== null)) throw noWorksheets(options.fileName);
  const styles = await StylesEdit.open(edit, book.path, book.stylesPath);
  const stored = options.explanations ? [...options.explanations] : await storedExplanations(pkg, edit, book, options.fileName);

  let dxf: Record<Severity, number> | null = null;
  const sheetOrder = new Map<string, number>();
  const all: Finding[] = [];
  for (const [i, r] of results.entries()) {
    if (!sheetOrder.has(r.sheet)) sheetOrder.set(r.sheet, i);
    const sheet = findSheet(book.sheets, r.sheet);
    if (sheet && sheet.kind === "worksheet" && sheet.path !== null) {
      if (dxf === null && r.findings.some((f) => f.cell)) {
        const ids = {} as Record<Severity, number>;
        for (const s of SEVERITIES) ids[s] = styles.dxfFill(SEVERITY_FILL_ARGB[s]);
        dxf = ids;
      }
      // A VML shape-id block per sheet position, far above the blocks Excel numbers from 1.
      const none = { error: -1, verify: -1, info: -1 }; // no finding with a cell: only old marks are cleared
      await markSheet(edit, sheet.path, sheet.name, r.findings, lang, { dxf: dxf ?? none }, 100 + book.sheets.indexOf(sheet));
    }
    // Findings for a sheet the workbook lacks still go into the report: nothing is dropped silently.
    all.push(...r.findings.map((f) => (f.sheet ? f : { ...f, sheet: r.sheet })));
  }

  // Most severe first, then the sheets in the order given, then top to bottom.
  all.sort(
    (a, b) =>
      bySeverity(a.severity, b.severity) ||
      (sheetOrder.get(a.sheet) ?? 0) - (sheetOrder.get(b.sheet) ?? 0) ||
      compareFindings(a, b),
  );
  // 状态 / 核实说明: an explanation the caller attached wins; the others come from the workbook's own store.
  const withStored = attachExplanations(all, stored);
  const explained = all.map((f, i) => ((f as ExplainedFinding).explanation ? f : withStored[i]));

  const base = options.reportSheetName ?? reportSheetBaseName(lang);
  const name = uniqueSheetName(base, book.names());
  const report = reportSheet(explained, lang, styles);
  const at = await book.addSheet(name, newSheetXml(report), "visible");
  const lastCol = columnLetters(report.rows[0].length - 1);
  book.addLocalName("_xlnm._FilterDatabase", at, `'${name.replace(/'/g, "''")}'!$A$1:$${lastCol}$${report.rows.length}`);

  if (options.explanations) await storeOwnSheet(edit, book, styles, EXPLANATIONS_SHEET, isExplanationsSheet, explanationRows(options.explanations));
  if (options.settings) await storeOwnSheet(edit, book, styles, SETTINGS_SHEET, isSettingsSheet, settingsRows(options.settings));
  styles.commit();
  book.commit();
  return edit.finish();
}

/**
 * Our very hidden sheets (核实说明, settings; their formats are src/app's): the part is rewritten whole, or a very
 * hidden sheet is added. Every field is a text cell with the Text format, so a 说明 starting with "=" or "+" never
 * becomes a formula.
 */
async function storeOwnSheet(
  edit: PackageEdit,
  book: WorkbookEdit,
  styles: StylesEdit,
  name: string,
  isOurs: (name: string) => boolean,
  rows: readonly (readonly string[])[],
): Promise<void> {
  const text = styles.xf({ numFmtId: TEXT_FORMAT_ID });
  const sheet: NewSheet = { rows: rows.map((fields) => fields.map((t) => ({ text: t, style: text }))) };
  const xml = newSheetXml(sheet);
  const ours = book.sheets.find((s) => s.kind === "worksheet" && s.path !== null && isOurs(s.name));
  if (ours) edit.set(ours.path as string, utf8Latin1(xml));
  else await book.addSheet(name, xml, "veryHidden");
}
