import {
  AMOUNT_UNITS,
  AmountUnit,
  amountIn,
  convertAmount,
  currencyOf,
  isAmountUnit,
  normalizeAmountUnit,
  parseCell,
} from "../../../src/core/numbers";

describe("isAmountUnit", () => {
  it.each(AMOUNT_UNITS)("%p is an amount unit", (unit) => {
    expect(isAmountUnit(unit)).toBe(true);
  });

  it.each(["亿", "个", "", "toString", "万元人民币"])("%p is not", (text) => {
    expect(isAmountUnit(text)).toBe(false);
  });
});

describe("normalizeAmountUnit", () => {
  it.each<[string, AmountUnit | null]>([
    ["亿", "亿元"],
    ["亿元", "亿元"],
    [" 亿元 ", "亿元"],
    ["（亿元）", "亿元"],
    ["(万元)", "万元"],
    ["【亿元】", "亿元"],
    ["单位：亿元", "亿元"],
    ["（单位：万元）", "万元"],
    ["万", "万元"],
    ["万元人民币", "万元"],
    ["人民币亿元", "亿元"],
    ["亿元（人民币）", "亿元"],
    ["元", "元"],
    ["万亿", "万亿元"],
    ["万亿元", "万亿元"],
    ["美元", "美元"],
    ["USD", "美元"],
    ["usd", "美元"],
    ["万美元", "万美元"],
    ["万美金", "万美元"],
    ["亿美元", "亿美元"],
    ["亿元、个", null],
    ["个", null],
    ["千元", null],
    ["", null],
    ["人民币", null],
  ])("%p → %p", (text, expected) => {
    expect(normalizeAmountUnit(text)).toBe(expected);
  });
});

describe("convertAmount", () => {
  it.each<[number, AmountUnit, AmountUnit, number | null]>([
    [12345, "万元", "亿元", 1.2345],
    [1.08, "万亿元", "亿元", 10800],
    [1.1, "亿元", "万元", 11000],
    [389.76, "亿元", "万元", 3897600],
    [3897600, "万元", "亿元", 389.76],
    [0.3, "亿元", "万元", 3000],
    [5, "亿元", "亿元", 5],
    [-2.5, "亿元", "万元", -25000],
    [123456789, "元", "亿元", 1.23456789],
    [35085, "万美元", "亿美元", 3.5085],
    [1.5e-7, "亿元", "元", 15],
    [35085, "万美元", "亿元", null],
    [1, "亿元", "亿美元", null],
    [NaN, "亿元", "万元", null],
    [Infinity, "亿元", "万元", null],
  ])("%p %s → %s = %p", (value, from, to, expected) => {
    expect(convertAmount(value, from, to)).toBe(expected);
  });

  it("is exact where multiplying by a power of ten is not", () => {
    expect(12345 * 1e-4).not.toBe(1.2345);
    expect(convertAmount(12345, "万元", "亿元")).toBe(1.2345);
  });

  it("round-trips typical two-decimal amounts through 万元", () => {
    for (let cents = 0; cents < 20000; cents += 7) {
      const amount = cents / 100;
      const wan = convertAmount(amount, "亿元", "万元");
      expect(wan === null ? null : convertAmount(wan, "万元", "亿元")).toBe(amount);
    }
  });
});

describe("currencyOf", () => {
  it("groups units by currency", () => {
    expect(AMOUNT_UNITS.filter((unit) => currencyOf(unit) === "USD")).toEqual(["美元", "万美元", "亿美元"]);
  });
});

describe("amountIn", () => {
  it.each<[string | number | null, AmountUnit, number | null]>([
    ["389.76亿元", "亿元", 389.76],
    ["389.76亿元", "万元", 3897600],
    ["12345万元", "亿元", 1.2345],
    ["1.08万亿元", "亿元", 10800],
    ["1.2亿", "亿元", 1.2],
    ["3万", "亿元", 0.0003],
    ["3万", "万美元", 3],
    ["1.2亿", "万美元", 12000],
    ["95.1", "亿元", 95.1],
    [95.1, "万元", 95.1],
    ["约95.1亿元", "亿元", 95.1],
    ["…", "亿元", 0],
    ["35085万美元", "亿元", null],
    ["12.5%", "亿元", null],
    ["15个", "亿元", null],
    ["1.2万家", "万元", null],
    ["15.2个百分点", "亿元", null],
    ["—", "亿元", null],
    ["#REF!", "亿元", null],
    ["abc", "亿元", null],
    [null, "亿元", null],
  ])("%p in %s → %p", (input, target, expected) => {
    expect(amountIn(parseCell(input), target)).toBe(expected);
  });
});
