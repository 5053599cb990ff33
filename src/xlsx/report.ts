import { Finding, Severity, SEVERITIES } from "../core/findings";
import { REPORT_CELL_COLUMN, REPORT_COLUMNS, REPORT_EXPLANATION_COLUMN, REPORT_MESSAGE_COLUMN, reportCells } from "../core/report";
import { ExplainedFinding } from "../core/explanations";
import { Lang } from "../core/i18n";
import { a1, parseA1 } from "../core/sheet/a1";
import { SEVERITY_FILL_ARGB } from "./severity-style";
import { NewSheet, SheetCell } from "./sheet-xml";
import { StylesEdit, TEXT_FORMAT_ID } from "./styles-edit";

/** What the report needs from the styles part (StylesEdit; anything that hands out style ids). */
export type StyleSink = Pick<StylesEdit, "font" | "solidFill" | "xf" | "numFmt">;

const COLUMNS = REPORT_COLUMNS;
const HEADER_FILL = "FFF2F2F2";
const LINK_COLOUR = "FF0563C1";

/** `'Sheet name'!$C$7`: a hyperlink's location inside the workbook (ECMA-376 Part 1 §18.3.1.47), quotes doubled. */
function location(sheet: string, cell: string): string | null {
  const pos = parseA1(cell);
  if (!pos) return null;
  const abs = a1(pos).replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
  return `'${sheet.replace(/'/g, "''")}'!${abs}`;
}

/** The cell formats the report uses, added once to the workbook's styles. */
class ReportStyles {
  readonly header: number;
  readonly text: number;
  readonly wrapped: number;
  readonly link: number;
  readonly severity: Record<Severity, number>;
  private readonly numbers = new Map<string, number>();

  constructor(private readonly styles: StyleSink) {
    const bold = styles.font({ bold: true });
    this.header = styles.xf({ numFmtId: TEXT_FORMAT_ID, fontId: bold, fillId: styles.solidFill(HEADER_FILL) });
    this.text = styles.xf({ numFmtId: TEXT_FORMAT_ID });
    this.wrapped = styles.xf({ numFmtId: TEXT_FORMAT_ID, wrap: true });
    this.link = styles.xf({ numFmtId: TEXT_FORMAT_ID, fontId: styles.font({ underline: true, argb: LINK_COLOUR }) });
    const severity = {} as Record<Severity, number>;
    for (const s of SEVERITIES) severity[s] = styles.xf({ numFmtId: TEXT_FORMAT_ID, fillId: styles.solidFill(SEVERITY_FILL_ARGB[s]) });
    this.severity = severity;
  }

  /** A figure keeps its sheet's number format (a rate reads 59.39%); General when it has none. */
  number(format: string | null): number {
    const code = format ?? "General";
    let id = this.numbers.get(code);
    if (id === undefined) {
      id = this.styles.xf({ numFmtId: format === null ? 0 : this.styles.numFmt(format) });
      this.numbers.set(code, id);
    }
    return id;
  }
}

/**
 * The 校验结果 sheet: one row per finding, header bold and frozen, filter on, the 单元格 column linking to the cell.
 * The cells are the shared report table (core/report.ts): figures as numbers in their sheet's format, every string
 * as text with the Text format, so nothing from a workbook can become a formula.
 */
export function reportSheet(findings: readonly (Finding | ExplainedFinding)[], lang: Lang, styles: StyleSink): NewSheet {
  const st = new ReportStyles(styles);
  const rows: SheetCell[][] = [COLUMNS.map((c) => ({ text: c[lang], style: st.header }))];
  const links: { ref: string; location: string; tooltip: string }[] = [];
  findings.forEach((f, i) => {
    const row = reportCells(f, lang).map((c, col): SheetCell => {
      if (typeof c.value === "string") {
        const wrap = col === REPORT_MESSAGE_COLUMN || col === REPORT_EXPLANATION_COLUMN;
        return { text: c.value, style: col === 0 ? st.severity[f.severity] : wrap ? st.wrapped : st.text };
      }
      if (typeof c.value === "boolean") return { bool: c.value, style: st.number(null) };
      return { number: c.value, style: st.number(c.format) };
    });
    const target = f.cell ? location(f.sheet, f.cell) : null;
    if (f.cell && target) {
      // The displayed text is the finding's own A1 address; the sheet name only goes into the link's location.
      const ref = `${String.fromCharCode(65 + REPORT_CELL_COLUMN)}${i + 2}`;
      row[REPORT_CELL_COLUMN] = { text: f.cell, style: st.link };
      links.push({ ref, location: target, tooltip: `${f.sheet}!${f.cell}` });
    }
    rows.push(row);
  });
  return { widths: COLUMNS.map((c) => c.width), rows, frozenHeader: true, autoFilter: true, links };
}
