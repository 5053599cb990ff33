import { Report, totals } from "../app/report";

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/**
 * 0: nothing must be fixed. 1: error-level (强制性) findings, cross-file ones included. 2: something was not
 * checked at all (a file unreadable or refused, an input matching nothing). 2 wins over 1: a clean-looking batch
 * with an unreadable file is not clean, and a script must not mistake it for "just findings".
 */
export function exitCodeFor(report: Report): number {
  const t = totals(report);
  if (t.failedFiles > 0) return EXIT_USAGE;
  return t.error > 0 ? EXIT_FINDINGS : EXIT_OK;
}
