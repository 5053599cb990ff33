/*
 * End to end: a grid as Excel hands it over → readSheet → validate. These tests use the real sheet reader, so they
 * also check that the engine reads the models it produces the way the rule tests' builder does.
 */
import { checkSubmissions, validate } from "../../../src/core/engine";
import { CellValue } from "../../../src/core/numbers";
import { readSheet } from "../../../src/core/sheet";
import { SheetGrid } from "../../../src/core/sheet/types";

const cityGrid: SheetGrid = {
  name: "汇总",
  values: [
    ["2022年1—6月全市招商引资主要指标完成情况表", null, null, null, null],
    ["单位：亿元", null, null, null, null],
    ["区县", "正式合同额", null, "到位资金", null],
    [null, "本期", "年度目标", "本期", "年度目标"],
    ["全市", 10842, 18500, 2217, 4200],
    ["黔江区", 95.03, 160, 12.59, 25],
    ["渝北区", 800, 800, 279, 190],
    ["壁山区", "约95.1", "-", 3, 5],
    ["填表人：张三", null, null, null, null],
  ],
  merges: [
    { top: 2, left: 1, bottom: 2, right: 2 },
    { top: 2, left: 3, bottom: 2, right: 4 },
    { top: 2, left: 0, bottom: 3, right: 0 },
  ],
  origin: { row: 0, col: 0 },
};

function form(unit: string, rows: [string, CellValue, CellValue?, CellValue?][]): SheetGrid {
  return {
    name: unit,
    values: [
      ["2022年1-6月招商引资工作情况表", null, null, null],
      [`填报单位：${unit}`, null, null, null],
      ["指标", "本期", "年度目标", "完成年度目标"],
      ...rows.map(([label, current, target, completion]) => [label, current, target ?? null, completion ?? null]),
    ],
  };
}

describe("grid → readSheet → validate", () => {
  test("a whole-city table: typo, text figure, dash target, totals that do not add up, missing units", () => {
    const result = validate(readSheet(cityGrid), null);
    const at = (rule: string) => result.findings.filter((f) => f.rule === rule).map((f) => [f.severity, f.cell]);
    expect(at("unknown-unit")).toEqual([["error", "A8"]]);
    expect(at("text-number")).toEqual([["info", "B8"]]);
    expect(at("no-target")).toEqual([["info", "C8"]]);
    expect(at("total-mismatch")).toEqual([
      ["verify", "B5"],
      ["verify", "C5"],
      ["verify", "D5"],
      ["verify", "E5"],
    ]);
    // 黔江, 渝北 and (most likely) 璧山 are there; the other 38 of 41 are not: one finding lists them.
    expect(at("missing-unit")).toEqual([["error", null]]);
    expect(result.findings.find((f) => f.rule === "missing-unit")?.message.zh).toContain("缺少38个统计单位");
    expect(result.findings.find((f) => f.rule === "unknown-unit")?.message.zh).toContain("是否为“璧山区”？");
    expect(result.mapping.map((c) => [c.indicator, c.measure])).toEqual([
      [null, null],
      ["contract-amount", "current"],
      ["contract-amount", "target"],
      ["funds-in-place", "current"],
      ["funds-in-place", "target"],
    ]);
  });

  test("a used range that starts at B3 names the real cells", () => {
    const result = validate(readSheet({ ...cityGrid, origin: { row: 2, col: 1 } }), null);
    expect(result.findings.find((f) => f.rule === "unknown-unit")?.cell).toBe("B10");
  });

  test("黔江's 2022 上半年 form as a district submits it (transposed): 29 ≠ 20 + 8, and a completion that does not add up", () => {
    const grid = form("黔江区", [
      ["签约项目数（个）", 29],
      ["其中：正式合同项目数", 20],
      ["框架协议项目数", 8],
      ["正式合同额（亿元）", 95.03, 160, 80],
      ["其中：工业合同额", 59.47],
      ["到位资金（亿元）", 12.59, 25, 50.36],
    ]);
    const model = readSheet(grid);
    expect(model.layout).toBe("transposed");
    const result = validate(model, null);
    expect(result.findings.map((f) => [f.rule, f.severity, f.cell])).toEqual([
      ["parts-sum-mismatch", "verify", "B4"],
      ["rate-mismatch", "verify", "D7"],
    ]);
    expect(result.findings[1].message.zh).toContain("按本期95.03亿元÷年度目标160.00亿元计算应为59.39%");
  });

  test("a batch of district forms: a unit submitted twice, the rest missing", () => {
    const grids = [
      form("黔江区", [
        ["正式合同额", 95.03],
        ["到位资金", 12.59],
      ]),
      form("渝北区", [
        ["正式合同额", 800],
        ["到位资金", 279],
      ]),
      form("渝北区", [
        ["正式合同额", 800],
        ["到位资金", 279],
      ]),
    ];
    const submissions = grids.map((grid, i) => {
      const model = readSheet(grid);
      return { file: `file-${i}.xlsx`, sheet: grid.name, model, result: validate(model, null) };
    });
    const findings = checkSubmissions(submissions);
    expect(findings.filter((f) => f.rule === "duplicate-submission").map((f) => f.file)).toEqual([
      "file-1.xlsx",
      "file-2.xlsx",
    ]);
    expect(findings.filter((f) => f.rule === "missing-submission").map((f) => f.severity)).toEqual(["info"]);
  });
});
