import { Bilingual, bi } from "../i18n";
import { NotComputable, notComputable } from "../result";

/**
 * Guards shared by the indicators. A blank cell arrives as null and means "not reported"; NaN or Infinity can only
 * come from a broken upstream conversion and must not turn into a printed figure.
 */
export function missing(what: Bilingual): NotComputable {
  return notComputable("missing-input", bi(`无${what.zh}`, `No ${what.en}`));
}

export function notANumber(what: Bilingual, value: number): NotComputable {
  return notComputable(
    "invalid-input",
    bi(`${what.zh}不是有效数值：${value}`, `${what.en} is not a valid number: ${value}`),
  );
}

/** null → missing, non-finite → invalid, otherwise no objection. */
export function checkNumber(value: number | null, what: Bilingual): NotComputable | null {
  if (value === null) return missing(what);
  if (!Number.isFinite(value)) return notANumber(what, value);
  return null;
}

export const CURRENT_VALUE = bi("本期数", "current value");
