import { createRuleContext } from "../../../src/core/engine";
import { RecordInfo, RuleContext } from "../../../src/core/rules/context";
import { columnLetters } from "../../../src/core/rules/helpers/address";
import { fixed, rawText } from "../../../src/core/rules/helpers/format";
import { percentReadings, readPercentAlone } from "../../../src/core/rules/helpers/percent";
import { decimalsOf, decimalsOfText, formatInfo } from "../../../src/core/rules/helpers/precision";
import { median, medianAndMad } from "../../../src/core/rules/helpers/stats";
import { chongqing } from "../../../src/core/units";
import { buildForm, buildModel } from "./build-model";
import { seededRandom } from "../indicators/helpers";

describe("RuleContext", () => {
  const model = buildModel({
    columns: [
      { indicator: "contract-amount", measure: "current", unit: "万元" },
      { indicator: "signed-projects", measure: "current" },
      { indicator: "contract-amount", measure: "completion", format: "0.0%" },
    ],
    rows: [
      ["黔江区", 950300, "２９", 0.5939],
      ["渝北区", "8,000,000", 62, "147%"],
      ["城口县", "—", null, null],
    ],
    origin: { row: 4, col: 1 },
  });
  const ctx = createRuleContext(model, null);
  const qianjiang = ctx.units[0];
  const amount = qianjiang.record.fields[0];
  /** Field-table entry of field k of a record. */
  const entry = (c: RuleContext, info: RecordInfo, k: number) => c.table.start[info.index] + k;

  test("amounts come in the indicator's default unit, from the column's declared unit", () => {
    expect(ctx.amountAt(entry(ctx, qianjiang, 0))).toBe(95.03);
    expect(ctx.amountAt(entry(ctx, ctx.units[1], 0))).toBe(800);
    expect(ctx.amountUnit(amount)).toBe("万元");
    expect(ctx.inColumnUnit(amount, 95.03)).toBe(950300);
    expect(ctx.display(amount, 95.03)).toEqual({ zh: "950300.00万元", en: "950300.00 万元" });
  });

  test("counts, text and blanks", () => {
    expect(ctx.amountAt(entry(ctx, qianjiang, 1))).toBe(29);
    expect(ctx.numberAt(entry(ctx, ctx.units[2], 0))).toBeNull();
    expect(ctx.parsedAt(entry(ctx, ctx.units[2], 0))).toEqual({ kind: "blank", marker: "—" });
    expect(ctx.rawAt(entry(ctx, ctx.units[2], 0))).toBe("—");
    expect(ctx.plainAt(entry(ctx, qianjiang, 0))).toBe(true);
    expect(ctx.plainAt(entry(ctx, qianjiang, 1))).toBe(false);
  });

  test("a cell is parsed once: the same parse result comes back", () => {
    const text = entry(ctx, ctx.units[1], 0);
    expect(ctx.parsedAt(text)).toBe(ctx.parsedAt(text));
  });

  test("a later field with the same indicator and measure is left out of the records rules see", () => {
    const repeated = buildModel({
      columns: [
        { indicator: "funds-in-place", measure: "current" },
        { indicator: "funds-in-place", measure: "current" },
        { indicator: "contract-amount", measure: "current" },
      ],
      rows: [["黔江区", 12.59, 12.59, 95.03]],
    });
    const c = createRuleContext(repeated, null);
    expect(c.units[0].record.fields.map((f) => f.col)).toEqual([1, 3]);
    expect(c.table.n).toBe(2);
    expect(repeated.records[0].fields).toHaveLength(3);
  });

  test("field-table entries reach each record's fields in order", () => {
    const t = ctx.table;
    expect(t.n).toBe(9);
    for (let i = 0; i < t.n; i++) {
      const f = ctx.fieldAt(i);
      expect(ctx.infoAt(i).record.fields).toContain(f);
      expect(ctx.rawAt(i)).toBe(model.grid.values[f.row][f.col]);
      expect(ctx.colAt(i)).toBe(f.col);
    }
    expect(ctx.fieldAt(ctx.sibling(0, t.indicator[2], t.measure[2]))).toBe(qianjiang.record.fields[2]);
    expect(ctx.sibling(0, t.indicator[0], 3 /* target */)).toBe(-1);
  });

  test("findings name the real A1 cell, respecting grid.origin", () => {
    const f = ctx.finding({
      rule: "outlier",
      severity: "info",
      at: amount,
      record: qianjiang,
      indicator: "contract-amount",
      details: { rule: "outlier", figure: { value: 1, unit: "亿元" }, median: { value: 1, unit: "亿元" }, values: 8, z: 6, threshold: 5 },
      message: { zh: "", en: "" },
      related: [qianjiang.record.fields[1]],
    });
    // values[2][1] sits at row 4 + 2 + 1 = 7, column 1 + 1 → C.
    expect(f).toMatchObject({
      sheet: "汇总",
      cell: "C7",
      row: 7,
      column: "C",
      unit: "黔江区",
      value: 950300,
      related: ["D7"],
    });
    expect(ctx.subject(amount, qianjiang, amount)).toEqual({
      zh: "工作表“汇总”C7（黔江区，正式合同额本期）",
      en: "汇总!C7 (黔江区, Formal contract amount, current)",
    });
    expect(ctx.subject(null)).toEqual({ zh: "工作表“汇总”", en: "Sheet 汇总" });
  });

  test("printed decimals: number formats first, then the column's most decimals", () => {
    const completion = entry(ctx, qianjiang, 2);
    expect(ctx.formatAt(completion)).toMatchObject({ decimals: 1, percent: true, percentLiteral: false });
    expect(ctx.decimalsAt(completion)).toBe(1);
    expect(ctx.decimalsAt(entry(ctx, ctx.units[1], 0))).toBe(0);
    const m = buildModel({
      columns: [{ indicator: "contract-amount", measure: "current" }],
      rows: [
        ["黔江区", 59],
        ["渝北区", 12.59],
      ],
    });
    const c = createRuleContext(m, null);
    expect(c.decimalsAt(0)).toBe(0);
    expect(c.printedDecimalsAt(0)).toBe(2);
    expect(c.halfUnitAt(0)).toBeCloseTo(0.005, 12);
  });

  test("a used range running right of the last field does not disturb the fields' reads", () => {
    const m = buildModel({
      columns: [{ indicator: "contract-amount", measure: "current" }],
      rows: [["黔江区", 95.03]],
    });
    m.grid.values[2].push(null, "约12.5");
    const c = createRuleContext(m, null);
    expect(c.table.n).toBe(1);
    expect(c.numberAt(0)).toBe(95.03);
    expect(c.printedDecimalsAt(0)).toBe(2);
  });

  test("a transposed form is one unit record", () => {
    const c = createRuleContext(
      buildForm({ unit: "渝北", fields: [{ indicator: "contract-amount", measure: "current", value: 800 }] }),
      null,
    );
    expect(c.units.map((u) => [u.name, u.key])).toEqual([["渝北区", "yubei"]]);
    expect(c.cell(c.units[0].record.fields[0])).toBe("B3");
  });

  test("the grouping scheme: config.scheme when given and known, else the preset's", () => {
    const sheet2026 = buildModel({
      title: "2026年1-3月招商引资",
      columns: [{ indicator: "contract-amount", measure: "current" }],
      rows: [["渝中区", 1]],
    });
    expect(createRuleContext(sheet2026, null).scheme).toBe("2024");
    expect(createRuleContext(sheet2026, null, { scheme: "2020" }).scheme).toBe("2020");
    expect(createRuleContext(sheet2026, null, { scheme: "nowhere" }).scheme).toBe("2024");
  });

  test("labels the reader resolved at another date are resolved again at the engine's", () => {
    // No year in the title: the reader took the latest record (两江新区 the 2026 district); the engine settles on
    // the 2020 preset, whose 两江新区 is the functional zone.
    const m = buildModel({
      title: "1-6月招商引资",
      columns: [{ indicator: "contract-amount", measure: "current" }],
      rows: [["两江新区", 1]],
    });
    m.records[0].resolution = chongqing.resolve("两江新区");
    expect(m.records[0].resolution.status === "ok" && m.records[0].resolution.unit.code).toBe("liangjiang-district");
    expect(createRuleContext(m, null).units[0].unit?.code).toBe("liangjiang");
    expect(createRuleContext(m, null, { year: 2026 }).units[0].unit?.code).toBe("liangjiang-district");
  });

  test("subtotal rows ending in any total word name their group, 共计 and 汇总 included", () => {
    const m = buildModel({
      columns: [{ indicator: "contract-amount", measure: "current" }],
      rows: [
        ["渝中区", 1],
        ["主城都市区共计", 1],
        ["其中：渝东北三峡库区城镇群汇总", 1],
        ["全市汇总", 2],
      ],
    });
    const c = createRuleContext(m, null);
    expect(c.groups.map((g) => g.group)).toEqual(["主城都市区", "渝东北三峡库区城镇群"]);
    expect(c.totals.map((t) => t.record.label)).toEqual(["全市汇总"]);
  });

  test("time progress and preset", () => {
    expect(ctx.timeProgress).toBe(0.5);
    expect(ctx.preset.id).toBe("chongqing-2020");
    expect(ctx.asOf).toBe("2022-06-30");
    expect(ctx.scheme).toBe("2020");
  });
});

describe("helpers", () => {
  test("columnLetters", () => {
    expect([0, 25, 26, 51, 52, 701, 702, 16383].map(columnLetters)).toEqual([
      "A",
      "Z",
      "AA",
      "AZ",
      "BA",
      "ZZ",
      "AAA",
      "XFD",
    ]);
  });

  test.each([
    ["0.00", { decimals: 2, percent: false }],
    ["#,##0.0", { decimals: 1, percent: false }],
    ["0.0%", { decimals: 1, percent: true }],
    ["0%", { decimals: 0, percent: true }],
    ['0.00"亿元";[Red]-0.00', { decimals: 2, percent: false }],
    ["General", null],
    ["@", null],
  ])("formatInfo(%p)", (format, info) => {
    if (info === null) expect(formatInfo(format)).toBeNull();
    else expect(formatInfo(format)).toMatchObject(info);
  });

  test("decimals of numbers and texts", () => {
    expect([800, 38.9, 38.97, 0.5939, 0.1 + 0.2, 1 / 3, -12.5].map(decimalsOf)).toEqual([0, 1, 2, 4, 1, 6, 1]);
    expect(["约95.10", "1,234", "12.5%"].map(decimalsOfText)).toEqual([2, 0, 1]);
  });

  test("fixed rounds half up as statisticians print", () => {
    expect([
      fixed(1.005, 2),
      fixed(0.285 * 100, 0),
      fixed(-1.005, 2),
      fixed(-0.004, 2),
      fixed(59.39375, 2),
      fixed(1e16, 2),
    ]).toEqual(["1.01", "29", "-1.01", "0.00", "59.39", "10000000000000000.00"]);
  });

  test("rawText quotes text", () => {
    expect(rawText("约95.1")).toEqual({ zh: "“约95.1”", en: '"约95.1"' });
    expect(rawText(null).zh).toBe("空白");
    expect(rawText(95.03).zh).toBe("95.03");
  });

  test("median and MAD by selection agree with a sort", () => {
    const random = seededRandom(3);
    for (const n of [1, 2, 3, 10, 101, 1000]) {
      const values = Array.from({ length: n }, () => Math.round(random() * 1000) / 10);
      const sorted = [...values].sort((a, b) => a - b);
      const expected = n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
      expect(median(values)).toBe(expected);
      const deviations = values.map((v) => Math.abs(v - expected)).sort((a, b) => a - b);
      const mad = n % 2 ? deviations[(n - 1) / 2] : (deviations[n / 2 - 1] + deviations[n / 2]) / 2;
      expect(medianAndMad(values)).toEqual({ median: expected, mad });
    }
    expect(median([])).toBeNaN();
  });
});

describe("percent readings", () => {
  const model = buildModel({
    columns: [
      { indicator: "contract-amount", measure: "completion" },
      // Another indicator: a second 合同额完成率 column would be a repeat, left out of the rules' records.
      { indicator: "funds-in-place", measure: "completion", format: "0.00%" },
      { indicator: "contract-amount", measure: "pace" },
    ],
    rows: [
      ["黔江区", 59.39, 0.5939, "8.6个百分点"],
      ["渝北区", "147%", 1.47, 8.6],
    ],
  });
  const ctx = createRuleContext(model, null);
  const [a, b] = ctx.units;

  test("a plain number without a format has two readings: ×100 and fraction", () => {
    expect(percentReadings(ctx, ctx.table.start[a.index] + 0)).toEqual([
      { fraction: 0.5939, decimals: 2, how: "times-100" },
      { fraction: 59.39, decimals: 0, how: "fraction" },
    ]);
  });

  test("a % format or % text decides", () => {
    expect(percentReadings(ctx, ctx.table.start[a.index] + 1)).toEqual([
      { fraction: 0.5939, decimals: 2, how: "format-percent" },
    ]);
    expect(percentReadings(ctx, ctx.table.start[b.index] + 0)).toEqual([{ fraction: 1.47, decimals: 0, how: "text-percent" }]);
    expect(percentReadings(ctx, ctx.table.start[a.index] + 2)).toEqual([{ fraction: 0.086, decimals: 1, how: "points" }]);
  });

  test("read alone, a value above 3 is ×100", () => {
    expect(readPercentAlone(ctx, ctx.table.start[a.index] + 0)?.fraction).toBeCloseTo(0.5939, 10);
    expect(readPercentAlone(ctx, ctx.table.start[b.index] + 2)?.fraction).toBeCloseTo(0.086, 10);
  });
});
