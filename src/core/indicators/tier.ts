import { Bilingual, bi } from "../i18n";

/**
 * One size band of a tier scheme, in 亿元. "以上" includes the boundary (inclusive: true), "超过" excludes it;
 * reports differ, so the choice is per band.
 */
export interface TierBand {
  min: number;
  inclusive: boolean;
  label: Bilingual;
}

const HUNDRED = { min: 100, inclusive: true, label: bi("百亿级", "≥10 bn yuan") } as const satisfies TierBand;
const FIFTY = { min: 50, inclusive: true, label: bi("50亿级", "≥5 bn yuan") } as const satisfies TierBand;
const THIRTY = { min: 30, inclusive: true, label: bi("30亿级", "≥3 bn yuan") } as const satisfies TierBand;
const TEN = { min: 10, inclusive: true, label: bi("10亿级", "≥1 bn yuan") } as const satisfies TierBand;

/** 百亿级 ≥100, 50亿级 [50,100), 30亿级 [30,50), 10亿级 [10,30) 亿元, highest first. */
export const DEFAULT_TIERS: readonly TierBand[] = Object.freeze([HUNDRED, FIFTY, THIRTY, TEN]);

/** The coarser scheme some reports use: 百亿级, 50亿级 [50,100), 10亿级 [10,50). */
export const TIERS_100_50_10: readonly TierBand[] = Object.freeze([HUNDRED, FIFTY, TEN]);

function reaches(amount: number, band: TierBand): boolean {
  return band.inclusive ? amount >= band.min : amount > band.min;
}

/**
 * The band a project amount (亿元) belongs to. Bands are exclusive, so it is the highest band the amount reaches;
 * below the lowest band, or with no amount, there is no tier.
 */
export function tier(amountYi: number | null, bands: readonly TierBand[] = DEFAULT_TIERS): TierBand | null {
  if (amountYi === null || !Number.isFinite(amountYi)) return null;
  // Sorted here rather than trusted, so a user-configured scheme may list its bands in any order.
  const highestFirst = [...bands].sort((a, b) => b.min - a.min);
  return highestFirst.find((band) => reaches(amountYi, band)) ?? null;
}
