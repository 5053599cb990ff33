import { bi } from "../i18n";
import { Outcome, computed, notComputable } from "../result";
import { isAggregateLabel } from "../units/total-rows";
import { checkNumber, notANumber } from "./inputs";

/**
 * Whether a row name is a total or subtotal rather than a reporting unit, by the shared total-row vocabulary
 * (units/total-rows). Such rows must never be added into the total they are compared with, or every share is
 * halved. A region's own name (重庆市) is known only to its registry: pass registry.isAggregateName to totalOf.
 */
export function isAggregateRowName(name: string): boolean {
  return isAggregateLabel(name);
}

const CITY_TOTAL = bi("全市合计", "city total");

function divideByTotal(value: number, total: number): Outcome {
  if (total === 0) return notComputable("invalid-input", bi("合计为0", "Total is zero"));
  if (total < 0) return notComputable("invalid-input", bi(`合计为负：${total}`, `Total is negative: ${total}`));
  return computed(value / total);
}

/**
 * The city total read off a column of unit values: numeric entries summed, blanks skipped, and — when row names
 * are given — total and subtotal rows left out (`isAggregate`, default isAggregateRowName). Without names every
 * numeric entry counts, since nothing says which rows are totals.
 */
export function totalOf(
  values: readonly (number | null)[],
  names?: readonly (string | null)[],
  isAggregate: (name: string) => boolean = isAggregateRowName,
): Outcome {
  if (names !== undefined && names.length !== values.length) {
    return notComputable(
      "invalid-input",
      bi(
        `单位名称（${names.length}个）与数值（${values.length}个）个数不一致`,
        `${names.length} unit names for ${values.length} values`,
      ),
    );
  }
  let total = 0;
  let counted = 0;
  values.forEach((v, i) => {
    const name = names?.[i];
    if (typeof name === "string" && isAggregate(name)) return;
    // Blank and non-numeric cells are not units with a value: skipping them is how a column total is read.
    if (v === null || !Number.isFinite(v)) return;
    total += v;
    counted += 1;
  });
  if (counted === 0) return notComputable("missing-input", bi("无可合计的单位数值", "No unit values to total"));
  return computed(total);
}

/**
 * 占全市比重 as a fraction: the unit's value ÷ the city total.
 * The total is either given (the sheet's 全市 row) or summed from a column of unit values with totalOf.
 */
export function share(
  value: number | null,
  totalOrValues: number | null | readonly (number | null)[],
  names?: readonly (string | null)[],
  isAggregate: (name: string) => boolean = isAggregateRowName,
): Outcome {
  const valueProblem = checkNumber(value, bi("本单位数", "unit value"));
  if (valueProblem) return valueProblem;

  if (totalOrValues === null) return notComputable("missing-input", bi("无全市合计", "No city total"));
  if (typeof totalOrValues === "number") {
    if (!Number.isFinite(totalOrValues)) return notANumber(CITY_TOTAL, totalOrValues);
    return divideByTotal(value as number, totalOrValues);
  }
  const total = totalOf(totalOrValues, names, isAggregate);
  if (!total.ok) return total;
  return divideByTotal(value as number, total.value);
}
