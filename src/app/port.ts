import { Explanation } from "../core/explanations";
import { Finding } from "../core/findings";
import { Bilingual, Lang } from "../core/i18n";
import { CheckSettings } from "../core/settings";
import { SheetGrid } from "../core/sheet/types";

/** Progress of a long operation (a large sheet read in chunks), 0..1. */
export type Progress = (fraction: number) => void;

/** Which native formula column to insert (for Excels without custom functions). */
export interface FormulaColumnRequest {
  kind: "completion" | "yoy" | "pace";
  /** A1 column letters of the inputs, as the mapping found them: actual + target, current + previous, … */
  inputs: string[];
  /** For pace: the period's months (time progress = months ÷ 12). */
  months?: number;
  /** First and last data rows (1-based) the formulas cover. */
  firstRow: number;
  lastRow: number;
  /** Header text of the new column. */
  header: string;
}

/** What not every kind of workbook can do: the pane hides what `supports` says is missing. */
export type PortFeature = "formula-columns" | "undo" | "report-sheet" | "freeze";

/**
 * What 报送前固化 did. A formula that mixes ZSTJ.* with other functions (=ROUND(ZSTJ.YOY(C5,D5),4)) is converted whole:
 * the cell keeps the value Excel shows, not a formula without the ZSTJ part.
 */
export interface FreezeResult {
  /** Cells whose ZSTJ.* formula became its value. */
  cells: number;
  /** Sheets in which at least one cell was converted, in workbook order. */
  sheets: string[];
  /** "Sheet!C5" of cells left as formulas because they show #NAME? or #BUSY! (their function has not run yet). */
  skipped: string[];
}

/**
 * Everything the pane needs from a workbook, so that one UI runs inside Excel (Office.js adapter, src/excel) and
 * in the standalone page (an in-memory exceljs workbook, src/web). Implementations never change a user's values,
 * formulas or own formatting except where the method says so (insertFormulaColumns adds a column on request).
 */
export interface WorkbookPort {
  /** "excel" inside Office; "file" for the standalone page (no undo, highlights go into the downloadable copy). */
  readonly kind: "excel" | "file";
  supports(feature: PortFeature): boolean;
  /** Office's display language, or the browser's. */
  displayLanguage(): Lang;
  listSheets(): Promise<string[]>;
  activeSheet(): Promise<string>;
  readSheet(name: string, onProgress?: Progress): Promise<SheetGrid>;
  /** Marks the findings' cells by severity, replacing this add-in's earlier marks on that sheet. */
  applyHighlights(sheet: string, findings: readonly Finding[]): Promise<void>;
  /** Removes every mark of this add-in (from one sheet, or all); the user's formatting is exactly as before. */
  clearHighlights(sheet?: string): Promise<void>;
  selectCell(sheet: string, cell: string): Promise<void>;
  /** Writes (or rewrites) the 校验结果 report sheet; workbook text is written as text. */
  writeReport(findings: readonly Finding[], lang: Lang): Promise<void>;
  loadExplanations(): Promise<Explanation[]>;
  saveExplanations(explanations: readonly Explanation[]): Promise<void>;
  loadSettings(): Promise<CheckSettings>;
  saveSettings(settings: CheckSettings): Promise<void>;
  insertFormulaColumns(sheet: string, columns: readonly FormulaColumnRequest[]): Promise<void>;
  /** What this workbook's host cannot do that others can (e.g. no notes below ExcelApi 1.18), for the user. */
  limitations?(): Bilingual[];
  /** 报送前固化: turns every ZSTJ.* formula of the workbook (or of one sheet) into its value, one undo step where possible. */
  freezeAddinFormulas(sheet?: string): Promise<FreezeResult>;
}
