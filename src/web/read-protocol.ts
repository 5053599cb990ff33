/*
 * What the read worker (read-worker.ts) and the page say to each other. The page asks with the file's bytes; the
 * worker answers with progress, then the workbook in slices of rows. One message with a 100,000-row grid would be
 * deserialised on the main thread in one go (seconds, and the tab frozen for as long); slices of about 20,000 cells
 * each cost the main thread tens of milliseconds, and the page paints between them.
 */
import { Bilingual } from "../core/i18n";
import { CellValue } from "../core/numbers";
import { CellPos, MergedRange, SheetGrid } from "../core/sheet/types";
import type { WorkbookData } from "../xlsx/read";

export interface ReadRequest {
  bytes: Uint8Array;
  fileName: string;
}

/** Everything of a sheet but its rows, which follow in "rows" messages. */
export interface SheetHead {
  name: string;
  rows: number;
  merges?: MergedRange[];
  hiddenRows?: readonly number[];
  origin?: CellPos;
  hasNumberFormats: boolean;
  hasFormulas: boolean;
}

/** A row without cells travels as null and arrives as the one shared empty row (sparse sheets have millions). */
type Rows<T> = (T[] | null)[];

export type ReadMessage =
  /** The worker's reading, 0..1 of the parts it inflates and scans. */
  | { type: "progress"; fraction: number }
  | {
      type: "head";
      sheetNames: string[];
      hiddenSheets: string[];
      explanations: WorkbookData["explanations"];
      /** The check settings stored in the workbook (src/app/settings-sheet.ts), or null. */
      settings: WorkbookData["settings"];
      notes: Bilingual[];
      sheets: SheetHead[];
      /** Cells in all sheets, so the page can tell how far the transfer has come. */
      cells: number;
    }
  | {
      type: "rows";
      sheet: number;
      from: number;
      values: Rows<CellValue>;
      numberFormats?: Rows<string | null | undefined>;
      formulas?: Rows<string | null | undefined>;
    }
  | { type: "done" }
  | { type: "error"; message: string; reason?: string; bilingual?: Bilingual };

/**
 * About this many cells per "rows" message: each costs the main thread some 20–60 ms to deserialise and place on a
 * busy 2-core machine, far under the 200 ms a user notices as a freeze.
 */
export const CELLS_PER_MESSAGE = 20_000;

const EMPTY_ROW: readonly never[] = Object.freeze([]);

function slice<T>(rows: T[][], from: number, to: number): Rows<T> {
  const out: Rows<T> = new Array(to - from);
  for (let r = from; r < to; r++) out[r - from] = rows[r].length === 0 ? null : rows[r];
  return out;
}

function widthOf(grid: SheetGrid): number {
  let width = 1;
  for (let r = 0; r < Math.min(grid.values.length, 50); r++) width = Math.max(width, grid.values[r].length);
  return width;
}

/** The workbook as the messages the worker posts: a head, the rows of each sheet in slices, then "done". */
export function* workbookMessages(data: WorkbookData, cellsPerMessage = CELLS_PER_MESSAGE): Generator<ReadMessage> {
  let cells = 0;
  for (const grid of data.sheets) for (const row of grid.values) cells += row.length;
  yield {
    type: "head",
    sheetNames: data.sheetNames,
    hiddenSheets: data.hiddenSheets,
    explanations: data.explanations,
    settings: data.settings,
    notes: data.notes,
    cells,
    sheets: data.sheets.map((g) => ({
      name: g.name,
      rows: g.values.length,
      merges: g.merges,
      hiddenRows: g.hiddenRows,
      origin: g.origin,
      hasNumberFormats: g.numberFormats !== undefined,
      hasFormulas: g.formulas !== undefined,
    })),
  };
  for (let s = 0; s < data.sheets.length; s++) {
    const grid = data.sheets[s];
    const step = Math.max(1, Math.floor(cellsPerMessage / widthOf(grid)));
    for (let from = 0; from < grid.values.length; from += step) {
      const to = Math.min(grid.values.length, from + step);
      const message: ReadMessage = { type: "rows", sheet: s, from, values: slice(grid.values, from, to) };
      if (grid.numberFormats) message.numberFormats = slice(grid.numberFormats, from, to);
      if (grid.formulas) message.formulas = slice(grid.formulas, from, to);
      yield message;
    }
  }
  yield { type: "done" };
}

/**
 * Number-format codes arrive as one string per cell (structured clone copies each); one string per distinct code
 * is kept, as the reader itself does, so a 100,000-row sheet does not hold a million copies of "0.00".
 */
class Interner {
  private readonly seen = new Map<string, string>();

  rows(rows: Rows<string | null | undefined>): (string | null | undefined)[][] {
    const out = new Array<(string | null | undefined)[]>(rows.length);
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      if (row === null) {
        out[r] = EMPTY_ROW as unknown as null[];
        continue;
      }
      for (let c = 0; c < row.length; c++) {
        const code = row[c];
        if (typeof code !== "string") continue;
        const kept = this.seen.get(code);
        if (kept === undefined) this.seen.set(code, code);
        else row[c] = kept;
      }
      out[r] = row;
    }
    return out;
  }
}

function place<T>(target: T[][], from: number, rows: Rows<T>): number {
  let cells = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    target[from + r] = row === null ? (EMPTY_ROW as unknown as T[]) : row;
    cells += row === null ? 0 : row.length;
  }
  return cells;
}

/** Builds the workbook back on the page from the worker's messages. */
export class WorkbookAssembler {
  private data: WorkbookData | null = null;
  private cells = 0;
  private received = 0;
  private readonly formats = new Interner();

  /** Takes one message; true once the workbook is whole ("done"). Throws the worker's error for "error". */
  accept(message: ReadMessage): boolean {
    switch (message.type) {
      case "progress":
        return false;
      case "head":
        this.cells = message.cells;
        this.data = {
          sheetNames: message.sheetNames,
          hiddenSheets: message.hiddenSheets,
          explanations: message.explanations,
          settings: message.settings,
          notes: message.notes,
          sheets: message.sheets.map((h) => {
            const grid: SheetGrid = { name: h.name, values: new Array(h.rows) };
            if (h.hasNumberFormats) grid.numberFormats = new Array(h.rows);
            if (h.hasFormulas) grid.formulas = new Array(h.rows);
            if (h.merges !== undefined) grid.merges = h.merges;
            if (h.hiddenRows !== undefined) grid.hiddenRows = h.hiddenRows;
            if (h.origin !== undefined) grid.origin = h.origin;
            return grid;
          }),
        };
        return false;
      case "rows": {
        const grid = this.whole().sheets[message.sheet];
        this.received += place(grid.values, message.from, message.values);
        if (message.numberFormats && grid.numberFormats) place(grid.numberFormats, message.from, this.formats.rows(message.numberFormats));
        if (message.formulas && grid.formulas) place(grid.formulas, message.from, message.formulas);
        return false;
      }
      case "done":
        this.whole();
        return true;
      case "error":
        throw errorFromMessage(message);
    }
  }

  /** Share of the cells received so far (0..1). */
  fraction(): number {
    return this.cells === 0 ? (this.data ? 1 : 0) : this.received / this.cells;
  }

  result(): WorkbookData {
    return this.whole();
  }

  private whole(): WorkbookData {
    if (this.data === null) throw new Error("read worker: rows before the workbook's head");
    return this.data;
  }
}

/** A failure as a message: WorkbookError's reason and both languages survive the trip (an Error's class does not). */
export function errorMessage(err: unknown): ReadMessage {
  const e = err as { message?: unknown; reason?: unknown; bilingual?: Bilingual } | null;
  return {
    type: "error",
    message: typeof e?.message === "string" ? e.message : String(err),
    reason: typeof e?.reason === "string" ? e.reason : undefined,
    bilingual: e?.bilingual && typeof e.bilingual.zh === "string" ? { zh: e.bilingual.zh, en: e.bilingual.en } : undefined,
  };
}

/** The page's side of errorMessage: an Error carrying `reason` and `bilingual`, as the page shows WorkbookError. */
export function errorFromMessage(m: Extract<ReadMessage, { type: "error" }>): Error {
  const err = new Error(m.bilingual?.zh ?? m.message) as Error & { reason?: string; bilingual?: Bilingual };
  if (m.reason !== undefined) err.reason = m.reason;
  if (m.bilingual !== undefined) err.bilingual = m.bilingual;
  return err;
}
