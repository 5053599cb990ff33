import { chongqing } from "../../../src/core/units";
import { TOTAL_ROW_LABELS } from "../../../src/core/units/total-rows";
import { isAggregateRowName, share, totalOf } from "../../../src/core/indicators";
import { valueOf } from "./helpers";

// Three units and the rows a consolidated sheet carries around them.
const NAMES = ["全市", "渝中区", "主城都市区小计", "江北区", "黔江区", "合 计"];
const VALUES = [100, 20, 50, 30, 50, 100];

describe("share of the city total", () => {
  test("with a given total", () => {
    expect(valueOf(share(25, 200))).toBe(0.125);
  });

  test("with names, total and subtotal rows are left out of the sum", () => {
    expect(valueOf(totalOf(VALUES, NAMES))).toBe(20 + 30 + 50);
    expect(valueOf(share(20, VALUES, NAMES))).toBe(0.2);
  });

  test("without names every numeric entry counts (nothing says which rows are totals)", () => {
    expect(valueOf(share(20, VALUES))).toBe(20 / 350);
  });

  test("blank and non-finite entries are skipped", () => {
    expect(valueOf(share(10, [10, null, 30, Number.NaN]))).toBe(0.25);
  });

  test("a custom aggregate test replaces the built-in one", () => {
    const isGroupRow = (name: string): boolean => name === "主城都市区小计" || name === "全市" || name === "合 计";
    const withGroupNamed = ["全市", "渝中区", "主城都市区小计", "江北区", "黔江区", "合 计"];
    expect(valueOf(share(20, VALUES, withGroupNamed, isGroupRow))).toBe(0.2);
    expect(valueOf(share(20, VALUES, NAMES, () => false))).toBe(20 / 350);
  });

  test.each([
    ["no value", () => share(null, 100), "missing-input", "无本单位数"],
    ["no total", () => share(10, null), "missing-input", "无全市合计"],
    ["total zero", () => share(10, 0), "invalid-input", "合计为0"],
    ["summed total zero", () => share(0, [0, 0]), "invalid-input", "合计为0"],
    ["negative total", () => share(10, -5), "invalid-input", "合计为负：-5"],
    ["nothing to add up", () => share(10, [null, null]), "missing-input", "无可合计的单位数值"],
    [
      "names and values differ in length",
      () => share(10, [10, 20], ["渝中区"]),
      "invalid-input",
      "单位名称（1个）与数值（2个）个数不一致",
    ],
  ])("%s", (_case, run, reason, zh) => {
    const outcome = run();
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.reason).toBe(reason);
      expect(outcome.message.zh).toBe(zh);
    }
  });
});

describe("isAggregateRowName", () => {
  test.each([
    "全市",
    "合计",
    "总计",
    "小计",
    "全市合计",
    "全市总计",
    "全市汇总",
    "共计",
    " 全 市 ",
    "合　计",
    "主城都市区小计",
    "渝东北合计",
  ])("%p is a total row", (name) => expect(isAggregateRowName(name)).toBe(true));

  test.each(["渝中区", "两江新区", "万盛经开区", "主城都市区", "全市场", "合川区"])("%p is not", (name) =>
    expect(isAggregateRowName(name)).toBe(false),
  );

  test("the region's own name is a total row where its registry says so", () => {
    expect(isAggregateRowName("重庆市")).toBe(false);
    expect(chongqing.isAggregateName("重庆市")).toBe(true);
  });

  test("the registry and the share indicator read the same total-row vocabulary", () => {
    for (const label of TOTAL_ROW_LABELS) {
      expect(isAggregateRowName(label)).toBe(true);
      expect(chongqing.resolve(label)).toMatchObject({ status: "aggregate", kind: "total" });
    }
  });
});
