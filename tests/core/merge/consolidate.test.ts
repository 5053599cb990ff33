import { consolidate } from "../../../src/core/merge";
import type { AggregateRow, MeasureCells, MergedTable, UnitRow } from "../../../src/core/merge";
import { chongqing } from "../../../src/core/units";
import { districtForm, submission } from "./district-forms";

function unitRow(table: MergedTable, name: string): UnitRow {
  const row = table.rows.find((r): r is UnitRow => r.kind === "unit" && r.unit.name === name);
  if (!row) throw new Error(`no row for ${name}`);
  return row;
}

function aggregate(table: MergedTable, label: string): AggregateRow {
  const row = table.rows.find((r): r is AggregateRow => r.kind !== "unit" && r.label === label);
  if (!row) throw new Error(`no row ${label}`);
  return row;
}

const contract = (cells: Partial<Record<string, MeasureCells>>): MeasureCells => cells["contract-amount"] as MeasureCells;

function form(unit: string, current: number, extra: { previous?: number; target?: number; projects?: number } = {}) {
  return submission(
    `${unit}.xlsx`,
    districtForm(unit, [
      { label: "签约项目数", current: extra.projects ?? 10 },
      { label: "正式合同额", current, previous: extra.previous, target: extra.target },
    ]),
  );
}

describe("consolidate", () => {
  it("lists every unit of the preset in registry order, under its group's subtotal row, with 全市 first", () => {
    const table = consolidate([form("黔江区", 95.1)]);
    expect(table.rows[0]).toMatchObject({ kind: "total", label: "全市" });
    const units = table.rows.filter((r): r is UnitRow => r.kind === "unit").map((r) => r.unit.code);
    const grouped = ["中心城区", "主城新区", "渝东北三峡库区城镇群", "渝东南武陵山区城镇群"].flatMap((g) =>
      chongqing.unitsOf("chongqing-2020").filter((u) => chongqing.groupOf(u, "2020") === g).map((u) => u.code),
    );
    expect(units).toEqual(grouped);
    const labels = table.rows.filter((r) => r.kind === "group").map((r) => (r as AggregateRow).label);
    expect(labels).toEqual(["主城都市区", "中心城区", "主城新区", "渝东北三峡库区城镇群", "渝东南武陵山区城镇群"]);
    const firstUnitOfGroup = table.rows.indexOf(unitRow(table, "渝中区"));
    expect(table.rows[firstUnitOfGroup - 1]).toMatchObject({ kind: "group", label: "中心城区" });
  });

  it("adds into 全市 and the subtotals only the units that count in the city total (两江新区, 重庆高新区 do not)", () => {
    const table = consolidate([form("渝中区", 290), form("两江新区", 1158.93), form("万盛经开区", 199.44), form("黔江区", 95.1)]);
    expect(contract(aggregate(table, "全市").cells).current).toBeCloseTo(290 + 199.44 + 95.1, 10);
    expect(contract(aggregate(table, "中心城区").cells).current).toBe(290);
    expect(contract(aggregate(table, "主城都市区").cells).current).toBeCloseTo(290 + 199.44, 10);
    // The zone still has its own share of the city total and its place in the rankings.
    const liangjiang = contract(unitRow(table, "两江新区").cells);
    expect(liangjiang.share).toBeCloseTo(1158.93 / (290 + 199.44 + 95.1), 12);
    expect(liangjiang.rankOverall).toBe(1);
  });

  it("leaves units without a submission blank, never zero, and lists them", () => {
    const table = consolidate([form("黔江区", 95.1)]);
    const yuzhong = unitRow(table, "渝中区");
    expect(yuzhong.file).toBeNull();
    expect(contract(yuzhong.cells)).toMatchObject({ current: null, share: null, rankOverall: null });
    expect(table.missing.map((u) => u.name)).toContain("渝中区");
    expect(table.missing).toHaveLength(40);
    // A group where nobody submitted has no subtotal either: blank, not 0.
    expect(contract(aggregate(table, "中心城区").cells).current).toBeNull();
  });

  it("refuses a unit submitted twice, naming both files, and merges neither figure", () => {
    const a = form("梁平区", 424.21);
    const b = { ...form("梁平区", 175.8), file: "梁平区（第二份）.xlsx" };
    const table = consolidate([a, b, form("黔江区", 95.1)]);
    expect(table.duplicates).toEqual([{ unit: expect.objectContaining({ name: "梁平区" }), files: ["梁平区.xlsx", "梁平区（第二份）.xlsx"] }]);
    expect(contract(unitRow(table, "梁平区").cells).current).toBeNull();
    expect(contract(aggregate(table, "全市").cells).current).toBe(95.1);
  });

  it("computes 同比, 完成率, 超序时进度 and 占全市比重 from the unrounded figures", () => {
    const table = consolidate([form("黔江区", 95.03, { previous: 77.86, target: 160 }), form("涪陵区", 389.76, { previous: 300, target: 600 })]);
    const q = contract(unitRow(table, "黔江区").cells);
    expect(q.yoy).toBeCloseTo((95.03 - 77.86) / 77.86, 12);
    expect(q.completion).toBeCloseTo(95.03 / 160, 12);
    // 1–6月: time progress is 6/12 = 50%, so 59.39% is 9.39 个百分点 ahead.
    expect(q.pace).toBeCloseTo((95.03 / 160 - 0.5) * 100, 10);
    expect(q.share).toBeCloseTo(95.03 / (95.03 + 389.76), 12);
    const city = contract(aggregate(table, "全市").cells);
    expect(city.completion).toBeCloseTo((95.03 + 389.76) / 760, 12);
    expect(city.yoy).toBeCloseTo((95.03 + 389.76 - 377.86) / 377.86, 12);
  });

  it("leaves 同比 blank when the base is zero instead of printing a misleading rate", () => {
    const table = consolidate([form("城口县", 38, { previous: 0 })]);
    expect(contract(unitRow(table, "城口县").cells).yoy).toBeNull();
  });

  it("ranks by competition ranking overall and within the unit's own group", () => {
    const table = consolidate([form("渝中区", 290), form("江北区", 642), form("南岸区", 290), form("涪陵区", 389.76), form("黔江区", 95.1)]);
    const rank = (name: string) => {
      const c = contract(unitRow(table, name).cells);
      return [c.rankOverall, c.rankInGroup];
    };
    expect(rank("江北区")).toEqual([1, 1]);
    expect(rank("涪陵区")).toEqual([2, 1]);
    expect(rank("渝中区")).toEqual([3, 2]);
    expect(rank("南岸区")).toEqual([3, 2]);
    expect(rank("黔江区")).toEqual([5, 1]);
  });

  it("keeps for every merged figure the file, sheet and cell it came from", () => {
    const table = consolidate([form("黔江区", 95.03, { previous: 77.86, target: 160 })]);
    const inputs = unitRow(table, "黔江区").inputs["contract-amount"];
    expect(inputs?.current?.source).toEqual({ file: "黔江区.xlsx", sheet: "Sheet1", cell: "B5" });
    expect(inputs?.previous?.source.cell).toBe("C5");
    expect(inputs?.target?.source.cell).toBe("D5");
  });

  it("reads an amount the district gave in 万元 as 亿元", () => {
    const grid = districtForm("黔江区", [
      { label: "签约项目数（个）", current: 20 },
      { label: "正式合同额（万元）", current: 950300 },
    ]);
    const table = consolidate([submission("黔江区.xlsx", grid)]);
    expect(contract(unitRow(table, "黔江区").cells).current).toBeCloseTo(95.03, 10);
  });

  it("groups by the 2024 scheme when asked", () => {
    const table = consolidate([form("垫江县", 265.81)], { scheme: "2024" });
    const row = unitRow(table, "垫江县");
    expect(row.group).toBe("渝东新城");
    expect(contract(aggregate(table, "主城都市区").cells).current).toBe(265.81);
  });

  it("merges a table of several unit rows as well as one-district forms", () => {
    const grid = {
      name: "汇总",
      values: [
        ["2022年1—6月招商引资情况表", null],
        ["单位：亿元", null],
        ["区县", "正式合同额"],
        ["渝中区", 290],
        ["大渡口区", 298.24],
      ],
    };
    const table = consolidate([submission("中心城区.xlsx", grid), form("黔江区", 95.1)]);
    expect(contract(unitRow(table, "大渡口区").cells).current).toBe(298.24);
    expect(unitRow(table, "渝中区").inputs["contract-amount"]?.current?.source.cell).toBe("B4");
  });

  it("takes only the indicators some submission gives, and 上年同期 and 年度目标 columns only where given", () => {
    const table = consolidate([form("黔江区", 95.1, { target: 160 })]);
    expect(table.indicators).toEqual([
      { indicator: "signed-projects", kind: "count", withPrevious: false, withTarget: false },
      { indicator: "contract-amount", kind: "amount", withPrevious: false, withTarget: true },
    ]);
  });
});

describe("consolidate, subtotal rates", () => {
  it("leaves a subtotal's 同比 and 完成率 blank when not every member with 本期 gives a base and a target", () => {
    const table = consolidate([form("黔江区", 95.03, { previous: 77.86, target: 160 }), form("武隆区", 178.8)]);
    const group = contract(aggregate(table, "渝东南武陵山区城镇群").cells);
    expect(group.current).toBeCloseTo(95.03 + 178.8, 10);
    expect(group.previous).toBe(77.86);
    expect(group).toMatchObject({ yoy: null, completion: null, pace: null });
    // The unit that gives them keeps its own rates.
    expect(contract(unitRow(table, "黔江区").cells).yoy).not.toBeNull();
  });
});

describe("consolidate, unreadable files", () => {
  it("does not call missing the unit an unreadable file's name gives, unless another file of it was merged", () => {
    const table = consolidate([form("黔江区", 95.1)], { unreadable: ["报送/万州区1-6月.et", "报送/黔江区（旧）.xls"] });
    expect(table.unreadable.map((u) => [u.file, u.unit?.name ?? null])).toEqual([
      ["报送/万州区1-6月.et", "万州区"],
      ["报送/黔江区（旧）.xls", null],
    ]);
    expect(table.missing.map((u) => u.name)).not.toContain("万州区");
    expect(table.missing).toHaveLength(39);
  });
});
