import { roundHalfUp, wanToYi, yiToWan } from "../../../src/core/indicators";
import { seededRandom } from "./helpers";

describe("roundHalfUp (四舍五入)", () => {
  test.each([
    // 1.005 is stored as 1.00499999…; the statistician typed 1.005 and expects 1.01.
    [1.005, 2, 1.01],
    [-1.005, 2, -1.01],
    [2.675, 2, 2.68],
    [1.045, 2, 1.05],
    [0.125, 2, 0.13],
    [2.5, 0, 3],
    [-2.5, 0, -3],
    [146.8421052631579, 0, 147],
    [146.8421052631579, 1, 146.8],
    // Binary noise left by arithmetic: 0.285 × 100 and 0.586 − 0.5 scaled.
    [0.285 * 100, 0, 29],
    [(0.586 - 0.5) * 100, 1, 8.6],
    [1250, -2, 1300],
    [1234.5, -1, 1230],
    [0.00005, 4, 0.0001],
    [1e-7, 6, 0],
    [12, 2, 12],
  ])("roundHalfUp(%p, %p) = %p", (x, decimals, expected) => {
    expect(roundHalfUp(x, decimals)).toBe(expected);
  });

  test("a small negative rounds to 0, not −0", () => {
    expect(Object.is(roundHalfUp(-0.004, 2), 0)).toBe(true);
  });

  test("is symmetric around zero", () => {
    const random = seededRandom(7);
    for (let i = 0; i < 500; i++) {
      const x = Math.round(random() * 1e6) / 1000; // three decimals, so many exact halves at 2 dp
      expect(roundHalfUp(-x, 2)).toBe(-roundHalfUp(x, 2));
    }
  });

  test("non-finite values pass through and fractional decimals are rejected", () => {
    expect(roundHalfUp(Number.NaN, 2)).toBeNaN();
    expect(roundHalfUp(Number.POSITIVE_INFINITY, 2)).toBe(Number.POSITIVE_INFINITY);
    expect(() => roundHalfUp(1.5, 0.5)).toThrow(RangeError);
  });
});

describe("万元 ↔ 亿元", () => {
  test.each([
    [12345, 1.2345],
    [11589300, 1158.93],
    [1, 0.0001],
    [0, 0],
  ])("wanToYi(%p) = %p exactly", (wan, yi) => {
    expect(wanToYi(wan)).toBe(yi);
  });

  test.each([
    [1.2345, 12345],
    [3.14159, 31415.9],
    [0.07, 700],
    [1158.93, 11589300],
  ])("yiToWan(%p) = %p exactly", (yi, wan) => {
    expect(yiToWan(yi)).toBe(wan);
  });

  test("whole 万元 convert exactly as dividing by 1e4 does", () => {
    const random = seededRandom(1);
    for (let i = 0; i < 1000; i++) {
      const wan = Math.floor(random() * 1e12);
      expect(wanToYi(wan)).toBe(wan / 1e4);
    }
  });

  test("fractional 万元 give the 亿元 figure as written, where dividing would not", () => {
    expect(wanToYi(2732279.94)).toBe(273.227994);
    expect(2732279.94 / 1e4).not.toBe(273.227994); // why the decimal point is moved instead
  });

  test("万元 amounts survive a round trip through 亿元", () => {
    const random = seededRandom(42);
    for (let i = 0; i < 1000; i++) {
      const wan = Math.floor(random() * 1e9) / 100; // 万元 with 2 decimals
      expect(yiToWan(wanToYi(wan))).toBe(wan);
    }
  });
});
