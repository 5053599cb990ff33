import { validate } from "../../src/core/engine";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { countFindings, dataRowRange, detectModel, effectivePreset, formulaOptions, groupFindings } from "../../src/taskpane/detect";
import { ExplainedFinding } from "../../src/core/explanations";
import { halfYearSheet } from "./fixtures";

describe("pane helpers", () => {
  test("preset: automatic follows the period; a chosen one wins; an unknown saved id falls back", () => {
    const model = detectModel(halfYearSheet(), DEFAULT_SETTINGS);
    expect(effectivePreset(model, DEFAULT_SETTINGS).id).toBe("chongqing-2020");
    const in2026 = detectModel(halfYearSheet(), { ...DEFAULT_SETTINGS, period: "2026年1-6月" });
    expect(in2026.period?.label).toBe("2026年1-6月");
    expect(effectivePreset(in2026, DEFAULT_SETTINGS).id).toBe("chongqing-2026");
    expect(effectivePreset(in2026, { ...DEFAULT_SETTINGS, preset: "chongqing-2020" }).id).toBe("chongqing-2020");
    expect(effectivePreset(model, { ...DEFAULT_SETTINGS, preset: "no-such-preset" }).id).toBe("chongqing-2020");
    expect(effectivePreset(null, DEFAULT_SETTINGS).id).toBe("chongqing-2020");
  });

  test("the preset the pane shows as detected is the one the engine checks against", () => {
    for (const period of [null, "2022年1-6月", "2026年1-3月"]) {
      const model = detectModel(halfYearSheet(), { ...DEFAULT_SETTINGS, period });
      expect(effectivePreset(model, DEFAULT_SETTINGS).id).toBe(validate(model, null).preset);
    }
  });

  test("data rows and formula requests follow the used range's origin", () => {
    const grid = { ...halfYearSheet(), origin: { row: 2, col: 1 } };
    const model = detectModel(grid, DEFAULT_SETTINGS);
    expect(dataRowRange(model)).toEqual({ firstRow: 7, lastRow: 48 });
    const pace = formulaOptions(model, "zh").find((o) => o.id === "contract-amount:pace");
    expect(pace?.request).toEqual({ kind: "pace", inputs: ["E", "H"], months: 6, firstRow: 7, lastRow: 48, header: "正式合同额超序时进度" });
  });

  test("a transposed single-district form offers no formula columns", () => {
    const grid = {
      name: "渝北区",
      values: [["2022年1-6月渝北区招商引资情况表"], ["指标", "本期", "上年同期", "年度目标"], ["正式合同额（亿元）", 120, 100, 200], ["到位资金（亿元）", 30, 25, 60]],
    };
    const model = detectModel(grid, DEFAULT_SETTINGS);
    expect(model.layout).toBe("transposed");
    expect(formulaOptions(model, "zh")).toEqual([]);
  });

  test("counts keep explained verify findings apart; groups keep severity then rule order", () => {
    const base = { sheet: "S", row: 1, column: "A", unit: null, indicator: null, value: null, message: { zh: "x", en: "x" } };
    const findings: ExplainedFinding[] = [
      { ...base, cell: "A1", rule: "unknown-unit", severity: "error" },
      { ...base, cell: "A2", rule: "outlier", severity: "info" },
      { ...base, cell: "A3", rule: "behind-schedule", severity: "verify", explanation: { sheet: "S", cell: "A3", rule: "behind-schedule", text: "项目推迟签约" } },
      { ...base, cell: "A4", rule: "rate-mismatch", severity: "verify" },
      { ...base, cell: "A5", rule: "behind-schedule", severity: "verify" },
    ];
    expect(countFindings(findings)).toEqual({ error: 1, verify: 2, info: 1, explained: 1 });
    const groups = groupFindings(findings, { error: false, verify: true, info: true });
    expect(groups.map((g) => [g.severity, g.total, g.rules.map((r) => `${r.rule}×${r.findings.length}`)])).toEqual([
      ["verify", 3, ["behind-schedule×2", "rate-mismatch×1"]],
      ["info", 1, ["outlier×1"]],
    ]);
  });
});
