import { readSheet, SheetModel } from "../../../src/core/sheet";
import { CellValue } from "../../../src/core/numbers";
import { GridBuilder } from "./fixtures";

/** A small table under the given preamble lines: 区县 | 正式合同额 | 到位资金, two units. */
function tableUnder(...preamble: CellValue[][]): SheetModel {
  const b = new GridBuilder();
  for (const line of preamble) b.row(...line);
  b.row("区县", "正式合同额", "到位资金");
  b.row("渝中区", 30.5, 10.2);
  b.row("江北区", 20.1, 6.3);
  return readSheet(b.build("t"));
}

describe("readSheet: periods in titles", () => {
  it.each([
    ["2022年1-6月全市招商引资主要指标完成情况表", { year: 2022, startMonth: 1, endMonth: 6 }],
    ["2022年1—6月招商引资情况", { year: 2022, startMonth: 1, endMonth: 6 }],
    ["2023年上半年招商引资情况表", { year: 2023, startMonth: 1, endMonth: 6 }],
    ["2023年一季度招商引资情况表", { year: 2023, startMonth: 1, endMonth: 3 }],
    ["2023年前三季度招商引资情况表", { year: 2023, startMonth: 1, endMonth: 9 }],
    ["2024年全年招商引资完成情况", { year: 2024, startMonth: 1, endMonth: 12 }],
  ])("%s", (title, expected) => {
    expect(tableUnder([title]).period).toMatchObject(expected);
  });

  it("completes a bare 1—6月 with a year written on another line", () => {
    const model = tableUnder(["1—6月全市招商引资情况表"], ["2022年", "", "单位：亿元"]);
    expect(model.period).toEqual({ year: 2022, startMonth: 1, endMonth: 6, label: "2022年1-6月" });
  });

  it("does not take a title with a date beside it for a header", () => {
    const model = tableUnder(["2022年1-6月各区县正式合同额完成情况表", "2022-07-10"]);
    expect(model.headerRows).toEqual([1]);
    expect(model.title?.row).toBe(0);
  });

  it("skips an 附件 line above the title", () => {
    const model = tableUnder(["附件2"], ["2022年1-6月招商引资情况表"]);
    expect(model.title).toEqual({ row: 1, text: "2022年1-6月招商引资情况表" });
  });

  it("notes a sheet with no period, and one whose period has no year", () => {
    expect(tableUnder(["招商引资情况表"]).notes.map((n) => n.en)).toEqual([
      "No reporting period found in the title (e.g. “2022年1-6月”): time progress and unit validity cannot be settled",
    ]);
    expect(tableUnder(["上半年招商引资情况表"]).notes.map((n) => n.zh)).toEqual(["统计期“1-6月”没有年份，区县名单按最新版本识别"]);
  });
});

describe("readSheet: a year without months", () => {
  function targetsSheet(title: string): SheetModel {
    const b = new GridBuilder();
    b.row(title);
    b.row("区县", "正式合同额年度目标");
    b.row("两江新区", 900);
    b.row("渝北区", 800);
    return readSheet(b.build("targets"));
  }

  it("resolves units as of that year's end, so a 2022 targets sheet keeps the 2022 units", () => {
    const model = targetsSheet("2022年各区县招商引资年度目标任务");
    const [liangjiang, yubei] = model.rows.filter((r) => r.kind === "unit");
    expect(liangjiang.resolution).toMatchObject({ status: "ok", unit: { code: "liangjiang" } });
    expect(yubei.resolution).toMatchObject({ status: "ok", unit: { name: "渝北区" } });
  });

  it("and a 2026 one the 2026 units", () => {
    const model = targetsSheet("2026年各区县招商引资年度目标任务");
    const [liangjiang, yubei] = model.rows.filter((r) => r.kind === "unit");
    expect(liangjiang.resolution).toMatchObject({ status: "ok", unit: { code: "liangjiang-district" } });
    expect(yubei.resolution).toMatchObject({ status: "invalid" });
  });
});

describe("readSheet: unit lines", () => {
  it.each([
    [["单位：亿元、个"], "亿元"],
    [["单位:万元"], "万元"],
    [["金额单位：亿元"], "亿元"],
    [["单位：个、万元"], "万元"],
    [["填报单位：渝北区", "", "单位：万元"], "万元"],
    [["2022年1-6月招商引资情况表（单位：亿元）"], "亿元"],
  ])("%j → %s", (line, unit) => {
    const model = tableUnder(["2022年1-6月招商引资情况表"], line);
    expect(model.unitLine?.unit).toBe(unit);
    expect(model.columns[1]).toMatchObject({ unit, unitSource: "unit-line" });
  });

  it("does not read 填报单位 as a unit line", () => {
    const model = tableUnder(["2022年1-6月招商引资情况表"], ["填报单位：渝北区"]);
    expect(model.unitLine).toBeNull();
    expect(model.columns[1]).toMatchObject({ unit: "亿元", unitSource: "default" });
  });
});

describe("readSheet: header words", () => {
  it("reads period sub-headers as 本期 and 上年同期", () => {
    const b = new GridBuilder();
    b.row("2022年1-6月招商引资情况");
    b.row("区县", "正式合同额", "", "");
    b.row("", "2022年1-6月", "2021年1-6月", "增长（%）");
    b.row("渝中区", 30.5, 28.1, "8.5%");
    const model = readSheet(b.build("t"));
    expect(model.columns.slice(1).map((c) => c.measure)).toEqual(["current", "previous", "yoy"]);
  });

  it("reads measures merged over indicators", () => {
    const b = new GridBuilder();
    b.row("2022年1-6月招商引资情况");
    const top = b.row("区县", "本期", "", "上年同期", "");
    const bottom = b.row("", "正式合同额", "到位资金", "正式合同额", "到位资金");
    b.merge(top, 0, bottom, 0).merge(top, 1, top, 2).merge(top, 3, top, 4);
    b.row("渝中区", 30.5, 10.2, 28.1, 9.9);
    b.row("江北区", 20.1, 6.3, 19.0, 6.0);
    const model = readSheet(b.build("t"));
    expect(model.headerRows).toEqual([top, bottom]);
    expect(model.columns.slice(1).map((c) => `${c.indicator}:${c.measure}`)).toEqual([
      "contract-amount:current",
      "funds-in-place:current",
      "contract-amount:previous",
      "funds-in-place:previous",
    ]);
  });

  it("reads 完成年度目标（%） under 正式合同额 as completion and a 其中 header beside its whole as the part", () => {
    const b = new GridBuilder();
    b.row("2022年1-6月招商引资情况");
    b.row("区县", "签约项目数", "其中:正式合同", "其中：框架协议", "正式合同额", "", "合同投资额增速");
    b.row("", "", "", "", "本期", "完成年度目标（%）", "");
    b.row("渝中区", 12, 8, 4, 30.5, "55%", "3%");
    const model = readSheet(b.build("t"));
    expect(model.columns.slice(1).map((c) => `${c.indicator}:${c.measure}:${c.unit}`)).toEqual([
      "signed-projects:current:个",
      "formal-contract-projects:current:个",
      "framework-projects:current:个",
      "contract-amount:current:亿元",
      "contract-amount:completion:%",
      "contract-amount:yoy:%",
    ]);
  });

  it("keeps a 栏次 row (甲 | 1 | 2 | 3) in the header", () => {
    const b = new GridBuilder();
    b.row("2022年1-6月招商引资情况");
    b.row("区县", "签约项目数", "正式合同额", "到位资金");
    const numbers = b.row("甲", 1, 2, 3);
    const first = b.row("渝中区", 12, 30.5, 10.2);
    const model = readSheet(b.build("t"));
    expect(model.headerRows).toEqual([1, numbers]);
    expect(model.rows[0]).toMatchObject({ row: first, kind: "unit" });
    expect(model.columns[1].header).toEqual(["签约项目数"]);
  });
});

describe("readSheet: row kinds", () => {
  const b = new GridBuilder();
  b.row("2022年1-6月招商引资情况");
  b.row("序号", "区县", "正式合同额", "到位资金");
  const total = b.row("全市合计", "", 1000, 300);
  b.merge(total, 0, total, 1); // 全市合计 typed across 序号 and 区县
  const group = b.row("", "一、主城都市区", 800, 200);
  const unit = b.row(1, "渝中区", 30.5, 10.2);
  const unknown = b.row(2, "江北新城", 20.1, 6.3);
  const part = b.row("", "其中：主城新区", 300, 90);
  const subtotal = b.row("", "小计", 50.6, 16.5);
  const typedInSerial = b.row("合计", "", 1000, 300);
  const note = b.row("说明：1.两江新区数据含江北区部分");
  const continued = b.row("2.重庆高新区数据含九龙坡区部分");
  const footer = b.row("审核人：李四", "", "日期：2022年7月10日");
  const model = readSheet(b.build("t"));
  const kind = (row: number) => model.rows.find((r) => r.row === row);

  it("tells totals, groups, units, parts, notes and footers apart", () => {
    expect(model.nameColumn).toBe(1);
    expect(kind(total)).toMatchObject({ kind: "total", label: "全市合计" });
    expect(kind(group)).toMatchObject({ kind: "group", label: "一、主城都市区" });
    expect(kind(unit)?.kind).toBe("unit");
    expect(kind(unknown)).toMatchObject({ kind: "unit", resolution: { status: "unknown" } });
    expect(kind(part)?.kind).toBe("group"); // a group subtotal written as 其中
    expect(kind(subtotal)?.kind).toBe("group");
    expect(kind(typedInSerial)).toMatchObject({ kind: "total", label: "合计" });
    expect(kind(note)?.kind).toBe("note");
    expect(kind(continued)?.kind).toBe("note");
    expect(kind(footer)?.kind).toBe("footer");
    expect(model.records.map((r) => r.kind)).toEqual(["total", "group", "unit", "unit", "group", "group", "total"]);
  });

  it("links a 其中 part row to the record above it", () => {
    const b2 = new GridBuilder();
    b2.row("2022年1-6月招商引资情况");
    b2.row("区县", "正式合同额");
    const yubei = b2.row("渝北区", 100);
    const within = b2.row("其中：两江新区", 40);
    const model2 = readSheet(b2.build("t"));
    const row = model2.rows.find((r) => r.row === within);
    expect(row).toMatchObject({ kind: "part", partOf: yubei, resolution: { status: "ok" } });
    expect(model2.records).toHaveLength(1);
  });
});

describe("readSheet: what cannot be settled is noted", () => {
  it("a sheet with no recognisable header", () => {
    const b = new GridBuilder();
    b.row("名单");
    b.row("甲", "乙");
    b.row(1, 2);
    const model = readSheet(b.build("t"));
    expect(model.headerRows).toEqual([]);
    expect(model.notes.map((n) => n.zh)).toEqual(expect.arrayContaining([expect.stringContaining("未找到表头行")]));
  });

  it("a table with no column of unit names", () => {
    const b = new GridBuilder();
    b.row("2022年1-6月招商引资情况");
    b.row("项目名称", "正式合同额", "到位资金");
    b.row("新材料产业园", 30.5, 10.2);
    b.row("智能终端基地", 20.1, 6.3);
    const model = readSheet(b.build("t"));
    expect(model.nameColumn).toBeNull();
    expect(model.notes.map((n) => n.en)).toContain("No unit-name column found: no column holds names that resolve as reporting units or totals");
  });
});
