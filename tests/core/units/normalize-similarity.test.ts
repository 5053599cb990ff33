import { normalizeUnitName, similarity } from "../../../src/core/units";

describe("normalizeUnitName: whitespace and width only", () => {
  test.each([
    ["渝北区 ", "渝北区"],
    [" 渝 北 区", "渝北区"],
    ["渝北\u3000区", "渝北区"],
    ["\u00A0渝北区\u200B", "渝北区"],
    ["\uFEFF渝\u200D北\u2060区\t\n", "渝北区"],
    ["其中：中心城区", "其中:中心城区"],
    ["渝北区（含空港）", "渝北区(含空港)"],
    ["ＡＢＣ１２３", "ABC123"],
    ["渝北区*", "渝北区*"],
    ["", ""],
  ])("%p → %p", (input, expected) => {
    expect(normalizeUnitName(input)).toBe(expected);
  });

  test("is idempotent", () => {
    const once = normalizeUnitName(" 渝　北（区） ");
    expect(normalizeUnitName(once)).toBe(once);
  });
});

describe("similarity", () => {
  test("is 1 for names equal after normalisation and 0 against an empty string", () => {
    expect(similarity("渝北区", " 渝 北 区")).toBe(1);
    expect(similarity("渝北区", "")).toBe(0);
  });

  test("stays within 0..1 and is symmetric", () => {
    const pairs: [string, string][] = [["壁山区", "璧山区"], ["棋江", "綦江区"], ["xyz", "渝北区"], ["万州", "万州区（含经开区）"]];
    for (const [a, b] of pairs) {
      const s = similarity(a, b);
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(1);
      expect(similarity(b, a)).toBeCloseTo(s, 10);
    }
  });

  test.each([
    // [typo, intended, a plausible but wrong name]
    ["壁山区", "璧山区", "巫山县"],
    ["棋江", "綦江区", "垫江县"],
    ["西阳县", "酉阳土家族苗族自治县", "云阳县"],
    ["粱平区", "梁平区", "万州区"],
    ["渝北县", "渝北区", "江北区"],
    ["石柱", "石柱土家族自治县", "秀山土家族苗族自治县"],
  ])("%s is closer to %s than to %s", (typo, intended, other) => {
    expect(similarity(typo, intended)).toBeGreaterThan(similarity(typo, other));
  });

  test("a look-alike character costs less than an unrelated one", () => {
    expect(similarity("壁山区", "璧山区")).toBeGreaterThan(similarity("玉山区", "璧山区"));
  });

  test("a missing suffix scores close to a match", () => {
    expect(similarity("渝北", "渝北区")).toBeGreaterThanOrEqual(0.9);
  });
});
