import { Bilingual } from "../i18n";
import { Period, formatPeriodLabel } from "../period";
import { periodAsOf } from "../sheet-dating";
import { asOfToIsoDate, AsOf, chongqing, UnitRegistry } from "../units";
import { distinctTexts, gridWidth, hasNumericCell, Merges } from "./cells";
import { applyOverrides, MappingContext, mapColumns } from "./column-mapping";
import { findHeaderRows, findTableHeaderStart, findTransposedHeader, headerTexts } from "./header-block";
import {
  badAsOf,
  noHeader,
  noNameColumn,
  noPeriod,
  periodFromNoteText,
  periodWithoutYear,
  unmappedColumn,
} from "./messages";
import { findNameColumn } from "./name-column";
import { findNotePeriod, readPreamble } from "./preamble";
import { tableRecords } from "./records";
import { UnitResolver } from "./resolver";
import { classifyBody } from "./row-kinds";
import { readTransposed } from "./transposed";
import { ColumnMapping, MappingOverride, SheetGrid, SheetModel } from "./types";
import { isNameHeader, isSerialHeader, normaliseHeaderText } from "./vocabulary";

export * from "./types";
export { a1, columnLetters, parseA1 } from "./a1";

export interface ReadOptions {
  /** The city's reporting units; default: chongqing. */
  registry?: UnitRegistry;
  /** The user's corrections of the column mapping, applied after detection (source "user"). */
  overrides?: MappingOverride[];
  /** When the caller knows the period (CLI --period): used instead of the title's. */
  period?: Period | null;
  /** Date for resolving units; default: the end of the period when it has a year, else none (latest names). */
  asOf?: AsOf;
}

/** Without a header, the preamble is the top rows up to the first row shaped like a header or holding a figure. */
const MAX_PREAMBLE_WITHOUT_HEADER = 10;

/**
 * Reads a worksheet into a SheetModel: title, period and unit line; header rows and the column mapping; the
 * unit-name column; the kind of every body row; and one record per unit, total and group. Both the usual table
 * (one row per unit) and the single-district transposed form are read. Pure: the grid is not changed.
 */
export function readSheet(grid: SheetGrid, options: ReadOptions = {}): SheetModel {
  const merges = new Merges(grid.merges);
  const width = gridWidth(grid);
  const hidden = new Set(grid.hiddenRows ?? []);
  const notes: Bilingual[] = [];

  const tableStart = findTableHeaderStart(grid);
  const transposed = findTransposedHeader(grid);
  const isTransposed = transposed !== null && (tableStart === null || transposed.start < tableStart);
  const headerStart = isTransposed ? transposed.start : tableStart;

  const preambleEnd = headerStart ?? preambleEndWithoutHeader(grid);
  const preamble = readPreamble(grid, range(0, preambleEnd));
  const period = options.period ?? preamble.period ?? periodFromNote(grid, preambleEnd, preamble.year, notes);
  if (period === null) notes.push(noPeriod());
  else if (period.year === undefined && options.asOf === undefined) notes.push(periodWithoutYear(period.label));

  const resolver = new UnitResolver(options.registry ?? chongqing, usableAsOf(options.asOf ?? defaultAsOf(period, preamble.year), notes));
  const context: MappingContext = { unitLine: preamble.unitLine?.unit ?? null, sheetYear: period?.year };
  const base = { sheet: grid.name, grid, title: preamble.title, period, unitLine: preamble.unitLine };

  if (isTransposed) {
    const reading = readTransposed(grid, transposed, width, merges, preamble, resolver, context, hidden, options.overrides ?? []);
    notes.push(...reading.notes);
    return {
      ...base,
      layout: "transposed",
      headerRows: reading.headerRows,
      nameColumn: transposed.labelCol,
      columns: reading.columns,
      rows: reading.rows,
      records: reading.records,
      notes,
    };
  }

  const headerRows = headerStart === null ? [] : findHeaderRows(grid, headerStart, resolver);
  if (headerRows.length === 0) notes.push(noHeader());
  const texts = headerTexts(grid, headerRows, width, merges);
  const columns = mapColumns(texts, context);
  notes.push(...applyOverrides(columns, options.overrides ?? [], context));

  const firstBodyRow = headerRows.length > 0 ? headerRows[headerRows.length - 1] + 1 : preambleEnd;
  const nameColumn = findNameColumn(grid, firstBodyRow, columns, resolver, merges);
  if (nameColumn === null) notes.push(noNameColumn());
  const rows = classifyBody({ grid, merges, nameColumn, resolver, hidden }, firstBodyRow);
  notes.push(...columnNotes(columns, nameColumn, grid.origin?.col ?? 0));

  return {
    ...base,
    layout: "table",
    headerRows,
    nameColumn,
    columns,
    rows,
    records: tableRecords(rows, columns, nameColumn),
    notes,
  };
}

/**
 * The period a note states when the title gives none (a title with only the year, "2022年招商引资完成情况表"); the
 * title's year completes a note without one. Said in the sheet's notes, so the user sees where it came from.
 */
function periodFromNote(grid: SheetGrid, fromRow: number, titleYear: number | null, notes: Bilingual[]): Period | null {
  const found = findNotePeriod(grid, fromRow);
  if (found === null) return null;
  let period = found.period;
  if (period.year === undefined && titleYear !== null) {
    period = { ...period, year: titleYear, label: formatPeriodLabel(period.startMonth, period.endMonth, titleYear) };
  }
  notes.push(periodFromNoteText(period.label, found.text));
  return period;
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) out.push(i);
  return out;
}

function preambleEndWithoutHeader(grid: SheetGrid): number {
  const limit = Math.min(grid.values.length, MAX_PREAMBLE_WITHOUT_HEADER);
  for (let row = 0; row < limit; row++) {
    if (hasNumericCell(grid, row) || distinctTexts(grid, row).length >= 2) return row;
  }
  return limit;
}

/**
 * A sheet is cumulative to the end of its period: "2022年1-6月" resolves units as of 2022-06-30; a year alone (a
 * targets sheet's title) means its last day.
 */
function defaultAsOf(period: Period | null, year: number | null): AsOf | undefined {
  return period?.year !== undefined ? periodAsOf(period.year, period.endMonth) : periodAsOf(year, null);
}

function usableAsOf(asOf: AsOf | undefined, notes: Bilingual[]): AsOf | undefined {
  if (asOf === undefined) return undefined;
  try {
    asOfToIsoDate(asOf);
    return asOf;
  } catch (error) {
    notes.push(badAsOf(error instanceof Error ? error.message : String(error)));
    return undefined;
  }
}

/**
 * Columns worth telling the user about: a header that names nothing known (备注 is fine to leave, but the user
 * should see it was not read). Two columns read as the same indicator and measure are a finding of their own
 * (rules/duplicate-mapping), so that the report carries them.
 */
function columnNotes(columns: readonly ColumnMapping[], nameColumn: number | null, originCol: number): Bilingual[] {
  const notes: Bilingual[] = [];
  for (const c of columns) {
    if (c.col === nameColumn || c.header.length === 0 || c.source !== "unmapped") continue;
    const bottom = normaliseHeaderText(c.header[c.header.length - 1]);
    if (!isSerialHeader(bottom) && !isNameHeader(bottom)) notes.push(unmappedColumn(c.col + originCol, c.header.join(" / ")));
  }
  return notes;
}
