import { Finding, Severity, SEVERITIES } from "../core/findings";
import { CellPos } from "../core/sheet/types";
import { parseA1 } from "../core/sheet/a1";
import { bySeverity, severityFillHex } from "./workbook-style";
import { cellAreas, chunkAddresses, normalizeCell } from "./addresses";

/*
 * How cells are marked inside Excel: by conditional formats that this add-in owns, never by changing a cell's own
 * fill. A conditional format lies on top of the cell's formatting and changes nothing underneath, so removing it
 * gives back exactly what the user had (fills, borders, number formats, values, formulas), which a saved-and-
 * restored fill could not promise once the user edits the sheet in between.
 *
 * Each of our formats is a Custom rule whose formula is always TRUE and carries a marker in a string constant:
 *   =N("ZS-MARK:error")=0
 * N() of a text is 0 in every Excel (it is the classic way to put a comment into a formula), so the rule holds for
 * every cell it covers; the text is how clearHighlights recognises our formats among the user's own. English
 * function names: Office.js takes `rule.formula` in English whatever the UI language (formulaLocal is the
 * localised one), and N is N in Chinese Excel anyway. No cell references, so the rule means the same on any range.
 */
export const MARK_TAG = "ZS-MARK:";

export function markFormula(severity: Severity): string {
  return `=N("${MARK_TAG}${severity}")=0`;
}

const MARK_PATTERN = /ZS-MARK:(error|verify|info)\b/;

/** The severity of one of our marks, or null for any other formula (the user's own conditional formats). */
export function markOf(formula: string | null | undefined): Severity | null {
  const m = typeof formula === "string" ? MARK_PATTERN.exec(formula) : null;
  return m ? (m[1] as Severity) : null;
}

/** "#FFC7CE": the fills of src/app/workbook-style.ts (the annotated copy's too), as Office.js takes them. */
export const SEVERITY_FILL: Readonly<Record<Severity, string>> = {
  error: severityFillHex("error"),
  verify: severityFillHex("verify"),
  info: severityFillHex("info"),
};

export interface MarkPlan {
  /** Per severity, address strings short enough for Worksheet.getRanges (one conditional format each). */
  addresses: Record<Severity, string[]>;
  /** Cells (normalised A1) with their findings, most severe first; the first one's severity is the cell's mark. */
  cells: Map<string, Finding[]>;
}

/**
 * Which cells get which mark. A cell with several findings is marked once, with its most severe finding's colour,
 * so our formats never overlap and no priority order between them is needed. Findings without a cell (about the
 * sheet as a whole) or for another sheet are left out.
 */
export function planMarks(sheet: string, findings: readonly Finding[], maxChars?: number): MarkPlan {
  const cells = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.sheet && f.sheet !== sheet) continue;
    const key = normalizeCell(f.cell);
    if (!key) continue;
    const list = cells.get(key);
    if (list) list.push(f);
    else cells.set(key, [f]);
  }
  const positions: Record<Severity, CellPos[]> = { error: [], verify: [], info: [] };
  for (const [key, list] of cells) {
    list.sort((a, b) => bySeverity(a.severity, b.severity));
    const pos = parseA1(key);
    if (pos) positions[list[0].severity].push(pos);
  }
  const addresses = { error: [], verify: [], info: [] } as Record<Severity, string[]>;
  for (const s of SEVERITIES) addresses[s] = chunkAddresses(cellAreas(positions[s]), maxChars);
  return { addresses, cells };
}
