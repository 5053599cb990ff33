import { IndicatorId, indicatorDef } from "./catalog";
import { ExplainedFinding } from "./explanations";
import { Expected, Finding, ruleName, SEVERITY_NAMES } from "./findings";
import { Bilingual, Lang } from "./i18n";
import { decimalsOf, formatInfo } from "./rules/helpers/precision";

/**
 * The 校验结果 report table, shared by the .xlsx adapter (annotated copies) and the Office.js adapter (the report
 * sheet inside Excel), so a reviewer sees the same table whether a workbook was checked in Excel or by zs-check.
 */
export const REPORT_COLUMNS: readonly { zh: string; en: string; width: number }[] = [
  { zh: "严重程度", en: "Severity", width: 10 },
  { zh: "规则", en: "Rule", width: 20 },
  { zh: "工作表", en: "Sheet", width: 16 },
  { zh: "单元格", en: "Cell", width: 9 },
  { zh: "单位", en: "Unit", width: 18 },
  { zh: "指标", en: "Indicator", width: 18 },
  { zh: "填报值", en: "Value", width: 14 },
  { zh: "应为", en: "Expected", width: 16 },
  { zh: "说明", en: "Message", width: 70 },
  { zh: "状态", en: "Status", width: 10 },
  { zh: "核实说明", en: "Explanation", width: 40 },
];

/** Column positions (0-based) the writers treat specially: the link to the cell, the wrapped message. */
export const REPORT_CELL_COLUMN = 3;
export const REPORT_MESSAGE_COLUMN = 8;
export const REPORT_EXPLANATION_COLUMN = 10;
/** Columns of the report before 状态 and 核实说明 were added: a sheet with that header is still ours. */
export const REPORT_LEGACY_COLUMNS = REPORT_MESSAGE_COLUMN + 1;

export type ReportScalar = string | number | boolean;

/** One cell of the report: its value and, for numbers, the format that prints them as the sheet did. */
export interface ReportCell {
  value: ReportScalar;
  /** An Excel number format ("0.00%"); null: the writer's default (text "@" for strings, General for numbers). */
  format: string | null;
}

/** 状态 of a finding: only a 核实性 one is settled by an explanation; the others have none to give. */
export const REPORT_STATUS: Readonly<Record<"open" | "explained" | "none", Bilingual>> = {
  open: { zh: "未说明", en: "Not explained" },
  explained: { zh: "已说明", en: "Explained" },
  none: { zh: "—", en: "—" },
};

export function indicatorName(id: IndicatorId | null, lang: Lang): string {
  if (id === null) return "";
  try {
    return indicatorDef(id).name[lang];
  } catch {
    return id;
  }
}

/** Figures in the report never show more decimals than this, whatever the arithmetic left. */
const MAX_SHOWN_DECIMALS = 4;

interface Printed {
  /** Decimals of the stored number (a % format's 2 decimals are 4 of the fraction). */
  decimals: number;
  percent: boolean;
  /** The number format to write: the cell's own, or a fixed one built from the decimals. */
  format: string;
}

function fixedFormat(decimals: number): string {
  return decimals > 0 ? `0.${"0".repeat(decimals)}` : "0";
}

/**
 * How the finding's figure is printed on its sheet: by its number format when it has one that says so (0.00%,
 * #,##0.0), else by the decimals it was written with. `other` is a figure computed for comparison (a sum), whose
 * own decimals count when the sheet gives no format.
 */
function printedPrecision(f: Finding, other?: number): Printed | null {
  const info = formatInfo(f.valueFormat);
  if (info) return { decimals: info.decimals + (info.percent ? 2 : 0), percent: info.percent, format: f.valueFormat as string };
  if (typeof f.value !== "number") return null;
  const own = decimalsOf(f.value);
  const decimals = Math.min(MAX_SHOWN_DECIMALS, other === undefined ? own : Math.max(own, decimalsOf(other)));
  return { decimals, percent: false, format: fixedFormat(decimals) };
}

function roundTo(x: number, decimals: number): number {
  const r = Number(x.toFixed(Math.min(decimals, 15)));
  return Object.is(r, -0) ? 0 : r;
}

function printedText(x: number, p: Printed | null): string {
  if (p === null) return String(roundTo(x, MAX_SHOWN_DECIMALS));
  if (p.percent) return `${(roundTo(x, p.decimals) * 100).toFixed(Math.max(0, p.decimals - 2))}%`;
  return roundTo(x, p.decimals).toFixed(p.decimals);
}

/**
 * 应为, printed as the sheet would print it. A total's expected figure is the sum: the figure to write (its
 * rounding allowance is stated once, in the message). A range of another kind (an outlier's plausible span, a
 * part's ceiling) is written as text at the same precision.
 */
export function expectedCell(f: Finding): ReportCell {
  const e: Expected | undefined = f.expected;
  if (e === undefined) return { value: "", format: null };
  switch (e.kind) {
    case "name":
      return { value: e.name, format: null };
    case "no-rate":
      return { value: "—", format: null };
    case "at-least":
      return { value: e.percent ? `≥${e.min.toFixed(1)}%` : `≥${e.min}`, format: null };
    case "figure":
    case "sum": {
      const value = e.kind === "sum" ? roundTo(e.value, MAX_SHOWN_DECIMALS) : e.value;
      const p = printedPrecision(f, value);
      return p ? { value: roundTo(value, p.decimals), format: p.format } : { value, format: null };
    }
    case "at-most":
      return { value: `≤${printedText(e.max, printedPrecision(f))}`, format: null };
    case "range": {
      const p = printedPrecision(f);
      return { value: `${printedText(e.min, p)} ~ ${printedText(e.max, p)}`, format: null };
    }
  }
}

function valueCell(f: Finding): ReportCell {
  if (f.value === null) return { value: "", format: null };
  if (typeof f.value !== "number") return { value: f.value, format: null };
  const info = formatInfo(f.valueFormat);
  // The figure as written, shown with the sheet's own format (a rate reads 59.39%, not 0.5939).
  return { value: f.value, format: info ? (f.valueFormat as string) : null };
}

function status(f: ExplainedFinding): Bilingual {
  if (f.severity !== "verify") return REPORT_STATUS.none;
  return f.explanation ? REPORT_STATUS.explained : REPORT_STATUS.open;
}

/** One finding as report cells, in REPORT_COLUMNS order; strings are written back as text by the writers. */
export function reportCells(f: Finding | ExplainedFinding, lang: Lang): ReportCell[] {
  const text = (value: ReportScalar): ReportCell => ({ value, format: null });
  const explained = f as ExplainedFinding;
  return [
    text(SEVERITY_NAMES[f.severity][lang]),
    text(ruleName(f.rule, lang)),
    text(f.sheet),
    text(f.cell ?? ""),
    text(f.unit ?? ""),
    text(indicatorName(f.indicator, lang)),
    valueCell(f),
    expectedCell(f),
    text(f.message[lang]),
    text(status(explained)[lang]),
    text(explained.explanation?.text ?? ""),
  ];
}

/** One finding as a report row of plain values, in REPORT_COLUMNS order. */
export function reportRow(f: Finding | ExplainedFinding, lang: Lang): ReportScalar[] {
  return reportCells(f, lang).map((c) => c.value);
}
