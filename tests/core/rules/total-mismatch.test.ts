import { totalMismatch } from "../../../src/core/rules";
import { buildModel, cityAmounts, only, r2, run, testRegistry, UNITS_2020, validated } from "./build-model";

const amount = [{ indicator: "contract-amount" as const, measure: "current" as const }];

/** 41 units that all count (test registry), figures with 2 decimals, and a total `off` away from their sum. */
function fortyOne(off: number) {
  const registry = testRegistry(41);
  const rows: [string, number][] = Array.from({ length: 41 }, (_, i) => [`测试${i + 1}区`, r2(20.13 + 3.07 * i)]);
  const sum = r2(rows.reduce((s, r) => s + r[1], 0));
  return { registry, sum, model: buildModel({ columns: amount, rows: [["全市", r2(sum + off)], ...rows], registry }) };
}

describe("total-mismatch", () => {
  test("a total equal to the sum of its units passes", () => {
    const { model, registry } = fortyOne(0);
    expect(run(totalMismatch, model, { registry })).toEqual([]);
  });

  test("41 units at 0.01: a gap within (41+1)·0.01/2 = 0.21 is rounding (提示性)", () => {
    const { model, registry, sum } = fortyOne(0.21);
    const f = only(run(totalMismatch, model, { registry }));
    expect(f).toMatchObject({ severity: "info", cell: "B3", unit: "全市", indicator: "contract-amount" });
    expect(f.expected).toEqual({ kind: "sum", value: r2(sum), tolerance: 0.21 });
    expect(f.message.zh).toBe(
      `工作表“汇总”B3（全市，正式合同额本期）：各单位之和${sum.toFixed(2)}亿元比全市合计${(sum + 0.21).toFixed(2)}亿元少0.21亿元，在修约误差±0.21亿元以内：41个单位各修约至0.01，全市修约至0.01。`,
    );
  });

  test("beyond 0.21 it is 核实性, with both figures and the difference", () => {
    const { model, registry, sum } = fortyOne(-0.22);
    const f = only(run(totalMismatch, model, { registry }));
    expect(f.severity).toBe("verify");
    expect(f.message.zh).toContain(
      `各单位之和为${sum.toFixed(2)}亿元，共41个单位，比全市合计${(sum - 0.22).toFixed(2)}亿元多0.22亿元，超出修约误差±0.21亿元。`,
    );
    expect(f.message.zh).toContain("请核实并书面说明");
  });

  test("2022 1–6月: the district figures add up to more than the printed city total 10842 → 核实性, never a silent pass", () => {
    // Chongqing's own registry: 两江新区 and 重庆高新区 overlap their districts and are not added (39 units).
    const model = cityAmounts({
      total: 10842,
      edit: (rows) => rows.forEach((r, i) => ((r as [string, number])[1] = r2(270 + i * 0.5))),
    });
    const f = only(validated(model, "total-mismatch"));
    expect(f.severity).toBe("verify");
    // 39 counted units: 41 figures minus 两江新区 (270+38·0.5) and 重庆高新区 (270+39·0.5).
    const counted = r2(UNITS_2020.reduce((s, _n, i) => s + r2(270 + i * 0.5), 0) - 289 - 289.5);
    expect(counted).toBeGreaterThan(10842);
    expect(f.message.zh).toContain(
      `不含两江新区、重庆高新区的各单位之和为${counted.toFixed(2)}亿元，共39个单位，比全市合计10842.00亿元多${(counted - 10842).toFixed(2)}亿元`,
    );
    expect(f.message.en).toContain("10842.00 亿元");
  });

  test("a total that counts the functional zones again is explained as double counting", () => {
    const model = cityAmounts({ edit: () => undefined });
    // cityAmounts' total is the sum of all 41 rows, zones included.
    const f = only(run(totalMismatch, model));
    expect(f.severity).toBe("verify");
    expect(f.message.zh).toContain("该数与包含两江新区、重庆高新区在内的合计");
    expect(f.message.zh).toContain("不应重复计入");
  });

  test("counts are exact: a gap of one project is beyond rounding", () => {
    const registry = testRegistry(3);
    const model = buildModel({
      columns: [{ indicator: "signed-projects", measure: "current" }],
      rows: [
        ["全市", 1591],
        ["测试1区", 800],
        ["测试2区", 500],
        ["测试3区", 290],
      ],
      registry,
    });
    const f = only(run(totalMismatch, model, { registry }));
    expect(f).toMatchObject({ severity: "verify", expected: { kind: "sum", value: 1590, tolerance: 0 } });
    expect(f.message.zh).toContain("各单位之和为1590个，共3个单位，比全市合计1591个少1个。");
  });

  test("the printed precision comes from the number format when there is one", () => {
    const registry = testRegistry(3);
    const rows: [string, number][] = [
      ["全市", 121],
      ["测试1区", 40],
      ["测试2区", 40],
      ["测试3区", 40],
    ];
    const plain = buildModel({ columns: amount, rows, registry });
    // Printed as integers: u = 1, tolerance (3+1)·1/2 = 2.
    expect(only(run(totalMismatch, plain, { registry })).severity).toBe("info");
    const formatted = buildModel({ columns: [{ ...amount[0], format: "#,##0.00" }], rows, registry });
    // Printed with 2 decimals: tolerance 0.02.
    expect(only(run(totalMismatch, formatted, { registry })).severity).toBe("verify");
  });

  test("a subtotal printed to 0.1 carries ±0.05 of its own: 9 parts at 0.01 and a gap of 0.09 is rounding, not 核实性", () => {
    // Parts typed at 0.01, each just rounded down by 0.0049 from its true value; the subtotal 123.4541 printed 123.5.
    const members = ["渝中区", "大渡口区", "江北区", "沙坪坝区", "九龙坡区", "南岸区", "北碚区", "渝北区", "巴南区"];
    const parts = [10.11, 12.5, 13.2, 15.0, 16.4, 14.1, 13.3, 12.8, 16.0];
    const rows = (subtotal: string | number, format: string | undefined) => [
      { label: "中心城区", values: [subtotal], formats: [format] },
      ...members.map((n, i): [string, number] => [n, parts[i]]),
    ];
    const columns = [{ ...amount[0], format: "0.00" }];
    // 9 × 0.005 + 0.05 = 0.095 ≥ 0.09.
    const formatted = only(run(totalMismatch, buildModel({ columns, rows: rows(123.5, "0.0") })));
    expect(formatted.severity).toBe("info");
    expect(formatted.message.zh).toContain(
      "中心城区所属单位之和123.41亿元比中心城区小计123.50亿元少0.09亿元，在修约误差±0.10亿元以内：9个单位各修约至0.01，中心城区修约至0.1。",
    );
    // Typed as text "123.5", the figure is printed as typed.
    expect(only(run(totalMismatch, buildModel({ columns, rows: rows("123.5", undefined) }))).severity).toBe("info");
    // Printed to 0.01 (123.50), the same gap is beyond 10 × 0.005 = 0.05.
    expect(only(run(totalMismatch, buildModel({ columns, rows: rows(123.5, "0.00") }))).severity).toBe("verify");
  });

  test("a 万元 column is compared in its own unit", () => {
    const registry = testRegistry(2);
    const model = buildModel({
      columns: [{ ...amount[0], unit: "万元" }],
      rows: [
        ["全市", 30000],
        ["测试1区", 10000],
        ["测试2区", 15000],
      ],
      registry,
    });
    const f = only(run(totalMismatch, model, { registry }));
    expect(f.message.zh).toContain("各单位之和为25000.00万元，共2个单位，比全市合计30000.00万元少5000.00万元");
  });

  test("上年同期 and 目标 are checked too; 同比 is not a sum", () => {
    const registry = testRegistry(2);
    const columns = [
      { indicator: "contract-amount" as const, measure: "previous" as const },
      { indicator: "contract-amount" as const, measure: "target" as const },
      { indicator: "contract-amount" as const, measure: "yoy" as const },
    ];
    const model = buildModel({
      columns,
      rows: [
        ["全市", 30, 61, 10],
        ["测试1区", 10, 30, 5],
        ["测试2区", 20, 30, 5],
      ],
      registry,
    });
    expect(run(totalMismatch, model, { registry }).map((f) => f.cell)).toEqual(["C3"]);
  });

  test("blank unit cells are not counted in n", () => {
    const registry = testRegistry(3);
    const model = buildModel({
      columns: amount,
      rows: [
        ["全市", 30.6],
        ["测试1区", 10.25],
        ["测试2区", 20.25],
        ["测试3区", null],
      ],
      registry,
    });
    expect(only(run(totalMismatch, model, { registry })).message.zh).toContain("共2个单位");
  });

  test("an unknown unit is counted like the unit it most likely is (壁山区 → 璧山区)", () => {
    const model = cityAmounts({
      edit: (rows) => {
        rows.splice(0, rows.length, ["璧山区", 10.5], ["壁山区", 2.25]);
      },
    });
    // The built total (12.75) includes both rows; no mismatch for the typo on top of its unknown-unit error.
    expect(run(totalMismatch, model)).toEqual([]);
  });

  test("a group subtotal is checked against its members in the grouping scheme", () => {
    const members = ["黔江区", "武隆区", "石柱县", "秀山县", "酉阳县", "彭水县"];
    const rows = (subtotal: number) =>
      [["渝东南武陵山区城镇群", subtotal], ...members.map((n, i) => [n, 10 + i])] as [string, number][];
    expect(run(totalMismatch, buildModel({ columns: amount, rows: rows(75) }))).toEqual([]);
    const f = only(run(totalMismatch, buildModel({ columns: amount, rows: rows(80) })));
    expect(f).toMatchObject({ severity: "verify", cell: "B3", unit: "渝东南武陵山区城镇群" });
    expect(f.message.zh).toContain(
      "渝东南武陵山区城镇群所属单位之和为75.00亿元，共6个单位，比渝东南武陵山区城镇群小计80.00亿元少5.00亿元",
    );
    expect(f.message.zh).toContain("区县数与小计数口径可能不同");
  });

  test("a subtotal label with a suffix (渝东南小计) and the test registry's scheme", () => {
    const members = ["黔江区", "武隆区", "石柱县", "秀山县", "酉阳县", "彭水县"];
    const model = buildModel({
      columns: amount,
      rows: [["渝东南小计", 80], ...members.map((n, i): [string, number] => [n, 10 + i])],
    });
    expect(only(run(totalMismatch, model)).unit).toBe("渝东南小计");
    const registry = testRegistry(4);
    const test = buildModel({
      columns: amount,
      rows: [
        ["甲片区合计", 6],
        ["测试1区", 1],
        ["测试2区", 2],
        ["测试3区", 3],
        ["测试4区", 4],
      ],
      registry,
    });
    expect(run(totalMismatch, test, { registry })).toEqual([]);
  });

  test("a group of another grouping scheme (渝西地区, 2024 plan) is checked against that scheme's members", () => {
    const west = [
      "江津区",
      "合川区",
      "永川区",
      "綦江区",
      "大足区",
      "璧山区",
      "铜梁区",
      "潼南区",
      "荣昌区",
      "万盛经开区",
    ];
    const rows = [["渝西地区", 66], ...west.map((n, i): [string, number] => [n, 1 + i]), ["黔江区", 100]] as [
      string,
      number,
    ][];
    const f = only(run(totalMismatch, buildModel({ columns: amount, rows })));
    expect(f.message.zh).toContain("渝西地区所属单位之和为55.00亿元，共10个单位");
    expect(only(run(totalMismatch, buildModel({ columns: amount, rows }), { config: { scheme: "2024" } })).cell).toBe(
      "B3",
    );
  });

  test("cells that explain a gap are named: a unit slip summed as written, an unreadable figure left out", () => {
    const model = cityAmounts({
      total: 10842,
      edit: (rows) => {
        rows[15] = ["合川区", 1260000];
        rows[20] = ["荣昌区", "三十二"];
      },
    });
    const f = only(run(totalMismatch, model));
    expect(f.message.zh).toContain(
      "其中合川区B19疑似单位错填，按填报值计入；按更正后的数值计，不含两江新区、重庆高新区的各单位之和为1465.96亿元，仍比全市合计少9376.04亿元；荣昌区B24无法识别为数值，未计入。",
    );
    expect(f.message.en).toContain(
      "Of these, 合川区B19 look like unit slips and are summed as written; with them corrected the sum of the units other than 两江新区, 重庆高新区 would be 1465.96 亿元, still 9376.04 亿元 less than the 全市 total; 荣昌区B24 could not be read",
    );
  });

  test("a unit slip summed as written: the message says the sum with the slip corrected agrees with the total", () => {
    // The clerk's 全市 is right (zones left out); 合川区 typed 1260000 (万元) for 126.00 亿元.
    const figures = UNITS_2020.map((name, i): [string, number] => [name, name === "合川区" ? 126 : r2(10 + 1.37 * i)]);
    const total = r2(figures.reduce((s, [n, v]) => (n === "两江新区" || n === "重庆高新区" ? s : s + v), 0));
    const rows = figures.map(([n, v]): [string, number] => [n, n === "合川区" ? 1260000 : v]);
    const f = only(run(totalMismatch, buildModel({ columns: amount, rows: [["全市", total], ...rows] })));
    expect(f.severity).toBe("verify");
    expect(f.message.zh).toContain(
      `其中合川区B16疑似单位错填，按填报值计入；按更正后的数值计，不含两江新区、重庆高新区的各单位之和为${total.toFixed(2)}亿元，与全市合计一致。`,
    );
    expect(f.message.zh).not.toContain("口径");
  });

  test("a total typed in 万元 beside its 亿元 target: the message says the units agree with the total corrected", () => {
    const registry = testRegistry(3);
    const model = buildModel({
      columns: [
        { ...amount[0], format: "0.00" },
        { indicator: "contract-amount", measure: "target", format: "0" },
      ],
      rows: [
        ["全市", 1803500, 300],
        ["测试1区", 60.12, 100],
        ["测试2区", 70.2, 100],
        ["测试3区", 50.03, 100],
      ],
      registry,
    });
    const f = only(run(totalMismatch, model, { registry }));
    expect(f.severity).toBe("verify");
    expect(f.message.zh).toContain("全市合计本身疑似单位错填，按更正后的180.35亿元计，与各单位之和一致。");
    // The slip explains the whole gap: no talk of 口径.
    expect(f.message.zh).toMatch(/与各单位之和一致。请核实疑似单位错填的单元格。$/);
  });
});
