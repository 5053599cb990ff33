/*
 * A 2026 city sheet built on the old template: the 39 units of 2026 plus leftover 江北区 and 渝北区 rows in the
 * 中心城区 block (domain.md, "The 2025–26 reform"). A statistician reads it as: the leftover rows are not units of
 * 2026, they are outside the 2026 totals, and no figure is demanded for them.
 */
import { validate } from "../../../src/core/engine";
import { CellValue } from "../../../src/core/numbers";
import { readSheet } from "../../../src/core/sheet";
import { blankValue, notComparable, totalMismatch } from "../../../src/core/rules";
import { buildModel, fullRun, only, run, RowSpec } from "./build-model";
import { columns2026, sheet2026, TITLE_2026 } from "./sheet-2026";

describe("a 2026 sheet with leftover 江北区 and 渝北区 rows", () => {
  test("totals that include the leftover rows: one 核实性 finding saying the gap is exactly those rows, not a dozen", () => {
    const model = sheet2026(true);
    const f = only(run(totalMismatch, model));
    expect(f).toMatchObject({ severity: "verify", cell: "B3", unit: "全市", indicator: "signed-projects" });
    expect(f.message.zh).toBe(
      "工作表“汇总”B3（全市，签约项目数本期）：全市合计比不含重庆高新区的各单位之和多54个，恰为已撤销的江北区、渝北区两行之和。" +
        "这些单位不属于2026年的统计范围，其数据不应计入合计。" +
        "另有11处合计、小计同样如此：C3、D3、F3、B4、C4、D4、F4、B5等。请删除这些行并相应更正合计，或书面说明。",
    );
    // 全市, 主城都市区 and 中心城区 × 签约项目数, 合同额本期, 上年同期, 到位资金: twelve totals, one finding.
    expect(f.related).toHaveLength(11);
    expect(f.message.en).toContain(
      "exactly the rows together of the abolished 江北区, 渝北区. These units are outside the 2026 reporting set",
    );
  });

  test("the gap's amount is the leftover rows' sum (合同额 156.37 + 248.90 = 405.27)", () => {
    const model = sheet2026(true);
    // Without the count column the first total is 合同额本期.
    const amountsOnly = buildModel({
      title: TITLE_2026,
      columns: columns2026.slice(1),
      rows: (model.grid.values.slice(2) as CellValue[][]).map((r) => [String(r[0]), ...r.slice(2)] as RowSpec),
    });
    expect(only(run(totalMismatch, amountsOnly)).message.zh).toContain(
      "全市合计比不含重庆高新区的各单位之和多405.27亿元，恰为已撤销的江北区、渝北区两行之和",
    );
  });

  test("a total whose gap is more than the leftover rows keeps its own 核实性 finding, saying they are left out", () => {
    const model = sheet2026(true);
    // 全市 到位资金 (F3) 15 too high on top of the leftover rows.
    model.grid.values[2][5] = Math.round(((model.grid.values[2][5] as number) + 15) * 100) / 100;
    const findings = run(totalMismatch, model);
    expect(findings.map((f) => [f.cell, f.severity])).toEqual([
      ["F3", "verify"],
      ["B3", "verify"],
    ]);
    // 渝北区's 到位资金 is blank: only 江北区's 61.05 is in this column.
    expect(findings[0].message.zh).toContain(
      "已撤销的江北区一行共61.05亿元，不属于本期统计范围，未计入；即使计入，仍比全市合计少15.00亿元。",
    );
    expect(findings[1].related).toHaveLength(10);
  });

  test("an old template's 全市 that still leaves out 两江新区 (a zone until 2025) says it now counts", () => {
    const model = sheet2026(false);
    const values = model.grid.values;
    const lj = values.find((r) => r[0] === "两江新区") as CellValue[];
    // 全市 合同额本期 (C3) without 两江新区's figure.
    values[2][2] = Math.round(((values[2][2] as number) - (lj[2] as number)) * 100) / 100;
    const f = run(totalMismatch, model).find((x) => x.cell === "C3");
    expect(f?.severity).toBe("verify");
    expect(f?.message.zh).toContain("：两江新区本期起为统计单位，应计入全市合计。");
  });

  test("totals that already leave the leftover rows out: one 提示 saying so, nothing to verify", () => {
    const f = only(run(totalMismatch, sheet2026(false)));
    expect(f.severity).toBe("info");
    expect(f.message.zh).toBe(
      "工作表“汇总”B3（全市，签约项目数本期）：全市合计未计入已撤销的江北区、渝北区两行，与其余各单位之和一致，合计无误；这些行可以删除。",
    );
  });

  test("no figure is demanded for a district that no longer exists (渝北区's blank 到位资金)", () => {
    expect(run(blankValue, sheet2026(true))).toEqual([]);
  });

  test("the whole check gives exactly: one invalid-unit per leftover row, one total finding, one 同比 note for 两江新区", () => {
    const findings = fullRun(sheet2026(true)).findings;
    expect(findings.map((f) => [f.rule, f.severity, f.unit]).sort()).toEqual(
      [
        ["invalid-unit", "verify", "江北区"],
        ["invalid-unit", "verify", "渝北区"],
        ["total-mismatch", "verify", "全市"],
        ["not-comparable", "info", "两江新区"],
      ].sort(),
    );
    const invalid = findings.find((f) => f.rule === "invalid-unit" && f.unit === "渝北区");
    expect(invalid?.message.zh).toContain("该行不计入本期合计，也无需填报。");
  });

  test("read by the sheet reader from the grid, the 2026 sheet gives the same findings", () => {
    const model = sheet2026(true);
    const grid = { ...model.grid, values: model.grid.values.map((r, i) => (i === 1 ? ["区县", ...r.slice(1)] : r)) };
    const read = validate(readSheet(grid), null).findings;
    expect(read.map((f) => `${f.rule} ${f.cell}`).sort()).toEqual(
      fullRun(model)
        .findings.map((f) => `${f.rule} ${f.cell}`)
        .sort(),
    );
  });

  test("with the totals already right, the whole check gives the invalid-unit rows, one 提示 on the totals and the 同比 note", () => {
    const findings = fullRun(sheet2026(false)).findings;
    expect(findings.map((f) => [f.rule, f.severity, f.unit]).sort()).toEqual(
      [
        ["invalid-unit", "verify", "江北区"],
        ["invalid-unit", "verify", "渝北区"],
        ["total-mismatch", "info", "全市"],
        ["not-comparable", "info", "两江新区"],
      ].sort(),
    );
  });
});

describe("两江新区 against 上年同期 across the reform (提示性)", () => {
  test("a 2026 sheet's 同比 for 两江新区 is not like-for-like: one note at the 同比, with the registry's reason", () => {
    const f = only(run(notComparable, sheet2026(false)));
    expect(f).toMatchObject({ severity: "info", unit: "两江新区", indicator: "contract-amount" });
    expect(f.cell).toMatch(/^E\d+$/);
    expect(f.message.zh).toContain("区划调整，两江新区已由功能区转为行政区");
    expect(f.message.zh).toContain("范围包括原江北区、渝北区（大部）和北碚区5个街镇");
    expect(f.message.zh).toMatch(/同比不可直接比较。请注明上年同期数所用口径。$/);
  });

  test("no 上年同期 figure, no comparison, no note", () => {
    const model = buildModel({
      title: TITLE_2026,
      columns: [
        { indicator: "contract-amount", measure: "current" },
        { indicator: "contract-amount", measure: "previous" },
      ],
      rows: [["两江新区", 812.4, null]],
    });
    expect(run(notComparable, model)).toEqual([]);
  });

  test("a 2022 sheet's 两江新区 (the functional zone) is compared like for like", () => {
    const model = buildModel({
      columns: [
        { indicator: "contract-amount", measure: "current" },
        { indicator: "contract-amount", measure: "previous" },
      ],
      rows: [["两江新区", 812.4, 700.1]],
    });
    expect(run(notComparable, model)).toEqual([]);
  });
});
