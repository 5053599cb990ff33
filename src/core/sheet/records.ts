import { ColumnMapping, DataRecord, FieldRef, RowInfo } from "./types";

type FieldTemplate = Omit<FieldRef, "row">;

/** The fields every record of a table shares, by column; only columns with both an indicator and a measure. */
export function fieldTemplate(columns: readonly ColumnMapping[]): FieldTemplate[] {
  const template: FieldTemplate[] = [];
  for (const c of columns) {
    if (c.indicator !== null && c.measure !== null) template.push({ col: c.col, indicator: c.indicator, measure: c.measure, unit: c.unit });
  }
  return template;
}

/** One record per unit, total and group row, with a field for every mapped column. */
export function tableRecords(rows: readonly RowInfo[], columns: readonly ColumnMapping[], nameColumn: number | null): DataRecord[] {
  const template = fieldTemplate(columns);
  const records: DataRecord[] = [];
  for (const info of rows) {
    if (info.kind !== "unit" && info.kind !== "total" && info.kind !== "group") continue;
    // A plain loop with push: 100,000 rows × 12 columns is 1.2M fields, and packed arrays of one object shape keep
    // both this and the rules that walk them fast.
    const fields: FieldRef[] = [];
    for (const t of template) fields.push({ row: info.row, col: t.col, indicator: t.indicator, measure: t.measure, unit: t.unit });
    const record: DataRecord = {
      kind: info.kind,
      label: info.label,
      labelCell: nameColumn === null ? null : { row: info.row, col: nameColumn },
      fields,
    };
    if (info.resolution !== undefined) record.resolution = info.resolution;
    records.push(record);
  }
  return records;
}
