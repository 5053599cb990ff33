import { shiftDecimalPoint } from "./rounding";

/*
 * Conversions move the decimal point of the amount as written instead of doing binary arithmetic:
 * - 万元 → 亿元: multiplying by 1e-4 is wrong at once (12345 × 1e-4 = 1.2345000000000002, 1e-4 is not exact in
 *   binary). Dividing by 1e4 is exact for whole 万元 — and the shift gives the same double there — but for
 *   2732279.94 万元 it yields 273.22799399999995 instead of 273.227994.
 * - 亿元 → 万元: 3.14159 × 1e4 = 31415.899999999998; the shift gives 31415.9.
 * So an amount survives a round trip unchanged, and a converted figure equals the one a clerk would type.
 */

export function wanToYi(wan: number): number {
  if (!Number.isFinite(wan)) return wan;
  return shiftDecimalPoint(wan, -4);
}

export function yiToWan(yi: number): number {
  if (!Number.isFinite(yi)) return yi;
  return shiftDecimalPoint(yi, 4);
}
