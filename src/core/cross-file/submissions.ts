import { withDefaults } from "../config";
import type { ConfigInput, ValidationResult } from "../engine";
import { Finding } from "../findings";
import { Bilingual } from "../i18n";
import { DataRecord, SheetModel } from "../sheet/types";
import { sortFindings } from "../sort-findings";
import { periodEndDate } from "../sheet-dating";
import { unitKey } from "../targets";
import { Resolution, UnitRegistry, chongqing } from "../units";
import { duplicateFinding } from "./duplicate-submission";
import { missingFinding } from "./missing-submission";

export interface Submission {
  file: string;
  sheet: string;
  model: SheetModel;
  result: ValidationResult;
}

/** A file with one unit's figures (a transposed form, or a table with a single unit row and no total). */
function isPerDistrict(model: SheetModel): boolean {
  if (model.layout === "transposed") return true;
  const units = model.records.filter((r) => r.kind === "unit").length;
  const totals = model.records.some((r) => r.kind === "total");
  return units <= 1 && !totals;
}

export interface Submitted {
  submission: Submission;
  record: DataRecord;
  resolution: Resolution;
  key: string;
  name: string;
}

/** A file of the batch that could not be read (.et, .xls, .csv, a damaged workbook): it was not checked. */
export interface UncheckedFile {
  file: string;
  /** Why, as shown to the user ("旧版 .xls 格式…"). */
  reason: Bilingual;
}

/**
 * Checks a batch of single-district submissions against each other: the same unit submitted in two files is
 * 强制性 (duplicate-submission, each finding naming the other file); the units of the preset with no submission
 * are ONE finding listing them (missing-submission): 核实性 when most units submitted (the others may be late), a
 * 提示性 note naming what was checked when the batch is clearly a few districts, and a 提示性 count with
 * config.onlyPresentUnits. Files that could not be read are not submissions that are absent: the unit their name
 * gives is not called missing, and the finding says which files were not checked. Whole-city tables are not
 * submissions of one unit: they take no part in the duplicate check, and if any is present nothing is reported
 * missing, since the batch is then not a set of district files.
 */
export function checkSubmissions(
  submissions: Submission[],
  config: ConfigInput = {},
  registry: UnitRegistry = chongqing,
  unchecked: readonly UncheckedFile[] = [],
): Finding[] {
  if (submissions.length === 0) return [];
  const cfg = withDefaults(config);
  const perDistrict = submissions.filter((s) => isPerDistrict(s.model));
  const submitted: Submitted[] = [];
  for (const s of perDistrict) {
    const asOf = resolutionDate(s);
    for (const record of s.model.records) {
      if (record.kind !== "unit") continue;
      const resolution = record.resolution ?? registry.resolve(record.label, asOf);
      const unit = resolution.status === "ok" || resolution.status === "invalid" ? resolution.unit : null;
      submitted.push({
        submission: s,
        record,
        resolution,
        key: unitKey(resolution, record.label),
        name: unit?.name ?? record.label,
      });
    }
  }

  const findings: Finding[] = [];
  const byKey = new Map<string, Submitted[]>();
  for (const e of submitted) {
    if (e.key === "") continue;
    const list = byKey.get(e.key);
    if (list === undefined) byKey.set(e.key, [e]);
    else list.push(e);
  }
  for (const list of byKey.values()) {
    const distinct = new Set(list.map((e) => `${e.submission.file}\u0000${e.submission.sheet}`));
    if (distinct.size < 2) continue;
    for (const e of list) {
      const others = list.filter(
        (o) => o.submission.file !== e.submission.file || o.submission.sheet !== e.submission.sheet,
      );
      findings.push(duplicateFinding(e, others));
    }
  }

  const wholeCity = submissions.some((s) => !isPerDistrict(s.model));
  if (!wholeCity) {
    const missing = missingFinding(submissions, submitted, unchecked, cfg.preset, cfg.onlyPresentUnits, registry);
    if (missing !== null) findings.push(missing);
  }
  return sortFindings(findings);
}

function resolutionDate(s: Submission): string | undefined {
  return periodEndDate(s.result.period?.year, s.result.period?.endMonth) ?? undefined;
}
