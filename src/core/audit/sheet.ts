import { CellValue } from "../numbers";
import { SheetGrid } from "../sheet/types";
import { AuditParse } from "./ast";
import { RuleLine, parseAuditLines } from "./parser";

/** The sheet a city's template carries its rules in. */
export const AUDIT_SHEET_NAME = "审核规则";

export function isAuditSheetName(name: string): boolean {
  return name.replace(/\s+/g, "") === AUDIT_SHEET_NAME;
}

/** The workbook's 审核规则 sheet, if it has one. */
export function findAuditSheet(grids: readonly SheetGrid[]): SheetGrid | null {
  return grids.find((g) => isAuditSheetName(g.name)) ?? null;
}

const SEVERITY_CELL = /^[[【［]?\s*(强制性|强制|准强制性|核实性|核实|提示性|提示)\s*[\]】］]?$/;
const HEADER_WORDS = /公式|表达式|规则|级别|类型|提示信息|说明|序号/;
const OPERATOR = /[<>=≤≥≠＜＞＝]/;

function cellText(v: CellValue): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return "";
  return String(v).trim();
}

/**
 * One rule a row: either the whole line in one cell, as in a rules file, or the columns review systems use
 * (级别 | 公式 | 提示信息, an optional 序号 first). A header row (公式、级别 … without any comparison) is skipped.
 * Lines are numbered by sheet row, so a message points at the row to fix.
 */
export function auditLinesFromGrid(grid: SheetGrid): RuleLine[] {
  const first = grid.origin?.row ?? 0;
  return grid.values.map((row, r) => {
    let cells = row.map(cellText).filter((t) => t !== "");
    if (cells.length > 1 && /^\d+$/.test(cells[0])) cells = cells.slice(1);
    let text = "";
    if (cells.length === 1) text = cells[0];
    else if (cells.length > 1) {
      if (!cells.some((c) => OPERATOR.test(c)) && cells.every((c) => HEADER_WORDS.test(c))) text = "";
      else if (SEVERITY_CELL.test(cells[0])) {
        const sev = (SEVERITY_CELL.exec(cells[0]) as RegExpExecArray)[1];
        text = `[${sev}] ${cells[1]}${cells.length > 2 ? ` : ${cells.slice(2).join(" ")}` : ""}`;
      } else text = `${cells[0]} : ${cells.slice(1).join(" ")}`;
    }
    return { line: first + r + 1, text };
  });
}

/** Reads the rules of a 审核规则 sheet; messages name the sheet and its row. */
export function parseAuditSheet(grid: SheetGrid): AuditParse {
  return parseAuditLines(auditLinesFromGrid(grid), { zh: `工作表“${grid.name}”`, en: `sheet ${grid.name}` });
}
