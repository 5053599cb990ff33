import { bi } from "../i18n";
import { Outcome, computed, notComputable } from "../result";
import { CURRENT_VALUE, checkNumber } from "./inputs";

/**
 * 同比 = (本期 − 上年同期) ÷ 上年同期, as a fraction. The base comes from the sheet's own 上年同期 column
 * (published bases are often restated). A zero base has no growth rate (the bulletin writes 新增), and a negative
 * base gives a signed rate that reads backwards (扭亏/减亏/增亏 wording instead): neither gets a number.
 */
export function yoy(current: number | null, previous: number | null): Outcome {
  if (previous === null) return notComputable("missing-input", bi("无上年同期数", "No base"));
  const baseProblem = checkNumber(previous, bi("上年同期数", "Base"));
  if (baseProblem) return baseProblem;
  if (previous === 0) return notComputable("base-zero", bi("基期为0，不计算增速", "Base is zero; no growth rate"));
  if (previous < 0) {
    return notComputable("base-negative", bi("基期为负，不计算增速", "Base is negative; no growth rate"));
  }
  const currentProblem = checkNumber(current, CURRENT_VALUE);
  if (currentProblem) return currentProblem;
  return computed(((current as number) - previous) / previous);
}

/**
 * Change of a rate or share in 百分点 (percentage points), never "%": 开工率 53.9% vs 38.7% → 15.2 个百分点.
 * Rates come in as fractions (0.539).
 */
export function ppChange(currentRate: number | null, previousRate: number | null): Outcome {
  const currentProblem = checkNumber(currentRate, bi("本期比率", "current rate"));
  if (currentProblem) return currentProblem;
  const previousProblem = checkNumber(previousRate, bi("上年同期比率", "previous rate"));
  if (previousProblem) return previousProblem;
  return computed(((currentRate as number) - (previousRate as number)) * 100);
}
