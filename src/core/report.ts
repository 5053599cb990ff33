import { IndicatorId, indicatorDef } from "./catalog";
import { Expected, Finding, ruleName, SEVERITY_NAMES } from "./findings";
import { Lang } from "./i18n";

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
];

/** Column positions (0-based) the writers treat specially: the link to the cell, the wrapped message. */
export const REPORT_CELL_COLUMN = 3;
export const REPORT_MESSAGE_COLUMN = 8;

export type ReportScalar = string | number | boolean;

export function indicatorName(id: IndicatorId | null, lang: Lang): string {
  if (id === null) return "";
  try {
    return indicatorDef(id).name[lang];
  } catch {
    return id;
  }
}

export function expectedText(e: Expected | undefined): ReportScalar {
  if (e === undefined) return "";
  return typeof e === "object" ? `${e.min} ~ ${e.max}` : e;
}

/** One finding as a report row, in REPORT_COLUMNS order; strings are written back as text by the writers. */
export function reportRow(f: Finding, lang: Lang): ReportScalar[] {
  return [
    SEVERITY_NAMES[f.severity][lang],
    ruleName(f.rule, lang),
    f.sheet,
    f.cell ?? "",
    f.unit ?? "",
    indicatorName(f.indicator, lang),
    f.value === null ? "" : f.value,
    expectedText(f.expected),
    f.message[lang],
  ];
}
