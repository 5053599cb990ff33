import { areLookAlike } from "./confusables";
import { normalizeUnitName } from "./normalize";

/**
 * How alike two unit names are, 0 (nothing in common) … 1 (same after normalisation). Used only to rank
 * suggestions for a name that did not resolve, so it favours the typos statisticians actually make:
 *  - a look-alike character (壁山区 for 璧山区) costs a quarter of a wrong character;
 *  - a missing or different administrative suffix (渝北 / 渝北县 / 石柱县 for 石柱土家族自治县) barely counts;
 *  - the same characters in another order (彭水土家族苗族自治县) still score well;
 *  - a label that contains a name (渝北区（含空港）) is a plausible candidate.
 */
export function similarity(a: string, b: string): number {
  const x = normalizeUnitName(a);
  const y = normalizeUnitName(b);
  if (x === y) return 1;
  if (x.length === 0 || y.length === 0) return 0;
  return Math.max(
    editSimilarity(x, y),
    SUFFIX_INSENSITIVE_WEIGHT * coreSimilarity(x, y),
    REORDER_WEIGHT * sameCharactersSimilarity(x, y),
    containmentSimilarity(x, y),
  );
}

// Weights keep an exact-but-for-the-suffix match just below a true match and a reordering below a one-typo match.
const SUFFIX_INSENSITIVE_WEIGHT = 0.95;
const REORDER_WEIGHT = 0.8;
const LOOK_ALIKE_COST = 0.25;

/** Longest first, so 土家族苗族自治县 is stripped whole rather than leaving 土家族苗族自治. */
const ADMIN_SUFFIXES = [
  "土家族苗族自治县",
  "苗族土家族自治县",
  "土家族自治县",
  "苗族自治县",
  "自治县",
  "经济技术开发区",
  "经开区",
  "高新区",
  "新区",
  "区",
  "县",
  "市",
];

export function stripAdminSuffix(name: string): string {
  for (const suffix of ADMIN_SUFFIXES) {
    if (name.length > suffix.length && name.endsWith(suffix)) return name.slice(0, -suffix.length);
  }
  return name;
}

function coreSimilarity(x: string, y: string): number {
  const cx = stripAdminSuffix(x);
  const cy = stripAdminSuffix(y);
  if (cx === x && cy === y) return 0; // no suffix involved: editSimilarity already covers it
  return cx === cy ? 1 : editSimilarity(cx, cy);
}

/** 1 − (weighted Levenshtein distance ÷ longer length); substituting a look-alike is cheap. */
function editSimilarity(x: string, y: string): number {
  const a = [...x];
  const b = [...y];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = a[i - 1] === b[j - 1] ? 0 : areLookAlike(a[i - 1], b[j - 1]) ? LOOK_ALIKE_COST : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + substitution);
    }
    previous = current;
  }
  return Math.max(0, 1 - previous[b.length] / Math.max(a.length, b.length));
}

/** Dice coefficient on character multisets: order-blind, so swapped name parts still match. */
function sameCharactersSimilarity(x: string, y: string): number {
  const counts = new Map<string, number>();
  for (const ch of x) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let shared = 0;
  for (const ch of y) {
    const n = counts.get(ch) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(ch, n - 1);
    }
  }
  return (2 * shared) / ([...x].length + [...y].length);
}

/** A label wrapping a whole name (重庆市渝北区, 渝北区（含空港）) is likely that unit; longer wrapping, less sure. */
function containmentSimilarity(x: string, y: string): number {
  const [shorter, longer] = x.length <= y.length ? [x, y] : [y, x];
  if (shorter.length < 2 || !longer.includes(shorter)) return 0;
  return 0.6 + 0.3 * (shorter.length / longer.length);
}
