import { callsAddinFunction, NOT_A_RESULT } from "../core/addin-formulas";
import { a1 } from "../core/sheet/a1";
import { parseAreas } from "../app/addresses";
import type { FreezeResult } from "../app/port";
import { withEventsSuspended } from "./batch";
import { OfficeAdapterError } from "./errors";
import { Requirements } from "./requirements";

/**
 * 报送前固化: every cell whose formula calls a ZSTJ custom function gets the value it shows, as Paste Values would
 * do it, so the file reads the same where the add-in is not loaded (there such cells show #NAME?).
 *
 * APIs (requirement sets from the Excel JavaScript API reference):
 * - Range.getSpecialCellsOrNullObject("Formulas") (ExcelApi 1.9; learn.microsoft.com/office/dev/add-ins/excel/
 *   excel-add-ins-ranges-special-cells: a null object, not an error, when there are none) lists the formula cells,
 *   whose Range.formulas and Range.values (ExcelApi 1.1) say which call ZSTJ.* and what they show;
 * - Range.copyFrom(self, RangeCopyType.values) (ExcelApi 1.9, learn.microsoft.com/javascript/api/excel/excel.range
 *   #copyFrom) writes each value back exactly as Excel holds it — a number stays a number, text stays text
 *   (no "=…" re-read as a formula), an error value such as #N/A stays that error — and keeps the cell's format;
 * - copyFrom and value writes are not in the "Unsupported APIs" table of the undo page
 *   (learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities), so the whole conversion is one
 *   undo step where mergeUndoGroup exists (ExcelApi 1.20; the caller's runBatch asks for it).
 *
 * Requests: the sheet list (only when no sheet is named), the formula cells' addresses, their formulas and values,
 * then the writes — four syncs at most, whatever the number of cells.
 */

export function noCopyFrom(): OfficeAdapterError {
  return new OfficeAdapterError({
    zh: "此版本的 Excel 不支持按数值复制（需要 ExcelApi 1.9，Excel 2021 或 Microsoft 365），无法报送前固化：请选中这些单元格，复制后“选择性粘贴 → 数值”",
    en: "This Excel cannot copy values through the add-in API (ExcelApi 1.9: Excel 2021 or Microsoft 365): select the cells, copy, and Paste Special → Values",
  });
}

interface Candidate {
  sheet: string;
  address: string;
  range: Excel.Range;
  /** What the cell shows (Range.values). */
  shown: unknown;
}

export async function freezeAddinFormulasIn(context: Excel.RequestContext, req: Requirements, sheet?: string): Promise<FreezeResult> {
  if (!req.supports("copyFrom")) throw noCopyFrom();
  return withEventsSuspended(context, req, async (events) => {
    let names: string[];
    if (sheet === undefined) {
      const sheets = context.workbook.worksheets;
      sheets.load("name");
      await context.sync();
      names = sheets.items.map((s) => s.name);
    } else {
      names = [sheet];
    }

    // Only the formula cells are read (Range.getSpecialCellsOrNullObject, ExcelApi 1.9 like copyFrom): a sheet of
    // 100,000 typed figures and a few formulas costs a few cells of payload, not the whole used range.
    const specials = names.map((name) => {
      const ws = context.workbook.worksheets.getItem(name);
      const areas = ws.getRange().getSpecialCellsOrNullObject("Formulas");
      areas.load("address");
      return { name, ws, areas };
    });
    await context.sync();

    const blocks: { name: string; ws: Excel.Worksheet; top: number; left: number; range: Excel.Range }[] = [];
    for (const { name, ws, areas } of specials) {
      if (areas.isNullObject) continue;
      for (const a of parseAreas(areas.address)) {
        const range = ws.getRangeByIndexes(a.top, a.left, a.bottom - a.top + 1, a.right - a.left + 1);
        range.load("formulas, values");
        blocks.push({ name, ws, top: a.top, left: a.left, range });
      }
    }
    if (blocks.length > 0) await context.sync();

    const candidates: Candidate[] = [];
    for (const { name, ws, top, left, range } of blocks) {
      range.formulas.forEach((row, r) =>
        row.forEach((formula, c) => {
          if (typeof formula !== "string" || !callsAddinFunction(formula)) return;
          const pos = { row: top + r, col: left + c };
          candidates.push({ sheet: name, address: a1(pos), range: ws.getCell(pos.row, pos.col), shown: range.values[r]?.[c] });
        }),
      );
    }
    if (candidates.length === 0) {
      events.resume();
      await context.sync();
      return { cells: 0, sheets: [], skipped: [] };
    }

    const converted = new Set<string>();
    const skipped: string[] = [];
    let cells = 0;
    for (const c of candidates) {
      if (typeof c.shown === "string" && NOT_A_RESULT.has(c.shown)) {
        skipped.push(`${c.sheet}!${c.address}`);
        continue;
      }
      c.range.copyFrom(c.range, "Values");
      converted.add(c.sheet);
      cells++;
    }
    events.resume();
    await context.sync();
    return { cells, sheets: names.filter((n) => converted.has(n)), skipped };
  });
}
