import { Finding, Summary } from "../core/findings";
import { Bilingual, Lang } from "../core/i18n";
import type { UnmergedRow } from "../core/merge";
import { escapeControls } from "./terminal-text";

/** What a zs-merge run did, for the text and JSON outputs. */
export interface MergeReport {
  /** The workbook written (as shown), or null when nothing was written. */
  output: string | null;
  /** The name asked for was taken: the workbook went under a numbered name. */
  renamed: boolean;
  merged: { file: string; sheet: string; units: number; summary: Summary }[];
  /** Merged despite 强制性 findings (--force). */
  forced: { file: string; findings: Finding[] }[];
  refused: { file: string; findings: Finding[] }[];
  /** With the unit the file name gives, whose row stays blank. */
  unreadable: { file: string; unit: string | null; reason: Bilingual }[];
  /** Earlier zs-merge outputs found among the inputs: skipped. */
  ownOutputs: string[];
  duplicates: { unit: string; files: string[] }[];
  missing: string[];
  unmerged: UnmergedRow[];
  inputProblems: Bilingual[];
}

const list = (items: readonly string[], lang: Lang): string => items.join(lang === "zh" ? "、" : ", ");

function findingLines(findings: readonly Finding[], lang: Lang): string[] {
  return findings.map((f) => `    ${f.cell ?? "-"}  ${f.message[lang]}`);
}

export function formatMergeText(report: MergeReport, lang: Lang): string {
  const zh = lang === "zh";
  const lines: string[] = [];
  const files = new Set(report.merged.map((m) => m.file)).size;
  const units = report.merged.reduce((n, m) => n + m.units, 0);
  if (report.output !== null) {
    lines.push(
      zh
        ? `已汇总 ${files} 个文件（${units} 个单位）→ ${report.output}（汇总表、赛马榜、来源）`
        : `merged ${files} files (${units} units) → ${report.output} (汇总表, 赛马榜, 来源)`,
    );
    if (report.renamed) lines.push(zh ? "  同名文件已存在，未覆盖，另存为上述文件名" : "  a file of that name already existed and was kept; saved under the name above");
  }
  if (report.refused.length > 0) {
    lines.push(zh ? "未汇总（有强制性问题；修改后重报，或用 --force 强制汇总）：" : "not merged (Error-level findings; fix and resubmit, or use --force):");
    for (const r of report.refused) {
      lines.push(`  ${r.file}${zh ? `：强制性 ${r.findings.length}` : `: ${r.findings.length} Error`}`);
      lines.push(...findingLines(r.findings, lang));
    }
  }
  if (report.forced.length > 0) {
    lines.push(zh ? "已按 --force 汇总，但仍有强制性问题：" : "merged with --force despite Error-level findings:");
    for (const r of report.forced) {
      lines.push(`  ${r.file}${zh ? `：强制性 ${r.findings.length}` : `: ${r.findings.length} Error`}`);
      lines.push(...findingLines(r.findings, lang));
    }
  }
  if (report.duplicates.length > 0) {
    lines.push(zh ? "重复报送，各份均未汇总：" : "submitted more than once, none of the copies merged:");
    for (const d of report.duplicates) lines.push(`  ${d.unit}${zh ? "：" : ": "}${list(d.files, lang)}`);
  }
  if (report.missing.length > 0) {
    lines.push(
      zh
        ? `未报送（汇总表中留空，不作 0 计）${report.missing.length} 个：${list(report.missing, lang)}`
        : `no submission (left blank in the table, never 0), ${report.missing.length}: ${list(report.missing, lang)}`,
    );
  }
  for (const u of report.unreadable) {
    const unit = u.unit === null ? "" : zh ? `（${u.unit}留空）` : ` (${u.unit} left blank)`;
    lines.push(zh ? `未汇总：${u.reason.zh}${unit}` : `not merged: ${u.reason.en}${unit}`);
  }
  for (const f of report.ownOutputs) lines.push(zh ? `已跳过此前生成的汇总表：${f}` : `skipped an earlier merged workbook: ${f}`);
  for (const u of report.unmerged) {
    lines.push(zh ? `${u.file}（${u.sheet}）中的“${u.label}”不是本期的统计单位，未汇总` : `${u.file} (${u.sheet}): "${u.label}" is not a reporting unit of the period; not merged`);
  }
  return lines.map((l) => escapeControls(l)).join("\n") + "\n";
}

export function formatMergeJson(report: MergeReport, lang: Lang): string {
  const finding = (f: Finding) => ({ sheet: f.sheet, cell: f.cell, rule: f.rule, severity: f.severity, unit: f.unit, message: f.message[lang] });
  return (
    JSON.stringify(
      {
        output: report.output,
        renamed: report.renamed,
        merged: report.merged,
        forced: report.forced.map((r) => ({ file: r.file, findings: r.findings.map(finding) })),
        refused: report.refused.map((r) => ({ file: r.file, findings: r.findings.map(finding) })),
        duplicates: report.duplicates,
        missing: report.missing,
        unreadable: report.unreadable.map((u) => ({ file: u.file, unit: u.unit, reason: u.reason[lang] })),
        inputProblems: report.inputProblems.map((p) => p[lang]),
        skippedOutputs: report.ownOutputs,
        unmerged: report.unmerged,
      },
      null,
      2,
    ) + "\n"
  );
}
