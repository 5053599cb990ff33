import { isTargetsOnlySheet, targetsFromModel } from "../../src/core/targets";
import { buildModel } from "./rules/build-model";

describe("targetsFromModel", () => {
  test("the target columns of a data sheet, by unit code, in the indicator's default unit", () => {
    const model = buildModel({
      columns: [
        { indicator: "contract-amount", measure: "current" },
        { indicator: "contract-amount", measure: "target" },
        { indicator: "funds-in-place", measure: "target", unit: "万元" },
        { indicator: "signed-projects", measure: "target" },
      ],
      rows: [
        ["全市", 10842, 18500, 42000000, 3000],
        ["黔江区", 95.03, 160, 250000, 40],
        ["渝北", 800, "-", null, "30个"],
        ["壁山区", 1, 2, 3, 4],
      ],
      origin: { row: 2, col: 0 },
    });
    const table = targetsFromModel(model);
    expect(table.source).toBe("汇总");
    expect([...table.byUnit.keys()]).toEqual(["qianjiang", "yubei", "壁山区"]);
    expect(table.byUnit.get("qianjiang")).toEqual({
      "contract-amount": { value: 160, raw: 160, sheet: "汇总", cell: "C6" },
      "funds-in-place": { value: 25, raw: 250000, sheet: "汇总", cell: "D6" },
      "signed-projects": { value: 40, raw: 40, sheet: "汇总", cell: "E6" },
    });
    // "-" is no target, and remembered as a dash; a blank is no target too.
    expect(table.byUnit.get("yubei")).toEqual({
      "contract-amount": { value: null, raw: "-", sheet: "汇总", cell: "C7" },
      "funds-in-place": { value: null, raw: null, sheet: "汇总", cell: "D7" },
      "signed-projects": { value: 30, raw: "30个", sheet: "汇总", cell: "E7" },
    });
  });

  test("a targets-only sheet: its indicator columns (no measure word) are the targets", () => {
    const model = buildModel({
      title: "2022年各区县招商引资目标任务分解表",
      columns: [
        { indicator: "contract-amount", measure: "current", header: ["正式合同额"] },
        { indicator: "funds-in-place", measure: "current", header: ["到位资金"] },
      ],
      rows: [
        ["黔江区", 160, 25],
        ["渝北区", 800, 190],
      ],
    });
    expect(isTargetsOnlySheet(model)).toBe(true);
    expect(targetsFromModel(model).byUnit.get("yubei")?.["funds-in-place"]?.value).toBe(190);
  });

  test("a data sheet without target columns gives an empty table", () => {
    const model = buildModel({
      columns: [{ indicator: "contract-amount", measure: "current", header: ["正式合同额", "本期"] }],
      rows: [["黔江区", 95.03]],
    });
    expect(isTargetsOnlySheet(model)).toBe(false);
    expect(targetsFromModel(model).byUnit.size).toBe(0);
  });

  test("a sheet whose columns say 本期 is not a targets sheet, whatever its title says", () => {
    const model = buildModel({
      title: "2022年1-6月目标任务完成情况",
      columns: [{ indicator: "contract-amount", measure: "current", header: ["正式合同额", "本期"] }],
      rows: [["黔江区", 95.03]],
    });
    expect(isTargetsOnlySheet(model)).toBe(false);
  });

  test("a unit listed twice keeps its first target", () => {
    const model = buildModel({
      columns: [{ indicator: "contract-amount", measure: "target" }],
      rows: [
        ["黔江区", 160],
        ["黔江", 170],
      ],
    });
    expect(targetsFromModel(model).byUnit.get("qianjiang")?.["contract-amount"]?.value).toBe(160);
  });

  test("a model without resolutions is resolved with the registry at the sheet's period", () => {
    const model = buildModel({
      columns: [{ indicator: "contract-amount", measure: "target" }],
      rows: [["两江新区", 500]],
      unresolved: true,
    });
    expect([...targetsFromModel(model).byUnit.keys()]).toEqual(["liangjiang"]);
  });
});
