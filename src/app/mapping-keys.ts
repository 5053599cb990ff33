import { MappingOverride, SheetModel } from "../core/sheet/types";

/*
 * Mapping corrections are made on a column (or a one-district form's row) as the user saw it, and stored keyed by
 * what it says — the header text, the row's label — so that they still apply after the used range moved: a column
 * inserted on the left, an empty first row deleted. The position is kept as a hint for a key that appears twice.
 */

export function columnKey(header: readonly string[]): string {
  return header.map((h) => h.trim()).filter((h) => h !== "").join(" | ");
}

/** The correction with the text it was made on, taken from the model the user corrected. */
export function keyedOverride(model: SheetModel, override: MappingOverride): MappingOverride {
  if (override.row !== undefined) {
    const label = model.rows.find((r) => r.row === override.row)?.label.trim();
    return label ? { ...override, key: label } : override;
  }
  const column = model.columns.find((c) => c.col === override.col);
  const key = column ? columnKey(column.header) : "";
  return key ? { ...override, key } : override;
}

function nearest(candidates: readonly number[], hint: number): number | undefined {
  return [...candidates].sort((a, b) => Math.abs(a - hint) - Math.abs(b - hint) || a - b)[0];
}

/**
 * Where each keyed correction is now: the column whose header (the row whose label) is the key, nearest the old
 * position when several are. A correction whose text is nowhere stays where it was (the reader then says it is
 * out of range, or it applies by position as before keys existed). Returns the same array when nothing moved.
 */
export function placeOverrides(model: SheetModel, overrides: readonly MappingOverride[]): readonly MappingOverride[] {
  let moved = false;
  const placed = overrides.map((o) => {
    if (!o.key) return o;
    if (o.row !== undefined) {
      const here = model.rows.find((r) => r.row === o.row)?.label.trim();
      if (here === o.key) return o;
      const row = nearest(model.rows.filter((r) => r.label.trim() === o.key).map((r) => r.row), o.row);
      if (row === undefined) return o;
      moved = true;
      return { ...o, row };
    }
    const here = model.columns.find((c) => c.col === o.col);
    if (here && columnKey(here.header) === o.key) return o;
    const col = nearest(model.columns.filter((c) => columnKey(c.header) === o.key).map((c) => c.col), o.col);
    if (col === undefined) return o;
    moved = true;
    return { ...o, col };
  });
  return moved ? placed : overrides;
}
