import { ParsedCell, amountIn, parseCell, toNumber } from "../../../src/core/numbers";
import { mulberry32, pickFrom } from "./mulberry32";

const DIGITS = [..."0123456789０１２３４５６７８９"];
const HAS_DIGIT = /[0-9０-９]/;

/** Characters that occur in real cells around numbers, plus look-alikes and traps. */
const DIGIT_FREE = [
  ..."元万亿美个项家户百分点约近超过逾左右余多以上大合一二三十百千吨年月",
  ..."..,，．%％‰/／\\-－—–…⋯~～〜≈¥￥$eE+＋#!?()（）:：、",
  " ",
  "\u3000",
  "\u00a0",
  "\u200b",
  "\u2212",
  "\t",
  ..."xINFTYaNnfinity",
  "#REF!",
  "#N/A",
  "Infinity",
  "NaN",
].filter((piece) => !HAS_DIGIT.test(piece));

const MIXED = [...DIGIT_FREE, ...DIGITS, ...DIGITS, ...DIGITS];

function randomString(random: () => number, alphabet: readonly string[], maxPieces: number): string {
  const pieces = Math.floor(random() * (maxPieces + 1));
  let text = "";
  for (let i = 0; i < pieces; i++) text += pickFrom(random, alphabet);
  return text;
}

/** Invariants that hold for every input, whatever it is. */
function checkInvariants(input: string, cell: ParsedCell): void {
  if (cell.kind === "number") {
    expect(HAS_DIGIT.test(input)).toBe(true);
    expect(Number.isFinite(cell.value)).toBe(true);
    expect(cell.fromText).toBe(true);
    expect(cell.text).toBe(input);
  }
  if (cell.kind === "not-a-number") {
    expect(cell.text).toBe(input);
    expect(cell.message.zh.length).toBeGreaterThan(0);
    expect(cell.message.en.length).toBeGreaterThan(0);
  }
  const expected = cell.kind === "number" ? cell.value : cell.kind === "below-unit" ? 0 : null;
  expect(toNumber(input)).toBe(expected);
}

describe("parseCell on random text", () => {
  it("never throws and never makes a number without a digit (mixed alphabet)", () => {
    const random = mulberry32(20220630);
    let numbers = 0;
    for (let n = 0; n < 6000; n++) {
      const input = randomString(random, MIXED, 12);
      const cell = parseCell(input);
      checkInvariants(input, cell);
      if (cell.kind === "number") numbers++;
    }
    // The alphabet must actually reach the number grammar, or this test proves nothing.
    expect(numbers).toBeGreaterThan(100);
  });

  it("never makes a number from digit-free text", () => {
    const random = mulberry32(17100);
    for (let n = 0; n < 6000; n++) {
      const input = randomString(random, DIGIT_FREE, 10);
      const cell = parseCell(input);
      expect(cell.kind).not.toBe("number");
      checkInvariants(input, cell);
    }
  });

  it("never makes a number from short digit-free strings of any characters", () => {
    const random = mulberry32(3600);
    for (let n = 0; n < 6000; n++) {
      let input = "";
      const length = 1 + Math.floor(random() * 4);
      for (let i = 0; i < length; i++) input += String.fromCharCode(Math.floor(random() * 0x10000));
      const cell = parseCell(input);
      if (HAS_DIGIT.test(input)) continue;
      expect(cell.kind).not.toBe("number");
    }
  });
});

/** Groups like Excel's #,##0 format, written out here so the test does not depend on the ICU data Node ships. */
function withThousands(integer: number): string {
  const digits = String(Math.abs(integer));
  let grouped = "";
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) grouped += ",";
    grouped += digits[i];
  }
  return integer < 0 ? `-${grouped}` : grouped;
}

function toFullWidth(text: string): string {
  return text.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

describe("parseCell reads back what a sheet would print", () => {
  it("integers with thousands separators, in ASCII and full-width", () => {
    const random = mulberry32(41);
    for (let n = 0; n < 3000; n++) {
      const integer = Math.floor((random() - 0.5) * 2e12);
      const printed = withThousands(integer);
      expect(toNumber(printed)).toBe(integer === 0 ? 0 : integer);
      expect(toNumber(toFullWidth(printed))).toBe(integer === 0 ? 0 : integer);
    }
  });

  it("two-decimal amounts with units and percentages", () => {
    const random = mulberry32(39);
    for (let n = 0; n < 3000; n++) {
      const amount = Math.floor(random() * 1e7) / 100;
      expect(amountIn(parseCell(`${amount}亿元`), "亿元")).toBe(amount);
      expect(amountIn(parseCell(`约${amount} 万元`), "万元")).toBe(amount);
      expect(toNumber(`${amount}%`)).toBe(Number(`${amount}e-2`));
    }
  });
});
