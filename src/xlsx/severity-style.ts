import { Severity } from "../core/findings";
import { severityFillArgb } from "../app/workbook-style";

/** The fills of src/app/workbook-style.ts in SpreadsheetML's ARGB notation (styles.xml `<fgColor rgb="…"/>`). */
export const SEVERITY_FILL_ARGB: Readonly<Record<Severity, string>> = {
  error: severityFillArgb("error"),
  verify: severityFillArgb("verify"),
  info: severityFillArgb("info"),
};
