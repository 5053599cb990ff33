import { a1, ColumnMapping, readSheet, RowKind, SheetModel } from "../../../src/core/sheet";
import { chongqingHalfYear, GROUPS_2020, GridBuilder, UNITS_2020 } from "./fixtures";

const ORIGIN = { row: 2, col: 1 }; // the used range starts at B3

function column(model: SheetModel, col: number): Omit<ColumnMapping, "header"> {
  const { header: _header, ...rest } = model.columns[col];
  return rest;
}

function kindOf(model: SheetModel, row: number): RowKind | undefined {
  return model.rows.find((r) => r.row === row)?.kind;
}

/** The mapping expected for the 15-column layout of chongqingHalfYear(), with a 亿元 unit line. */
const EXPECTED_COLUMNS: Omit<ColumnMapping, "header">[] = [
  { col: 0, indicator: null, measure: null, unit: null, unitSource: null, source: "unmapped" },
  { col: 1, indicator: null, measure: null, unit: null, unitSource: null, source: "unmapped" },
  { col: 2, indicator: "signed-projects", measure: "current", unit: "个", unitSource: "default", source: "header" },
  { col: 3, indicator: "contract-amount", measure: "current", unit: "亿元", unitSource: "unit-line", source: "header" },
  { col: 4, indicator: "contract-amount", measure: "previous", unit: "亿元", unitSource: "unit-line", source: "header" },
  { col: 5, indicator: "contract-amount", measure: "yoy", unit: "%", unitSource: "default", source: "header" },
  { col: 6, indicator: "contract-amount", measure: "target", unit: "亿元", unitSource: "unit-line", source: "header" },
  { col: 7, indicator: "contract-amount", measure: "completion", unit: "%", unitSource: "default", source: "header" },
  { col: 8, indicator: "funds-in-place", measure: "current", unit: "亿元", unitSource: "unit-line", source: "header" },
  { col: 9, indicator: "funds-in-place", measure: "previous", unit: "亿元", unitSource: "unit-line", source: "header" },
  { col: 10, indicator: "funds-in-place", measure: "yoy", unit: "%", unitSource: "default", source: "header" },
  { col: 11, indicator: "funds-in-place", measure: "target", unit: "亿元", unitSource: "unit-line", source: "header" },
  { col: 12, indicator: "funds-in-place", measure: "completion", unit: "%", unitSource: "default", source: "header" },
  { col: 13, indicator: null, measure: "rank", unit: null, unitSource: null, source: "header" },
  { col: 14, indicator: null, measure: null, unit: null, unitSource: null, source: "unmapped" },
];

describe("readSheet: the city's 41-unit 1–6月 sheet with merged headers", () => {
  const sheet = chongqingHalfYear();
  const { at } = sheet;
  const model = readSheet(sheet.builder.build("1-6月", { origin: ORIGIN }));

  it("reads the title, the period 2022 1–6月 and the 亿元 unit line", () => {
    expect(model.layout).toBe("table");
    expect(model.title).toEqual({ row: at.title, text: "2022年1—6月全市招商引资主要指标完成情况表" });
    expect(model.period).toEqual({ year: 2022, startMonth: 1, endMonth: 6, label: "2022年1-6月" });
    expect(model.unitLine).toEqual({ row: at.unitLine, text: "单位：亿元、个", unit: "亿元" });
  });

  it("finds the two header rows and the 区县 column", () => {
    expect(model.headerRows).toEqual(at.header);
    expect(model.nameColumn).toBe(1);
  });

  it("maps every column to its indicator, measure and unit", () => {
    expect(model.columns.map((_, col) => column(model, col))).toEqual(EXPECTED_COLUMNS);
    expect(model.columns[3].header).toEqual(["正式合同额", "本期"]);
    expect(model.columns[12].header).toEqual(["到位资金", "完成率"]);
    expect(model.columns[2].header).toEqual(["签约项目数"]);
  });

  it("classifies total, group, unit, part, hidden, blank, footer and note rows", () => {
    expect(model.rows[0].row).toBe(at.total);
    expect(kindOf(model, at.total)).toBe("total");
    expect(at.groups.map((r) => kindOf(model, r))).toEqual(["group", "group", "group"]);
    expect(model.rows.filter((r) => r.kind === "unit")).toHaveLength(41);
    expect(kindOf(model, at.part)).toBe("part");
    expect(model.rows.find((r) => r.row === at.part)?.partOf).toBe(at.partOf);
    expect(kindOf(model, at.blank)).toBe("blank");
    expect(kindOf(model, at.footer)).toBe("footer");
    expect(kindOf(model, at.afterFooter)).toBe("footer"); // "渝北区 1 2 3" under the footer is not a unit
    expect(kindOf(model, at.note)).toBe("note");
    expect(model.rows.filter((r) => r.hidden).map((r) => r.row)).toEqual([at.hidden]);
    expect(model.rows.find((r) => r.row === at.hidden)?.label).toBe("万盛经开区");
  });

  it("resolves every unit row against the 2022 list and names each group", () => {
    const units = model.rows.filter((r) => r.kind === "unit");
    expect(units.map((r) => r.label)).toEqual(UNITS_2020);
    expect(units.every((r) => r.resolution?.status === "ok")).toBe(true);
    const groups = model.rows.filter((r) => r.kind === "group").map((r) => r.resolution);
    expect(groups.map((r) => (r?.status === "aggregate" ? r.group : undefined))).toEqual(GROUPS_2020.map((g) => g.group));
  });

  it("makes one record per unit, total and group row, with a field for every mapped column", () => {
    expect(model.records).toHaveLength(1 + 3 + 41);
    expect(model.records[0]).toMatchObject({ kind: "total", label: "全市", labelCell: { row: at.total, col: 1 } });
    const yubei = model.records.find((r) => r.label === "渝北区");
    expect(yubei?.resolution?.status).toBe("ok");
    expect(yubei?.fields).toHaveLength(11);
    expect(yubei?.fields[1]).toEqual({ row: at.units.get("渝北区"), col: 3, indicator: "contract-amount", measure: "current", unit: "亿元" });
  });

  it("gives A1 addresses in the real sheet, origin applied", () => {
    const total = model.records[0];
    const contract = total.fields.find((f) => f.indicator === "contract-amount" && f.measure === "current");
    expect(contract && a1(contract, model.grid.origin)).toBe("E7");
    expect(a1(total.labelCell as { row: number; col: number }, model.grid.origin)).toBe("C7");
  });

  it("reports only the 备注 column as unrecognised, in the sheet's own column letter", () => {
    expect(model.notes).toEqual([{ zh: "第P列“备注”未识别为指标", en: "Column P (“备注”) was not recognised as an indicator" }]);
  });
});

describe("readSheet: the same sheet as plain values (no merges)", () => {
  const sheet = chongqingHalfYear();
  const merged = readSheet(sheet.builder.build("merged"));
  const plain = readSheet(sheet.builder.build("plain", { withMerges: false }));

  it("lets blank header cells inherit their parent on the left, giving the same mapping", () => {
    expect(plain.headerRows).toEqual(merged.headerRows);
    expect(plain.columns).toEqual(merged.columns);
  });

  it("classifies the rows alike and makes the same records", () => {
    expect(plain.rows.map((r) => r.kind)).toEqual(merged.rows.map((r) => r.kind));
    expect(plain.records).toEqual(merged.records);
  });
});

describe("readSheet: header inheritance without merges stays inside the parent's span", () => {
  // Three header rows: 签约项目数 has no sub-headers; the blank next to it is under another parent (金额).
  const b = new GridBuilder();
  b.row("2022年1-9月招商引资情况");
  b.row("区县", "签约项目数", "金额", "", "", "");
  b.row("", "", "正式合同额", "", "到位资金", "");
  b.row("", "", "本期", "同比", "本期", "同比");
  b.row("渝中区", 12, 30.5, "5%", 10.2, "3%");
  b.row("江北区", 8, 20.1, "-2%", 6.3, "1%");
  const model = readSheet(b.build("spans"));

  it("keeps 签约项目数 out of the 金额 columns and 正式合同额 out of 到位资金", () => {
    expect(model.headerRows).toEqual([1, 2, 3]);
    expect(model.columns.map((c) => c.header)).toEqual([
      ["区县"],
      ["签约项目数"],
      ["金额", "正式合同额", "本期"],
      ["金额", "正式合同额", "同比"],
      ["金额", "到位资金", "本期"],
      ["金额", "到位资金", "同比"],
    ]);
    expect(model.columns.map((c) => `${c.indicator}:${c.measure}`)).toEqual([
      "null:null",
      "signed-projects:current",
      "contract-amount:current",
      "contract-amount:yoy",
      "funds-in-place:current",
      "funds-in-place:yoy",
    ]);
    expect(model.period).toMatchObject({ year: 2022, endMonth: 9 });
  });
});

describe("readSheet: units written in the headers", () => {
  const b = new GridBuilder();
  b.row("2022年上半年招商引资情况表");
  b.row("单位：亿元");
  b.row("地区", "签约项目数（个）", "合同额（万元）", "到位资金", "实际使用外资（万美元）", "实际使用外资", "同比（%）", "开工率", "资金到位率(%)", "超（欠）序时进度");
  b.row("渝中区", 12, 305000, 10.2, 1200, 1200, "5%", "60%", "33%", 2.5);
  b.row("大渡口区", 8, 201000, 6.3, 800, 800, "3%", "55%", "31%", -1.5);
  const model = readSheet(b.build("units"));

  it("takes a bracketed unit over the unit line, and keeps 实际使用外资 in 万美元", () => {
    const units = model.columns.map((c) => [c.indicator, c.measure, c.unit, c.unitSource]);
    expect(units).toEqual([
      [null, null, null, null],
      ["signed-projects", "current", "个", "header"],
      ["contract-amount", "current", "万元", "header"],
      ["funds-in-place", "current", "亿元", "unit-line"],
      ["foreign-capital", "current", "万美元", "header"],
      ["foreign-capital", "current", "万美元", "default"],
      [null, "yoy", "%", "header"],
      ["start-rate", "rate", "%", "default"],
      ["funds-rate", "rate", "%", "header"],
      [null, "pace", "个百分点", "default"],
    ]);
    expect(model.period).toMatchObject({ year: 2022, startMonth: 1, endMonth: 6 });
    expect(model.nameColumn).toBe(0);
  });

  it("leaves the duplicate 实际使用外资 columns to the duplicate-mapping finding, not a second note", () => {
    expect(model.notes).toEqual([]);
  });
});

describe("readSheet: a four-row header with a units row, 其中 parts and the total last", () => {
  const b = new GridBuilder();
  b.row("2023年1-12月各区县招商引资完成情况");
  b.row("金额单位：万元");
  const h0 = b.row("区县", "招商引资主要指标", "", "", "", "", "", "");
  const h1 = b.row("", "签约项目", "", "正式合同额", "", "", "到位资金", "");
  const h2 = b.row("", "签约项目数", "其中：正式合同", "本期", "其中：工业", "同比", "本期", "其中：市外");
  const h3 = b.row("", "个", "个", "亿元", "亿元", "%", "", "");
  b.merge(h0, 0, h3, 0).merge(h0, 1, h0, 7).merge(h1, 1, h1, 2).merge(h1, 3, h1, 5).merge(h1, 6, h1, 7);
  const first = b.row("涪陵区", 20, 15, 120.5, 60.1, "12%", 50000, 30000);
  b.row("长寿区", 18, 12, 98.2, 40.3, "8%", 42000, 21000);
  const total = b.row("合计", 38, 27, 218.7, 100.4, "10%", 92000, 51000);
  const model = readSheet(b.build("four rows"));

  it("reads four header rows and maps parts to their own indicators", () => {
    expect(model.headerRows).toEqual([h0, h1, h2, h3]);
    expect(model.columns.slice(1).map((c) => [c.indicator, c.measure, c.unit, c.unitSource])).toEqual([
      ["signed-projects", "current", "个", "header"],
      ["formal-contract-projects", "current", "个", "header"],
      ["contract-amount", "current", "亿元", "header"],
      ["industrial-contract-amount", "current", "亿元", "header"],
      ["contract-amount", "yoy", "%", "header"],
      ["funds-in-place", "current", "万元", "unit-line"],
      ["outside-city-funds", "current", "万元", "unit-line"],
    ]);
    expect(model.columns[4].header).toEqual(["招商引资主要指标", "正式合同额", "其中：工业", "亿元"]);
    expect(model.unitLine?.unit).toBe("万元");
  });

  it("reads the total in the last row", () => {
    expect(model.rows.map((r) => r.kind)).toEqual(["unit", "unit", "total"]);
    expect(model.rows[0].row).toBe(first);
    expect(model.records.map((r) => r.kind)).toEqual(["unit", "unit", "total"]);
    expect(model.records[2].labelCell).toEqual({ row: total, col: 0 });
    expect(model.notes).toEqual([]);
  });
});

describe("readSheet: a 2026 sheet after the reform", () => {
  const b = new GridBuilder();
  b.row("2026年一季度招商引资主要指标");
  b.row("单位：亿元、个");
  b.row("区县", "签约项目数", "正式合同额", "到位资金");
  const total = b.row("全市合计", 300, 2500, 600);
  const liangjiang = b.row("两江新区", 30, 400, 90);
  const yubei = b.row("渝北区", 10, 100, 20);
  const typo = b.row("壁山区", 5, 40, 9); // 壁 for 璧: unknown, still a unit row
  b.row("北碚区", 8, 60, 15);
  const model = readSheet(b.build("2026"));

  it("resolves units as of the end of the period", () => {
    expect(model.period).toEqual({ year: 2026, startMonth: 1, endMonth: 3, label: "2026年1-3月" });
    const statusOf = (row: number) => model.rows.find((r) => r.row === row)?.resolution?.status;
    expect(statusOf(liangjiang)).toBe("ok");
    expect(statusOf(yubei)).toBe("invalid");
    expect(statusOf(typo)).toBe("unknown");
    expect(model.rows.find((r) => r.row === typo)?.kind).toBe("unit");
    expect(model.rows.find((r) => r.row === total)?.kind).toBe("total");
    const lj = model.records.find((r) => r.label === "两江新区")?.resolution;
    expect(lj?.status === "ok" ? lj.unit.code : null).toBe("liangjiang-district");
  });

  it("uses the caller's date over the title's", () => {
    const as2022 = readSheet(b.build("2026"), { asOf: 2022 });
    expect(as2022.rows.find((r) => r.row === yubei)?.resolution?.status).toBe("ok");
    const withPeriod = readSheet(b.build("2026"), { period: { year: 2022, startMonth: 1, endMonth: 6, label: "2022年1-6月" } });
    expect(withPeriod.period?.year).toBe(2022);
    expect(withPeriod.rows.find((r) => r.row === yubei)?.resolution?.status).toBe("ok");
  });
});
