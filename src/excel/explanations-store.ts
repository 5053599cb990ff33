import { Explanation } from "../core/explanations";
import { EXPLANATION_COLUMNS, EXPLANATIONS_SHEET, explanationRows, parseExplanationRows } from "../app/explanations-sheet";
import { readHiddenSheetRows, writeHiddenSheetRows } from "./hidden-sheet";
import { Requirements } from "./requirements";

/* 核实说明 in the very hidden sheet whose format src/app/explanations-sheet.ts defines (read by zs-check too). */
export { EXPLANATION_COLUMNS, EXPLANATIONS_SHEET, explanationRows, parseExplanationRows };

/** Two requests: does the sheet exist, then its values. */
export async function readExplanationsSheet(context: Excel.RequestContext): Promise<Explanation[]> {
  const rows = await readHiddenSheetRows(context, EXPLANATIONS_SHEET);
  return rows === null ? [] : parseExplanationRows(rows);
}

/** Replaces the stored explanations with `list` (the caller passes the full set), every field as text. */
export async function writeExplanationsSheet(context: Excel.RequestContext, req: Requirements, list: readonly Explanation[]): Promise<void> {
  await writeHiddenSheetRows(context, req, EXPLANATIONS_SHEET, explanationRows(list));
}
