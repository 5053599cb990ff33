import { IndicatorId } from "../../../src/core/catalog";
import { partExceedsWhole } from "../../../src/core/rules";
import { Measure } from "../../../src/core/sheet/types";
import { buildModel, only, run, validated } from "./build-model";

const col = (indicator: IndicatorId, measure: Measure = "current", format?: string) => ({
  indicator,
  measure,
  ...(format ? { format } : {}),
});

describe("part-exceeds-whole (强制性)", () => {
  test("黔江 2022 上半年: 工业 59.47 of 合同额 95.03, 开工 ≤ 签约, 市外 ≤ 到位 all pass", () => {
    const columns = [
      col("contract-amount"),
      col("industrial-contract-amount"),
      col("signed-projects"),
      col("new-started-projects"),
      col("funds-in-place"),
      col("outside-city-funds"),
    ];
    const model = buildModel({ columns, rows: [["黔江区", 95.03, 59.47, 29, 12, 12.59, 12.59]] });
    expect(run(partExceedsWhole, model)).toEqual([]);
  });

  test.each([
    [
      ["industrial-contract-amount", "contract-amount"],
      [96, 95.03],
      "其中工业合同额本期96.00亿元大于正式合同额本期95.03亿元（B3）",
    ],
    [["new-started-projects", "signed-projects"], [30, 29], "其中新开工项目数本期30个大于签约项目数本期29个（B3）"],
    [
      ["outside-city-funds", "funds-in-place"],
      [12.65, 12.59],
      "其中市外到位资金本期12.65亿元大于到位资金本期12.59亿元（B3）",
    ],
    [["performing-projects", "signed-projects"], [30, 29], "其中履约项目数本期30个大于签约项目数本期29个（B3）"],
  ] as [IndicatorId[], number[], string][])("%p: a part larger than its whole", ([part, whole], [p, w], text) => {
    const model = buildModel({ columns: [col(whole), col(part)], rows: [["黔江区", w, p]] });
    const f = only(validated(model, "part-exceeds-whole"));
    expect(f).toMatchObject({
      severity: "error",
      cell: "C3",
      unit: "黔江区",
      indicator: part,
      value: p,
      related: ["B3"],
    });
    expect(f.message.zh).toContain(text);
  });

  test("the same measure is compared: a 目标 part against the 目标 whole", () => {
    const columns = [
      col("contract-amount", "current"),
      col("contract-amount", "target"),
      col("industrial-contract-amount", "current"),
      col("industrial-contract-amount", "target"),
    ];
    const model = buildModel({ columns, rows: [["黔江区", 95.03, 160, 59.47, 170]] });
    expect(only(run(partExceedsWhole, model)).cell).toBe("E3");
  });

  test("printed to different precisions, a gap within half a unit of each is not certain", () => {
    // The whole printed to 1 decimal (59.5 may be 59.45); the part to 2.
    const columns = [col("contract-amount", "current", "0.0"), col("industrial-contract-amount", "current", "0.00")];
    expect(run(partExceedsWhole, buildModel({ columns, rows: [["黔江区", 59.5, 59.52]] }))).toEqual([]);
    expect(only(run(partExceedsWhole, buildModel({ columns, rows: [["黔江区", 59.5, 59.6]] }))).cell).toBe("C3");
  });

  test("blanks are not compared", () => {
    const model = buildModel({
      columns: [col("contract-amount"), col("industrial-contract-amount")],
      rows: [["黔江区", null, 59.47]],
    });
    expect(run(partExceedsWhole, model)).toEqual([]);
  });
});
