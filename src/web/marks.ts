import { bySeverity } from "../app/workbook-style";
import { Finding, SEVERITY_NAMES } from "../core/findings";
import { Lang } from "../core/i18n";
import type { CellMark } from "./preview/GridPreview";

/**
 * Findings → one mark per cell, as the annotated copy marks it: the most severe finding's colour, and every
 * message (most severe first) as the cell's hover text, like the copy's cell note.
 */
export function marksFor(findings: readonly Finding[], lang: Lang): Map<string, CellMark> {
  const byCell = new Map<string, Finding[]>();
  for (const f of findings) {
    if (!f.cell) continue;
    const key = f.cell.replace(/\$/g, "").toUpperCase();
    const list = byCell.get(key);
    if (list) list.push(f);
    else byCell.set(key, [f]);
  }
  const out = new Map<string, CellMark>();
  for (const [cell, list] of byCell) {
    const sorted = [...list].sort((a, b) => bySeverity(a.severity, b.severity));
    const sep = lang === "zh" ? "：" : ": ";
    out.set(cell, {
      severity: sorted[0].severity,
      title: sorted.map((f) => `${SEVERITY_NAMES[f.severity][lang]}${sep}${f.message[lang]}`).join("\n"),
    });
  }
  return out;
}
