import { checkSheet } from "../core/check";
import { AuditRulesError, isAuditSheetName } from "../core/audit";
import { SEVERITIES, SEVERITY_NAMES, summarize, Summary } from "../core/findings";
import { Bilingual, Lang } from "../core/i18n";
import { CheckSettings } from "../core/settings";
import { SheetGrid } from "../core/sheet/types";
import { OfficeAdapterError } from "../excel/errors";
import { WorkbookPort } from "../taskpane/port";

/*
 * 一键校验 without the pane: the active sheet, checked with the settings saved in the workbook (the pane's choices),
 * marked in place. Kept apart from commands.ts (which only wires it to the ribbon) so that it is tested with any
 * WorkbookPort.
 */

export interface ValidationOutcome {
  sheet: string;
  summary: Summary;
  lang: Lang;
  /** What this Excel could not do (e.g. notes), to be told in the notice. */
  limitations: Bilingual[];
}

/** A failure, with the sheet it happened on when that is known (for the notice). */
export class ValidationFailure extends Error {
  constructor(
    readonly sheet: string | null,
    readonly error: unknown,
  ) {
    super(error instanceof Error ? error.message : String(error));
    this.name = "ValidationFailure";
  }
}

async function targetsGrid(port: WorkbookPort, settings: CheckSettings, sheet: string, grid: SheetGrid): Promise<SheetGrid | null> {
  if (settings.targets.kind !== "sheet") return null;
  const source = settings.targets.sheet;
  if (source === sheet) return grid;
  try {
    return await port.readSheet(source);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new OfficeAdapterError({
      zh: `无法读取目标值工作表“${source}”（设置中指定）：${why}`,
      en: `Cannot read the targets sheet "${source}" named in the settings: ${why}`,
    });
  }
}

/** The workbook's 审核规则 sheet (the city's rules, sent with the template), when it has one. */
async function rulesGrid(port: WorkbookPort, sheet: string): Promise<SheetGrid | null> {
  const name = (await port.listSheets()).find((n) => isAuditSheetName(n) && n !== sheet);
  return name === undefined ? null : port.readSheet(name);
}

export async function validateActiveSheet(port: WorkbookPort): Promise<ValidationOutcome> {
  let sheet: string | null = null;
  try {
    const settings = await port.loadSettings();
    const lang = settings.lang ?? port.displayLanguage();
    sheet = await port.activeSheet();
    const grid = await port.readSheet(sheet);
    const targets = await targetsGrid(port, settings, sheet, grid);
    const auditGrid = await rulesGrid(port, sheet);
    const { result } = checkSheet(grid, settings, { targetsGrid: targets, lang, auditGrid });
    await port.applyHighlights(sheet, result.findings);
    return { sheet, summary: summarize(result.findings), lang, limitations: port.limitations?.() ?? [] };
  } catch (e) {
    throw new ValidationFailure(sheet, e);
  }
}

/** "校验完成：强制性 2 · 核实性 5 · 提示性 3" / "Check complete: Error 2 · Verify 5 · Info 3". */
export function summaryText(summary: Summary, lang: Lang, limitations: readonly Bilingual[] = []): string {
  const counts = SEVERITIES.map((s) => `${SEVERITY_NAMES[s][lang]} ${summary[s]}`).join(" · ");
  const head = lang === "zh" ? `校验完成：${counts}` : `Check complete: ${counts}`;
  return [head, ...limitations.map((l) => l[lang])].join("\n");
}

function reason(cause: unknown): Bilingual {
  if (cause instanceof OfficeAdapterError || cause instanceof AuditRulesError) return cause.text;
  const text = cause instanceof Error ? cause.message : String(cause);
  return { zh: text, en: text };
}

/** Chinese first, then English, whatever the UI language: the notice is often read by someone else. */
export function failureText(failure: ValidationFailure): string {
  const why = reason(failure.error);
  const zh = failure.sheet === null ? `校验失败：${why.zh}` : `校验工作表“${failure.sheet}”失败：${why.zh}`;
  const en = failure.sheet === null ? `Check failed: ${why.en}` : `Checking sheet "${failure.sheet}" failed: ${why.en}`;
  return zh === en ? zh : `${zh}\n${en}`;
}
