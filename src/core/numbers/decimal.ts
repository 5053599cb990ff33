/**
 * Powers of ten applied in decimal, not in binary: 1.1 * 100 is 110.00000000000001 in floating point and
 * 12345 * 1e-4 is 1.2345000000000002, but a statistician expects 12345万元 to be exactly 1.2345亿元. Shifting the
 * exponent of the decimal text and converting once gives the double nearest to the true decimal result.
 */

/** Exponents beyond this already overflow to Infinity or underflow to 0; clamping keeps the text well-formed. */
const EXPONENT_LIMIT = 100000;

/**
 * Converts validated decimal text ("1234.5", ".5", "7.") times 10^exponent to a number.
 * Callers must pass only digits with at most one ".", and at least one digit.
 */
export function decimalTextToNumber(digits: string, exponent: number, negative: boolean): number {
  const clamped = Math.max(-EXPONENT_LIMIT, Math.min(EXPONENT_LIMIT, exponent));
  const magnitude = clamped === 0 ? Number(digits) : Number(`${digits}e${clamped}`);
  // -0 would print as "0" but compare oddly (Object.is) downstream; a cell never means negative zero.
  if (magnitude === 0) return 0;
  return negative ? -magnitude : magnitude;
}

/** value × 10^power, exact in decimal terms for values that were typed as decimals. Non-finite values pass through. */
export function scaleByPowerOfTen(value: number, power: number): number {
  if (power === 0 || value === 0 || !Number.isFinite(value)) return value;
  // String(value) is the shortest text that round-trips, e.g. "1.08", "-5", "1.5e-7", "1e+21".
  const text = String(value);
  const e = text.indexOf("e");
  if (e < 0) return Number(`${text}e${power}`);
  return Number(`${text.slice(0, e)}e${Number(text.slice(e + 1)) + power}`);
}
