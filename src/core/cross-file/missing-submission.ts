import { Finding } from "../findings";
import { UnitRegistry } from "../units";
import { unitNamedIn } from "../units/in-text";
import { MissingSubmissionDetails, missingSubmissionMessage } from "../rules/submission-rules";
import { Submission, Submitted, UncheckedFile } from "./submissions";

/** The units of the preset with no submission, as one finding (see checkSubmissions). */
export function missingFinding(
  submissions: Submission[],
  submitted: Submitted[],
  unchecked: readonly UncheckedFile[],
  presetId: string,
  onlyPresent: boolean,
  registry: UnitRegistry,
): Finding | null {
  const id = presetId !== "auto" ? presetId : mostCommon(submissions.map((s) => s.result.preset));
  let units;
  try {
    units = registry.unitsOf(id);
  } catch {
    return null;
  }
  const present = new Set<string>();
  const checkedNames = new Set<string>();
  for (const e of submitted) {
    const r = e.resolution;
    if (r.status === "ok" || r.status === "invalid") present.add(r.unit.code);
    // A misspelt unit (壁山区) was still submitted: the sheet's own unknown-unit finding says so.
    else if (r.status === "unknown" && r.suggestions.length > 0) present.add(r.suggestions[0].code);
    checkedNames.add(e.name);
  }
  // A Set while collecting: a batch of a thousand one-row files must not search a list per row.
  const checked = [...checkedNames];
  // Named in the list's printing order, as a statistician reads them; names outside the list last.
  const order = new Map(units.map((u, i) => [u.name, i]));
  checked.sort((a, b) => (order.get(a) ?? units.length) - (order.get(b) ?? units.length));
  // A file that could not be read is not a unit that did not report: what its name says is kept apart.
  const notChecked = unchecked.map((u) => ({ ...u, unit: unitNamedIn(u.file.replace(/^.*[\\/]/, ""), units) }));
  const uncheckedCodes = new Set(notChecked.flatMap((u) => (u.unit === null ? [] : [u.unit.code])));
  const missing = units.filter((u) => !present.has(u.code) && !uncheckedCodes.has(u.code)).map((u) => u.name);
  // Everything accounted for: the unreadable files are already listed as 未检查 on their own.
  if (missing.length === 0) return null;

  const scope: MissingSubmissionDetails["scope"] = onlyPresent
    ? "only-present"
    : (units.length - missing.length) * 2 >= units.length
      ? "most-submitted"
      : "partial";
  const details: MissingSubmissionDetails = {
    rule: "missing-submission",
    scope,
    missing,
    submitted: checked,
    files: submissions.length,
    unchecked: notChecked.map((u) => ({ file: u.file, unit: u.unit?.name ?? null, reason: u.reason })),
    preset: id,
    presetName: registry.preset(id).name,
  };
  return {
    rule: "missing-submission",
    severity: scope === "most-submitted" ? "verify" : "info",
    sheet: "",
    cell: null,
    row: null,
    column: null,
    unit: missing.length === 1 ? missing[0] : null,
    indicator: null,
    value: null,
    details,
    message: missingSubmissionMessage(details),
  };
}

function mostCommon(ids: string[]): string {
  const counts = new Map<string, number>();
  let best = ids[0];
  for (const id of ids) {
    const n = (counts.get(id) ?? 0) + 1;
    counts.set(id, n);
    if (n > (counts.get(best) ?? 0)) best = id;
  }
  return best;
}
