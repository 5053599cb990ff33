import { ppChange, yoy } from "../../../src/core/indicators";
import { NotComputableReason } from "../../../src/core/result";
import { valueOf } from "./helpers";

describe("yoy", () => {
  test("is (current − previous) ÷ previous", () => {
    expect(valueOf(yoy(150, 100))).toBe(0.5);
    expect(valueOf(yoy(0, 40))).toBe(-1);
    expect(valueOf(yoy(30, 40))).toBe(-0.25);
  });

  test.each<[string, number | null, number | null, NotComputableReason, string, string]>([
    ["no base", 10, null, "missing-input", "无上年同期数", "No base"],
    ["base zero (新增)", 10, 0, "base-zero", "基期为0，不计算增速", "Base is zero; no growth rate"],
    [
      "base negative (扭亏/减亏/增亏)",
      10,
      -5,
      "base-negative",
      "基期为负，不计算增速",
      "Base is negative; no growth rate",
    ],
    ["no current value", null, 8.14, "missing-input", "无本期数", "No current value"],
    ["base zero and no current value", null, 0, "base-zero", "基期为0，不计算增速", "Base is zero; no growth rate"],
  ])("%s", (_case, current, previous, reason, zh, en) => {
    expect(yoy(current, previous)).toEqual({ ok: false, reason, message: { zh, en } });
  });

  test("a non-finite base is invalid input", () => {
    const outcome = yoy(10, Number.NaN);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.reason).toBe("invalid-input");
  });
});

describe("ppChange", () => {
  test("is in percentage points from fractional rates", () => {
    expect(valueOf(ppChange(0.75, 0.5))).toBe(25);
    expect(valueOf(ppChange(0.25, 0.5))).toBe(-25);
  });

  test("a blank rate is missing input", () => {
    for (const outcome of [ppChange(null, 0.387), ppChange(0.539, null)]) {
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) {
        expect(outcome.reason).toBe("missing-input");
        expect(outcome.message.zh).toMatch(/^无/);
      }
    }
  });
});
