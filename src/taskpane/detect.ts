/**
 * Pure helpers of the pane: what detection shows (model, preset), the formula columns a mapping allows, and how
 * findings are counted and grouped. No React, no port: unit-testable on their own.
 */
import { INDICATORS, IndicatorId } from "../core/catalog";
import { ExplainedFinding } from "../core/explanations";
import { RuleId, Severity, SEVERITIES } from "../core/findings";
import { Lang } from "../core/i18n";
import { parsePeriod } from "../core/period";
import { CheckSettings } from "../core/settings";
import { columnLetters, readSheet, SheetGrid, SheetModel } from "../core/sheet";
import { ColumnMapping, MappingOverride, Measure, RowInfo } from "../core/sheet/types";
import { dateSheet } from "../core/sheet-dating";
import { hasOwnTargets, targetsSheetByName } from "../core/targets-sheet";
import { chongqing, RegistryPreset, UnitRegistry } from "../core/units";
import { FormulaColumnRequest } from "./port";
import { translate } from "./i18n";

export const REGISTRY: UnitRegistry = chongqing;

/** The sheet read as checkSheet reads it (same period override and mapping corrections), without the rules. */
export function detectModel(grid: SheetGrid, settings: CheckSettings, registry: UnitRegistry = REGISTRY): SheetModel {
  const period = settings.period ? parsePeriod(settings.period) : null;
  return readSheet(grid, { registry, period, overrides: settings.mapping[grid.name] ?? [] });
}

/**
 * Where the targets should come from when the settings say "this sheet" but the sheet has no target columns:
 * `missing` says the choice finds nothing, `offer` names a sheet of the workbook called like 年度目标 (null when
 * none is). Null when the settings are not "this sheet" or the sheet has targets of its own.
 */
export function targetsAdvice(
  model: SheetModel | null,
  sheets: readonly string[],
  targets: CheckSettings["targets"],
): { missing: true; offer: string | null } | null {
  if (model === null || targets.kind !== "this-sheet" || hasOwnTargets(model)) return null;
  return { missing: true, offer: targetsSheetByName(sheets, model.sheet) };
}

/** The preset the engine will use: the chosen one, or for "auto" the one covering the period's end (engine.ts). */
export function effectivePreset(model: SheetModel | null, settings: CheckSettings, registry: UnitRegistry = REGISTRY): RegistryPreset {
  const period = model?.period ?? null;
  try {
    return dateSheet(period, { preset: settings.preset }, registry).preset;
  } catch {
    // A preset saved by another version of the add-in: fall back to automatic.
    return dateSheet(period, { preset: "auto" }, registry).preset;
  }
}

/** A preset by id, or the registry's first when the id is unknown (a result from another version). */
export function presetById(id: string, registry: UnitRegistry = REGISTRY): RegistryPreset {
  return registry.presets().find((p) => p.id === id) ?? registry.presets()[0];
}

export function columnLetter(model: SheetModel, col: number): string {
  return columnLetters(col + (model.grid.origin?.col ?? 0));
}

/** Columns the mapping editor lists: every column with a header, except the unit-name column. */
export function editableColumns(model: SheetModel): ColumnMapping[] {
  return model.columns.filter((c) => c.header.some((h) => h.trim() !== "") && c.col !== model.nameColumn);
}

/** Indicator rows of a one-district form the mapping editor lists: every labelled row that is not a footer. */
export function editableRows(model: SheetModel): RowInfo[] {
  if (model.layout !== "transposed") return [];
  return model.rows.filter((r) => (r.kind === "unit" || r.kind === "part" || r.kind === "note") && r.label.trim() !== "");
}

/** Sheet row number (1-based) of a grid row. */
export function rowNumber(model: SheetModel, row: number): number {
  return row + (model.grid.origin?.row ?? 0) + 1;
}

/** What the mapping section's title counts: indicator rows on a one-district form, else columns. */
export function mappingSummary(model: SheetModel): { axis: "rows" | "columns"; mapped: number; unmapped: number } {
  if (model.layout === "transposed") {
    const rows = editableRows(model);
    const mapped = rows.filter((r) => r.indicator !== undefined).length;
    return { axis: "rows", mapped, unmapped: rows.length - mapped };
  }
  const columns = editableColumns(model);
  const mapped = columns.filter((c) => c.indicator !== null).length;
  return { axis: "columns", mapped, unmapped: columns.length - mapped };
}

/** Two corrections are of the same place: the same column, or the same row of a one-district form. */
export function sameOverridePlace(a: MappingOverride, b: MappingOverride): boolean {
  return a.col === b.col && a.row === b.row;
}

export type FormulaKind = FormulaColumnRequest["kind"];

export interface FormulaOption {
  id: string;
  indicator: IndicatorId;
  request: FormulaColumnRequest;
  /** The sheet already has a column of this kind for the indicator (offered, but not pre-selected). */
  exists: boolean;
}

const KIND_MEASURE: Record<FormulaKind, Measure> = { completion: "completion", yoy: "yoy", pace: "pace" };
const KIND_TEXT = { completion: "kindCompletion", yoy: "kindYoy", pace: "kindPace" } as const;

export function formulaHeader(indicator: IndicatorId, kind: FormulaKind, lang: Lang): string {
  const def = INDICATORS.find((d) => d.id === indicator);
  const name = def ? def.name[lang] : indicator;
  return translate(lang, "formulaHeader", { indicator: name, kind: translate(lang, KIND_TEXT[kind]) });
}

/** First and last data rows (1-based sheet rows) of a table: unit, total, group and 其中 rows. */
export function dataRowRange(model: SheetModel): { firstRow: number; lastRow: number } | null {
  const rows = model.rows.filter((r) => r.kind === "unit" || r.kind === "total" || r.kind === "group" || r.kind === "part");
  if (rows.length === 0) return null;
  const origin = model.grid.origin?.row ?? 0;
  return { firstRow: Math.min(...rows.map((r) => r.row)) + origin + 1, lastRow: Math.max(...rows.map((r) => r.row)) + origin + 1 };
}

/**
 * The formula columns the detected mapping allows: for each amount indicator, 完成率 (current + target), 同比
 * (current + previous) and 超序时进度 (current + target + the period's months). Only for tables.
 */
export function formulaOptions(model: SheetModel, lang: Lang): FormulaOption[] {
  if (model.layout !== "table") return [];
  const range = dataRowRange(model);
  if (range === null) return [];
  const months = model.period?.endMonth;
  const options: FormulaOption[] = [];
  for (const def of INDICATORS) {
    if (def.kind !== "amount" && def.kind !== "foreign-amount") continue;
    const colOf = (measure: Measure) => model.columns.find((c) => c.indicator === def.id && c.measure === measure);
    const current = colOf("current");
    if (!current) continue;
    const target = colOf("target");
    const previous = colOf("previous");
    const letter = (c: ColumnMapping) => columnLetter(model, c.col);
    const add = (kind: FormulaKind, inputs: ColumnMapping[], extra: { months?: number } = {}) => {
      options.push({
        id: `${def.id}:${kind}`,
        indicator: def.id,
        exists: colOf(KIND_MEASURE[kind]) !== undefined,
        request: { kind, inputs: inputs.map(letter), ...extra, ...range, header: formulaHeader(def.id, kind, lang) },
      });
    };
    if (target) add("completion", [current, target]);
    if (previous) add("yoy", [current, previous]);
    if (target && months !== undefined) add("pace", [current, target], { months });
  }
  return options;
}

export interface Counts {
  error: number;
  /** Verify findings still open (no accepted explanation). */
  verify: number;
  info: number;
  explained: number;
}

export function countFindings(findings: readonly ExplainedFinding[]): Counts {
  const counts: Counts = { error: 0, verify: 0, info: 0, explained: 0 };
  for (const f of findings) {
    if (f.severity === "verify" && f.explanation) counts.explained++;
    else counts[f.severity]++;
  }
  return counts;
}

export interface RuleGroup {
  rule: RuleId;
  findings: ExplainedFinding[];
}

export interface SeverityGroup {
  severity: Severity;
  rules: RuleGroup[];
  total: number;
}

/** Findings by severity (error, verify, info), then by rule in order of first appearance; hidden levels left out. */
export function groupFindings(findings: readonly ExplainedFinding[], shown: Readonly<Record<Severity, boolean>>): SeverityGroup[] {
  const groups: SeverityGroup[] = [];
  for (const severity of SEVERITIES) {
    if (!shown[severity]) continue;
    const byRule = new Map<RuleId, ExplainedFinding[]>();
    for (const f of findings) {
      if (f.severity !== severity) continue;
      const list = byRule.get(f.rule);
      if (list) list.push(f);
      else byRule.set(f.rule, [f]);
    }
    const rules = [...byRule].map(([rule, list]) => ({ rule, findings: list }));
    const total = rules.reduce((n, r) => n + r.findings.length, 0);
    if (total > 0) groups.push({ severity, rules, total });
  }
  return groups;
}

/** A key that survives filtering and re-checks: the same finding on the same cell keeps its key (and its editor). */
export function findingKey(f: ExplainedFinding): string {
  return `${f.sheet}|${f.cell ?? ""}|${f.rule}|${f.unit ?? ""}|${f.message.zh}`;
}
