import { bi } from "../i18n";
import { Outcome, computed, notComputable } from "../result";
import { CURRENT_VALUE, checkNumber, notANumber } from "./inputs";

/**
 * 完成年度目标 = cumulative actual ÷ annual target, as a fraction (0.5939 → 59.39%).
 * A blank or zero target means the unit has no target for this indicator ("-" in the target column): that is
 * "not applicable", never 0% or ∞.
 */
export function completion(actual: number | null, target: number | null): Outcome {
  if (target === null || target === 0) return notComputable("no-target", bi("无年度目标", "No annual target"));
  if (!Number.isFinite(target)) return notANumber(bi("年度目标", "Annual target"), target);
  if (target < 0) {
    return notComputable("invalid-input", bi(`年度目标为负：${target}`, `Annual target is negative: ${target}`));
  }
  const actualProblem = checkNumber(actual, CURRENT_VALUE);
  if (actualProblem) return actualProblem;
  return computed((actual as number) / target);
}
