import { IndicatorId } from "../../../src/core/catalog";
import { CellValue } from "../../../src/core/numbers";
import { rateMismatch } from "../../../src/core/rules";
import { TargetTable } from "../../../src/core/targets";
import { Measure } from "../../../src/core/sheet/types";
import { buildForm, buildModel, only, run, validated } from "./build-model";

const col = (indicator: IndicatorId, measure: Measure, format?: string) => ({
  indicator,
  measure,
  ...(format ? { format } : {}),
});

/** 本期, 年度目标 and a printed 完成率 for one unit. */
function completion(current: number, target: number, printed: CellValue, format?: string) {
  const columns = [
    col("contract-amount", "current"),
    col("contract-amount", "target"),
    col("contract-amount", "completion", format),
  ];
  return buildModel({ columns, rows: [["黔江区", current, target, printed]] });
}

describe("rate-mismatch: 完成率", () => {
  test.each([
    ["59.39 (×100)", 59.39, undefined],
    ["0.5939 (a fraction)", 0.5939, undefined],
    ["0.5939375 formatted 0.00%", 0.5939375, "0.00%"],
    ["'59.39%' as text", "59.39%", undefined],
    ["59.4", 59.4, undefined],
  ])("黔江 95.03 of 160 printed %s is consistent", (_name, printed, format) => {
    expect(run(rateMismatch, completion(95.03, 160, printed, format))).toEqual([]);
  });

  test("80% beside 95.03 and 160 is not: 核实性 with the recomputed 59.39%", () => {
    const f = only(validated(completion(95.03, 160, 80), "rate-mismatch"));
    expect(f).toMatchObject({
      severity: "verify",
      cell: "D3",
      unit: "黔江区",
      value: 80,
      expected: { kind: "figure", value: 59.39 },
      related: ["B3", "C3"],
    });
    expect(f.message.zh).toBe(
      "工作表“汇总”D3（黔江区，正式合同额完成率）：填报80%，按本期95.03亿元÷年度目标160.00亿元计算应为59.39%，填报数高20.61个百分点，超出修约误差，请核实。",
    );
    expect(f.message.en).toContain("gives 59.39%: the reported figure is 20.61 percentage points higher");
  });

  test("a fraction cell is answered as a fraction: 0.8 formatted as % → expected 0.5939", () => {
    const f = only(run(rateMismatch, completion(95.03, 160, 0.8, "0.0%")));
    expect(f.expected).toEqual({ kind: "figure", value: 0.5939 });
    expect(f.message.zh).toContain("填报80.0%");
  });

  test.each([
    [147, true],
    [146.8, true],
    [1.47, true],
    [150, false],
  ])("渝北 2022: 279 of 190 printed %p consistent: %p", (printed, ok) => {
    expect(run(rateMismatch, completion(279, 190, printed)).length).toBe(ok ? 0 : 1);
  });

  test("the inputs' own rounding counts: 武隆 235.6 (1 decimal) of 230 printed 102.45% is consistent, 102.6% is not", () => {
    // 235.6/230 = 102.43%; 235.6 stands for [235.55, 235.65), i.e. 102.41%–102.46%.
    expect(run(rateMismatch, completion(235.6, 230, 102.45))).toEqual([]);
    expect(run(rateMismatch, completion(235.6, 230, 102.6))).toHaveLength(1);
  });

  test("a target from a separate targets table", () => {
    const model = buildModel({
      columns: [col("contract-amount", "current"), col("contract-amount", "completion")],
      rows: [["黔江区", 95.03, 80]],
    });
    const targets: TargetTable = {
      source: "目标",
      byUnit: new Map([["qianjiang", { "contract-amount": { value: 160, raw: 160, sheet: "目标", cell: "B2" } }]]),
    };
    const f = only(run(rateMismatch, model, { targets }));
    expect(f.related).toEqual(["B3"]);
    expect(f.expected).toEqual({ kind: "figure", value: 59.39 });
  });

  test("a rate computed from a unit slip is left to the unit-slip finding", () => {
    const model = buildForm({
      unit: "合川区",
      fields: [
        { indicator: "contract-amount", measure: "current", value: 1260000 },
        { indicator: "contract-amount", measure: "target", value: 200 },
        { indicator: "contract-amount", measure: "completion", value: 63 },
      ],
    });
    expect(run(rateMismatch, model)).toEqual([]);
    expect(validated(model, "unit-slip")).toHaveLength(1);
  });

  test("no target, no check", () => {
    expect(run(rateMismatch, completion(95.03, 0, 80))).toEqual([]);
  });
});

describe("rate-mismatch: 同比", () => {
  const columns = [
    col("contract-amount", "current"),
    col("contract-amount", "previous"),
    col("contract-amount", "yoy"),
  ];
  const yoy = (current: CellValue, previous: CellValue, printed: CellValue) =>
    buildModel({ columns, rows: [["黔江区", current, previous, printed]] });

  test("黔江 95.03 against 77.86 is +22.05%", () => {
    expect(run(rateMismatch, yoy(95.03, 77.86, 22.05))).toEqual([]);
    const f = only(run(rateMismatch, yoy(95.03, 77.86, 25)));
    expect(f.expected).toEqual({ kind: "figure", value: 22.05 });
    expect(f.message.zh).toContain("按（本期95.03亿元－上年同期77.86亿元）÷上年同期计算应为22.05%");
  });

  test("a growth rate printed over a zero base is itself a finding", () => {
    const f = only(run(rateMismatch, yoy(12.5, 0, 100)));
    expect(f).toMatchObject({ severity: "verify", cell: "D3", expected: { kind: "no-rate" }, related: ["C3"] });
    expect(f.message.zh).toContain("上年同期为0（C3），基期为0不应计算增速，应填“—”或“新增”。");
  });

  test("a signed rate over a negative base is a finding too", () => {
    const f = only(run(rateMismatch, yoy(2, -3.2, 162.5)));
    expect(f.message.zh).toContain("上年同期为负（-3.20亿元，C3），基期为负不应计算增速，宜用扭亏、减亏或增亏表述。");
  });

  test("新增, — or a blank over a zero base are what should be written", () => {
    for (const printed of ["新增", "—", null]) expect(run(rateMismatch, yoy(12.5, 0, printed))).toEqual([]);
  });
});

describe("rate-mismatch: 占全市比重, 开工率, 资金到位率, 超欠时序进度", () => {
  test("a share of the city total: 1158.93 of 10842 is 10.69%", () => {
    const columns = [col("contract-amount", "current"), col("contract-amount", "share")];
    const model = (printed: number) =>
      buildModel({
        columns,
        rows: [
          ["全市", 10842, 100],
          ["渝北区", 1158.93, printed],
        ],
      });
    expect(run(rateMismatch, model(10.7))).toEqual([]);
    const f = only(run(rateMismatch, model(12)));
    expect(f.message.zh).toContain("按本期1158.93亿元÷全市10842.00亿元计算应为10.69%");
  });

  test("开工率 = 新开工项目 ÷ 签约项目: 62 of 82 is 75.6%", () => {
    const columns = [
      col("signed-projects", "current"),
      col("new-started-projects", "current"),
      col("start-rate", "rate"),
    ];
    expect(run(rateMismatch, buildModel({ columns, rows: [["渝北区", 82, 62, 75.6]] }))).toEqual([]);
    const f = only(run(rateMismatch, buildModel({ columns, rows: [["渝北区", 82, 62, 80]] })));
    expect(f.message.zh).toContain("按新开工项目数本期62个÷签约项目数本期82个计算应为75.61%");
  });

  test("资金到位率 = 到位资金 ÷ 合同额: Chongqing 2021, 3600 of 17100 printed 21%", () => {
    const columns = [col("contract-amount", "current"), col("funds-in-place", "current"), col("funds-rate", "current")];
    expect(run(rateMismatch, buildModel({ columns, rows: [["全市", 17100, 3600, 21]] }))).toEqual([]);
    expect(run(rateMismatch, buildModel({ columns, rows: [["全市", 17100, 3600, 0.21]] }))).toEqual([]);
    expect(run(rateMismatch, buildModel({ columns, rows: [["全市", 17100, 3600, 35]] }))).toHaveLength(1);
  });

  test("超欠时序进度: 10842 of 18500 is 58.6%, 8.6 个百分点 ahead of 1–6月's 50%", () => {
    const columns = [
      col("contract-amount", "current"),
      col("contract-amount", "target"),
      col("contract-amount", "pace"),
    ];
    const model = (printed: CellValue) => buildModel({ columns, rows: [["全市", 10842, 18500, printed]] });
    expect(run(rateMismatch, model(8.6))).toEqual([]);
    expect(run(rateMismatch, model("8.6个百分点"))).toEqual([]);
    const f = only(run(rateMismatch, model(5)));
    expect(f.message.zh).toContain(
      "填报5个百分点，按本期10842.00亿元÷年度目标18500.00亿元－时序进度50.0%计算应为8.61个百分点",
    );
  });

  test("a transposed form is checked the same way", () => {
    const model = buildForm({
      unit: "黔江区",
      fields: [
        { indicator: "contract-amount", measure: "current", value: 95.03 },
        { indicator: "contract-amount", measure: "target", value: 160 },
        { indicator: "contract-amount", measure: "completion", value: 80 },
      ],
    });
    expect(only(run(rateMismatch, model)).cell).toBe("B5");
  });
});
