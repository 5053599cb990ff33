import { completion } from "../../../src/core/indicators";
import { valueOf } from "./helpers";

describe("completion", () => {
  test("is actual ÷ target as a fraction", () => {
    expect(valueOf(completion(50, 200))).toBe(0.25);
    expect(valueOf(completion(0, 80))).toBe(0);
  });

  test.each([
    ['blank target ("-" in the sheet)', 95.03, null],
    ["zero target", 95.03, 0],
    ["blank target and blank actual", null, null],
  ])("%s → 无年度目标", (_case, actual, target) => {
    expect(completion(actual, target)).toEqual({
      ok: false,
      reason: "no-target",
      message: { zh: "无年度目标", en: "No annual target" },
    });
  });

  test("a negative target is invalid input", () => {
    const outcome = completion(10, -160);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.reason).toBe("invalid-input");
    expect(outcome.message.zh).toBe("年度目标为负：-160");
  });

  test("a blank actual is missing input", () => {
    expect(completion(null, 160)).toEqual({
      ok: false,
      reason: "missing-input",
      message: { zh: "无本期数", en: "No current value" },
    });
  });

  test("NaN or Infinity never becomes a rate", () => {
    for (const outcome of [completion(Number.NaN, 10), completion(10, Number.POSITIVE_INFINITY)]) {
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) expect(outcome.reason).toBe("invalid-input");
    }
  });
});
