import type ExcelJS from "exceljs";
import { Finding } from "../core/findings";
import { REPORT_CELL_COLUMN, REPORT_COLUMNS, REPORT_EXPLANATION_COLUMN, REPORT_MESSAGE_COLUMN, reportCells } from "../core/report";
import { ExplainedFinding } from "../core/explanations";
import { Lang } from "../core/i18n";
import { a1, parseA1 } from "../core/sheet/a1";
import { severityFill } from "./severity-style";
import { internalLink } from "./sheet-names";
import { writeText } from "./text-cell";

const COLUMNS = REPORT_COLUMNS;

/**
 * The hyperlink's target uses an absolute reference ($C$7). exceljs 4.4 writes a target matching `X!C7` both as
 * an external relationship AND as a `location`, which Excel joins into a broken `#X!C7##X!C7` (exceljs issue
 * #3027); with `$C$7` it writes the relationship only, the `#…` form Excel follows inside the workbook.
 */
function linkTarget(sheet: string, cell: string): string | null {
  const pos = parseA1(cell);
  if (!pos) return null;
  const ref = a1(pos);
  const abs = ref.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
  return internalLink(sheet, abs);
}

/**
 * Fills the (new, empty) report sheet: one row per finding, header bold and frozen, filter on. The cells are the
 * shared report table (core/report.ts): figures as numbers in their sheet's format, every string as text.
 */
export function fillReportSheet(ws: ExcelJS.Worksheet, findings: readonly (Finding | ExplainedFinding)[], lang: Lang): void {
  ws.columns = COLUMNS.map((c) => ({ width: c.width }));
  const header = ws.getRow(1);
  COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    writeText(cell, c[lang]);
    cell.font = { bold: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } };
  });
  ws.views = [{ state: "frozen", xSplit: 0, ySplit: 1, topLeftCell: "A2", activeCell: "A2" }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };

  findings.forEach((f, i) => {
    const row = ws.getRow(i + 2);
    reportCells(f, lang).forEach((c, col) => {
      const cell = row.getCell(col + 1);
      if (typeof c.value === "string") writeText(cell, c.value);
      else {
        // Numbers and booleans stay typed (they cannot be formulas).
        cell.value = c.value;
        if (c.format) cell.numFmt = c.format;
      }
    });
    row.getCell(1).fill = severityFill(f.severity);
    const where = row.getCell(REPORT_CELL_COLUMN + 1);
    const target = f.cell ? linkTarget(f.sheet, f.cell) : null;
    if (f.cell && target) {
      // The displayed text is our own A1 address; the sheet name only goes into the link target.
      where.value = { text: f.cell, hyperlink: target, tooltip: `${f.sheet}!${f.cell}` };
      where.font = { color: { argb: "FF0563C1" }, underline: true };
    }
    for (const col of [REPORT_MESSAGE_COLUMN, REPORT_EXPLANATION_COLUMN]) row.getCell(col + 1).alignment = { wrapText: true, vertical: "top" };
  });
}
