import { scaleByPowerOfTen } from "./decimal";
import { normalizeFullWidth } from "./normalize-text";
import { AmountUnit, ParsedCell, Scale } from "./types";

export type Currency = "CNY" | "USD";

interface UnitInfo {
  currency: Currency;
  /** The unit is 10^power of the currency's base unit (元 or 美元). */
  power: number;
}

const UNIT_INFO: Readonly<Record<AmountUnit, UnitInfo>> = {
  元: { currency: "CNY", power: 0 },
  万元: { currency: "CNY", power: 4 },
  亿元: { currency: "CNY", power: 8 },
  万亿元: { currency: "CNY", power: 12 },
  美元: { currency: "USD", power: 0 },
  万美元: { currency: "USD", power: 4 },
  亿美元: { currency: "USD", power: 8 },
};

const SCALE_POWER: Readonly<Record<Scale, number>> = { 万: 4, 亿: 8, 万亿: 12 };

export const AMOUNT_UNITS: readonly AmountUnit[] = ["元", "万元", "亿元", "万亿元", "美元", "万美元", "亿美元"];

const AMOUNT_UNIT_SET: ReadonlySet<string> = new Set(AMOUNT_UNITS);

export function isAmountUnit(s: string): s is AmountUnit {
  return AMOUNT_UNIT_SET.has(s);
}

export function currencyOf(unit: AmountUnit): Currency {
  return UNIT_INFO[unit].currency;
}

/** Spellings seen in unit lines and headers once brackets, spaces and 人民币/RMB are gone. */
const UNIT_SPELLINGS: ReadonlyMap<string, AmountUnit> = new Map<string, AmountUnit>([
  ["元", "元"],
  ["万", "万元"],
  ["万元", "万元"],
  ["亿", "亿元"],
  ["亿元", "亿元"],
  ["万亿", "万亿元"],
  ["万亿元", "万亿元"],
  ["美元", "美元"],
  ["美金", "美元"],
  ["USD", "美元"],
  ["US$", "美元"],
  ["万美元", "万美元"],
  ["万美金", "万美元"],
  ["亿美元", "亿美元"],
  ["亿美金", "亿美元"],
]);

const BRACKETS = /[()[\]【】〔〕〈〉《》<>]/g;
const UNIT_LABEL = /^单位[:：]?/;
const CNY_WORDS = /人民币|RMB|CNY/gi;
const WHITESPACE = /\s+/g;

/**
 * The amount unit a header or unit line names: "亿", "（亿元）", "万元人民币", "人民币亿元", "单位：万美元".
 * Bare "万"/"亿" mean 万元/亿元 because that is how Chinese sheets abbreviate. Null when the text names no single
 * amount unit (e.g. "亿元、个" lists two; split it first).
 */
export function normalizeAmountUnit(text: string): AmountUnit | null {
  const cleaned = normalizeFullWidth(text)
    .replace(WHITESPACE, "")
    .replace(BRACKETS, "")
    .replace(UNIT_LABEL, "")
    .replace(CNY_WORDS, "")
    .toUpperCase();
  return UNIT_SPELLINGS.get(cleaned) ?? null;
}

/**
 * value in `from` expressed in `to`, computed in decimal so 12345万元 is exactly 1.2345亿元. Null when the
 * currencies differ (no exchange rate is implied) or the value is not finite.
 */
export function convertAmount(value: number, from: AmountUnit, to: AmountUnit): number | null {
  const source = UNIT_INFO[from];
  const target = UNIT_INFO[to];
  if (source.currency !== target.currency || !Number.isFinite(value)) return null;
  return scaleByPowerOfTen(value, source.power - target.power);
}

/**
 * A parsed cell as an amount in `target`. The cell's own unit wins; a bare scale ("3万") takes the target's
 * currency; a plain number is taken to be in `target` already. "…" (below the unit) is 0. Null for blanks,
 * errors, non-numbers, percentages, counts (个), 个百分点, and amounts in another currency.
 */
export function amountIn(parsed: ParsedCell, target: AmountUnit): number | null {
  if (parsed.kind === "below-unit") return 0;
  if (parsed.kind !== "number" || parsed.percent) return null;
  if (parsed.unit !== undefined) {
    return isAmountUnit(parsed.unit) ? convertAmount(parsed.value, parsed.unit, target) : null;
  }
  if (parsed.scale !== undefined) {
    return scaleByPowerOfTen(parsed.value, SCALE_POWER[parsed.scale] - UNIT_INFO[target].power);
  }
  return parsed.value;
}
