import { normalizeUnitName } from "./normalize";

/**
 * The total-row vocabulary: the one place that says which row labels are totals or subtotals rather than
 * reporting units. The registry (row kinds), the rule kit (subtotal rows of a group) and the share indicator all
 * read it; they used to keep three lists that disagreed on 全市汇总 and 共计. A registry adds only the names of its
 * own region (重庆市) in its data's aggregateNames.
 */

/** Labels that name a total row by themselves (compared after normalizeUnitName: spaces and full width removed). */
export const TOTAL_ROW_LABELS: readonly string[] = Object.freeze([
  "全市",
  "全市合计",
  "全市总计",
  "全市小计",
  "全市汇总",
  "全市平均",
  "合计",
  "总计",
  "小计",
  "共计",
  "汇总",
  "平均",
  "其中",
  "区县合计",
  "全市区县合计",
]);

/** Words that end a total or subtotal label: 主城都市区合计, 渝东北小计, 全市汇总. */
export const TOTAL_ROW_SUFFIXES: readonly string[] = Object.freeze(["合计", "小计", "总计", "汇总", "共计"]);

/** "其中：主城都市区" lists a group as a part of the total above it. Full-width colons are normalised already. */
const SUBTOTAL_PREFIX = /^其中[:,，、]?/;
const SUFFIX = new RegExp(`(?:${TOTAL_ROW_SUFFIXES.join("|")})$`);
const LABELS: ReadonlySet<string> = new Set(TOTAL_ROW_LABELS);

/**
 * What an aggregate label is a total of, once 其中： and a trailing 合计/小计/总计/汇总/共计 are removed
 * ("主城都市区合计" → "主城都市区", "合计" → ""). `key` is a normalised label (normalizeUnitName).
 */
export function aggregateStem(key: string): string {
  return key.replace(SUBTOTAL_PREFIX, "").replace(SUFFIX, "");
}

/**
 * Whether a normalised label names a total row: one of TOTAL_ROW_LABELS or `extra` (a registry's region names),
 * as written or once stripped (其中：全市, 全市合计), or nothing but total words (合计).
 */
export function isTotalRowKey(key: string, extra?: ReadonlySet<string>): boolean {
  if (LABELS.has(key) || extra?.has(key) === true) return true;
  const stem = aggregateStem(key);
  return (stem === "" && key !== "") || LABELS.has(stem) || extra?.has(stem) === true;
}

/**
 * Whether a row label, as typed, is a total or a subtotal rather than a reporting unit: a total row, or a label
 * ending in a total word (主城都市区小计). Such rows must never be added into the total they are compared with.
 * Without a registry a group named bare (主城都市区) cannot be told from a unit; the registry's resolve() can.
 */
export function isAggregateLabel(label: string, extra?: ReadonlySet<string>): boolean {
  const key = normalizeUnitName(label);
  return isTotalRowKey(key, extra) || SUFFIX.test(key);
}
