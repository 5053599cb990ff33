import { textNumber } from "../../../src/core/rules";
import { CellValue } from "../../../src/core/numbers";
import { buildModel, only, run, validated } from "./build-model";

const columns = [
  { indicator: "contract-amount" as const, measure: "current" as const },
  { indicator: "signed-projects" as const, measure: "current" as const },
  { indicator: "contract-amount" as const, measure: "yoy" as const },
];

function one(amount: CellValue, count: CellValue = 29, yoy: CellValue = 22.05) {
  return buildModel({ columns, rows: [["黔江区", amount, count, yoy]] });
}

describe("text-number", () => {
  test.each([
    ["约95.1", 95.1, "95.10亿元", "（约数）"],
    ["389.76亿元", 389.76, "389.76亿元", ""],
    ["1.08万亿元", 10800, "10800.00亿元", ""],
    ["1,234", 1234, "1234.00亿元", ""],
    ["９５.０３", 95.03, "95.03亿元", ""],
  ])("%p is read as a number: 提示性, saying how it was read and that SUM skips text", (text, read, shown, approx) => {
    const f = only(validated(one(text), "text-number"));
    expect(f).toMatchObject({ severity: "info", cell: "B3", value: text, expected: { kind: "figure", value: read } });
    expect(f.message.zh).toBe(
      `工作表“汇总”B3（黔江区，正式合同额本期）以文本填报“${text}”，已按${shown}读取${approx}；Excel的SUM等函数会跳过文本，合计可能漏计，建议改为数值。`,
    );
    expect(f.message.en).toContain("Excel's SUM skips text");
  });

  test("full-width digits in a count column", () => {
    const f = only(run(textNumber, one(95.03, "３３")));
    expect(f).toMatchObject({ severity: "info", cell: "C3", expected: { kind: "figure", value: 33 } });
    expect(f.message.zh).toContain("已按33个读取");
  });

  test.each([["九十五"], ["95.1吨"], ["95.1 96.2"], ["1,23"]])("unreadable %p is 强制性 and quoted", (text) => {
    const f = only(run(textNumber, one(text)));
    expect(f.severity).toBe("error");
    expect(f.message.zh).toContain(`无法识别的数值："${text}"`);
    expect(f.message.zh).toContain("请改为数值");
  });

  test("a figure whose unit does not fit the column (a percentage in an amount column) is 强制性", () => {
    const f = only(run(textNumber, one("12.5%")));
    expect(f.severity).toBe("error");
    expect(f.message.zh).toContain("其单位与本列不符");
  });

  test.each([["—"], ["-"], ["/"], ["无"], ["…"], [""], [null], [95.03]])("%p is not a text-number", (value) => {
    expect(run(textNumber, one(value))).toEqual([]);
  });

  test("新增 is what a 同比 cell should say over a zero base; in an amount column it is unreadable", () => {
    expect(run(textNumber, one(95.03, 29, "新增"))).toEqual([]);
    expect(only(run(textNumber, one("新增"))).severity).toBe("error");
  });

  test("rank columns are computed for display and not checked", () => {
    const model = buildModel({
      columns: [{ indicator: "contract-amount", measure: "rank" }],
      rows: [["黔江区", "第3"]],
    });
    expect(run(textNumber, model)).toEqual([]);
  });

  test("a date or TRUE where a figure belongs is unreadable", () => {
    expect(only(run(textNumber, one(new Date(2022, 5, 30)))).message.zh).toContain("是日期");
    expect(only(run(textNumber, one(true))).message.zh).toContain("是逻辑值");
  });
});
