import { AuditRule } from "./audit/ast";
import { evaluateAuditRules } from "./audit/evaluate";
import { withDefaults } from "./config";
import { Finding, RuleId, Severity, Summary, summarize } from "./findings";
import { Period, formatPeriodLabel } from "./period";
import { RULES } from "./rules";
import { columnLetters } from "./rules/address";
import { RuleContext, createContext } from "./rules/context";
import { ColumnMapping, DataRecord, SheetModel } from "./sheet/types";
import { TargetTable, periodAsOf, targetsFromModel, unitKey } from "./targets";
import { Bilingual } from "./i18n";
import { RegistryPreset, Resolution, UnitRegistry, asOfToIsoDate, chongqing } from "./units";
import { unitNamedIn } from "./units/in-text";

export interface ValidationResult {
  sheet: string;
  /** The sheet's period, with year and months from the configuration where the title does not give them. */
  period: Period | null;
  /** Registry preset the units were checked against (chosen from the period when config.preset is "auto"). */
  preset: string;
  /** The column mapping the findings rest on, echoed so that a report shows what was understood. */
  mapping: ColumnMapping[];
  findings: Finding[];
  summary: Summary;
}

/** Inputs beyond the sheet itself: the city's 审核公式 and the previous period's sheet they may read (上期). */
export interface ValidationExtras {
  auditRules?: readonly AuditRule[] | null;
  previous?: SheetModel | null;
}

/**
 * What validate() and checkSubmissions() accept: any part of ValidationConfig, thresholds included field by field
 * (a Partial<ValidationConfig> is one).
 */
export type ConfigInput = NonNullable<Parameters<typeof withDefaults>[0]>;

/**
 * Validates one sheet: a pure function of (model, targets, configuration, registry). Nothing is mutated, and the
 * same input gives the same findings in the same order.
 *
 * targets null → the sheet's own target columns (if any). Preset "auto" → the registry's preset for the period's
 * end (config.year and config.months fill in what the title leaves out); with no year at all the registry's first
 * preset (chongqing-2020 for Chongqing) is used and reported in the result.
 */
export function validate(
  model: SheetModel,
  targets: TargetTable | null,
  config: ConfigInput = {},
  registry: UnitRegistry = chongqing,
  extra: ValidationExtras = {},
): ValidationResult {
  const ctx = createRuleContext(model, targets, config, registry);
  const findings: Finding[] = [];
  for (const rule of RULES) {
    const out = rule.run(ctx);
    for (let i = 0; i < out.length; i++) findings.push(out[i]);
  }
  if (extra.auditRules && extra.auditRules.length > 0) {
    // The rules read through the same context, so cells the built-in rules parsed are not parsed again.
    const out = evaluateAuditRules(
      extra.auditRules,
      { model, previous: extra.previous ?? null, targets, period: ctx.period },
      { ctx, contextOf: (m) => createRuleContext(m, null, config, registry) },
    );
    for (let i = 0; i < out.length; i++) findings.push(out[i]);
  }
  sortFindings(findings);
  return {
    sheet: model.sheet,
    period: ctx.period,
    preset: ctx.preset.id,
    mapping: model.columns,
    findings,
    summary: summarize(findings),
  };
}

/**
 * The context validate() runs its rules in: preset, scheme, dates, time progress and targets settled once. Exported
 * so that a single rule can be run on its own (tests, a pane that re-checks one rule).
 */
export function createRuleContext(
  model: SheetModel,
  targets: TargetTable | null,
  config: ConfigInput = {},
  registry: UnitRegistry = chongqing,
): RuleContext {
  const cfg = withDefaults(config);
  const year = model.period?.year ?? cfg.year ?? null;
  const givenMonths = model.period?.endMonth ?? cfg.months ?? null;
  const months =
    givenMonths !== null && Number.isInteger(givenMonths) && givenMonths >= 1 && givenMonths <= 12 ? givenMonths : null;
  const sheetDate = year === null ? null : dateOf(year, months);
  const preset = choosePreset(registry, cfg.preset, sheetDate);
  // Without a year, units are resolved at the preset's own window so that a name shared across a reform
  // (两江新区 the zone, 两江新区 the district) reads as the preset's unit.
  const asOf = sheetDate ?? preset.validTo ?? preset.validFrom ?? null;
  const schemes = new Set(registry.schemes().map((s) => s.id));
  const scheme = config.scheme !== undefined && schemes.has(config.scheme) ? config.scheme : preset.defaultScheme;
  const period = effectivePeriod(model.period, year, months);
  const timeProgress = months === null ? null : months / 12;
  const ownTargets = () => targetsFromModel(model, registry);
  return createContext({
    model,
    config: cfg,
    registry,
    preset,
    scheme,
    asOf,
    year,
    period,
    timeProgress,
    targets,
    ownTargets,
  });
}

/** The end of the period as an ISO date; null for a year that is not one (config.year 22). */
function dateOf(year: number, months: number | null): string | null {
  try {
    return asOfToIsoDate(periodAsOf(year, months) as string);
  } catch {
    return null;
  }
}

function choosePreset(registry: UnitRegistry, id: string, sheetDate: string | null): RegistryPreset {
  if (id !== "auto") return registry.preset(id);
  if (sheetDate !== null) {
    try {
      return registry.presetFor(sheetDate);
    } catch {
      // A year no preset covers (before the data begins): fall through to the default.
    }
  }
  return registry.presets()[0];
}

function effectivePeriod(period: Period | null, year: number | null, months: number | null): Period | null {
  if (period !== null) {
    if (period.year !== undefined || year === null) return period;
    return { ...period, year, label: formatPeriodLabel(period.startMonth, period.endMonth, year) };
  }
  if (months === null) return null;
  const p: Period = { startMonth: 1, endMonth: months, label: formatPeriodLabel(1, months, year ?? undefined) };
  if (year !== null) p.year = year;
  return p;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, verify: 1, info: 2 };

/**
 * Sorts in place in the order of compareFindings (severity, row, column, rule) without calling localeCompare
 * for every comparison: column letters are upper-case ASCII of equal length when compared, where code-point
 * order is locale order, and rule ids are ranked once with localeCompare.
 */
export function sortFindings(findings: Finding[]): Finding[] {
  const ids = [...new Set(findings.map((f) => f.rule))].sort((a, b) => a.localeCompare(b));
  const rank = new Map<RuleId, number>(ids.map((id, i) => [id, i]));
  findings.sort((a, b) => {
    const d = SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (a.row ?? 0) - (b.row ?? 0);
    if (d !== 0) return d;
    const ca = a.column ?? "";
    const cb = b.column ?? "";
    if (ca.length !== cb.length) return ca.length - cb.length;
    if (ca !== cb) return ca < cb ? -1 : 1;
    return (rank.get(a.rule) as number) - (rank.get(b.rule) as number);
  });
  return findings;
}

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

interface Submitted {
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
  const year = s.result.period?.year ?? null;
  if (year === null) return undefined;
  try {
    return asOfToIsoDate(periodAsOf(year, s.result.period?.endMonth) as string);
  } catch {
    return undefined;
  }
}

function address(model: SheetModel, pos: { row: number; col: number }): { cell: string; row: number; column: string } {
  const origin = model.grid.origin ?? { row: 0, col: 0 };
  const column = columnLetters(origin.col + pos.col);
  const row = origin.row + pos.row + 1;
  return { cell: `${column}${row}`, row, column };
}

function externalRef(e: Submitted): string {
  const cell = e.record.labelCell ? address(e.submission.model, e.record.labelCell).cell : "";
  return `'[${e.submission.file}]${e.submission.sheet}'${cell ? `!${cell}` : ""}`;
}

/** How many other files a duplicate-submission message names before it counts the rest. */
const NAMED_DUPLICATES = 3;

function duplicateFinding(e: Submitted, others: Submitted[]): Finding {
  const where = e.record.labelCell ? address(e.submission.model, e.record.labelCell) : null;
  // Five hundred copies of one form must not make five hundred 35 KB messages: name a few, count the rest
  // (every other file is still listed in `related`).
  const named = others.slice(0, NAMED_DUPLICATES);
  const more = others.length - named.length;
  const zhOthers =
    named.map((o) => `文件“${o.submission.file}”工作表“${o.submission.sheet}”`).join("、") + (more > 0 ? `等${others.length}份报表` : "");
  const enOthers =
    named.map((o) => `file "${o.submission.file}", sheet ${o.submission.sheet}`).join("; ") +
    (more > 0 ? ` and ${more} more submission(s)` : "");
  return {
    rule: "duplicate-submission",
    severity: "error",
    sheet: e.submission.sheet,
    cell: where?.cell ?? null,
    row: where?.row ?? null,
    column: where?.column ?? null,
    unit: e.name,
    indicator: null,
    value: e.record.label,
    file: e.submission.file,
    related: others.map(externalRef),
    message: {
      zh: `文件“${e.submission.file}”工作表“${e.submission.sheet}”与${zhOthers}重复报送${e.name}的数据，请确认以哪一份为准并撤回另一份。`,
      en: `File "${e.submission.file}", sheet ${e.submission.sheet} and ${enOthers} both submit ${e.name}; keep one and withdraw the other.`,
    },
  };
}

function missingFinding(
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

  const preset = registry.preset(id).name;
  const n = submissions.length;
  const list = (names: readonly string[]): Bilingual => ({ zh: names.join("、"), en: names.join(", ") });
  const absent = list(missing);
  const files = notChecked.map((u) => ({
    zh: u.unit === null ? `${u.file}：${u.reason.zh}` : `${u.file}（按文件名为${u.unit.name}）：${u.reason.zh}`,
    en: u.unit === null ? `${u.file}: ${u.reason.en}` : `${u.file} (by its name, ${u.unit.name}): ${u.reason.en}`,
  }));
  const uncheckedText: Bilingual =
    files.length === 0
      ? { zh: "", en: "" }
      : {
          zh: `另有${files.length}份文件未检查，其单位未计为漏报：${files.map((f) => f.zh).join("；")}。`,
          en: ` ${files.length} file(s) were not checked and their units are not counted as missing: ${files.map((f) => f.en).join("; ")}.`,
        };
  const listNote: Bilingual = { zh: `对照名单：${preset.zh}。`, en: ` List: ${preset.en}.` };

  let severity: Severity;
  let message: Bilingual;
  if (onlyPresent) {
    severity = "info";
    message = {
      zh: `按设置只校验本批${n}份报表中的单位；名单中另有${missing.length}个单位没有报表，未作漏报处理：${absent.zh}。${uncheckedText.zh}${listNote.zh}`,
      en: `As set, only the units of the ${n} files were checked; ${missing.length} units of the list have no file and were not treated as missing: ${absent.en}.${uncheckedText.en}${listNote.en}`,
    };
  } else if ((units.length - missing.length) * 2 >= units.length) {
    severity = "verify";
    message = {
      zh: `本批${n}份报表中没有以下${missing.length}个单位的报表：${absent.zh}，请核实是否漏报或迟报。${uncheckedText.zh}${listNote.zh}`,
      en: `None of the ${n} files in this batch is from these ${missing.length} units: ${absent.en}; check whether they are missing or late.${uncheckedText.en}${listNote.en}`,
    };
  } else {
    severity = "info";
    message = {
      zh: `本批只有${n}份报表，来自${checked.length}个单位（${list(checked).zh}），按部分单位校验；名单中其余${missing.length}个单位没有报表，未作漏报处理。${uncheckedText.zh}${listNote.zh}`,
      en: `This batch has only ${n} files, from ${checked.length} units (${list(checked).en}), and was checked as a partial batch; the other ${missing.length} units of the list have no file and were not treated as missing.${uncheckedText.en}${listNote.en}`,
    };
  }
  return {
    rule: "missing-submission",
    severity,
    sheet: "",
    cell: null,
    row: null,
    column: null,
    unit: missing.length === 1 ? missing[0] : null,
    indicator: null,
    value: null,
    message,
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
