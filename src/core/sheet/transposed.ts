import { Bilingual } from "../i18n";
import { indicatorDef, IndicatorId } from "../catalog";
import { firstLabel, isBlankRow, Merges, textOf, valueAt } from "./cells";
import { applyOverrides, MappingContext, mapColumn, readHeader, settleMeasure, settleUnit } from "./column-mapping";
import { headerTexts } from "./header-block";
import { noDistrict, unrecognisedIndicatorRow } from "./messages";
import { Preamble } from "./preamble";
import { UnitResolver } from "./resolver";
import { isFooterText, isNoteText, leadText } from "./row-kinds";
import { CellPos, ColumnMapping, DataRecord, FieldRef, MappingOverride, RowInfo, SheetGrid } from "./types";
import { IndicatorMatch, isPartText, matchIndicator, normaliseHeaderText, unitsInCell } from "./vocabulary";

/**
 * The single-district form: one indicator per row (签约项目数 / 其中：正式合同项目数 / … / 到位资金), one measure per
 * column (本期 | 上年同期 | 同比 | 年度目标 | 完成年度目标), the district named in the title or a 填报单位 line.
 *
 * It is read into the same model as a table so that rules need not care: `columns` describe the measure columns
 * (indicator null), `rows` describe the indicator rows (kind "unit" for an indicator of the district, "part" for a
 * 其中 row with partOf = its whole's row, "note" for a label that names no indicator), and the district is a single
 * unit record whose fields are (indicator row × measure column). A user's override of a column changes its measure
 * (and unit, when given) for every row; its indicator is not used, since the rows name the indicators.
 */
export interface TransposedLayout {
  start: number;
  firstDataRow: number;
  labelCol: number;
}

export interface TransposedReading {
  headerRows: number[];
  columns: ColumnMapping[];
  rows: RowInfo[];
  records: DataRecord[];
  notes: Bilingual[];
}

interface IndicatorRow {
  row: number;
  label: string;
  indicator: IndicatorId;
}

export function readTransposed(
  grid: SheetGrid,
  layout: TransposedLayout,
  width: number,
  merges: Merges,
  preamble: Preamble,
  resolver: UnitResolver,
  context: MappingContext,
  hidden: ReadonlySet<number>,
  overrides: readonly MappingOverride[],
): TransposedReading {
  const notes: Bilingual[] = [];
  const headerRows: number[] = [];
  for (let row = layout.start; row < layout.firstDataRow; row++) if (!isBlankRow(grid, row)) headerRows.push(row);
  const texts = headerTexts(grid, headerRows, width, merges);
  const columns = texts.map((t, col) => mapColumn(col, t, context));
  notes.push(...applyOverrides(columns, overrides, context));
  const measureColumns = columns.filter((c) => c.measure !== null && c.col !== layout.labelCol);

  const rowOverrides = new Map<number, IndicatorId | null>();
  for (const o of overrides) if (o.row !== undefined) rowOverrides.set(o.row, o.indicator);
  const { rows, indicatorRows } = classifyIndicatorRows(grid, layout, hidden, notes, rowOverrides);

  const fields: FieldRef[] = [];
  for (const item of indicatorRows) {
    const rowUnits = unitsInCell(normaliseHeaderText(item.label));
    for (const column of measureColumns) {
      const measure = settleMeasure(item.indicator, column.measure);
      if (measure === null) continue;
      const reading = readHeader(column.header, context.sheetYear);
      // The row's own "（亿元）" speaks for the figures; the column's brackets for its percentages.
      const unit =
        column.unitSource === "user"
          ? column.unit
          : settleUnit(item.indicator, measure, [...rowUnits, ...reading.valueUnits], reading.percentUnits, context.unitLine).unit;
      fields.push({ row: item.row, col: column.col, indicator: item.indicator, measure, unit });
    }
  }

  const district = findDistrict(grid, preamble, resolver);
  if (district === null) notes.push(noDistrict());
  const record: DataRecord = {
    kind: "unit",
    label: district?.label ?? "",
    labelCell: district?.cell ?? null,
    fields,
  };
  if (district !== null) record.resolution = resolver.resolve(district.label);

  return { headerRows, columns, rows, records: [record], notes };
}

function classifyIndicatorRows(
  grid: SheetGrid,
  layout: TransposedLayout,
  hidden: ReadonlySet<number>,
  notes: Bilingual[],
  rowOverrides: ReadonlyMap<number, IndicatorId | null>,
): { rows: RowInfo[]; indicatorRows: IndicatorRow[] } {
  const origin = grid.origin ?? { row: 0, col: 0 };
  const rows: RowInfo[] = [];
  const indicatorRows: IndicatorRow[] = [];
  const rowOf = new Map<IndicatorId, number>();
  // Declared with `as` so that the loop below does not narrow it to its initial null.
  let whole = null as { match: IndicatorMatch; row: number } | null;
  let previousWasPart = false;
  let trailer: "footer" | "note" | null = null;

  for (let row = layout.firstDataRow; row < grid.values.length; row++) {
    const label = textOf(valueAt(grid, row, layout.labelCol)) || (firstLabel(grid, row)?.text ?? "");
    const info: RowInfo = { row, kind: "unit", label, hidden: hidden.has(row) };
    rows.push(info);
    if (label === "" && isBlankRow(grid, row)) {
      info.kind = "blank";
      continue;
    }
    const lead = leadText(grid, row);
    if (isFooterText(lead) || isFooterText(label)) trailer = "footer";
    else if (isNoteText(lead) || isNoteText(label)) trailer ??= "note";
    if (trailer !== null) {
      info.kind = isNoteText(lead) || isNoteText(label) ? "note" : trailer;
      continue;
    }

    const normalised = normaliseHeaderText(label);
    const byUser = rowOverrides.has(row);
    const chosen = rowOverrides.get(row);
    const match: IndicatorMatch | null = byUser
      ? chosen === null || chosen === undefined
        ? null
        : { id: chosen, key: normalised, words: [] }
      : matchIndicator(normalised, whole?.match);
    if (match === null) {
      info.kind = "note";
      if (byUser) info.source = "user";
      else notes.push(unrecognisedIndicatorRow(row + origin.row + 1, label));
      continue;
    }
    info.indicator = match.id;
    info.source = byUser ? "user" : "header";
    // "其中：正式合同项目数" is a part, and so is the "框架协议项目数" right after it that continues the 其中 list.
    const partOf = indicatorDef(match.id).partOf;
    const isPart: boolean = isPartText(normalised) || (previousWasPart && whole !== null && continuesPartList(match.id, whole.match.id));
    if (isPart) {
      info.kind = "part";
      const wholeRow = (partOf !== undefined ? rowOf.get(partOf) : undefined) ?? whole?.row;
      if (wholeRow !== undefined) info.partOf = wholeRow;
    } else {
      whole = { match, row };
    }
    previousWasPart = isPart;
    if (!rowOf.has(match.id)) rowOf.set(match.id, row);
    indicatorRows.push({ row, label, indicator: match.id });
  }
  return { rows, indicatorRows };
}

/**
 * A row right after a 其中 row that is another part of the same whole, without repeating 其中: 框架协议项目数 after
 * 其中：正式合同项目数, 制造业 after 其中：工业. 新开工项目数 is also bounded by 签约项目数 but is not listed as one
 * of its parts, so it starts a new item.
 */
function continuesPartList(id: IndicatorId, wholeId: IndicatorId): boolean {
  const def = indicatorDef(id);
  if (def.partOf !== wholeId) return false;
  return (indicatorDef(wholeId).sumOfParts ?? []).includes(id) || def.kind !== "count";
}

/**
 * The district the form is about: named on a 填报单位 line, else in the title ("渝北区2022年1-6月招商引资情况").
 * The longest known name or alias found in the text wins (两江新区 over 两江).
 */
function findDistrict(grid: SheetGrid, preamble: Preamble, resolver: UnitResolver): { label: string; cell: CellPos | null } | null {
  const names = resolver.knownNames();
  const places: { text: string; cell: CellPos }[] = [];
  if (preamble.reporter !== null) places.push({ text: preamble.reporter.text, cell: { row: preamble.reporter.row, col: preamble.reporter.col } });
  if (preamble.title !== null) {
    const row = preamble.title.row;
    const col = (grid.values[row] ?? []).findIndex((v) => textOf(v) !== "");
    places.push({ text: preamble.title.text, cell: { row, col: Math.max(col, 0) } });
  }
  for (const place of places) {
    const compact = normaliseHeaderText(place.text);
    const name = names.find((n) => compact.includes(n));
    if (name !== undefined) return { label: name, cell: place.cell };
  }
  return null;
}
