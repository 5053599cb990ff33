import { DEFAULT_TIERS, TIERS_100_50_10, TierBand, tier } from "../../../src/core/indicators";
import { bi } from "../../../src/core/i18n";

const labelOf = (amount: number | null, bands?: readonly TierBand[]): string | null =>
  tier(amount, bands)?.label.zh ?? null;

describe("tier (exclusive size bands, 亿元)", () => {
  test.each([
    [250, "百亿级"],
    [100, "百亿级"],
    [99.99, "50亿级"],
    [50, "50亿级"],
    [49.99, "30亿级"],
    [30, "30亿级"],
    [10, "10亿级"],
    [9.99, null],
    [0, null],
    [null, null],
    [Number.NaN, null],
  ])("%p → %p", (amount, expected) => {
    expect(labelOf(amount)).toBe(expected);
  });

  test("the 100/50/10 scheme has no 30亿级", () => {
    expect(labelOf(30, TIERS_100_50_10)).toBe("10亿级");
    expect(labelOf(49.99, TIERS_100_50_10)).toBe("10亿级");
    expect(labelOf(50, TIERS_100_50_10)).toBe("50亿级");
  });

  test("an exclusive (超过) band does not take its boundary", () => {
    const over100: readonly TierBand[] = [
      { min: 100, inclusive: false, label: bi("超百亿", "over 10 bn yuan") },
      ...DEFAULT_TIERS.slice(1),
    ];
    expect(labelOf(100, over100)).toBe("50亿级");
    expect(labelOf(100.01, over100)).toBe("超百亿");
  });

  test("bands may be given in any order", () => {
    expect(labelOf(60, [...DEFAULT_TIERS].reverse())).toBe("50亿级");
  });

  test("labels are bilingual and the default bands run highest first", () => {
    expect(DEFAULT_TIERS.map((b) => b.min)).toEqual([100, 50, 30, 10]);
    expect(DEFAULT_TIERS.every((b) => b.inclusive)).toBe(true);
    expect(DEFAULT_TIERS[0].label).toEqual({ zh: "百亿级", en: "≥10 bn yuan" });
  });
});
