import { compareFindings, Finding, Severity } from "../core/findings";
import { bySeverity, reportSheetBaseName } from "../app/workbook-style";
import {
  REPORT_CELL_COLUMN,
  REPORT_COLUMNS,
  REPORT_EXPLANATION_COLUMN,
  REPORT_LEGACY_COLUMNS,
  REPORT_MESSAGE_COLUMN,
  ReportScalar,
  reportCells,
} from "../core/report";
import { Lang } from "../core/i18n";
import { uniqueSheetName } from "../app/sheet-names";
import { normalizeCell, sheetReference } from "../app/addresses";
import { withEventsSuspended } from "./batch";
import { SEVERITY_FILL } from "../app/marks";
import { queueSheetProtection, queueWorkbookProtection } from "./protection";
import { payloadBytes } from "./read";
import { Requirements } from "./requirements";

/**
 * The 校验结果 report sheet, with the columns of the .xlsx adapter's report (src/xlsx/report.ts; a test checks they
 * match), so a reviewer sees the same table whether the workbook was checked in Excel or by zs-check.
 */
export { REPORT_COLUMNS };

const CELL_COLUMN = REPORT_CELL_COLUMN;
const MESSAGE_COLUMN = REPORT_MESSAGE_COLUMN;
/** Points per character of column width, for Calibri/等线 11 (Excel's default 8.43 characters are 48 points). */
const POINTS_PER_CHAR = 5.7;
/** Written value matrices above this many bytes (as JSON) go in several requests: the web caps one at 5 MB. */
export const MAX_WRITE_BYTES = 3_000_000;

export { reportSheetBaseName };

type Scalar = ReportScalar;

export interface ReportTable {
  header: string[];
  /** One row per finding, most severe first. */
  rows: Scalar[][];
  /**
   * "@" (text) for every string cell, so that workbook text such as "=HYPERLINK(…)" is never parsed as a formula;
   * a figure gets the format its sheet prints it with (a rate 0.5939 under "0.00%" reads 59.39%).
   */
  formats: string[][];
  /** Data-row index (0-based) → the finding's sheet and cell, for the 单元格 hyperlink. */
  links: { row: number; sheet: string; cell: string }[];
  /** Consecutive data rows of one severity, for the severity column's fill. */
  blocks: { severity: Severity; first: number; count: number }[];
}

/** The report as plain data (pure; the writer below only copies it into the sheet). */
export function reportTable(findings: readonly Finding[], lang: Lang): ReportTable {
  const sheetOrder = new Map<string, number>();
  for (const f of findings) if (!sheetOrder.has(f.sheet)) sheetOrder.set(f.sheet, sheetOrder.size);
  const sorted = [...findings].sort(
    (a, b) =>
      bySeverity(a.severity, b.severity) ||
      (sheetOrder.get(a.sheet) ?? 0) - (sheetOrder.get(b.sheet) ?? 0) ||
      compareFindings(a, b),
  );
  const rows: Scalar[][] = [];
  const formats: string[][] = [];
  const links: ReportTable["links"] = [];
  const blocks: ReportTable["blocks"] = [];
  sorted.forEach((f, i) => {
    const cells = reportCells(f, lang);
    rows.push(cells.map((c) => c.value));
    formats.push(cells.map((c) => (typeof c.value === "string" ? "@" : (c.format ?? "General"))));
    const cell = normalizeCell(f.cell);
    if (cell) links.push({ row: i, sheet: f.sheet, cell });
    const last = blocks[blocks.length - 1];
    if (last && last.severity === f.severity) last.count++;
    else blocks.push({ severity: f.severity, first: i, count: 1 });
  });
  return { header: REPORT_COLUMNS.map((c) => c[lang]), rows, formats, links, blocks };
}

/** Row slices whose values stay under `maxBytes` as JSON (values and formats), at least one row each. */
export function rowSlices(rows: readonly Scalar[][], maxBytes = MAX_WRITE_BYTES): { first: number; count: number }[] {
  const out: { first: number; count: number }[] = [];
  let first = 0;
  let bytes = 0;
  rows.forEach((row, i) => {
    // Bytes as on the wire (Chinese counted as escapes, read.ts), ~10 per cell for the numberFormat matrix, +200
    // for the row's hyperlink: a report of long Chinese messages must stay under the web's 5 MB too.
    const size = payloadBytes(row) + 10 * row.length + 200;
    if (i > first && bytes + size > maxBytes) {
      out.push({ first, count: i - first });
      first = i;
      bytes = 0;
    }
    bytes += size;
  });
  if (rows.length > first) out.push({ first, count: rows.length - first });
  return out;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Our header row, or the shorter one of reports written before 状态 and 核实说明 were added. */
function isOurHeader(values: unknown[][] | undefined): boolean {
  const row = values?.[0] ?? [];
  return (["zh", "en"] as const).some((lang) => REPORT_COLUMNS.slice(0, REPORT_LEGACY_COLUMNS).every((c, i) => row[i] === c[lang]));
}

function queueRows(ws: Excel.Worksheet, table: ReportTable, first: number, count: number): void {
  const range = ws.getRangeByIndexes(1 + first, 0, count, REPORT_COLUMNS.length);
  // Text format first, then the values, in the same request: commands run in order, so "=HYPERLINK(…)" arrives
  // in a cell that is already text and stays the string it was.
  range.numberFormat = table.formats.slice(first, first + count);
  range.values = table.rows.slice(first, first + count);
  for (const link of table.links) {
    if (link.row < first || link.row >= first + count) continue;
    ws.getCell(1 + link.row, CELL_COLUMN).hyperlink = {
      documentReference: sheetReference(link.sheet, link.cell),
      textToDisplay: link.cell,
      screenTip: `${link.sheet}!${link.cell}`,
    };
  }
}

function queueLayout(ws: Excel.Worksheet, table: ReportTable): void {
  const header = ws.getRangeByIndexes(0, 0, 1, REPORT_COLUMNS.length);
  header.numberFormat = [table.header.map(() => "@")];
  header.values = [table.header];
  header.format.font.bold = true;
  header.format.fill.color = "#F2F2F2";
  REPORT_COLUMNS.forEach((c, i) => {
    ws.getRangeByIndexes(0, i, 1, 1).format.columnWidth = Math.round(c.width * POINTS_PER_CHAR);
  });
  for (const b of table.blocks) ws.getRangeByIndexes(1 + b.first, 0, b.count, 1).format.fill.color = SEVERITY_FILL[b.severity];
  if (table.rows.length > 0) {
    for (const col of [MESSAGE_COLUMN, REPORT_EXPLANATION_COLUMN]) {
      const wrapped = ws.getRangeByIndexes(1, col, table.rows.length, 1);
      wrapped.format.wrapText = true;
      wrapped.format.verticalAlignment = "Top";
    }
  }
  ws.freezePanes.freezeRows(1);
  ws.activate();
}

/**
 * (Re)writes the report sheet. A sheet of that name that is ours (its first row is our header) is cleared and
 * reused; one that is the user's own is left alone and the report goes to "校验结果(2)" (reused the same way next
 * time). Requests: the sheet list, the candidates' header rows (only when one exists), then the whole table as one
 * matrix (more requests only for a report over the payload limit: thousands of findings with long messages).
 */
export async function writeReportSheet(context: Excel.RequestContext, req: Requirements, findings: readonly Finding[], lang: Lang): Promise<string> {
  const table = reportTable(findings, lang);
  const base = reportSheetBaseName(lang);
  return withEventsSuspended(context, req, async (events) => {
    const sheets = context.workbook.worksheets;
    sheets.load("name");
    const canAddSheet = queueWorkbookProtection(context);
    await context.sync();
    const names = sheets.items.map((s) => s.name);
    // Ours is "校验结果" or, when the user has a sheet of that name, "校验结果(2)" …: recognised by its header row.
    const pattern = new RegExp(`^${escapeRegExp(base)}(\\(\\d+\\))?$`, "i");
    const candidates = sheets.items
      .filter((s) => pattern.test(s.name))
      .map((sheet) => {
        const head = sheet.getRangeByIndexes(0, 0, 1, REPORT_COLUMNS.length);
        head.load("values");
        return { sheet, head, writable: queueSheetProtection(sheet, sheet.name) };
      });
    if (candidates.length > 0) await context.sync();
    const ours = candidates.find((c) => isOurHeader(c.head.values));

    let ws: Excel.Worksheet;
    let name: string;
    if (ours) {
      ours.writable();
      ws = ours.sheet;
      name = ours.sheet.name;
      ws.getRange().clear("All");
    } else {
      canAddSheet();
      name = uniqueSheetName(base, names);
      ws = sheets.add(name);
    }

    queueLayout(ws, table);
    const slices = rowSlices(table.rows);
    for (let i = 0; i < slices.length; i++) {
      queueRows(ws, table, slices[i].first, slices[i].count);
      if (i === slices.length - 1) break;
      // Only a report beyond the payload limit gets here: one request per slice is what the limit requires.
      await syncSlice(context);
    }
    events.resume();
    await context.sync();
    return name;
  });
}

async function syncSlice(context: Excel.RequestContext): Promise<void> {
  await context.sync();
}

/**
 * After 清除标记: the report sheet this port wrote is taken back with the marks, so that no report about cleared
 * marks — or an empty one — stays behind. Deleted only while it is still ours (its header row) and covers only the
 * cleared sheets; a report that also lists another sheet still marked is left as it is. Three requests.
 */
export async function removeReportSheet(
  context: Excel.RequestContext,
  name: string,
  clearedSheet: string | undefined,
): Promise<boolean> {
  const ws = context.workbook.worksheets.getItemOrNullObject(name);
  ws.load("name");
  await context.sync();
  // The user may have deleted or renamed it since.
  if (ws.isNullObject) return false;
  const used = ws.getUsedRangeOrNullObject(true);
  used.load("values");
  await context.sync();
  if (used.isNullObject || !isOurHeader(used.values)) return false;
  if (clearedSheet !== undefined) {
    const cleared = clearedSheet.toLowerCase();
    const others = used.values.slice(1).some((row) => String(row[2] ?? "").toLowerCase() !== cleared);
    if (others) return false;
  }
  ws.delete();
  await context.sync();
  return true;
}
