import { readSheet } from "../../../src/core/sheet";
import { GridBuilder } from "./fixtures";

/** 渝北区's own 1–6月 form: one indicator per row, one measure per column (figures from seeds 001/002 style). */
function yubeiForm(): { b: GridBuilder; rows: Record<string, number> } {
  const b = new GridBuilder();
  const title = b.row("渝北区2022年1-6月招商引资情况");
  b.row("填报单位：渝北区招商投资促进局", "", "", "", "单位：亿元、个");
  const header = b.row("指标", "本期", "上年同期", "同比（%）", "年度目标", "完成年度目标（%）");
  const signed = b.row("签约项目数（个）", 29, 25, 16, "—", "—");
  const formal = b.row("其中：正式合同项目数", 20, 18, 11.1, "—", "—");
  const framework = b.row("框架协议项目数", 8, 7, 14.3, "—", "—");
  const contract = b.row("正式合同额（亿元）", 95.03, 77.86, 22.05, 160, 59.39);
  const industrial = b.row("其中：工业", 59.47, 40.1, 48.3, 50, 118.9);
  const funds = b.row("到位资金（亿元）", 12.59, 8.14, 54.67, 25, 50.36);
  const startRate = b.row("开工率", "60.5%", "55.0%", 5.5, "—", "—");
  const remark = b.row("备注", "");
  const blank = b.blank();
  const footer = b.row("填表人：张三", "", "联系电话：023-67891234");
  return { b, rows: { title, header, signed, formal, framework, contract, industrial, funds, startRate, remark, blank, footer } };
}

describe("readSheet: the transposed single-district form", () => {
  const { b, rows } = yubeiForm();
  const model = readSheet(b.build("渝北区", { origin: { row: 0, col: 0 } }));

  it("is read as one district, named on the 填报单位 line", () => {
    expect(model.layout).toBe("transposed");
    expect(model.period).toMatchObject({ year: 2022, startMonth: 1, endMonth: 6 });
    expect(model.unitLine?.unit).toBe("亿元");
    expect(model.records).toHaveLength(1);
    const record = model.records[0];
    expect(record).toMatchObject({ kind: "unit", label: "渝北区", labelCell: { row: 1, col: 0 } });
    expect(record.resolution?.status === "ok" ? record.resolution.unit.code : null).toBe("yubei");
  });

  it("describes the measure columns, with no indicator", () => {
    expect(model.headerRows).toEqual([rows.header]);
    expect(model.nameColumn).toBe(0);
    expect(model.columns.map((c) => [c.indicator, c.measure, c.unit])).toEqual([
      [null, null, null],
      [null, "current", null],
      [null, "previous", null],
      [null, "yoy", "%"],
      [null, "target", null],
      [null, "completion", "%"],
    ]);
  });

  it("describes the indicator rows: 其中 rows are parts of their whole", () => {
    const kinds = model.rows.map((r) => [r.row, r.kind, r.partOf]);
    expect(kinds).toEqual([
      [rows.signed, "unit", undefined],
      [rows.formal, "part", rows.signed],
      [rows.framework, "part", rows.signed],
      [rows.contract, "unit", undefined],
      [rows.industrial, "part", rows.contract],
      [rows.funds, "unit", undefined],
      [rows.startRate, "unit", undefined],
      [rows.remark, "note", undefined],
      [rows.blank, "blank", undefined],
      [rows.footer, "footer", undefined],
    ]);
    expect(model.notes.map((n) => n.zh)).toEqual(["第11行“备注”未识别为指标"]);
  });

  it("has a field per (indicator row × measure column), with units from the row and the column", () => {
    const fields = model.records[0].fields;
    expect(fields).toHaveLength(7 * 5);
    const at = (row: number, col: number) => fields.find((f) => f.row === row && f.col === col);
    expect(at(rows.signed, 1)).toEqual({ row: rows.signed, col: 1, indicator: "signed-projects", measure: "current", unit: "个" });
    expect(at(rows.formal, 2)).toMatchObject({ indicator: "formal-contract-projects", measure: "previous", unit: "个" });
    expect(at(rows.framework, 1)).toMatchObject({ indicator: "framework-projects" });
    expect(at(rows.contract, 4)).toMatchObject({ indicator: "contract-amount", measure: "target", unit: "亿元" });
    expect(at(rows.contract, 5)).toMatchObject({ indicator: "contract-amount", measure: "completion", unit: "%" });
    expect(at(rows.industrial, 1)).toMatchObject({ indicator: "industrial-contract-amount", measure: "current", unit: "亿元" });
    expect(at(rows.funds, 3)).toMatchObject({ indicator: "funds-in-place", measure: "yoy", unit: "%" });
    expect(at(rows.startRate, 1)).toMatchObject({ indicator: "start-rate", measure: "rate", unit: "%" });
  });
});

describe("readSheet: overrides on the transposed form", () => {
  it("change a measure column for every indicator row", () => {
    const { b, rows } = yubeiForm();
    const model = readSheet(b.build("渝北区"), { overrides: [{ col: 4, indicator: null, measure: "previous", unit: "万元" }] });
    expect(model.columns[4]).toMatchObject({ measure: "previous", unit: "万元", unitSource: "user", source: "user" });
    const contract = model.records[0].fields.find((f) => f.row === rows.contract && f.col === 4);
    expect(contract).toMatchObject({ indicator: "contract-amount", measure: "previous", unit: "万元" });
  });
});

describe("readSheet: a transposed form naming its district only in the title", () => {
  const b = new GridBuilder();
  b.row("黔江区2022年上半年招商引资主要指标");
  b.row("项目", "1-6月", "上年同期", "同比增长");
  b.row("正式合同额", 95.03, 77.86, "22.05%");
  b.row("到位资金", 12.59, 8.14, "54.67%");
  const model = readSheet(b.build("黔江"));

  it("takes the district from the title and reads 1-6月 as the current figure", () => {
    expect(model.layout).toBe("transposed");
    expect(model.records[0].label).toBe("黔江区");
    expect(model.records[0].labelCell).toEqual({ row: 0, col: 0 });
    expect(model.columns.map((c) => c.measure)).toEqual([null, "current", "previous", "yoy"]);
    expect(model.records[0].fields.map((f) => `${f.indicator}:${f.measure}:${f.unit}`)).toEqual([
      "contract-amount:current:亿元",
      "contract-amount:previous:亿元",
      "contract-amount:yoy:%",
      "funds-in-place:current:亿元",
      "funds-in-place:previous:亿元",
      "funds-in-place:yoy:%",
    ]);
    expect(model.notes).toEqual([]);
  });

  it("notes a form whose district cannot be found", () => {
    const anonymous = new GridBuilder();
    anonymous.row("2022年1-6月招商引资情况");
    anonymous.row("指标", "本期", "上年同期");
    anonymous.row("正式合同额", 1, 2);
    anonymous.row("到位资金", 1, 2);
    const read = readSheet(anonymous.build("anonymous"));
    expect(read.layout).toBe("transposed");
    expect(read.records[0].label).toBe("");
    expect(read.notes.map((n) => n.en)).toEqual(["Single-district (transposed) form: no district was recognised in the title or the 填报单位 line"]);
  });
});
