import { OneClickError, OneClickOutcome, runOneClick } from "../app/one-click";
import { AuditRulesError } from "../core/audit";
import { SEVERITIES, SEVERITY_NAMES, summarize, Summary } from "../core/findings";
import { Bilingual, Lang } from "../core/i18n";
import { OfficeAdapterError } from "../excel/errors";
import { WorkbookPort } from "../app/port";

/*
 * 一键校验 without the pane: the active sheet, checked with the settings saved in the workbook (the pane's choices),
 * marked in place, by the same sequence as the pane's button (src/app/one-click.ts). Kept apart from commands.ts
 * (which only wires it to the ribbon) so that it is tested with any WorkbookPort.
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

/** The targets or 上期报表 sheet named in the settings could not be read: said with its name, in both languages. */
function namedSheetUnreadable(stage: "targets" | "previous", source: string | null, cause: unknown): OfficeAdapterError {
  const why = cause instanceof Error ? cause.message : String(cause);
  return new OfficeAdapterError(
    stage === "targets"
      ? { zh: `无法读取目标值工作表“${source}”（设置中指定）：${why}`, en: `Cannot read the targets sheet "${source}" named in the settings: ${why}` }
      : {
          zh: `无法读取上期报表工作表“${source}”（设置中指定）：${why}`,
          en: `Cannot read the previous period's sheet "${source}" named in the settings: ${why}`,
        },
  );
}

/** The ribbon's 一键校验: the app's sequence (the pane runs the same one) on the active sheet. */
export async function validateActiveSheet(port: WorkbookPort): Promise<ValidationOutcome> {
  let done: OneClickOutcome | null;
  try {
    done = await runOneClick(port);
  } catch (e) {
    if (!(e instanceof OneClickError)) throw new ValidationFailure(null, e);
    const named = e.stage === "targets" || e.stage === "previous";
    throw new ValidationFailure(e.sheet, named ? namedSheetUnreadable(e.stage as "targets" | "previous", e.sourceSheet, e.cause) : e.cause);
  }
  // Never null: nothing newer can start while the ribbon's command runs.
  if (done === null) throw new ValidationFailure(null, new Error("the check was superseded"));
  if (done.highlightError !== undefined) throw new ValidationFailure(done.sheet, done.highlightError);
  const limitations = [...(port.limitations?.() ?? [])];
  const refused = done.check.previousRefused;
  // Said with the summary: a comparison the user asked for and did not get must not pass for a clean one.
  if (refused !== null) {
    limitations.push({ zh: `未与上期报表对比：${refused.zh}`, en: `Not compared with the previous period's sheet: ${refused.en}` });
  }
  return { sheet: done.sheet, summary: summarize(done.findings), lang: done.lang, limitations };
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
