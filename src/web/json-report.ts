import { checkSheet } from "../app/check";
import { Explanation } from "../core/explanations";
import { Finding } from "../core/findings";
import { Lang } from "../core/i18n";
import { CheckSettings } from "../core/settings";
import { SheetGrid } from "../core/sheet/types";
// The report model and formatter zs-check uses (src/app), so the page writes the very format --format json writes.
import { formatJson } from "../app/json-format";
import { Report, SheetReport, mappingEntries, periodLabel, reportedFindings } from "../app/report";

export interface JsonReportInput {
  fileName: string;
  results: readonly { sheet: string; findings: readonly Finding[] }[];
  settings: CheckSettings;
  lang: Lang;
  grid: (sheet: string) => SheetGrid | undefined;
  /** 核实说明 written on the page: explained findings are reported as explained, as zs-check does. */
  explanations?: readonly Explanation[];
}

/**
 * One sheet as zs-check reports it. The findings are the pane's (what the user saw and what the copy marks); the
 * period, preset and mapping they rest on come from checking the grid again under the same settings — the port
 * is handed findings only, and the engine is deterministic.
 */
function sheetReport(input: JsonReportInput, sheet: string, findings: readonly Finding[]): SheetReport {
  const reported = reportedFindings(findings, input.explanations ?? []);
  const grid = input.grid(sheet);
  if (!grid) return { sheet, period: null, preset: null, mapping: [], ...reported, notes: [] };
  const t = input.settings.targets;
  const targetsGrid = t.kind === "sheet" ? input.grid(t.sheet) ?? null : null;
  const previous = input.settings.previousSheet;
  const previousGrid = previous !== undefined && previous !== sheet ? input.grid(previous) ?? null : null;
  const { model, result } = checkSheet(grid, input.settings, { targetsGrid, previousGrid, lang: input.lang });
  return {
    sheet: result.sheet ?? model.sheet,
    period: periodLabel(result.period) ?? periodLabel(model.period),
    preset: result.preset ?? null,
    mapping: mappingEntries(result.mapping, model.grid.origin?.col ?? 0),
    ...reported,
    notes: model.notes,
  };
}

export function pageReport(input: JsonReportInput): Report {
  return {
    files: [
      {
        file: input.fileName,
        sheets: input.results.map((r) => sheetReport(input, r.sheet, r.findings)),
        error: null,
        notes: [],
        annotatedCopy: null,
      },
    ],
    // Cross-file checks need several files; the page checks one.
    batch: [],
  };
}

/** The JSON download: byte for byte the document zs-check --format json prints for the same file and findings. */
export function pageJson(input: JsonReportInput): string {
  return formatJson(pageReport(input), input.lang);
}
