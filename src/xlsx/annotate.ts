import type ExcelJS from "exceljs";
import { compareFindings, Finding, SEVERITY_NAMES } from "../core/findings";
import { Lang } from "../core/i18n";
import { parseA1 } from "../core/sheet/a1";
import { fromExcelJs } from "./bytes";
import { WorkbookLimits } from "./limits";
import { loadChecked } from "./load";
import { fillReportSheet } from "./report";
import { readExplanations } from "./explanations";
import { attachExplanations, ExplainedFinding } from "../core/explanations";
import { bySeverity, mostSevere, severityFill } from "./severity-style";
import { reportSheetBaseName } from "../app/workbook-style";
import { uniqueSheetName } from "./sheet-names";

/*
 * Why a copy: exceljs drops charts and images (and pivot tables, slicers, threaded comments, anything else it does
 * not model) on a read→write round trip. Writing the marks into the user's own file would silently destroy those,
 * so the annotated workbook is always a new file next to the original. Values and formulas are left as they are:
 * reviewers mark and explain, they never change a submitter's numbers.
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
}

/** Between a note the cell already had and ours, so the submitter's own note is kept and still readable. */
const NOTE_SEPARATOR = "\n—— 校验 / check ——\n";

function findWorksheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  return wb.getWorksheet(name) ?? wb.worksheets.find((ws) => ws.name.toLowerCase() === name.toLowerCase());
}

function existingNoteText(note: ExcelJS.Cell["note"] | undefined): string {
  if (!note) return "";
  if (typeof note === "string") return note;
  return (note.texts ?? []).map((t) => t.text).join("");
}

/** Marks one cell: most severe fill wins, and a note with every message (most severe first). */
function markCell(ws: ExcelJS.Worksheet, address: string, findings: readonly Finding[], lang: Lang): void {
  // A merged area shows its top-left cell's format and note, so that is the one to mark.
  const raw = ws.getCell(address);
  const cell = raw.isMerged ? raw.master : raw;
  const severity = mostSevere(findings.map((f) => f.severity));
  // Replace, never mutate, the style: exceljs shares one style object among all cells loaded with the same style.
  cell.style = { ...cell.style, fill: severityFill(severity) };
  const lines = [...findings]
    .sort((a, b) => bySeverity(a.severity, b.severity))
    .map((f) => `${SEVERITY_NAMES[f.severity][lang]}${lang === "zh" ? "：" : ": "}${f.message[lang]}`);
  const before = existingNoteText(cell.note);
  const text = lines.join("\n");
  cell.note = before ? `${before}${NOTE_SEPARATOR}${text}` : text;
}

/** Groups a sheet's findings by normalised cell address (C7 and $C$7 are one cell); sheet-level ones are left out. */
function byCell(findings: readonly Finding[]): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const f of findings) {
    if (!f.cell) continue;
    const pos = parseA1(f.cell);
    if (!pos) continue;
    const key = f.cell.replace(/\$/g, "").toUpperCase();
    const list = out.get(key);
    if (list) list.push(f);
    else out.set(key, [f]);
  }
  return out;
}

/**
 * Loads the original bytes afresh (the caller's bytes are only read), marks every finding's cell, adds a report
 * sheet listing all findings, and returns the new workbook's bytes.
 */
export async function writeAnnotatedCopy(
  original: Uint8Array | ArrayBuffer,
  results: SheetFindings[],
  options: AnnotateOptions = {},
): Promise<Uint8Array> {
  const lang = options.lang ?? "zh";
  const { wb } = await loadChecked(original, options.limits, options.fileName);

  const sheetOrder = new Map<string, number>();
  const all: Finding[] = [];
  results.forEach((r, i) => {
    if (!sheetOrder.has(r.sheet)) sheetOrder.set(r.sheet, i);
    const ws = findWorksheet(wb, r.sheet);
    if (ws) for (const [address, list] of byCell(r.findings)) markCell(ws, address, list, lang);
    // Findings for a sheet the workbook lacks still go into the report: nothing is dropped silently.
    all.push(...r.findings.map((f) => (f.sheet ? f : { ...f, sheet: r.sheet })));
  });

  // Most severe first, then the sheets in the order given, then top to bottom.
  all.sort(
    (a, b) =>
      bySeverity(a.severity, b.severity) ||
      (sheetOrder.get(a.sheet) ?? 0) - (sheetOrder.get(b.sheet) ?? 0) ||
      compareFindings(a, b),
  );

  const base = options.reportSheetName ?? reportSheetBaseName(lang);
  const name = uniqueSheetName(
    base,
    wb.worksheets.map((ws) => ws.name),
  );
  // 状态 / 核实说明: an explanation the caller attached wins; the others come from the workbook's own store.
  const stored = attachExplanations(all, readExplanations(wb));
  const explained = all.map((f, i) => ((f as ExplainedFinding).explanation ? f : stored[i]));
  fillReportSheet(wb.addWorksheet(name), explained, lang);

  return fromExcelJs(await wb.xlsx.writeBuffer());
}
