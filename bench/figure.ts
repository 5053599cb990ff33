/** One benchmark figure, printed as a JSON line and as a table row, and written into the README's table. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** The figure to reach (null for a figure shown for context); `higherIsBetter` says which side of it passes. */
  target: number | null;
  higherIsBetter?: boolean;
  /** Smallest and largest sample, in `unit`, when the value is a median of several. */
  range?: [number, number];
  /** How many samples the value is the median of. */
  samples?: number;
  /** How it was measured, in a few words: in-process or a whole process, what input, what it is compared with. */
  how?: string;
}

export function passes(f: Figure): boolean {
  if (f.target === null) return true;
  return f.higherIsBetter ? f.value >= f.target : f.value <= f.target;
}

/** The true median: the mean of the two middle samples when there is an even number of them. */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) throw new Error("median of no samples");
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export interface Stats {
  median: number;
  min: number;
  max: number;
  n: number;
}

export function stats(xs: readonly number[]): Stats {
  return { median: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length };
}

/** At least five samples: fewer give a "median" that is just one run picked by the machine's mood. */
export const MIN_SAMPLES = 5;

/** Runs `fn` `runs` times after one warm-up; the wall times in milliseconds. */
export function sampleMs(fn: () => unknown, runs = MIN_SAMPLES): number[] {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return times;
}

/** The median of `sampleMs`. */
export function timeMs(fn: () => unknown, runs = MIN_SAMPLES): number {
  return median(sampleMs(fn, runs));
}

export function round(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}

/** A figure from samples: median as the value, range and count beside it, all scaled into the figure's unit. */
export function fromSamples(
  base: Omit<Figure, "value" | "range" | "samples">,
  samples: readonly number[],
  scale: (x: number) => number,
  decimals: number,
): Figure {
  const s = stats(samples.map(scale));
  return { ...base, value: round(s.median, decimals), range: [round(s.min, decimals), round(s.max, decimals)], samples: s.n };
}
