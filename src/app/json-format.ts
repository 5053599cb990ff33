import { ExplainedFinding } from "../core/explanations";
import { Expected, FindingDetails, Severity, Summary } from "../core/findings";
import { Bilingual, Lang } from "../core/i18n";
import { FileReport, MappingEntry, Report, SheetReport } from "./report";

/** The last path segment, for either separator: the report may be read on another system than it was written on. */
const basename = (p: string): string => p.slice(Math.max(p.lastIndexOf("/"), p.lastIndexOf("\\")) + 1);

/**
 * The JSON report (--format json, and zs-check-report.json with --out). Its shape is a published interface,
 * documented in README-json.md and docs/report.schema.json: fields are built explicitly here, never by spreading an
 * internal object, so that an internal field added elsewhere cannot leak into it.
 */

/**
 * The report's format version. 1 was the unversioned format (expected as number | string | {min, max}, no
 * details); 2 adds schemaVersion and details, and tags expected with its kind. Raised on any change a reader
 * must know about; docs/report.schema.json describes this version.
 */
export const SCHEMA_VERSION = 2;

export interface JsonFinding {
  rule: string;
  severity: Severity;
  sheet: string;
  cell: string | null;
  row: number | null;
  column: string | null;
  unit: string | null;
  indicator: string | null;
  value: string | number | boolean | null;
  expected: Expected | null;
  /** The rule's facts as data (totals, sums, differences, tolerances …), keyed by `rule`; null when none. */
  details: FindingDetails | null;
  message: string;
  messages: Bilingual;
  /** A verify finding's 核实说明 stored in the workbook, or null: an explained finding is settled, not open. */
  explanation: { text: string; author: string | null; date: string | null } | null;
  /** Cross-file findings only (batch.findings): the workbook the finding is about; null when none (a missing unit). */
  file?: string | null;
}

export interface JsonSheet {
  sheet: string;
  period: string | null;
  preset: string | null;
  mapping: MappingEntry[];
  findings: JsonFinding[];
  summary: Summary;
  /** How many of the verify findings are explained. */
  explained: number;
}

export interface JsonFileError {
  reason: string;
  message: string;
  messages: Bilingual;
}

export interface JsonFile {
  file: string;
  sheets: JsonSheet[];
  /** With --out: the annotated copy's file name in the output folder (beside the report), or null. */
  annotatedCopy: string | null;
  /** Harmless facts about the file (macros ignored, the copy saved under a numbered name …). */
  notes: string[];
  error?: JsonFileError;
}

export interface JsonReport {
  schemaVersion: typeof SCHEMA_VERSION;
  files: JsonFile[];
  batch: { findings: JsonFinding[] };
}

export function jsonFinding(f: ExplainedFinding, lang: Lang): JsonFinding {
  return {
    rule: f.rule,
    severity: f.severity,
    sheet: f.sheet,
    cell: f.cell,
    row: f.row,
    column: f.column,
    unit: f.unit,
    indicator: f.indicator,
    value: f.value,
    expected: f.expected ?? null,
    details: f.details ?? null,
    message: f.message[lang],
    messages: { zh: f.message.zh, en: f.message.en },
    explanation: f.explanation
      ? { text: f.explanation.text, author: f.explanation.author ?? null, date: f.explanation.date ?? null }
      : null,
  };
}

function jsonSheet(s: SheetReport, lang: Lang): JsonSheet {
  return {
    sheet: s.sheet,
    period: s.period,
    preset: s.preset,
    mapping: s.mapping.map((m) => ({ ...m, header: [...m.header] })),
    findings: s.findings.map((f) => jsonFinding(f, lang)),
    summary: { error: s.summary.error, verify: s.summary.verify, info: s.summary.info },
    explained: s.explained,
  };
}

function jsonFile(f: FileReport, lang: Lang): JsonFile {
  const out: JsonFile = {
    file: f.file,
    sheets: f.sheets.map((s) => jsonSheet(s, lang)),
    // The name only: the report sits in the same folder, which may be moved or shared as a whole.
    annotatedCopy: f.annotatedCopy === null ? null : basename(f.annotatedCopy),
    notes: f.notes.map((n) => n[lang]),
  };
  if (f.error) {
    out.error = {
      reason: f.error.reason,
      message: f.error.message[lang],
      messages: { zh: f.error.message.zh, en: f.error.message.en },
    };
  }
  return out;
}

export function toJsonReport(report: Report, lang: Lang): JsonReport {
  return {
    schemaVersion: SCHEMA_VERSION,
    files: report.files.map((f) => jsonFile(f, lang)),
    // A cross-file finding is meaningless without its file, so batch findings carry one more key than sheet ones.
    batch: { findings: report.batch.map((f) => ({ ...jsonFinding(f, lang), file: f.file ?? null })) },
  };
}

/** Pretty-printed, two spaces, trailing newline. Non-ASCII stays as is (UTF-8), so Chinese is readable in the file. */
export function formatJson(report: Report, lang: Lang): string {
  return `${JSON.stringify(toJsonReport(report, lang), null, 2)}\n`;
}
