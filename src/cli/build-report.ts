import { compareFindings, Finding } from "../core/findings";
import { FileReport, Report, sheetReport } from "../app/report";
import { FileOutcome } from "./check-file";
import { InputProblem } from "./discover";

/** The run's outcomes as the report model both formatters read: checked files, then inputs that named nothing. */
export function buildReport(outcomes: readonly FileOutcome[], problems: readonly InputProblem[], batch: readonly Finding[]): Report {
  const files: FileReport[] = outcomes.map((o) => ({
    file: o.file.display,
    sheets: o.sheets.map((s) => sheetReport(s, o.explanations)),
    error: o.error,
    notes: o.notes,
    annotatedCopy: o.annotatedCopy,
  }));
  // Inputs that named nothing are listed as files with an error, so a script reading the JSON sees them too.
  for (const p of problems) {
    files.push({ file: p.input, sheets: [], error: { reason: p.reason, message: p.message }, notes: [], annotatedCopy: null });
  }
  return { files, batch: [...batch].sort(compareFindings) };
}
