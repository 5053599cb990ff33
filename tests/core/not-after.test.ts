/*
 * The lookbehind rewrite (office-js-docs-pr #4496: the custom-functions runtime parses ES2016, which has no
 * lookbehind) must find exactly what the lookbehind found. Node has lookbehind, so the old patterns are the oracle.
 */
import { afterAnyOf, afterDigit, afterLatinLetter, allNotAfter, execNotAfter } from "../../src/core/not-after";

const SAMPLES = [
  "2022年1-6月",
  "20221-6月",
  "1-6月",
  "2022年度Q3",
  "SQ1",
  "q2报表",
  "12月至",
  "第3季度",
  "2023第3季度",
  "填报单位：渝北区 单位：亿元",
  "填报金额单位：万元",
  "报表单位：x 金额单位：万元；计量单位：个",
  "",
  "单位:亿元 单位：万元",
];

function oracle(regex: RegExp, text: string): { index: number; groups: string[] }[] {
  return [...text.matchAll(regex)].map((m) => ({ index: m.index ?? -1, groups: [...m] }));
}

function rewritten(regex: RegExp, text: string, blocked: Parameters<typeof execNotAfter>[2]) {
  return allNotAfter(regex, text, blocked).map((m) => ({ index: m.index, groups: [...m] }));
}

test.each(SAMPLES)("a month range not glued to a digit matches as (?<!\\d) did in %p", (text) => {
  expect(rewritten(/(\d{1,2})月?-(\d{1,2})月/g, text, afterDigit)).toEqual(
    oracle(/(?<!\d)(\d{1,2})月?-(\d{1,2})月/g, text),
  );
});

test.each(SAMPLES)("a quarter not after a Latin letter matches as (?<![A-Za-z]) did in %p", (text) => {
  expect(rewritten(/Q([1-4])(?!\d)/gi, text, afterLatinLetter)).toEqual(
    oracle(/(?<![A-Za-z])Q([1-4])(?!\d)/gi, text),
  );
});

test.each(SAMPLES)("a unit line not after 填报/报送/报表/制表 matches as the lookbehind did in %p", (text) => {
  expect(
    rewritten(/((?:金额|计量|货币)?单位)\s*[:：]\s*([^\s;；]+)/g, text, afterAnyOf(["填报", "报送", "报表", "制表"])),
  ).toEqual(oracle(/(?<!填报|报送|报表|制表)((?:金额|计量|货币)?单位)\s*[:：]\s*([^\s;；]+)/g, text));
});

test("a regex without the global flag is refused, since it cannot be searched from a position", () => {
  expect(() => execNotAfter(/a/, "a", afterDigit)).toThrow(TypeError);
});

test("the regex is left at lastIndex 0, so callers that share it are not thrown off", () => {
  const regex = /\d月/g;
  execNotAfter(regex, "16月", afterDigit);
  expect(regex.lastIndex).toBe(0);
});
