import { ExplainedFinding } from "../core/explanations";
import { SEVERITIES, SEVERITY_NAMES, Summary } from "../core/findings";
import { Lang } from "../core/i18n";
import { Paint } from "./color";
import { FileReport, Report, SheetReport, totals } from "../app/report";
import { capLength, escapeControls, shortenMiddle } from "./terminal-text";
import { displayWidth, padEndDisplay } from "./width";

/**
 * The human-readable report: per file and sheet a summary line and a table of findings, then cross-file findings
 * and a total line. Built as one string (one write for a large batch, not thousands).
 */

const WORDS = {
  severity: { zh: "严重程度", en: "Severity" },
  cell: { zh: "单元格", en: "Cell" },
  unit: { zh: "单位", en: "Unit" },
  message: { zh: "说明", en: "Message" },
  sheet: { zh: "工作表", en: "sheet" },
  preset: { zh: "预设", en: "preset" },
  noPeriod: { zh: "期间未知", en: "period unknown" },
  noFindings: { zh: "未发现问题", en: "No findings" },
  notChecked: { zh: "未检查", en: "not checked" },
  note: { zh: "注", en: "Note" },
  batch: { zh: "跨文件检查", en: "Across files" },
  file: { zh: "文件", en: "File" },
  annotated: { zh: "标注副本", en: "Annotated copy" },
  explained: { zh: "已说明", en: "explained" },
  explanation: { zh: "核实说明", en: "Explanation" },
} as const;

const INDENT = "  ";
const GAP = "  ";
/** Table columns other than the message: a 200-character file name must not push every message off screen. */
const MAX_COLUMN_WIDTH = 40;
/** One finding's message (with its 核实说明) in the text report; the JSON report keeps it whole. */
const MAX_MESSAGE_CHARS = 400;

/** Workbook text as it may be printed: control characters visible, never interpreted by the terminal. */
const safe = (text: string): string => escapeControls(text);
const column = (text: string): string => shortenMiddle(safe(text), MAX_COLUMN_WIDTH);

export function summaryCounts(summary: Summary, lang: Lang, paint: Paint): string {
  return SEVERITIES.map((s) => {
    const text = `${SEVERITY_NAMES[s][lang]} ${summary[s]}`;
    return summary[s] > 0 ? paint.severity(s, text) : text;
  }).join(" · ");
}

/**
 * Four columns, padded by display width so that 璧山区 (6 columns wide) lines up with 万州区 and with "Unit". The
 * message is last and never padded: it may be long, and padding it would only add trailing spaces.
 */
export function findingsTable(findings: readonly ExplainedFinding[], lang: Lang, paint: Paint, withFile = false): string[] {
  // An explained verify finding is settled, not open: it says so, and shows what the submitter wrote.
  const severityWord = (f: ExplainedFinding) =>
    f.explanation ? `${SEVERITY_NAMES[f.severity][lang]}·${WORDS.explained[lang]}` : SEVERITY_NAMES[f.severity][lang];
  const message = (f: ExplainedFinding) =>
    capLength(
      safe(f.explanation ? `${f.message[lang]} 〔${WORDS.explanation[lang]}${lang === "zh" ? "：" : ": "}${f.explanation.text}〕` : f.message[lang]),
      MAX_MESSAGE_CHARS,
      lang,
    );
  const rows = findings.map((f) => ({
    severity: f.severity,
    cells: [severityWord(f), ...(withFile ? [column(f.file ?? "-")] : []), column(cellRef(f, withFile)), column(f.unit ?? ""), message(f)],
  }));
  const header = [
    WORDS.severity[lang],
    ...(withFile ? [WORDS.file[lang]] : []),
    WORDS.cell[lang],
    WORDS.unit[lang],
    WORDS.message[lang],
  ];
  const padded = header.length - 1;
  // A loop, not Math.max(...all): a 100,000-row sheet can have more findings than a call may take arguments.
  const widths = header.slice(0, padded).map((h) => displayWidth(h));
  for (const r of rows) for (let i = 0; i < padded; i++) widths[i] = Math.max(widths[i], displayWidth(r.cells[i]));
  const line = (cells: string[]): string =>
    INDENT + cells.map((c, i) => (i < padded ? padEndDisplay(c, widths[i]) : c)).join(GAP).trimEnd();

  const out = [paint.bold(line(header))];
  for (const r of rows) {
    const text = line(r.cells);
    // Only the severity word is coloured; the padding is computed on plain text first.
    const sev = r.cells[0];
    out.push(text.replace(sev, paint.severity(r.severity, sev)));
  }
  return out;
}

/**
 * "C7"; across files "Sheet1!C7", since the file column does not say which sheet. A finding about no particular
 * cell (a missing unit) shows "-" (ASCII on purpose: "—" is ambiguous-width and would break the alignment).
 */
function cellRef(f: ExplainedFinding, withSheet: boolean): string {
  if (f.cell === null) return "-";
  return withSheet && f.sheet ? `${f.sheet}!${f.cell}` : f.cell;
}

function sheetSection(file: FileReport, sheet: SheetReport, lang: Lang, paint: Paint): string[] {
  const parts = [
    paint.bold(safe(file.file)),
    `${WORDS.sheet[lang]} ${safe(sheet.sheet)}`,
    sheet.period ?? WORDS.noPeriod[lang],
    ...(sheet.preset ? [`${WORDS.preset[lang]} ${sheet.preset}`] : []),
    summaryCounts(sheet.summary, lang, paint) + (sheet.explained > 0 ? `（${WORDS.explained[lang]} ${sheet.explained}）` : ""),
  ];
  const out = [parts.join(" · ")];
  for (const n of sheet.notes) out.push(paint.dim(`${INDENT}${WORDS.note[lang]}${lang === "zh" ? "：" : ": "}${safe(n[lang])}`));
  if (sheet.findings.length === 0) out.push(`${INDENT}${WORDS.noFindings[lang]}`);
  else out.push(...findingsTable(sheet.findings, lang, paint));
  return out;
}

function fileSection(file: FileReport, lang: Lang, paint: Paint): string[] {
  const out: string[] = [];
  if (file.error) {
    out.push(`${paint.bold(safe(file.file))} · ${paint.severity("error", WORDS.notChecked[lang])}`);
    out.push(`${INDENT}${capLength(safe(file.error.message[lang]), MAX_MESSAGE_CHARS, lang)}`);
  }
  for (const n of file.notes) out.push(paint.dim(`${safe(file.file)} · ${WORDS.note[lang]}${lang === "zh" ? "：" : ": "}${safe(n[lang])}`));
  file.sheets.forEach((s) => {
    if (out.length > 0) out.push("");
    out.push(...sheetSection(file, s, lang, paint));
  });
  if (file.annotatedCopy) out.push(`${INDENT}${WORDS.annotated[lang]}${lang === "zh" ? "：" : ": "}${safe(file.annotatedCopy)}`);
  return out;
}

function totalLine(report: Report, lang: Lang, paint: Paint): string {
  const t = totals(report);
  const counts = summaryCounts(t, lang, paint);
  const failed =
    t.failedFiles === 0
      ? ""
      : lang === "zh"
        ? ` · ${paint.severity("error", `${t.failedFiles} 个文件未检查`)}`
        : ` · ${paint.severity("error", `${t.failedFiles} file(s) not checked`)}`;
  return lang === "zh"
    ? `合计：${t.files} 个文件，${t.sheets} 个工作表 · ${counts}${failed}`
    : `Total: ${t.files} file(s), ${t.sheets} sheet(s) · ${counts}${failed}`;
}

export function formatText(report: Report, lang: Lang, paint: Paint): string {
  const blocks: string[][] = report.files.map((f) => fileSection(f, lang, paint));
  if (report.batch.length > 0) {
    const b = { error: 0, verify: 0, info: 0 };
    for (const f of report.batch) b[f.severity]++;
    blocks.push([`${paint.bold(WORDS.batch[lang])} · ${summaryCounts(b, lang, paint)}`, ...findingsTable(report.batch, lang, paint, true)]);
  }
  blocks.push([totalLine(report, lang, paint)]);
  return `${blocks.map((b) => b.join("\n")).join("\n\n")}\n`;
}
