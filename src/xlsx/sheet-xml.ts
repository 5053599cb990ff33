import { columnLetters } from "../core/sheet/a1";
import { escapeXstring } from "./xml-edit";
import { MAX_CELL_TEXT } from "./text-cell";

/**
 * A new worksheet part written from scratch (the 校验结果 report, the 核实说明 store). Strings are inline strings
 * (t="inlineStr"), so the workbook's shared-string table is not touched; a string is only ever a string, never a
 * formula, whatever it starts with.
 */
export type SheetCell = { text: string; style: number } | { number: number; style: number } | { bool: boolean; style: number } | null;

export interface NewSheet {
  /** Column widths in characters, from column A. */
  widths?: readonly number[];
  rows: readonly (readonly SheetCell[])[];
  /** Freeze the first row. */
  frozenHeader?: boolean;
  /** AutoFilter over every row and column written. */
  autoFilter?: boolean;
  /** Internal links: cell address → location ("'Sheet'!$C$7"), shown text stays the cell's value. */
  links?: readonly { ref: string; location: string; tooltip?: string }[];
}

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

function cellXml(ref: string, cell: SheetCell): string {
  if (cell === null) return "";
  const s = cell.style > 0 ? ` s="${cell.style}"` : "";
  if ("text" in cell) {
    if (cell.text === "") return cell.style > 0 ? `<c r="${ref}"${s}/>` : "";
    const t = cell.text.length > MAX_CELL_TEXT ? `${cell.text.slice(0, MAX_CELL_TEXT - 1)}…` : cell.text;
    return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXstring(t)}</t></is></c>`;
  }
  if ("bool" in cell) return `<c r="${ref}"${s} t="b"><v>${cell.bool ? 1 : 0}</v></c>`;
  // Infinity and NaN cannot be stored as numbers in a cell.
  if (!Number.isFinite(cell.number)) return `<c r="${ref}"${s} t="inlineStr"><is><t>${String(cell.number)}</t></is></c>`;
  return `<c r="${ref}"${s}><v>${String(cell.number)}</v></c>`;
}

/** The part's XML text (a JS string; the caller encodes it as UTF-8). */
export function newSheetXml(sheet: NewSheet): string {
  const width = Math.max(1, sheet.widths?.length ?? 0, ...sheet.rows.map((r) => r.length));
  const lastCol = columnLetters(width - 1);
  const lastRow = Math.max(1, sheet.rows.length);
  const out: string[] = [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}">`];
  out.push(`<dimension ref="A1:${lastCol}${lastRow}"/>`);
  if (sheet.frozenHeader) {
    out.push(
      '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
        '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>',
    );
  }
  out.push('<sheetFormatPr defaultRowHeight="15"/>');
  if (sheet.widths && sheet.widths.length > 0) {
    out.push("<cols>");
    sheet.widths.forEach((w, i) => out.push(`<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`));
    out.push("</cols>");
  }
  out.push("<sheetData>");
  sheet.rows.forEach((row, r) => {
    const cells = row.map((c, col) => cellXml(`${columnLetters(col)}${r + 1}`, c)).join("");
    out.push(`<row r="${r + 1}">${cells}</row>`);
  });
  out.push("</sheetData>");
  if (sheet.autoFilter) out.push(`<autoFilter ref="A1:${lastCol}${lastRow}"/>`);
  if (sheet.links && sheet.links.length > 0) {
    out.push("<hyperlinks>");
    for (const l of sheet.links) {
      const tip = l.tooltip ? ` tooltip="${escapeXstring(l.tooltip)}"` : "";
      out.push(`<hyperlink ref="${l.ref}" location="${escapeXstring(l.location)}"${tip}/>`);
    }
    out.push("</hyperlinks>");
  }
  out.push('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  out.push("</worksheet>");
  return out.join("");
}
