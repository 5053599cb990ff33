import { decimalTextToNumber } from "./decimal";
import { excelErrorCode, isBelowUnitMarker, isBlankMarker } from "./markers";
import { notANumber } from "./messages";
import { containsAsciiDigit, isAsciiDigit, normalizeFullWidth } from "./normalize-text";
import { AmountUnit, CellValue, CountUnit, ParsedCell, ParsedNumber, Scale } from "./types";

/**
 * Reads one worksheet cell the way a statistician reads it: a number, a deliberate blank, "below the unit",
 * an Excel error, or text that is not a number (with the reason, to show the submitter). Never throws.
 */
export function parseCell(value: CellValue): ParsedCell {
  if (typeof value === "number") return parseJsNumber(value);
  if (typeof value === "string") return parseText(value);
  if (value === null || value === undefined) return { kind: "blank", marker: "" };
  if (typeof value === "boolean") return notANumber("boolean", value ? "TRUE" : "FALSE");
  return parseOtherValue(value);
}

/**
 * The cell as a number, or null when it holds none. "…" counts as 0 (below the unit, not missing). Percent is
 * applied ("12.5%" → 0.125); units are not converted ("389.76亿元" → 389.76): use amountIn for that.
 */
export function toNumber(value: CellValue): number | null {
  if (typeof value === "number") return isFiniteNumber(value) ? withoutNegativeZero(value) : null;
  const parsed = parseCell(value);
  if (parsed.kind === "number") return parsed.value;
  return parsed.kind === "below-unit" ? 0 : null;
}

// Most cells are plain numbers: this path runs no regex and allocates only the result.
function parseJsNumber(value: number): ParsedCell {
  if (!isFiniteNumber(value)) return notANumber("non-finite", String(value));
  return { kind: "number", value: withoutNegativeZero(value), percent: false, approximate: false, fromText: false };
}

function isFiniteNumber(value: number): boolean {
  // value - value is 0 for finite numbers and NaN for NaN and ±Infinity.
  return value - value === 0;
}

function withoutNegativeZero(value: number): number {
  return value === 0 ? 0 : value;
}

// Values outside CellValue can still arrive at run time (a bigint, an object from a host API).
function parseOtherValue(value: unknown): ParsedCell {
  if (typeof value === "bigint") return parseJsNumber(Number(value));
  if (Object.prototype.toString.call(value) === "[object Date]") {
    const time = Date.prototype.getTime.call(value);
    return notANumber("date", Number.isNaN(time) ? "Invalid Date" : new Date(time).toISOString());
  }
  return notANumber("no-digits", describe(value));
}

function describe(value: unknown): string {
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

function parseText(original: string): ParsedCell {
  const text = normalizeFullWidth(original).trim();
  if (text === "") return { kind: "blank", marker: "" };
  if (isBlankMarker(text)) return { kind: "blank", marker: original.trim() };
  if (isBelowUnitMarker(text)) return { kind: "below-unit", text: original.trim() };
  const errorCode = excelErrorCode(text);
  if (errorCode !== null) return { kind: "error", code: errorCode };
  // The guarantee that text without digits never becomes a number ("三十", "近百", "Infinity") rests here.
  if (!containsAsciiDigit(text)) return notANumber("no-digits", original);
  return parseNumberText(text, original);
}

/** Longest first, so that 超过 is not read as 超 followed by the text "过". */
const APPROXIMATE_PREFIXES: readonly string[] = ["大约", "约合", "超过", "约", "近", "超", "逾", "≈", "~"];

/**
 * What may follow the number: an approximation word (100余亿元), then one unit, then another approximation word
 * (100亿元左右). Groups: 1 approx, 2 amount unit, 3 percentage points, 4 % or ‰, 5 scale, 6 count unit, 7 approx.
 */
const SUFFIX =
  /^(余|多)?\s*(?:(万亿元|亿美元|万美元|亿元|万元|美元|元)|(个百分点|百分点)|(%|‰)|(万亿|万|亿)?\s*(个|项|家|户)?)\s*(左右|以上|余|多)?$/;

/** A leftover that looks like a word (吨, 平方米, km) is reported as an unknown unit rather than as stray text. */
const UNIT_LIKE = /^[A-Za-z\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{1,8}$/;

/** Thousands groups exactly as Excel writes them: "1,234", "12,345,678". */
const WELL_FORMED_THOUSANDS = /^[1-9]\d{0,2}(?:,\d{3})+$/;

function parseNumberText(text: string, original: string): ParsedCell {
  const prefixLength = approximatePrefixLength(text);
  let i = skipSpaces(text, prefixLength);
  let negative = false;
  let signed = false;
  if (isSign(text.charCodeAt(i))) {
    negative = text.charCodeAt(i) === 0x2d;
    signed = true;
    i++;
  }
  if (isCurrencySign(text.charCodeAt(i))) {
    i = skipSpaces(text, i + 1);
    if (!signed && isSign(text.charCodeAt(i))) {
      negative = text.charCodeAt(i) === 0x2d;
      i++;
    }
  }

  const token = scanNumber(text, i);
  if (token === null) return explainLeadingText(text, original);

  const rest = token.end === text.length ? "" : text.slice(token.end).trim();
  if (containsAsciiDigit(rest)) return notANumber("several-numbers", original);
  if (token.badSeparators) return notANumber("bad-separators", original);

  let suffix: RegExpExecArray | null = null;
  if (rest !== "") {
    suffix = SUFFIX.exec(rest);
    if (suffix === null) return notANumber(UNIT_LIKE.test(rest) ? "unknown-unit" : "trailing-text", original, rest);
  }

  const percentSign = suffix?.[4];
  const percentPower = percentSign === "%" ? -2 : percentSign === "‰" ? -3 : 0;
  const value = decimalTextToNumber(token.digits, token.exponent + percentPower, negative);
  if (!isFiniteNumber(value)) return notANumber("non-finite", original);

  const result: ParsedNumber = {
    kind: "number",
    value,
    percent: percentPower !== 0,
    approximate: prefixLength > 0 || suffix?.[1] !== undefined || suffix?.[7] !== undefined,
    fromText: true,
    text: original,
  };
  // The casts are safe: each group can only capture one of its alternatives, which are exactly the union members.
  const unit = suffix?.[2] ?? suffix?.[6] ?? (suffix?.[3] === undefined ? undefined : "个百分点");
  if (unit !== undefined) result.unit = unit as AmountUnit | CountUnit | "个百分点";
  if (suffix?.[5] !== undefined) result.scale = suffix[5] as Scale;
  return result;
}

function approximatePrefixLength(text: string): number {
  for (const prefix of APPROXIMATE_PREFIXES) {
    if (text.startsWith(prefix)) return prefix.length;
  }
  return 0;
}

function skipSpaces(text: string, from: number): number {
  let i = from;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

// Only ASCII whitespace: normalizeFullWidth has already turned the other spaces into " ".
function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

function isSign(code: number): boolean {
  return code === 0x2b || code === 0x2d;
}

/** ¥ (U+00A5; the full-width ￥ is normalised to it) and $. */
function isCurrencySign(code: number): boolean {
  return code === 0xa5 || code === 0x24;
}

interface NumberToken {
  /** Digits with at most one ".", commas removed: safe to hand to Number(). */
  digits: string;
  exponent: number;
  end: number;
  badSeparators: boolean;
}

/**
 * Reads `[digits and commas][.digits][e±digits]` starting at `start`; null when no digit comes before the end of
 * the mantissa. Commas are taken in greedily and judged afterwards, so "1,23" and "1.234,5" are reported as bad
 * separators instead of as two numbers.
 */
function scanNumber(text: string, start: number): NumberToken | null {
  const length = text.length;
  let i = start;
  let digitCount = 0;
  let commaInInteger = false;
  let commaInFraction = false;
  for (; i < length; i++) {
    const code = text.charCodeAt(i);
    if (isAsciiDigit(code)) digitCount++;
    else if (code === 0x2c) commaInInteger = true;
    else break;
  }
  const integerEnd = i;
  if (i < length && text.charCodeAt(i) === 0x2e /* . */) {
    for (i++; i < length; i++) {
      const code = text.charCodeAt(i);
      if (isAsciiDigit(code)) digitCount++;
      else if (code === 0x2c) commaInFraction = true;
      else break;
    }
  }
  if (digitCount === 0) return null;
  const mantissaEnd = i;

  let exponent = 0;
  const e = text.charCodeAt(i);
  if (e === 0x65 || e === 0x45) {
    let j = i + 1;
    const expNegative = text.charCodeAt(j) === 0x2d;
    if (isSign(text.charCodeAt(j))) j++;
    const expStart = j;
    while (j < length && isAsciiDigit(text.charCodeAt(j))) j++;
    // "1e" or "1e+" is not an exponent: the "e" stays behind as trailing text.
    if (j > expStart) {
      const magnitude = Number(text.slice(expStart, j));
      exponent = expNegative ? -magnitude : magnitude;
      i = j;
    }
  }

  const mantissa = text.slice(start, mantissaEnd);
  const hasCommas = commaInInteger || commaInFraction;
  const badSeparators =
    commaInFraction || (commaInInteger && !WELL_FORMED_THOUSANDS.test(text.slice(start, integerEnd)));
  return { digits: hasCommas ? mantissa.replace(/,/g, "") : mantissa, exponent, end: i, badSeparators };
}

/** Text before the first digit that is neither an approximation word, a sign nor a currency sign ("达95.1"). */
function explainLeadingText(text: string, original: string): ParsedCell {
  let firstDigit = 0;
  while (firstDigit < text.length && !isAsciiDigit(text.charCodeAt(firstDigit))) firstDigit++;
  const start = firstDigit > 0 && text.charCodeAt(firstDigit - 1) === 0x2e ? firstDigit - 1 : firstDigit;
  const token = scanNumber(text, start);
  if (token !== null && containsAsciiDigit(text.slice(token.end))) return notANumber("several-numbers", original);
  return notANumber("trailing-text", original, text.slice(0, start).trim());
}
