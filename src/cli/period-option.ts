import { Period, formatPeriodLabel, parsePeriod } from "../core/period";

/**
 * --period as people type it: "2022-06" (ISO year-month: the cumulative sheet ending that month, 2022年1-6月),
 * "1-6月", "2022年1-6月", "2022年1—6月", "上半年" … Anything the sheet reader's own title parser accepts is accepted,
 * so the option and the titles agree. null = not a period (the caller reports a bad invocation).
 */
export function parsePeriodOption(text: string): Period | null {
  const trimmed = text.trim();
  // parsePeriod needs 月 and would read "2022-06" as nothing; the ISO form is what scripts and schedulers write.
  const iso = /^(\d{4})[-./](\d{1,2})$/.exec(trimmed);
  if (iso) {
    const year = Number(iso[1]);
    const month = Number(iso[2]);
    if (month < 1 || month > 12) return null;
    return { year, startMonth: 1, endMonth: month, label: formatPeriodLabel(1, month, year) };
  }
  // A bare number ("6") or a date ("2022-06-30") is ambiguous; refuse it rather than guess.
  if (trimmed === "" || /^[\d\s./-]+$/.test(trimmed)) return null;
  return parsePeriod(trimmed);
}
