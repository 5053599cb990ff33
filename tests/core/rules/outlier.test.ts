import { outlier } from "../../../src/core/rules";
import { buildModel, only, run, UNITS_2020, validated } from "./build-model";
import { seededRandom } from "../indicators/helpers";

const columns = [{ indicator: "contract-amount" as const, measure: "current" as const }];

/** 41 figures around 50 (deterministic), with `edit` applied. */
function sheet(edit?: (values: number[]) => void) {
  const random = seededRandom(7);
  const values = UNITS_2020.map(() => Math.round((45 + random() * 10) * 100) / 100);
  edit?.(values);
  return buildModel({ columns, rows: UNITS_2020.map((n, i) => [n, values[i]]) });
}

describe("outlier (提示性)", () => {
  test("a column without outliers passes", () => {
    expect(run(outlier, sheet())).toEqual([]);
  });

  test("a figure far from the column median by the robust z-score is reported with the expected range", () => {
    const f = only(
      validated(
        sheet((v) => (v[5] = 500)),
        "outlier",
      ),
    );
    expect(f).toMatchObject({ severity: "info", cell: "B8", unit: "南岸区", value: 500 });
    expect(f.message.zh).toMatch(
      /^工作表“汇总”B8（南岸区，正式合同额本期）：500\.00亿元明显高于本列中位数\d+\.\d\d亿元（稳健Z值\d+\.\d，阈值5），请确认数据无误。$/,
    );
    expect(f.expected?.kind).toBe("range");
    const range = f.expected as { min: number; max: number };
    expect(range.min).toBeGreaterThanOrEqual(0);
    expect(range.max).toBeLessThan(500);
    expect(range.max).toBeGreaterThan(50);
  });

  test("low outliers too", () => {
    expect(
      only(
        run(
          outlier,
          sheet((v) => (v[5] = 0.5)),
        ),
      ).message.zh,
    ).toContain("明显低于本列中位数");
  });

  test("config.thresholds.outlierZ and outlierMinValues", () => {
    const model = sheet((v) => (v[5] = 500));
    expect(run(outlier, model, { config: { thresholds: { outlierZ: 1000 } } })).toEqual([]);
    expect(run(outlier, model, { config: { thresholds: { outlierMinValues: 42 } } })).toEqual([]);
  });

  test("a column where most units report the same figure has no scale (MAD 0)", () => {
    expect(
      run(
        outlier,
        sheet((v) => v.fill(10, 0, 30).splice(40, 1, 1000)),
      ),
    ).toEqual([]);
  });

  test("a unit slip is not reported again as an outlier", () => {
    const model = sheet((v) => (v[5] = 500000));
    expect(run(outlier, model)).toEqual([]);
    expect(validated(model, "unit-slip")).toHaveLength(1);
  });
});
