/**
 * Order statistics for the column checks (unit-slip, outlier). Quickselect keeps them O(n) per column, which
 * matters on 100,000-row sheets where one sort per column per rule would dominate the run.
 */

/** The k-th smallest (0-based) of a[lo..hi], rearranging a in place. */
function select(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (hi > lo) {
    // Median of three as pivot: sheets are often sorted by value or by unit order, so the ends are poor pivots.
    const mid = (lo + hi) >>> 1;
    const x = a[lo];
    const y = a[mid];
    const z = a[hi];
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k];
  }
  return a[k];
}

/** Median of the values; the array is reordered. NaN for an empty array. */
export function medianInPlace(a: Float64Array): number {
  const n = a.length;
  if (n === 0) return Number.NaN;
  const upper = select(a, n >> 1);
  if (n % 2 === 1) return upper;
  // After select, everything before n/2 is ≤ upper: the lower middle is their maximum.
  let lower = -Infinity;
  for (let i = 0; i < n >> 1; i++) if (a[i] > lower) lower = a[i];
  return (lower + upper) / 2;
}

export function median(values: ArrayLike<number>): number {
  return medianInPlace(Float64Array.from(values));
}

export interface Spread {
  median: number;
  /** Median absolute deviation (unscaled). */
  mad: number;
}

/** Median and MAD; the input is not modified. */
export function medianAndMad(values: ArrayLike<number>): Spread {
  const a = Float64Array.from(values);
  const m = medianInPlace(a);
  for (let i = 0; i < a.length; i++) a[i] = Math.abs(a[i] - m);
  return { median: m, mad: medianInPlace(a) };
}

/** MAD × 1.4826 estimates the standard deviation of normally distributed data. */
export const MAD_TO_SIGMA = 1.4826;
