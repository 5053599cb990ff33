import type ExcelJS from "exceljs";
import { Finding, ruleName, SEVERITY_NAMES } from "../core/findings";
import { expectedText, indicatorName, REPORT_COLUMNS } from "../core/report";
import { Lang } from "../core/i18n";
import { a1, parseA1 } from "../core/sheet/a1";
import { severityFill } from "./severity-style";
import { internalLink } from "./sheet-names";
import { writeText } from "./text-cell";

const COLUMNS = REPORT_COLUMNS;

/** Numbers and booleans stay typed (they cannot be formulas); every string goes through writeText. */
function writeScalar(cell: ExcelJS.Cell, v: string | number | boolean | null | undefined): void {
  if (typeof v === "number" || typeof v === "boolean") cell.value = v;
  else writeText(cell, v ?? "");
}

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

/** Fills the (new, empty) report sheet: one row per finding, header bold and frozen, filter on. */
export function fillReportSheet(ws: ExcelJS.Worksheet, findings: readonly Finding[], lang: Lang): void {
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
    const sev = row.getCell(1);
    writeText(sev, SEVERITY_NAMES[f.severity][lang]);
    sev.fill = severityFill(f.severity);
    writeText(row.getCell(2), ruleName(f.rule, lang));
    writeText(row.getCell(3), f.sheet);
    const where = row.getCell(4);
    writeText(where, f.cell ?? "");
    const target = f.cell ? linkTarget(f.sheet, f.cell) : null;
    if (f.cell && target) {
      // The displayed text is our own A1 address; the sheet name only goes into the link target.
      where.value = { text: f.cell, hyperlink: target, tooltip: `${f.sheet}!${f.cell}` };
      where.font = { color: { argb: "FF0563C1" }, underline: true };
    }
    writeText(row.getCell(5), f.unit ?? "");
    writeText(row.getCell(6), indicatorName(f.indicator, lang));
    writeScalar(row.getCell(7), f.value);
    const expected = row.getCell(8);
    if (f.expected === undefined) writeText(expected, "");
    else if (typeof f.expected === "number") expected.value = f.expected;
    else writeText(expected, String(expectedText(f.expected)));
    const msg = row.getCell(9);
    writeText(msg, f.message[lang]);
    msg.alignment = { wrapText: true, vertical: "top" };
  });
}
