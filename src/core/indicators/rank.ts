import { bi } from "../i18n";
import { NotComputable, Outcome, computed, notComputable } from "../result";
import { checkNumber } from "./inputs";

export interface RankOptions {
  /** Group of each entry of `values` (e.g. 主城都市区); entries with a null group belong to no group. */
  groups?: readonly (string | null)[];
  /** Rank only among entries of this group. null or absent: rank among all entries. */
  group?: string | null;
  /** Smallest first (e.g. a cost indicator); by default the largest value ranks 1. */
  ascending?: boolean;
}

const UNIT_VALUE = bi("本单位数", "unit value");

function isRankable(v: number | null): v is number {
  return v !== null && Number.isFinite(v);
}

function hasGroup(group: string | null | undefined): group is string {
  return group !== null && group !== undefined;
}

function checkGroups(values: readonly unknown[], groups: readonly unknown[] | undefined): NotComputable | null {
  if (groups !== undefined && groups.length !== values.length) {
    return notComputable(
      "invalid-input",
      bi(
        `分组（${groups.length}个）与数值（${values.length}个）个数不一致`,
        `${groups.length} groups for ${values.length} values`,
      ),
    );
  }
  return null;
}

function groupsMissing(group: string): NotComputable {
  return notComputable(
    "invalid-input",
    bi(`指定了分组“${group}”但未提供分组列`, `Group "${group}" given without a groups column`),
  );
}

function groupNotFound(group: string): NotComputable {
  return notComputable("not-found", bi(`分组“${group}”中没有可排名的数值`, `No rankable values in group "${group}"`));
}

/**
 * Competition ranking (1, 2, 2, 4): a value's rank is 1 + the number of entries strictly better than it, so ties
 * share a place and the next place is skipped, as in published 排名 columns. Blank entries are not ranked.
 * One linear pass: for ranking a whole column use makeRanker.
 */
export function rank(value: number | null, values: readonly (number | null)[], options: RankOptions = {}): Outcome {
  const { groups, group, ascending = false } = options;
  const valueProblem = checkNumber(value, UNIT_VALUE);
  if (valueProblem) return valueProblem;
  const groupsProblem = checkGroups(values, groups);
  if (groupsProblem) return groupsProblem;
  if (hasGroup(group) && groups === undefined) return groupsMissing(group);

  const v = value as number;
  let better = 0;
  let members = 0;
  values.forEach((other, i) => {
    if (!isRankable(other)) return;
    if (hasGroup(group) && groups?.[i] !== group) return;
    members += 1;
    if (ascending ? other < v : other > v) better += 1;
  });
  if (hasGroup(group) && members === 0) return groupNotFound(group);
  return computed(better + 1);
}

/** Index of the first element of `sorted` (ascending) that is ≥ x (strict = false) or > x (strict = true). */
function boundary(sorted: readonly number[], x: number, strict: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < x || (strict && sorted[mid] === x)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function sortedAscending(xs: number[]): number[] {
  return xs.sort((a, b) => a - b);
}

/**
 * Ranks many values against the same column: each group is sorted once and every query is a binary search, so a
 * spilled column of n ranks costs O(n log n) instead of rank()'s O(n²). Answers are identical to rank().
 */
export function makeRanker(
  values: readonly (number | null)[],
  options: { groups?: readonly (string | null)[]; ascending?: boolean } = {},
): (value: number | null, group?: string | null) => Outcome {
  const { groups, ascending = false } = options;
  const groupsProblem = checkGroups(values, groups);
  if (groupsProblem) return () => groupsProblem;

  const all: number[] = [];
  const byGroup = new Map<string, number[]>();
  values.forEach((v, i) => {
    if (!isRankable(v)) return;
    all.push(v);
    const g = groups?.[i];
    if (!hasGroup(g)) return;
    const members = byGroup.get(g);
    if (members) members.push(v);
    else byGroup.set(g, [v]);
  });
  sortedAscending(all);
  byGroup.forEach(sortedAscending);

  return (value, group) => {
    const valueProblem = checkNumber(value, UNIT_VALUE);
    if (valueProblem) return valueProblem;
    if (hasGroup(group) && groups === undefined) return groupsMissing(group);
    const sorted = hasGroup(group) ? byGroup.get(group) : all;
    if (sorted === undefined) return groupNotFound(group as string);
    const v = value as number;
    const better = ascending ? boundary(sorted, v, false) : sorted.length - boundary(sorted, v, true);
    return computed(better + 1);
  };
}
