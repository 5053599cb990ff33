import { invalidUnit } from "../../../src/core/rules";
import { buildModel, run, validated } from "./build-model";

const columns = [{ indicator: "contract-amount" as const, measure: "current" as const }];

describe("invalid-unit (核实性)", () => {
  test("江北区 in a 2026 sheet is a unit outside its validity, naming its successor", () => {
    const model = buildModel({
      columns,
      rows: [
        ["渝中区", 1],
        ["江北区", 2],
      ],
      title: "2026年1-3月全市招商引资主要指标完成情况表",
    });
    const [f] = validated(model, "invalid-unit");
    expect(f).toMatchObject({ severity: "verify", cell: "A4", unit: "江北区", value: "江北区", expected: { kind: "name", name: "两江新区" } });
    expect(f.message.zh).toContain("工作表“汇总”A4：江北区已撤销，并入两江新区");
    expect(f.message.zh).toContain("请核对是否应填报为“两江新区”");
  });

  test("江北区 in a 2022 sheet is valid", () => {
    const model = buildModel({
      columns,
      rows: [
        ["渝中区", 1],
        ["江北区", 2],
      ],
    });
    expect(run(invalidUnit, model)).toEqual([]);
  });

  test("config.year dates a sheet whose title gives none", () => {
    const model = buildModel({
      columns,
      rows: [
        ["渝中区", 1],
        ["渝北区", 2],
      ],
      title: "1-6月招商引资主要指标",
    });
    expect(run(invalidUnit, model)).toEqual([]);
    expect(run(invalidUnit, model, { config: { year: 2026 } }).map((f) => [f.unit, f.expected])).toEqual([
      ["渝北区", { kind: "name", name: "两江新区" }],
    ]);
  });
});
