/*
 * 报送前固化 on the page: the file's ZSTJ.* formulas replaced by their cached results, in exceljs (loaded on demand
 * with the rest of the spreadsheet code). Excel saves the value it showed next to each formula; that cached value
 * is what the city would see once the formula is gone, so it is what the cell keeps.
 */
import ExcelJS from "exceljs";
import { callsAddinFunction, NOT_A_RESULT } from "../core/addin-formulas";
import type { FreezeResult } from "../app/port";
import { fromExcelJs } from "../xlsx/bytes";
import { loadChecked } from "../xlsx/load";
import { formulaText } from "../xlsx/cell-value";

/** A cached result that is not one: the function had not run when the file was saved. */

type Cached = ExcelJS.CellValue | undefined;

function cachedResult(cell: ExcelJS.Cell): Cached {
  const v = cell.value as { result?: unknown } | null;
  return v && typeof v === "object" && "result" in v ? (v.result as Cached) : undefined;
}

function isUsable(result: Cached): boolean {
  if (result === undefined || result === null) return false;
  if (typeof result === "object" && result !== null && "error" in result) return !NOT_A_RESULT.has(String((result as { error: unknown }).error));
  return true;
}

/**
 * A shared formula (exceljs: { sharedFormula: "F4" }) is stored once, in its first cell. A cell left as a formula
 * whose master was converted would point at a cell with no formula: it gets its own (translated) formula text.
 */
function unshareOrphans(ws: ExcelJS.Worksheet, converted: readonly string[] | undefined): void {
  if (!converted || converted.length === 0) return;
  const gone = new Set(converted);
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      const v = cell.value as { sharedFormula?: string; result?: unknown } | null;
      if (!v || typeof v !== "object" || typeof v.sharedFormula !== "string" || !gone.has(v.sharedFormula)) return;
      cell.value = { formula: cell.formula, result: v.result } as ExcelJS.CellFormulaValue;
    }),
  );
}

export interface FrozenWorkbook {
  bytes: Uint8Array;
  result: FreezeResult;
  /** Per sheet, the A1 addresses that no longer hold a formula. */
  converted: Map<string, string[]>;
}

/** Converts the ZSTJ.* formulas of every sheet (or of `sheet` only); the other cells are written back as read. */
export async function freezeWorkbookBytes(bytes: Uint8Array, sheet?: string): Promise<FrozenWorkbook> {
  // Through loadChecked: the frozen file keeps its number formats as written (`0.00\%`) and the same limits apply.
  const { wb } = await loadChecked(bytes, undefined, undefined);
  const converted = new Map<string, string[]>();
  const skipped: string[] = [];
  let cells = 0;
  for (const ws of wb.worksheets) {
    if (sheet !== undefined && ws.name.toLowerCase() !== sheet.toLowerCase()) continue;
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type === ExcelJS.ValueType.Merge) return;
        if (!callsAddinFunction(formulaText(cell))) return;
        const result = cachedResult(cell);
        if (!isUsable(result)) {
          skipped.push(`${ws.name}!${cell.address}`);
          return;
        }
        // The cell object keeps its style: only the formula goes.
        cell.value = result as ExcelJS.CellValue;
        cells++;
        const list = converted.get(ws.name);
        if (list) list.push(cell.address);
        else converted.set(ws.name, [cell.address]);
      }),
    );
  }
  for (const ws of wb.worksheets) unshareOrphans(ws, converted.get(ws.name));
  if (cells === 0) return { bytes, result: { cells: 0, sheets: [], skipped }, converted };
  const out = fromExcelJs(await wb.xlsx.writeBuffer());
  return { bytes: out, result: { cells, sheets: [...converted.keys()], skipped }, converted };
}
