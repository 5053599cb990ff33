import { Finding, Summary, compareFindings, summarize } from "../core/findings";
import { attachExplanations, ExplainedFinding, Explanation } from "../core/explanations";
import { Bilingual } from "../core/i18n";
import { ColumnMapping, columnLetters } from "../core/sheet";
import { SheetCheck } from "./check";

/** Why a file was not (fully) checked: the adapter's reasons, plus the CLI's own. */
export interface FileError {
  reason: string;
  message: Bilingual;
  /** The reason in a few words, without the file name (for lists of files). */
  brief?: Bilingual;
}

/**
 * The run's results in one plain structure that both formatters read: the text and JSON outputs can never
 * disagree about what was found, and the exit code is computed from the same data.
 */

/**
 * How one column was understood. A published shape (README-json.md), so it is built field by field from the
 * engine's ColumnMapping rather than echoed: the column is given as the letters the user sees (its 0-based index
 * inside the used range would mean nothing to them).
 */
export interface MappingEntry {
  column: string;
  header: string[];
  indicator: string | null;
  measure: string | null;
  unit: string | null;
  unitSource: string | null;
  source: string;
}

export function mappingEntries(columns: readonly ColumnMapping[], originCol: number): MappingEntry[] {
  return columns.map((c) => ({
    column: columnLetters(c.col + originCol),
    header: [...c.header],
    indicator: c.indicator,
    measure: c.measure,
    unit: c.unit,
    unitSource: c.unitSource,
    source: c.source,
  }));
}

export interface SheetReport {
  sheet: string;
  /** "2022年1-6月", or null when neither the title nor --period gave one. */
  period: string | null;
  preset: string | null;
  mapping: MappingEntry[];
  /** Sorted with compareFindings: most severe first, then top to bottom; explained verify findings carry their 核实说明. */
  findings: ExplainedFinding[];
  summary: Summary;
  /** Verify findings that have a stored explanation (they stay in `summary.verify`, but are not open). */
  explained: number;
  /** What the sheet reader could not settle (unmapped columns, no period …): shown in the text output. */
  notes: Bilingual[];
}

export interface FileReport {
  file: string;
  sheets: SheetReport[];
  error: FileError | null;
  notes: Bilingual[];
  annotatedCopy: string | null;
}

export interface Report {
  files: FileReport[];
  /** Cross-file findings (duplicate and missing submissions), sorted. */
  batch: Finding[];
}

/** A period as the engine hands it (a Period, or already a label) → its label. */
export function periodLabel(period: unknown): string | null {
  if (typeof period === "string") return period;
  if (typeof period === "object" && period !== null && "label" in period) {
    const label = (period as { label: unknown }).label;
    return typeof label === "string" ? label : null;
  }
  return null;
}

/** A sheet's findings as reported: sorted, with their 核实说明 attached, counted. Shared with the standalone page. */
export function reportedFindings(
  findings: readonly Finding[],
  explanations: readonly Explanation[],
): Pick<SheetReport, "findings" | "summary" | "explained"> {
  const sorted = attachExplanations([...findings].sort(compareFindings), explanations);
  return { findings: sorted, summary: summarize(sorted), explained: sorted.filter((f) => f.explanation !== undefined).length };
}

export function sheetReport(outcome: Pick<SheetCheck, "model" | "result">, explanations: readonly Explanation[]): SheetReport {
  const { model, result } = outcome;
  return {
    sheet: result.sheet ?? model.sheet,
    period: periodLabel(result.period) ?? periodLabel(model.period),
    preset: result.preset ?? null,
    mapping: mappingEntries(result.mapping, model.grid.origin?.col ?? 0),
    ...reportedFindings(result.findings, explanations),
    notes: model.notes,
  };
}

export interface Totals extends Summary {
  files: number;
  sheets: number;
  failedFiles: number;
}

/** Counts over every sheet and the batch findings. */
export function totals(report: Report): Totals {
  const t: Totals = { error: 0, verify: 0, info: 0, files: report.files.length, sheets: 0, failedFiles: 0 };
  for (const f of report.files) {
    if (f.error) t.failedFiles++;
    for (const s of f.sheets) {
      t.sheets++;
      t.error += s.summary.error;
      t.verify += s.summary.verify;
      t.info += s.summary.info;
    }
  }
  const b = summarize(report.batch);
  t.error += b.error;
  t.verify += b.verify;
  t.info += b.info;
  return t;
}
