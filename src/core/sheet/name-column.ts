import { isEmptyValue, labelText, Merges } from "./cells";
import { UnitResolver } from "./resolver";
import { ColumnMapping, SheetGrid } from "./types";
import { isNameHeader, normaliseHeaderText } from "./vocabulary";

/** Enough rows to see a few dozen names without reading a 100,000-row body. */
const SAMPLE_ROWS = 60;
/** Below this share of its labels resolving, a column of text is more likely 备注 than names. */
const MIN_RESOLVED_SHARE = 0.3;

interface ColumnScore {
  col: number;
  labels: number;
  resolved: number;
  namedAsName: boolean;
}

/**
 * The column that names the reporting units: the one whose sampled labels most often resolve as units or totals;
 * failing that, the one whose header is 区县 / 单位 / 地区. Columns mapped to an indicator hold figures and are
 * not candidates.
 */
export function findNameColumn(
  grid: SheetGrid,
  firstBodyRow: number,
  columns: readonly ColumnMapping[],
  resolver: UnitResolver,
  merges: Merges,
): number | null {
  const sample: number[] = [];
  for (let row = firstBodyRow; row < grid.values.length && sample.length < SAMPLE_ROWS; row++) {
    if ((grid.values[row] ?? []).some((v) => !isEmptyValue(v))) sample.push(row);
  }

  const scores: ColumnScore[] = columns
    .filter((c) => c.indicator === null)
    .map((c) => {
      const score: ColumnScore = { col: c.col, labels: 0, resolved: 0, namedAsName: c.header.some((h) => isNameHeader(normaliseHeaderText(h))) };
      for (const row of sample) {
        const text = labelText(merges.valueAt(grid, row, c.col));
        if (text === "") continue;
        score.labels++;
        const status = resolver.resolve(text).status;
        if (status === "ok" || status === "invalid" || status === "aggregate") score.resolved++;
      }
      return score;
    });

  const resolving = scores
    .filter((s) => s.resolved > 0 && s.resolved >= MIN_RESOLVED_SHARE * s.labels)
    .sort((a, b) => b.resolved - a.resolved || Number(b.namedAsName) - Number(a.namedAsName) || a.col - b.col);
  if (resolving.length > 0) return resolving[0].col;

  const named = scores.find((s) => s.namedAsName && s.labels > 0);
  return named?.col ?? null;
}
