import { Finding, SEVERITY_NAMES } from "../core/findings";
import { Lang } from "../core/i18n";

/**
 * Notes (the old-style cell comments, Excel's "备注") that this add-in writes start with this prefix. It is how they
 * are told apart from the user's own notes: only notes starting with it are ever changed or deleted.
 */
export const NOTE_PREFIX = "【招商统计助手】";

/** Beyond this many flagged cells only the colours mark them: thousands of notes make a sheet unusable. */
export const MAX_NOTES = 500;

export function isOurNote(content: unknown): boolean {
  return typeof content === "string" && content.trimStart().startsWith(NOTE_PREFIX);
}

/** The note of one cell: the prefix, then one line per finding (most severe first, as given). */
export function noteText(findings: readonly Finding[], lang: Lang): string {
  const sep = lang === "zh" ? "：" : ": ";
  const lines = findings.map((f) => `${SEVERITY_NAMES[f.severity][lang]}${sep}${f.message[lang]}`);
  return `${NOTE_PREFIX}\n${lines.join("\n")}`;
}
