import { FORMULA_FORMATS, formulasFor } from "../core/formulas";
import { FormulaColumnRequest } from "../app/port";
import { withEventsSuspended } from "./batch";
import { OfficeAdapterError } from "./errors";
import { queueSheetProtection } from "./protection";
import { Requirements } from "./requirements";

const MAX_COLUMNS = 16384;

interface Block {
  first: number; // index into requests
  count: number;
  firstRow: number;
  lastRow: number;
}

/** Consecutive requests over the same rows share one range, so their formulas go in as one 2D array. */
function blocks(requests: readonly FormulaColumnRequest[]): Block[] {
  const out: Block[] = [];
  requests.forEach((r, i) => {
    const last = out[out.length - 1];
    if (last && last.firstRow === r.firstRow && last.lastRow === r.lastRow) last.count++;
    else out.push({ first: i, count: 1, firstRow: r.firstRow, lastRow: r.lastRow });
  });
  return out;
}

/**
 * Inserts native formula columns right of the used range (formatting included, so a formatted empty column the user
 * prepared is not taken either): never over a user's cell. Every formula is computed before the workbook is
 * touched, so a malformed request (formulaFor throws RangeError) changes nothing. Two requests: the used range,
 * then headers, number formats and formulas together. Returns the first new column's 0-based index.
 */
export async function insertFormulaColumnsInto(
  context: Excel.RequestContext,
  req: Requirements,
  sheet: string,
  requests: readonly FormulaColumnRequest[],
): Promise<number | null> {
  if (requests.length === 0) return null;
  for (const r of requests) {
    if (!Number.isInteger(r.firstRow) || !Number.isInteger(r.lastRow) || r.firstRow < 1 || r.lastRow < r.firstRow) {
      throw new RangeError(`insertFormulaColumns: bad rows ${r.firstRow}..${r.lastRow}`);
    }
  }
  const columns = requests.map((r) => formulasFor({ kind: r.kind, inputs: r.inputs, months: r.months, firstRow: r.firstRow, lastRow: r.lastRow }));

  return withEventsSuspended(context, req, async (events) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    const used = ws.getUsedRangeOrNullObject(false);
    used.load("columnIndex, columnCount");
    const writable = queueSheetProtection(ws, sheet);
    await context.sync();
    writable();
    const start = used.isNullObject ? 0 : used.columnIndex + used.columnCount;
    if (start + requests.length > MAX_COLUMNS) {
      throw new OfficeAdapterError({
        zh: "工作表右侧没有足够的空列来插入公式列",
        en: "There are not enough empty columns right of the sheet's data for the formula columns",
      });
    }

    requests.forEach((r, i) => {
      if (r.firstRow < 2) return; // data from row 1: no row above it for a header
      const head = ws.getRangeByIndexes(r.firstRow - 2, start + i, 1, 1);
      head.numberFormat = [["@"]];
      head.values = [[r.header]];
      head.format.font.bold = true;
    });
    for (const b of blocks(requests)) {
      const rows = b.lastRow - b.firstRow + 1;
      const body = ws.getRangeByIndexes(b.firstRow - 1, start + b.first, rows, b.count);
      const kinds = requests.slice(b.first, b.first + b.count).map((r) => FORMULA_FORMATS[r.kind]);
      body.numberFormat = Array.from({ length: rows }, () => kinds);
      body.formulas = Array.from({ length: rows }, (_, row) => columns.slice(b.first, b.first + b.count).map((col) => col[row][0]));
    }
    events.resume();
    await context.sync();
    return start;
  });
}
