import { unknownUnit } from "../../../src/core/rules";
import { buildModel, run, validated } from "./build-model";

const columns = [{ indicator: "contract-amount" as const, measure: "current" as const }];

describe("unknown-unit (强制性)", () => {
  test("official names, aliases and stray spaces all resolve", () => {
    const model = buildModel({
      columns,
      rows: [
        ["璧山区", 1],
        ["石柱县", 2],
        ["高新区", 3],
        [" 渝 北 ", 4],
        ["万盛", 5],
      ],
    });
    expect(run(unknownUnit, model)).toEqual([]);
  });

  test.each([
    ["壁山区", "璧山区"],
    ["棋江区", "綦江区"],
  ])("a look-alike typo %s names the registry's suggestion %s", (typed, suggested) => {
    const model = buildModel({
      columns,
      rows: [
        ["黔江区", 1],
        [typed, 2],
      ],
    });
    const [f] = validated(model, "unknown-unit");
    expect(f).toMatchObject({
      severity: "error",
      cell: "A4",
      row: 4,
      column: "A",
      unit: typed,
      value: typed,
      expected: { kind: "name", name: suggested },
    });
    expect(f.message.zh).toBe(`工作表“汇总”A4：“${typed}”不是重庆市的统计单位，是否为“${suggested}”？`);
    expect(f.message.en).toContain(`did you mean ${suggested}?`);
  });

  test("a label like no unit has no suggestion", () => {
    const model = buildModel({
      columns,
      rows: [
        ["黔江区", 1],
        ["火星基地", 2],
      ],
    });
    const [f] = run(unknownUnit, model);
    expect(f.expected).toBeUndefined();
    expect(f.message.zh).not.toContain("是否为");
  });

  test("a model whose reader did not resolve labels is resolved by the engine", () => {
    const model = buildModel({
      columns,
      rows: [
        ["黔江区", 1],
        ["壁山区", 2],
      ],
      unresolved: true,
    });
    expect(run(unknownUnit, model).map((f) => f.expected)).toEqual([{ kind: "name", name: "璧山区" }]);
  });
});
