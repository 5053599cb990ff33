import { Bilingual } from "../i18n";
import { AmountUnit, CellValue } from "../numbers";
import { Period } from "../period";
import { Resolution } from "../units";
import { IndicatorId } from "../catalog";

/** 0-based row and column inside SheetGrid.values. */
export interface CellPos {
  row: number;
  col: number;
}

/** Inclusive, 0-based. */
export interface MergedRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * A worksheet as any source hands it over (Office.js used range, exceljs, a test literal). `origin` is where
 * values[0][0] sits in the real sheet (a used range may start at B3), so that findings name the real A1 cell.
 */
export interface SheetGrid {
  name: string;
  values: CellValue[][];
  numberFormats?: (string | null | undefined)[][];
  merges?: MergedRange[];
  hiddenRows?: readonly number[];
  /** Formula text per cell where the source has it; only used to tell a typed value from a computed one. */
  formulas?: (string | null | undefined)[][];
  origin?: CellPos;
}

/** What a column holds for its indicator. */
export type Measure =
  | "current" // 本期 / 1—N月累计
  | "previous" // 上年同期
  | "yoy" // 同比
  | "target" // 年度目标
  | "completion" // 完成率 / 完成年度目标
  | "rank" // 排名
  | "share" // 占全市比重
  | "pace" // 超（欠）序时进度
  | "rate" // a rate that is itself the indicator (开工率, 资金到位率)
  | "month"; // 当月: the last month alone, beside the 1–N月 cumulative figure

export type ColumnUnit = AmountUnit | "个" | "%" | "个百分点";

export interface ColumnMapping {
  col: number;
  /** Header cells from top to bottom, merged parents included: ["正式合同额（亿元）", "本期"]. */
  header: string[];
  indicator: IndicatorId | null;
  measure: Measure | null;
  unit: ColumnUnit | null;
  /** Where the unit came from: the header itself, the unit line, the indicator's default, or the user. */
  unitSource: "header" | "unit-line" | "default" | "user" | null;
  /** How the indicator was recognised; "user" when overridden. */
  source: "header" | "user" | "unmapped";
}

export type RowKind = "unit" | "total" | "group" | "part" | "blank" | "footer" | "note";

export interface RowInfo {
  row: number;
  kind: RowKind;
  /** The label as written in the name column (trimmed). */
  label: string;
  hidden: boolean;
  /** For unit rows: how the label resolved against the registry at the sheet's period. */
  resolution?: Resolution;
  /** For 其中 rows: the row they are a part of. */
  partOf?: number;
  /** On a one-district form: the indicator the row was read as, and whether the user set it. */
  indicator?: IndicatorId;
  source?: "header" | "user";
}

/** One field of a record: where its cell is, by indicator and measure. */
export interface FieldRef extends CellPos {
  indicator: IndicatorId;
  measure: Measure;
  unit: ColumnUnit | null;
}

/**
 * A reporting unit's figures (or a total's), whatever the layout: one row of a table, or the whole of a transposed
 * single-district form. Rules read records, so they work on both layouts alike.
 */
export interface DataRecord {
  kind: "unit" | "total" | "group";
  label: string;
  /** Row (table) or the label cell (transposed) that names the record. */
  labelCell: CellPos | null;
  resolution?: Resolution;
  fields: FieldRef[];
}

export interface SheetModel {
  sheet: string;
  layout: "table" | "transposed";
  grid: SheetGrid;
  title: { row: number; text: string } | null;
  period: Period | null;
  unitLine: { row: number; text: string; unit: AmountUnit | null } | null;
  headerRows: number[];
  nameColumn: number | null;
  columns: ColumnMapping[];
  rows: RowInfo[];
  records: DataRecord[];
  /** Things the reader could not settle (no header found, two name columns …), for the user to see. */
  notes: Bilingual[];
}

/**
 * A user's correction of the detected mapping (the pane and the CLI let them override it). With `row`, it corrects
 * an indicator row of a one-district form: `col` is then the row's label column, `indicator` the row's indicator
 * (null: not an indicator), and measure and unit are not used.
 */
export interface MappingOverride {
  col: number;
  row?: number;
  /**
   * The header text of the corrected column (its header cells joined by " | "), or the label of the corrected row:
   * what the correction was made on. A stored correction follows it when the used range moves (a column inserted
   * on the left, a title row deleted), so `col`/`row` are only where it was last seen.
   */
  key?: string;
  indicator: IndicatorId | null;
  measure?: Measure | null;
  unit?: ColumnUnit | null;
}
