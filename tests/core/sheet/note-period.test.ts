/* A period written in a footnote or note, on sheets whose title gives only the year or nothing. */
import { validate } from "../../../src/core/engine";
import { CellValue } from "../../../src/core/numbers";
import { readSheet } from "../../../src/core/sheet";
import { findNotePeriod } from "../../../src/core/sheet/preamble";
import { SheetGrid } from "../../../src/core/sheet/types";

function grid(title: string, footer: string[]): SheetGrid {
  const values: CellValue[][] = [
    [title, null, null, null],
    ["单位：亿元", null, null, null],
    ["区县", "正式合同额", null, null],
    [null, "本期", "年度目标", "完成率"],
    ["黔江区", 95.03, 160, 0.5939],
    ["武隆区", 60.5, 100, 0.605],
    ["石柱县", 20, 100, 0.2],
    ...footer.map((text): CellValue[] => [text, null, null, null]),
  ];
  const numberFormats = values.map((row, r) => row.map((_, c) => (r >= 4 && r <= 6 && c === 3 ? "0.00%" : null)));
  const merges = [
    { top: 2, left: 1, bottom: 2, right: 3 },
    { top: 2, left: 0, bottom: 3, right: 0 },
  ];
  return { name: "完成情况", values, numberFormats, merges };
}

describe("the period in a note", () => {
  test("“注：统计期间为2022年1—9月” under a title with only the year gives 2022年1-9月, said in the notes", () => {
    const model = readSheet(grid("2022年渝东南片区招商引资主要指标完成情况表", ["填表人：张三", "注：统计期间为2022年1—9月"]));
    expect(model.period).toEqual({ year: 2022, startMonth: 1, endMonth: 9, label: "2022年1-9月" });
    expect(model.notes.map((n) => n.zh)).toContain("统计期“2022年1-9月”取自表注：注：统计期间为2022年1—9月");
    // 1–9月 is 75%: 石柱县's 20% is behind, checked instead of skipped.
    const behind = validate(model, null).findings.filter((f) => f.rule === "behind-schedule");
    expect(behind.map((f) => [f.unit, f.severity])).toEqual([
      ["石柱土家族自治县", "verify"],
      ["黔江区", "info"],
      ["武隆区", "info"],
    ]);
  });

  test("a note without a year takes the title's: “说明：本表为1-6月累计数”", () => {
    const model = readSheet(grid("2022年招商引资完成情况表", ["说明：本表为1-6月累计数"]));
    expect(model.period?.label).toBe("2022年1-6月");
  });

  test("“数据截至2022年9月底” in a note is the cumulative 1–9月", () => {
    const found = findNotePeriod(grid("招商引资完成情况表", ["备注：数据截至2022年9月底"]), 4);
    expect(found?.period).toEqual({ year: 2022, startMonth: 1, endMonth: 9, label: "2022年1-9月" });
  });

  test("the title's period wins over a note's, and a unit row never supplies one", () => {
    const model = readSheet(grid("2022年1—6月招商引资完成情况表", ["注：上年同期为2021年1—9月数据"]));
    expect(model.period?.label).toBe("2022年1-6月");
    expect(findNotePeriod(grid("招商引资完成情况表", ["6月新开工项目"]), 4)).toBeNull();
  });

  test("with no period anywhere the results sheet gets one 提示 naming the skipped check", () => {
    const model = readSheet(grid("2022年招商引资完成情况表", ["填表人：张三"]));
    expect(model.period).toBeNull();
    const notes = validate(model, null).findings.filter((f) => f.rule === "behind-schedule");
    expect(notes.map((f) => [f.severity, f.cell])).toEqual([["info", null]]);
    expect(notes[0].message.zh).toContain("标题只写了年份，没有写月份");
  });
});
