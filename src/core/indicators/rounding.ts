/**
 * Decimal arithmetic on the shortest decimal spelling of a double ("1.005", not 1.00499999999999989…), which is
 * the number the statistician typed or read. Shifting that spelling's exponent moves the decimal point exactly,
 * where multiplying by a power of ten would round in binary first.
 */
export function shiftDecimalPoint(x: number, places: number): number {
  const [mantissa, exponent = "0"] = String(x).split("e");
  return Number(`${mantissa}e${Number(exponent) + places}`);
}

/**
 * Binary noise from arithmetic (0.285 × 100 = 28.499999999999996) sits beyond the 15th significant digit;
 * statistical figures never carry that many, so it is dropped before deciding which way a half goes.
 */
function withoutBinaryNoise(x: number): number {
  return Number(x.toPrecision(15));
}

/**
 * 四舍五入 as statistical bureaus print it: halves go away from zero, so a value and its negative round to
 * mirror images (−1.005 → −1.01). `decimals` may be negative to round to tens, hundreds….
 */
export function roundHalfUp(x: number, decimals: number): number {
  if (!Number.isInteger(decimals)) throw new RangeError(`roundHalfUp: decimals must be an integer, got ${decimals}`);
  if (!Number.isFinite(x)) return x;
  const magnitude = withoutBinaryNoise(Math.abs(x));
  const rounded = shiftDecimalPoint(Math.round(shiftDecimalPoint(magnitude, decimals)), -decimals);
  // Math.round on a non-negative number is half-up. A negative that rounds to nothing prints as "0", not "-0".
  return rounded === 0 ? 0 : Math.sign(x) * rounded;
}
