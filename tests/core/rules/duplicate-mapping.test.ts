import { validate } from "../../../src/core/engine";
import { readSheet } from "../../../src/core/sheet";
import { GridBuilder } from "../sheet/fixtures";

describe("duplicate-mapping (核实性)", () => {
  const b = new GridBuilder();
  b.row("2022年1-6月招商引资情况表");
  b.row("单位：亿元");
  b.row("区县", "到位资金", "实际到位资金", "正式合同额");
  b.row("黔江区", 12.59, 12.59, 95.03);
  b.row("武隆区", 8.1, 8.1, 60.2);

  test("two columns read as the same indicator and measure: one finding at the later column's header", () => {
    const findings = validate(readSheet(b.build("汇总")), null).findings.filter((f) => f.rule === "duplicate-mapping");
    expect(findings).toEqual([
      expect.objectContaining({
        severity: "verify",
        cell: "C3",
        related: ["B3"],
        message: expect.objectContaining({
          zh: "工作表“汇总”C3：“实际到位资金”与B列“到位资金”都被识别为“到位资金本期”，只有B列参与校验，本列数据未经校验；请在“列识别”中为本列指定指标。",
        }),
      }),
    ]);
  });

  test("a column the user maps to something else is no longer a duplicate", () => {
    const model = readSheet(b.build("汇总"), { overrides: [{ col: 2, indicator: "outside-city-funds" }] });
    expect(validate(model, null).findings.filter((f) => f.rule === "duplicate-mapping")).toEqual([]);
  });

  test("a 片区排名 beside a 全市排名 is not a duplicate: ranks are computed, and no rule checks them", () => {
    const r = new GridBuilder();
    r.row("2022年1-6月招商引资情况表");
    r.row("单位：亿元");
    const top = r.row("区县", "正式合同额（亿元）", null, null);
    r.row(null, "本期", "片区排名", "全市排名");
    r.merge(top, 1, top, 3).merge(top, 0, top + 1, 0);
    r.row("黔江区", 95.03, 1, 2);
    r.row("武隆区", 178.8, 1, 1);
    expect(validate(readSheet(r.build("汇总")), null).findings.filter((f) => f.rule === "duplicate-mapping")).toEqual([]);
  });
});
