import { Bilingual } from "./i18n";
import { Period, formatPeriodLabel, parsePeriod } from "./period";

/**
 * A period as a user types it (zs-check --period, the pane's and page's 统计期间 field), read the same way
 * everywhere, echoed back as understood, or refused with the forms that are accepted.
 */

const FORMS: Bilingual = {
  zh: "2022年1-6月、1-6月、2022-06、上半年、前三季度、2022年三季度",
  en: "2022年1-6月, 1-6月, 2022-06, 上半年, 前三季度, 2022年三季度",
};

/**
 * "2022-06" (ISO year-month: the cumulative sheet ending that month, 2022年1-6月), "1-6月", "2022年1—6月",
 * "上半年" … Anything the title parser accepts is accepted, so typed periods and titles agree. null = not a period:
 * a bare number ("6") or a date ("2022-06-30") is ambiguous and refused rather than guessed.
 */
export function parsePeriodInput(text: string): Period | null {
  const trimmed = text.trim();
  // parsePeriod needs 月 and would read "2022-06" as nothing; the ISO form is what scripts and schedulers write.
  const iso = /^(\d{4})[-./](\d{1,2})$/.exec(trimmed);
  if (iso) {
    const year = Number(iso[1]);
    const month = Number(iso[2]);
    if (month < 1 || month > 12) return null;
    return { year, startMonth: 1, endMonth: month, label: formatPeriodLabel(1, month, year) };
  }
  if (trimmed === "" || /^[\d\s./-]+$/.test(trimmed)) return null;
  return parsePeriod(trimmed);
}

/** How a typed period was understood: its label, the 时序进度 it gives, and where the year comes from if absent. */
export function periodEcho(period: Period): Bilingual {
  const progress = ((period.endMonth / 12) * 100).toFixed(1);
  const cumulative =
    period.startMonth === 1
      ? { zh: "", en: "" }
      : { zh: `，按累计至${period.endMonth}月计`, en: `, taken as cumulative to month ${period.endMonth}` };
  const year =
    period.year === undefined ? { zh: "；未写年份，年份取自报表标题", en: "; no year given, the sheet's title gives it" } : { zh: "", en: "" };
  return {
    zh: `期间按“${period.label}”校验${cumulative.zh}，时序进度${progress}%（${period.endMonth}÷12）${year.zh}`,
    en: `period taken as ${period.label}${cumulative.en}, time progress ${progress}% (${period.endMonth}/12)${year.en}`,
  };
}

/** The refusal of a text that is not a period, with the forms accepted. */
export function periodRefusal(text: string): Bilingual {
  return {
    zh: `无法识别的期间“${text}”。可用写法：${FORMS.zh}`,
    en: `cannot read the period "${text}". Write it as one of: ${FORMS.en}`,
  };
}
