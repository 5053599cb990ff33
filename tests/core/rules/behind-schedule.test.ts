import { CellValue } from "../../../src/core/numbers";
import { behindSchedule } from "../../../src/core/rules";
import { readSheet } from "../../../src/core/sheet";
import { targetsFromModel } from "../../../src/core/targets";
import { buildModel, only, run, validated } from "./build-model";

const columns = [
  { indicator: "contract-amount" as const, measure: "current" as const },
  { indicator: "contract-amount" as const, measure: "target" as const },
  { indicator: "contract-amount" as const, measure: "completion" as const },
];
const sheet = (current: CellValue, target: CellValue, printed: CellValue = null, title?: string | null) =>
  buildModel({ columns, rows: [["黔江区", current, target, printed]], ...(title !== undefined ? { title } : {}) });

describe("behind-schedule", () => {
  test("42.1% at 1–6月 is 7.9 个百分点 behind: 提示性, at the 完成率 cell", () => {
    const f = only(validated(sheet(42.1, 100, 42.1), "behind-schedule"));
    expect(f).toMatchObject({
      severity: "info",
      cell: "D3",
      unit: "黔江区",
      indicator: "contract-amount",
      expected: { kind: "at-least", min: 45, percent: true },
    });
    expect(f.message.zh).toBe(
      "工作表“汇总”D3（黔江区，正式合同额完成率）：完成率42.1%，低于时序进度50.0%，欠7.9个百分点。",
    );
    expect(f.message.en).toContain("behind time progress 50.0% by 7.9 percentage points");
  });

  test.each([
    [46, 0, null],
    [45, 0, null],
    [44.9, 1, "info"],
    [30, 1, "info"],
    [29.9, 1, "verify"],
    [95.03 / 1.6, 0, null],
  ])("completion %p%% at 1–6月 → %p finding(s) (%p)", (pct, count, severity) => {
    const findings = run(behindSchedule, sheet(pct, 100));
    expect(findings).toHaveLength(count);
    if (severity) expect(findings[0].severity).toBe(severity);
  });

  test("past the verify threshold the message asks for the reason", () => {
    expect(only(run(behindSchedule, sheet(25, 100))).message.zh).toContain("欠25.0个百分点，差距较大，请说明原因。");
  });

  test("thresholds come from the configuration", () => {
    expect(run(behindSchedule, sheet(46, 100), { config: { thresholds: { behindScheduleInfo: 2 } } })).toHaveLength(1);
    expect(
      only(run(behindSchedule, sheet(40, 100), { config: { thresholds: { behindScheduleVerify: 8 } } })).severity,
    ).toBe("verify");
  });

  test("a negative or slipped figure is reported by its own rule, not as behind schedule", () => {
    expect(run(behindSchedule, sheet(-3.2, 100))).toEqual([]);
    // A target of 100亿元 typed in 万元 (1,000,000) is a unit slip: 4% against it says nothing about the schedule.
    expect(run(behindSchedule, sheet(40, 1000000))).toEqual([]);
    expect(run(behindSchedule, sheet(40, 100))).toHaveLength(1);
  });

  test("without a target there is no completion to compare", () => {
    expect(run(behindSchedule, sheet(10, "-"))).toEqual([]);
  });

  test("the period decides time progress; unknown months → not checked but said once, unless config.months says", () => {
    expect(run(behindSchedule, sheet(40, 100, null, "2022年1-9月全市招商引资"))[0].message.zh).toContain(
      "低于时序进度75.0%，欠35.0个百分点",
    );
    const unknown = run(behindSchedule, sheet(40, 100, null, null));
    expect(unknown.map((f) => [f.severity, f.cell])).toEqual([["info", null]]);
    expect(unknown[0].message.zh).toContain("标题和表注中没有统计期间");
    expect(run(behindSchedule, sheet(40, 100, null, null), { config: { months: 6 } })).toHaveLength(1);
  });

  test("a results sheet whose title has a year and no months gets ONE 提示 naming the checks skipped", () => {
    const rows: [string, number, number, number][] = [
      ["黔江区", 95.03, 160, 0.5939],
      ["武隆区", 40, 100, 0.4],
      ["石柱县", 80, 100, 0.8],
    ];
    const model = buildModel({ columns, rows, title: "2022年全市招商引资主要指标完成情况表" });
    const findings = run(behindSchedule, model);
    expect(findings).toHaveLength(1);
    expect(findings[0].severity).toBe("info");
    expect(findings[0].message.zh).toBe(
      "工作表“汇总”标题只写了年份，没有写月份（如“1-6月”），时序进度无法确定，未检查各单位完成率是否落后序时进度。请在标题或表注中写明统计期间，或在“期间”设置（zs-check --period）中指定。",
    );
  });

  test("a targets-only sheet needs no months: nothing is said", () => {
    const model = buildModel({
      columns: [columns[1]],
      rows: [["黔江区", 160], ["武隆区", 100]],
      title: "2022年各区县招商引资年度目标任务表",
    });
    expect(run(behindSchedule, model)).toEqual([]);
  });

  test("a printed 完成率 alone is read when the row has no 本期", () => {
    const model = buildModel({
      columns: [columns[2]],
      rows: [
        ["黔江区", 42.1],
        ["渝北区", 0.421],
      ],
    });
    expect(run(behindSchedule, model).map((f) => [f.cell, f.message.zh.includes("完成率42.1%")])).toEqual([
      ["B3", true],
      ["B4", true],
    ]);
  });

  test("with targets from another sheet and no 完成率 column, the rate is named as computed, at the 本期 cell", () => {
    const targets = targetsFromModel(
      readSheet({
        name: "年度目标",
        values: [
          ["2022年各区县招商引资年度目标任务表"],
          ["区县", "正式合同额"],
          ["黔江区", 160],
        ],
      }),
    );
    const model = buildModel({ columns: [columns[0]], rows: [["黔江区", 40]] });
    const f = only(run(behindSchedule, model, { targets }));
    expect(f.cell).toBe("B3");
    expect(f.message.zh).toBe(
      "工作表“汇总”B3（黔江区，正式合同额本期）：按年度目标计算的完成率25.0%，低于时序进度50.0%，欠25.0个百分点，差距较大，请说明原因。",
    );
    expect(f.message.en).toContain("completion computed from the annual target 25.0%");
  });
});
