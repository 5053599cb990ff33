import type ExcelJS from "exceljs";
import { Severity } from "../core/findings";

/**
 * Fills by severity: Excel's own "Bad" / "Neutral" light fills and a light blue, so marked cells look like what
 * statisticians already know from Excel's cell styles, and black text stays readable on all three.
 */
export const SEVERITY_FILL_ARGB: Record<Severity, string> = {
  error: "FFFFC7CE",
  verify: "FFFFEB9C",
  info: "FFDDEBF7",
};

const RANK: Record<Severity, number> = { error: 0, verify: 1, info: 2 };

export function bySeverity(a: Severity, b: Severity): number {
  return RANK[a] - RANK[b];
}

export function mostSevere(list: readonly Severity[]): Severity {
  return [...list].sort(bySeverity)[0];
}

export function severityFill(severity: Severity): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb: SEVERITY_FILL_ARGB[severity] } };
}
