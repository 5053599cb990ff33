import { attachExplanations, ExplainedFinding, Explanation } from "../core/explanations";
import { AuditRule, isAuditSheetName } from "../core/audit";
import { Lang } from "../core/i18n";
import { CheckSettings } from "../core/settings";
import { SheetGrid } from "../core/sheet/types";
import { checkSheet, SheetCheck } from "./check";
import { Progress, WorkbookPort } from "./port";

/*
 * 一键校验, the one sequence the pane's button and the ribbon's command both run over a WorkbookPort (Office.js
 * in Excel, the in-memory workbook on the page): the workbook's settings, the sheet, the targets sheet they name,
 * the check, the marks. What differs between the faces is only what they show.
 */

export type OneClickStage = "settings" | "read" | "targets" | "previous" | "rules" | "check";

/** A step that failed: the checked sheet (null before it is known), and for "targets"/"previous" the sheet read. */
export class OneClickError extends Error {
  constructor(
    readonly stage: OneClickStage,
    readonly sheet: string | null,
    readonly cause: unknown,
    readonly sourceSheet: string | null = null,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = "OneClickError";
  }
}

export interface OneClickOptions {
  /** The sheet to check; default the workbook's active sheet. */
  sheet?: string;
  /** 审核公式 from a rules file the user chose (the pane's 审核规则文件), checked besides a 审核规则 sheet's. */
  auditRules?: readonly AuditRule[];
  /** The workbook's sheet names if the caller has them (the pane does); default: asked of the port. */
  sheetNames?: readonly string[];
  /** Settings in hand (the pane's, maybe not saved yet); default the workbook's saved ones. */
  settings?: CheckSettings;
  /** 核实说明 in hand; default the workbook's. Explained verify findings are marked as explained. */
  explanations?: readonly Explanation[];
  lang?: Lang;
  onProgress?: Progress;
  /** False once the caller has started something newer: the sequence then stops without marking. */
  isCurrent?: () => boolean;
  /** Called with the results before the marks are applied (the pane shows them at once). */
  onChecked?: (outcome: OneClickOutcome) => void;
}

export interface OneClickOutcome {
  sheet: string;
  settings: CheckSettings;
  lang: Lang;
  check: SheetCheck;
  /** The check's findings with their stored 核实说明 attached: what is marked. */
  findings: ExplainedFinding[];
  /** Marking failed (the results stand; the user is told). */
  highlightError?: unknown;
}

async function step<T>(stage: OneClickStage, sheet: string | null, run: () => Promise<T> | T, sourceSheet: string | null = null): Promise<T> {
  try {
    return await run();
  } catch (e) {
    throw new OneClickError(stage, sheet, e, sourceSheet);
  }
}

/** Runs 一键校验; null when the caller moved on meanwhile (isCurrent false). Throws OneClickError. */
export async function runOneClick(port: WorkbookPort, options: OneClickOptions = {}): Promise<OneClickOutcome | null> {
  const current = options.isCurrent ?? (() => true);
  const settings = options.settings ?? (await step("settings", null, () => port.loadSettings()));
  const lang = options.lang ?? settings.lang ?? port.displayLanguage();
  const sheet = options.sheet ?? (await step("read", null, () => port.activeSheet()));
  const grid = await step("read", sheet, () => port.readSheet(sheet, options.onProgress));
  let targetsGrid: SheetGrid | null = null;
  if (settings.targets.kind === "sheet") {
    const source = settings.targets.sheet;
    targetsGrid = source === sheet ? grid : await step("targets", sheet, () => port.readSheet(source, options.onProgress), source);
  }
  let previousGrid: SheetGrid | null = null;
  const previousSheet = settings.previousSheet;
  if (previousSheet !== undefined && previousSheet !== sheet) {
    previousGrid = await step("previous", sheet, () => port.readSheet(previousSheet, options.onProgress), previousSheet);
  }
  // A template's 审核规则 sheet carries the city's rules: checked with every sheet of the workbook.
  const names = options.sheetNames ?? (await step("read", sheet, () => port.listSheets()));
  const rulesSheet = names.find((n) => isAuditSheetName(n) && n !== sheet);
  const auditGrid = rulesSheet === undefined ? null : await step("rules", sheet, () => port.readSheet(rulesSheet), rulesSheet);
  if (!current()) return null;
  const check = await step("check", sheet, () => checkSheet(grid, settings, { targetsGrid, previousGrid, auditGrid, auditRules: options.auditRules, lang }));
  const explanations = options.explanations ?? (await step("settings", sheet, () => port.loadExplanations()));
  if (!current()) return null;
  const outcome: OneClickOutcome = { sheet, settings, lang, check, findings: attachExplanations(check.result.findings, explanations) };
  options.onChecked?.(outcome);
  try {
    await port.applyHighlights(sheet, outcome.findings);
  } catch (e) {
    outcome.highlightError = e;
  }
  return outcome;
}
