import { ParsedCell, ParsedNumber, parseCell, toNumber } from "../../../src/core/numbers";

type NumberExpectation = Partial<Omit<ParsedNumber, "kind">> & { value: number };

/** Checks the number fields that matter; flags not listed default to false and unit/scale to absent. */
function expectNumber(cell: ParsedCell, expected: NumberExpectation): void {
  expect(cell.kind).toBe("number");
  if (cell.kind !== "number") return;
  expect(cell.value).toBe(expected.value);
  expect(cell.unit).toBe(expected.unit);
  expect(cell.scale).toBe(expected.scale);
  expect(cell.percent).toBe(expected.percent ?? false);
  expect(cell.approximate).toBe(expected.approximate ?? false);
}

describe("parseCell: JS values", () => {
  it.each<[number, number]>([
    [0, 0],
    [389.76, 389.76],
    [-12.5, -12.5],
    [0.125, 0.125],
    [1e21, 1e21],
    [-0, 0],
  ])("number %p is a number not from text", (input, value) => {
    const cell = parseCell(input);
    expect(cell).toEqual({ kind: "number", value, percent: false, approximate: false, fromText: false });
    expect(Object.is((cell as ParsedNumber).value, value)).toBe(true);
  });

  it.each([NaN, Infinity, -Infinity])("%p is not finite", (input) => {
    expect(parseCell(input)).toMatchObject({ kind: "not-a-number", reason: "non-finite" });
  });

  it.each([
    [true, "TRUE"],
    [false, "FALSE"],
  ])("boolean %p is not a number", (input, text) => {
    expect(parseCell(input)).toMatchObject({ kind: "not-a-number", reason: "boolean", text });
  });

  it("a Date is not a number, and an invalid Date does not throw", () => {
    expect(parseCell(new Date(Date.UTC(2022, 5, 30)))).toMatchObject({
      kind: "not-a-number",
      reason: "date",
      text: "2022-06-30T00:00:00.000Z",
    });
    expect(parseCell(new Date(NaN))).toMatchObject({ kind: "not-a-number", reason: "date", text: "Invalid Date" });
  });

  it.each([null, undefined])("%p is blank", (input) => {
    expect(parseCell(input)).toEqual({ kind: "blank", marker: "" });
  });

  it("survives values outside CellValue that a host API might hand over", () => {
    const hostile = {
      toString(): string {
        throw new Error("no");
      },
    };
    expect(parseCell(hostile as unknown as string).kind).toBe("not-a-number");
    expect(parseCell(Object.create(null) as string).kind).toBe("not-a-number");
    expect(parseCell(BigInt(42) as unknown as number)).toMatchObject({ kind: "number", value: 42 });
  });
});

describe("parseCell: numbers written as text", () => {
  it.each<[string, NumberExpectation]>([
    ["0.125", { value: 0.125 }],
    ["389.76", { value: 389.76 }],
    ["  389.76  ", { value: 389.76 }],
    ["-12.5", { value: -12.5 }],
    ["+12.5", { value: 12.5 }],
    ["-0", { value: 0 }],
    [".5", { value: 0.5 }],
    ["5.", { value: 5 }],
    ["007", { value: 7 }],
    ["1.2E+5", { value: 120000 }],
    ["1.2e5", { value: 120000 }],
    ["1e-3", { value: 0.001 }],
    ["1,234", { value: 1234 }],
    ["12,345,678.9", { value: 12345678.9 }],
    ["-1,234.5", { value: -1234.5 }],
    ["1，234", { value: 1234 }],
    ["３３", { value: 33 }],
    ["１２．５％", { value: 0.125, percent: true }],
    ["－１２", { value: -12 }],
    ["\u22125", { value: -5 }],
    ["\u3000１２３\u3000", { value: 123 }],
    ["1\u200b2\u200b3", { value: 123 }],
    ["\u00a042\u00a0", { value: 42 }],
    ["¥100", { value: 100 }],
    ["￥100", { value: 100 }],
    ["$ 100", { value: 100 }],
    ["-¥5", { value: -5 }],
    ["¥-5", { value: -5 }],
  ])("%p", (input, expected) => {
    const cell = parseCell(input);
    expectNumber(cell, expected);
    expect(cell).toMatchObject({ fromText: true, text: input });
  });
});

describe("parseCell: units, percentages and scales", () => {
  it.each<[string, NumberExpectation]>([
    ["389.76亿元", { value: 389.76, unit: "亿元" }],
    ["389.76 亿元", { value: 389.76, unit: "亿元" }],
    ["1.08万亿元", { value: 1.08, unit: "万亿元" }],
    ["2000万元", { value: 2000, unit: "万元" }],
    ["35元", { value: 35, unit: "元" }],
    ["3.5亿美元", { value: 3.5, unit: "亿美元" }],
    ["35085万美元", { value: 35085, unit: "万美元" }],
    ["12美元", { value: 12, unit: "美元" }],
    ["1591个", { value: 1591, unit: "个" }],
    ["19项", { value: 19, unit: "项" }],
    ["140家", { value: 140, unit: "家" }],
    ["5户", { value: 5, unit: "户" }],
    ["15.2个百分点", { value: 15.2, unit: "个百分点" }],
    ["15.2 百分点", { value: 15.2, unit: "个百分点" }],
    ["12.5%", { value: 0.125, percent: true }],
    ["12.5 %", { value: 0.125, percent: true }],
    ["147%", { value: 1.47, percent: true }],
    ["-3.2%", { value: -0.032, percent: true }],
    ["5‰", { value: 0.005, percent: true }],
    ["3万", { value: 3, scale: "万" }],
    ["1.2亿", { value: 1.2, scale: "亿" }],
    ["1.08万亿", { value: 1.08, scale: "万亿" }],
    ["1.2万家", { value: 1.2, scale: "万", unit: "家" }],
  ])("%p", (input, expected) => {
    expectNumber(parseCell(input), expected);
  });

  it("applies percent in decimal, so printed percentages come back exactly", () => {
    expect(toNumber("0.1%")).toBe(0.001);
    expect(toNumber("7%")).toBe(0.07);
    expect(toNumber("53.9%")).toBe(0.539);
    expect(toNumber("1.1E+2%")).toBe(1.1);
  });
});

describe("parseCell: approximations", () => {
  it.each<[string, NumberExpectation]>([
    ["约95.1", { value: 95.1, approximate: true }],
    ["约 95.1", { value: 95.1, approximate: true }],
    ["约95.03亿元", { value: 95.03, unit: "亿元", approximate: true }],
    ["大约12", { value: 12, approximate: true }],
    ["约合3.5亿美元", { value: 3.5, unit: "亿美元", approximate: true }],
    ["近50%", { value: 0.5, percent: true, approximate: true }],
    ["超100亿元", { value: 100, unit: "亿元", approximate: true }],
    ["超过100亿元", { value: 100, unit: "亿元", approximate: true }],
    ["逾30个", { value: 30, unit: "个", approximate: true }],
    ["≈3.14", { value: 3.14, approximate: true }],
    ["~3", { value: 3, approximate: true }],
    ["～3", { value: 3, approximate: true }],
    ["约-5", { value: -5, approximate: true }],
    ["100亿元左右", { value: 100, unit: "亿元", approximate: true }],
    ["100 左右", { value: 100, approximate: true }],
    ["100余亿元", { value: 100, unit: "亿元", approximate: true }],
    ["20余个", { value: 20, unit: "个", approximate: true }],
    ["830余", { value: 830, approximate: true }],
    ["100多亿元", { value: 100, unit: "亿元", approximate: true }],
    ["100多", { value: 100, approximate: true }],
    ["10亿元以上", { value: 10, unit: "亿元", approximate: true }],
    ["3万多", { value: 3, scale: "万", approximate: true }],
    ["约1591个", { value: 1591, unit: "个", approximate: true }],
  ])("%p", (input, expected) => {
    expectNumber(parseCell(input), expected);
  });
});

describe("parseCell: blanks, below-unit and errors", () => {
  it.each<[string, string]>([
    ["", ""],
    ["   ", ""],
    ["\u3000", ""],
    ["\u200b", ""],
    ["—", "—"],
    ["——", "——"],
    ["-", "-"],
    ["--", "--"],
    ["－", "－"],
    ["－－", "－－"],
    ["–", "–"],
    ["ー", "ー"],
    ["/", "/"],
    ["／", "／"],
    ["无", "无"],
    ["暂无", "暂无"],
    [" 暂无 ", "暂无"],
    ["一", "一"],
  ])("%p is blank with marker %p", (input, marker) => {
    expect(parseCell(input)).toEqual({ kind: "blank", marker });
    expect(toNumber(input)).toBeNull();
  });

  it.each(["…", "……", "...", "......", "⋯"])("%p is below the unit and counts as 0", (input) => {
    expect(parseCell(input)).toEqual({ kind: "below-unit", text: input });
    expect(toNumber(input)).toBe(0);
  });

  it.each([
    "#REF!",
    "#DIV/0!",
    "#N/A",
    "#VALUE!",
    "#NAME?",
    "#NUM!",
    "#NULL!",
    "#SPILL!",
    "#CALC!",
    "#GETTING_DATA",
    "#FIELD!",
    "#BUSY!",
    "#BLOCKED!",
    "#CONNECT!",
    "#UNKNOWN!",
  ])("%p is an Excel error", (code) => {
    expect(parseCell(code)).toEqual({ kind: "error", code });
    expect(parseCell(` ${code.toLowerCase()} `)).toEqual({ kind: "error", code });
    expect(toNumber(code)).toBeNull();
  });

  it("an unknown #-code is not mistaken for an error value", () => {
    expect(parseCell("#FOO!")).toMatchObject({ kind: "not-a-number", reason: "no-digits" });
    expect(parseCell("#1")).toMatchObject({ kind: "not-a-number", reason: "trailing-text" });
  });
});

describe("parseCell: text that is not a number", () => {
  it.each<[string, string]>([
    ["abc", "no-digits"],
    ["三十", "no-digits"],
    ["近百", "no-digits"],
    ["一二", "no-digits"],
    ["Infinity", "no-digits"],
    ["-Infinity", "no-digits"],
    ["NaN", "no-digits"],
    ["TRUE", "no-digits"],
    ["约", "no-digits"],
    ["%", "no-digits"],
    [".", "no-digits"],
    ["1,23", "bad-separators"],
    ["12,34,5", "bad-separators"],
    ["1,,234", "bad-separators"],
    ["1234,", "bad-separators"],
    [",123", "bad-separators"],
    ["0,123", "bad-separators"],
    ["1.234,5", "bad-separators"],
    ["1，23亿元", "bad-separators"],
    ["95.1/160", "several-numbers"],
    ["12-15", "several-numbers"],
    ["12~15", "several-numbers"],
    ["1.2.3", "several-numbers"],
    ["1 234", "several-numbers"],
    ["2022-06-30", "several-numbers"],
    ["0x10", "several-numbers"],
    ["达95.1/160", "several-numbers"],
    ["95.1吨", "unknown-unit"],
    ["95.1 平方米", "unknown-unit"],
    ["1e", "unknown-unit"],
    ["100亿元以下", "unknown-unit"],
    ["2022年", "unknown-unit"],
    ["95.1（预计）", "trailing-text"],
    ["12.5%%", "trailing-text"],
    ["5-", "trailing-text"],
    ["1e+", "trailing-text"],
    ["达95.1", "trailing-text"],
    ["合同额 95.1亿元", "trailing-text"],
    ["—5", "trailing-text"],
    ["- 5", "trailing-text"],
    ["+-5", "trailing-text"],
    ["1e400", "non-finite"],
    ["-1e99999999999999999999", "non-finite"],
  ])("%p → %s", (input, reason) => {
    const cell = parseCell(input);
    expect(cell).toMatchObject({ kind: "not-a-number", reason, text: input });
    expect(toNumber(input)).toBeNull();
  });

  it("underflow is a number, not an error", () => {
    expect(toNumber("1e-400")).toBe(0);
  });

  it("explains itself in both languages", () => {
    expect(parseCell("abc")).toMatchObject({
      message: { zh: '无法识别的数值："abc"（不含数字）', en: 'Not a number: "abc" (no digits)' },
    });
    expect(parseCell("95.1吨")).toMatchObject({
      message: {
        zh: '无法识别的数值："95.1吨"（无法识别的单位"吨"）',
        en: 'Not a number: "95.1吨" (unknown unit "吨")',
      },
    });
    expect(parseCell("达95.1")).toMatchObject({
      message: { zh: '无法识别的数值："达95.1"（含多余文字"达"）', en: 'Not a number: "达95.1" (extra text "达")' },
    });
  });

  it("shortens a long cell in the message but keeps it whole in text", () => {
    const sentence = "本季度签约项目较多，具体数据见附表。".repeat(5);
    const cell = parseCell(sentence);
    expect(cell).toMatchObject({ kind: "not-a-number", text: sentence });
    if (cell.kind !== "not-a-number") return;
    expect(cell.message.zh.length).toBeLessThan(70);
    expect(cell.message.zh).toContain("…");
  });
});

describe("toNumber", () => {
  it.each<[Parameters<typeof toNumber>[0], number | null]>([
    [42, 42],
    [NaN, null],
    [Infinity, null],
    [-0, 0],
    ["389.76亿元", 389.76],
    ["12.5%", 0.125],
    ["约95.1", 95.1],
    ["…", 0],
    ["—", null],
    ["#N/A", null],
    ["abc", null],
    [null, null],
    [undefined, null],
    [true, null],
    [new Date(0), null],
  ])("%p → %p", (input, expected) => {
    expect(toNumber(input)).toBe(expected);
  });
});
