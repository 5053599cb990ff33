/** One benchmark figure, printed as a JSON line ({"name","value","unit","target"}) and as a table row. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** The figure to reach (null for a figure shown for context); `higherIsBetter` says which side of it passes. */
  target: number | null;
  higherIsBetter?: boolean;
}

export function passes(f: Figure): boolean {
  if (f.target === null) return true;
  return f.higherIsBetter ? f.value >= f.target : f.value <= f.target;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Runs `fn` `runs` times after one warm-up and returns the median wall time in milliseconds. */
export function timeMs(fn: () => unknown, runs = 5): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(times);
}

export function round(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}
