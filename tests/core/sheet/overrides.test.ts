import { readSheet } from "../../../src/core/sheet";
import { chongqingHalfYear, GridBuilder } from "./fixtures";

describe("readSheet: the user's mapping overrides", () => {
  const sheet = chongqingHalfYear();
  const grid = sheet.builder.build("1-6月");
  const detected = readSheet(grid);

  it("are applied after detection and marked as the user's", () => {
    const model = readSheet(grid, {
      overrides: [
        { col: 14, indicator: "foreign-capital" }, // 备注 re-read as 实际使用外资
        { col: 13, indicator: "contract-amount", measure: "rank" }, // 排名 is the contract-amount ranking
        { col: 3, indicator: "agreement-investment", unit: "万元" }, // 本期 is really 协议引资, in 万元
      ],
    });
    expect(model.columns[14]).toMatchObject({ indicator: "foreign-capital", measure: "current", unit: "万美元", unitSource: "default", source: "user" });
    expect(model.columns[13]).toMatchObject({ indicator: "contract-amount", measure: "rank", unit: null, unitSource: null, source: "user" });
    expect(model.columns[3]).toMatchObject({ indicator: "agreement-investment", measure: "current", unit: "万元", unitSource: "user", source: "user" });
    expect(model.columns[4]).toEqual(detected.columns[4]);
  });

  it("change the records and the notes accordingly", () => {
    const model = readSheet(grid, { overrides: [{ col: 14, indicator: "foreign-capital" }] });
    expect(model.records[0].fields).toHaveLength(detected.records[0].fields.length + 1);
    expect(model.records[0].fields.at(-1)).toMatchObject({ col: 14, indicator: "foreign-capital", measure: "current" });
    expect(model.notes).toEqual([]);
  });

  it("can unmap a column, and an override outside the table is reported", () => {
    const model = readSheet(grid, { overrides: [{ col: 2, indicator: null }, { col: 40, indicator: "contract-amount" }] });
    expect(model.columns[2]).toMatchObject({ indicator: null, source: "user" });
    expect(model.records[0].fields.some((f) => f.col === 2)).toBe(false);
    expect(model.notes.map((n) => n.zh)).toContain("手动指定的第AO列不在表格范围内，已忽略");
  });
});

describe("readSheet: the user's row overrides on a one-district form", () => {
  const b = new GridBuilder();
  b.row("黔江区2022年1-6月招商引资情况");
  b.row("指标", "本期", "年度目标", "完成率");
  const contract = b.row("正式合同额", 95.03, 160, "59.39%");
  const own = b.row("其中：自有项目", 20, 40, "50.00%");
  const funds = b.row("到位资金", 12.59, 25, "50.36%");

  it("give an unrecognised row an indicator, marked as the user's", () => {
    const detected = readSheet(b.build("黔江区"));
    expect(detected.rows.find((r) => r.row === own)).toMatchObject({ kind: "note" });
    const model = readSheet(b.build("黔江区"), { overrides: [{ row: own, col: 0, indicator: "industrial-contract-amount" }] });
    expect(model.rows.find((r) => r.row === own)).toMatchObject({ kind: "part", partOf: contract, indicator: "industrial-contract-amount", source: "user" });
    expect(model.records[0].fields.filter((f) => f.row === own).map((f) => f.indicator)).toEqual([
      "industrial-contract-amount",
      "industrial-contract-amount",
      "industrial-contract-amount",
    ]);
    expect(model.notes).toEqual([]);
  });

  it("can take a row out of the check, and leave the measure columns alone", () => {
    const model = readSheet(b.build("黔江区"), { overrides: [{ row: funds, col: 0, indicator: null }] });
    expect(model.rows.find((r) => r.row === funds)).toMatchObject({ kind: "note", source: "user" });
    expect(model.records[0].fields.some((f) => f.row === funds)).toBe(false);
    expect(model.columns.map((c) => c.measure)).toEqual([null, "current", "target", "completion"]);
  });
});
