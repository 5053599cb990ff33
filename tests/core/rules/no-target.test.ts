import { noTarget } from "../../../src/core/rules";
import { TargetTable } from "../../../src/core/targets";
import { buildModel, only, run, validated } from "./build-model";

const withTargets = [
  { indicator: "contract-amount" as const, measure: "current" as const },
  { indicator: "contract-amount" as const, measure: "target" as const },
];

describe("no-target (提示性)", () => {
  test("units with a target pass", () => {
    const model = buildModel({
      columns: withTargets,
      rows: [
        ["黔江区", 95.03, 160],
        ["渝北区", 800, 800],
      ],
    });
    expect(run(noTarget, model)).toEqual([]);
  });

  test('a "-" target is no target: info, never an error, pointing at the target cell', () => {
    const model = buildModel({
      columns: withTargets,
      rows: [
        ["黔江区", 95.03, 160],
        ["城口县", 3.2, "-"],
      ],
    });
    const f = only(validated(model, "no-target"));
    expect(f).toMatchObject({ severity: "info", cell: "C4", unit: "城口县", indicator: "contract-amount", value: "-" });
    expect(f.message.zh).toBe(
      "工作表“汇总”C4（城口县，正式合同额年度目标）：年度目标填写为“-”，视为无年度目标，不计算完成率。",
    );
  });

  test("a blank or zero target is no target either", () => {
    const model = buildModel({
      columns: withTargets,
      rows: [
        ["黔江区", 95.03, 160],
        ["城口县", 3.2, null],
        ["巫溪县", 1, 0],
      ],
    });
    const findings = run(noTarget, model);
    expect(findings.map((f) => f.cell)).toEqual(["C4", "C5"]);
    expect(findings[0].message.zh).toContain("：年度目标为空白，视为无年度目标");
    expect(findings[1].message.zh).toContain("年度目标为0");
  });

  test("a unit missing from a separate targets table is info, naming the table", () => {
    const columns = [{ indicator: "contract-amount" as const, measure: "current" as const }];
    const model = buildModel({
      columns,
      rows: [
        ["黔江区", 95.03],
        ["渝北区", 800],
      ],
    });
    const targets: TargetTable = {
      source: "2022年目标",
      byUnit: new Map([["qianjiang", { "contract-amount": { value: 160, raw: 160, sheet: "目标", cell: "B3" } }]]),
    };
    const f = only(run(noTarget, model, { targets }));
    expect(f).toMatchObject({ severity: "info", cell: "B4", unit: "渝北区", value: null });
    expect(f.message.zh).toContain("目标表“2022年目标”中没有该单位的年度目标");
  });

  test('a "-" in a separate targets table: at the figure, naming the table\'s cell', () => {
    const model = buildModel({ columns: withTargets, rows: [["万盛经开区", 12.5, 30]] });
    const targets: TargetTable = {
      source: "2022年目标",
      byUnit: new Map([["wansheng", { "contract-amount": { value: null, raw: "-", sheet: "目标任务", cell: "C31" } }]]),
    };
    const f = only(run(noTarget, model, { targets }));
    expect(f).toMatchObject({ cell: "B3", value: "-" });
    expect(f.message.zh).toBe(
      "工作表“汇总”B3（万盛经开区，正式合同额本期）：年度目标（目标表“目标任务”C31）填写为“-”，视为无年度目标，不计算完成率。",
    );
  });

  test("a target column blank for every unit means the indicator has no targets at all", () => {
    const columns = [
      ...withTargets,
      { indicator: "signed-projects" as const, measure: "current" as const },
      { indicator: "signed-projects" as const, measure: "target" as const },
    ];
    const model = buildModel({
      columns,
      rows: [
        ["黔江区", 95.03, 160, 29, null],
        ["渝北区", 800, 800, 82, null],
      ],
    });
    expect(run(noTarget, model)).toEqual([]);
  });

  test("a sheet without targets says nothing about targets", () => {
    const model = buildModel({
      columns: [{ indicator: "contract-amount", measure: "current" }],
      rows: [["黔江区", 95.03]],
    });
    expect(run(noTarget, model)).toEqual([]);
  });
});
