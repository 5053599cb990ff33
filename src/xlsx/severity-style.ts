import type ExcelJS from "exceljs";
import { Severity } from "../core/findings";

import { bySeverity, mostSevere, severityFillArgb } from "../app/workbook-style";

/** The fills of src/app/workbook-style.ts in exceljs' ARGB notation. */
export const SEVERITY_FILL_ARGB: Readonly<Record<Severity, string>> = {
  error: severityFillArgb("error"),
  verify: severityFillArgb("verify"),
  info: severityFillArgb("info"),
};

export { bySeverity, mostSevere };

export function severityFill(severity: Severity): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb: SEVERITY_FILL_ARGB[severity] } };
}
