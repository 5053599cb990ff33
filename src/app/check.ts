import { ValidationConfig } from "../core/config";
import { AuditRule, AuditRulesError, findAuditSheet, isAuditSheetName, parseAuditSheet } from "../core/audit";
import { sortFindings, validate, ValidationResult } from "../core/engine";
import { Explanation } from "../core/explanations";
import { summarize } from "../core/findings";
import { Bilingual, Lang } from "../core/i18n";
import { parsePeriod, Period } from "../core/period";
import { checkAgainstPrevious, PreviousSheet } from "../core/previous";
import { CheckSettings, configFor } from "../core/settings";
import { readSheet, SheetGrid, SheetModel } from "../core/sheet";
import { targetsFromModel, TargetTable } from "../core/targets";
import { chongqing, UnitRegistry } from "../core/units";
import { placeOverrides } from "./mapping-keys";
import { isCandidateSheet, looksLikeDataSheet } from "./sheet-selection";
import { sameWorkbookTargets } from "./workbook-targets";

/*
 * The one check pipeline: every face (pane, ribbon, page, zs-check) checks a workbook through here, so that the
 * same file under the same settings gives the same findings wherever it is checked. Pure: grids in, models and
 * findings out; reading the workbook (Office.js, the .xlsx reader) is the caller's.
 */

export interface SheetCheck {
  model: SheetModel;
  result: ValidationResult;
  /** Why the previous period's sheet could not be compared (another year, a later period); null when it was or none was given. */
  previousRefused: Bilingual | null;
}

/** Last period's sheets for one current sheet, or why there are none (said once, as a note). */
export type PreviousMatch = { kind: "sheets"; sheets: PreviousSheet[] } | { kind: "none"; note: Bilingual };

/** A workbook as the pipeline sees it: what any adapter can hand over. */
export interface WorkbookContent {
  /** The grids at hand, in workbook order (all worksheets, or the ones asked for). */
  sheets: readonly SheetGrid[];
  /** Worksheets hidden by the user: not checked unless named. */
  hiddenSheets: readonly string[];
  explanations?: readonly Explanation[];
}

export interface CheckOptions {
  settings: CheckSettings;
  lang?: Lang;
  registry?: UnitRegistry;
  /** Sheets to check whatever they look like (the user named them); absent or empty = every data sheet. */
  sheets?: readonly string[];
  /** Targets given from outside the workbook (zs-check --targets): they win over settings.targets. */
  targets?: TargetTable | null;
  /** The grid the caller read as the settings' targets sheet (the pane reads it through its port). */
  targetsGrid?: SheetGrid | null;
  /** 历史数据审核: last period's sheets for each checked sheet (zs-check --previous, the settings' 上期报表). */
  previous?: (model: SheetModel) => PreviousMatch;
  /** How the checked file is named in messages of the previous-period comparison; default the sheet's name. */
  displayName?: string;
  /** 审核公式 from a rules file (zs-check --rules); a 审核规则 sheet of the workbook adds its own. */
  auditRules?: readonly AuditRule[];
}

export interface WorkbookCheck {
  sheets: SheetCheck[];
  /** Facts the user should know (targets taken from another sheet of the workbook …). */
  notes: Bilingual[];
}

function periodOf(settings: CheckSettings): Period | null {
  return settings.period ? parsePeriod(settings.period) : null;
}

/**
 * The sheet read under the settings' period and mapping corrections. A stored correction is keyed by the header
 * text it was made on: when the used range moved since, it is placed on that header again and the sheet re-read.
 */
export function readWithSettings(grid: SheetGrid, settings: CheckSettings, registry: UnitRegistry = chongqing): SheetModel {
  const period = periodOf(settings);
  const stored = settings.mapping[grid.name] ?? [];
  const model = readSheet(grid, { registry, period, overrides: [...stored] });
  const placed = placeOverrides(model, stored);
  return placed === stored ? model : readSheet(grid, { registry, period, overrides: [...placed] });
}

function engineConfig(settings: CheckSettings, model: SheetModel, lang: Lang): ValidationConfig {
  const config = configFor(settings, model.sheet, lang);
  const period = periodOf(settings);
  if (period) {
    config.months = period.endMonth;
    if (period.year !== undefined) config.year = period.year;
  }
  return config;
}

function findGrid(book: WorkbookContent, name: string): SheetGrid | undefined {
  return book.sheets.find((g) => g.name === name) ?? book.sheets.find((g) => g.name.toLowerCase() === name.toLowerCase());
}

/** Which sheets are checked: the named ones, else every visible sheet that reads as a data table. */
function chooseModels(book: WorkbookContent, options: CheckOptions, registry: UnitRegistry): SheetModel[] {
  const read = (g: SheetGrid) => readWithSettings(g, options.settings, registry);
  if (options.sheets && options.sheets.length > 0) {
    // In workbook order, as the user sees the tabs, whatever order they were named in.
    const named = new Set(options.sheets.map((n) => findGrid(book, n)).filter((g) => g !== undefined));
    return book.sheets.filter((g) => named.has(g)).map(read);
  }
  // The 审核规则 sheet is read for its rules, not checked as data, unless it was named itself.
  return book.sheets
    .filter((g) => isCandidateSheet(g.name, book.hiddenSheets) && !isAuditSheetName(g.name))
    .map(read)
    .filter(looksLikeDataSheet);
}

/**
 * The targets a sheet is checked against: given ones (zs-check --targets); else as the settings say — another
 * sheet of the workbook, none, or the sheet's own 年度目标 columns, falling back to the workbook's targets sheet
 * when the sheet has none. Null = the engine reads the sheet's own columns.
 */
function targetsFor(
  model: SheetModel,
  book: WorkbookContent,
  options: CheckOptions,
  registry: UnitRegistry,
): { table: TargetTable | null; note?: Bilingual } {
  if (options.targets) return { table: options.targets };
  const source = options.settings.targets;
  if (source.kind === "none") return { table: { source: "", byUnit: new Map() } };
  if (source.kind === "sheet") {
    const grid = options.targetsGrid ?? findGrid(book, source.sheet);
    if (grid) return { table: targetsFromModel(readSheet(grid, { registry }), registry) };
    return {
      table: null,
      note: {
        zh: `设置中指定的目标值工作表“${source.sheet}”不在工作簿中：按工作表“${model.sheet}”自身的年度目标列检查`,
        en: `The targets sheet ${source.sheet} named in the settings is not in the workbook: sheet ${model.sheet} is checked against its own annual-target columns`,
      },
    };
  }
  const own = sameWorkbookTargets(model, book.sheets, book.hiddenSheets, registry);
  return own === null ? { table: null } : { table: own.table, note: own.note };
}

/**
 * The rules given and those of the workbook's own 审核规则 sheet (a city's template carries its rules). A mistake in
 * that sheet throws AuditRulesError, naming line and column, before anything is checked.
 */
function auditRulesOf(book: WorkbookContent, options: CheckOptions): AuditRule[] {
  const rules = [...(options.auditRules ?? [])];
  const sheet = findAuditSheet(book.sheets);
  if (sheet === null) return rules;
  const parsed = parseAuditSheet(sheet);
  if (!parsed.ok) throw new AuditRulesError(parsed.errors);
  return [...rules, ...parsed.rules];
}

/** Every sheet to check in a workbook, checked under one set of settings. Throws AuditRulesError (see above). */
export function checkWorkbook(book: WorkbookContent, options: CheckOptions): WorkbookCheck {
  const registry = options.registry ?? chongqing;
  const lang = options.lang ?? "zh";
  const auditRules = auditRulesOf(book, options);
  const out: WorkbookCheck = { sheets: [], notes: [] };
  for (const model of chooseModels(book, options, registry)) {
    const targets = targetsFor(model, book, options, registry);
    if (targets.note) out.notes.push(targets.note);
    const config = engineConfig(options.settings, model, lang);
    const match = options.previous?.(model);
    // 上期(x) in 审核公式 reads the sheet last period's comparison uses (one previous sheet: a 1–(N−1)月 file).
    const previousModel = match?.kind === "sheets" && match.sheets.length === 1 ? match.sheets[0].model : null;
    const result = validate(model, targets.table, config, registry, { auditRules, previous: previousModel });
    if (match === undefined) {
      out.sheets.push({ model, result, previousRefused: null });
      continue;
    }
    if (match.kind === "none") {
      out.notes.push(match.note);
      out.sheets.push({ model, result, previousRefused: null });
      continue;
    }
    const compared = checkAgainstPrevious(model, options.displayName ?? model.sheet, match.sheets, { config, registry, targets: targets.table });
    if (!compared.ok) {
      // The sheet's own findings stand; the comparison the user asked for is what was refused.
      out.sheets.push({ model, result, previousRefused: compared.message });
      continue;
    }
    const findings = sortFindings([...result.findings, ...compared.findings]);
    out.sheets.push({ model, result: { ...result, findings, summary: summarize(findings) }, previousRefused: null });
  }
  return out;
}

/**
 * One sheet checked under a workbook's settings: what the pane, the ribbon and the page do (they read one sheet,
 * and the targets sheet the settings name, through their port). The same pipeline as checkWorkbook.
 */
export function checkSheet(
  grid: SheetGrid,
  settings: CheckSettings,
  options: {
    targetsGrid?: SheetGrid | null;
    previousGrid?: SheetGrid | null;
    /** The workbook's 审核规则 sheet, when it has one (the pane reads it through its port). */
    auditGrid?: SheetGrid | null;
    auditRules?: readonly AuditRule[];
    lang?: Lang;
    registry?: UnitRegistry;
  } = {},
): SheetCheck {
  const registry = options.registry ?? chongqing;
  const previousSheet = settings.previousSheet;
  const previousGrid = options.previousGrid;
  // The previous sheet's own title gives its period; the checked sheet's period override is not its.
  const previous =
    previousSheet && previousGrid
      ? (): PreviousMatch => ({ kind: "sheets", sheets: [{ model: readSheet(previousGrid, { registry }), name: previousSheet }] })
      : undefined;
  const sheets = options.auditGrid ? [grid, options.auditGrid] : [grid];
  const checked = checkWorkbook(
    { sheets, hiddenSheets: [] },
    { settings, lang: options.lang, registry, sheets: [grid.name], targetsGrid: options.targetsGrid, previous, auditRules: options.auditRules },
  );
  return checked.sheets[0];
}
