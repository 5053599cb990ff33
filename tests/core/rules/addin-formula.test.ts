import { addinFormula } from "../../../src/core/rules";
import { SheetModel } from "../../../src/core/sheet/types";
import { buildModel, run, validated } from "./build-model";

const columns = [
  { indicator: "contract-amount" as const, measure: "current" as const },
  { indicator: "contract-amount" as const, measure: "previous" as const },
  { indicator: "contract-amount" as const, measure: "yoy" as const, format: "0.00%" },
];

/** A district table whose 同比 column was filled with =ZSTJ.YOY(本期, 上年同期), as the add-in's users do. */
function withYoyFormulas(units: string[]): SheetModel {
  const rows = units.map((u, i): [string, number, number, number] => [u, 100 + i, 80 + i, (100 + i) / (80 + i) - 1]);
  const model = buildModel({ columns, rows });
  const formulas = model.grid.values.map((row) => row.map((): string | null => null));
  units.forEach((_, i) => {
    formulas[2 + i][3] = `=ZSTJ.YOY(B${3 + i},C${3 + i})`;
  });
  model.grid.formulas = formulas;
  return model;
}

describe("addin-formula (提示性, one per sheet)", () => {
  test("a sheet with ZSTJ.* formulas gets one note naming 报送前固化, the count and the first cells", () => {
    const findings = run(addinFormula, withYoyFormulas(["渝中区", "大渡口区", "江北区", "沙坪坝区"]));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: "addin-formula", severity: "info", cell: null, sheet: "汇总" });
    expect(findings[0].message.zh).toBe(
      "本表有4个单元格使用加载项函数ZSTJ.*（D3、D4、D5等），未安装加载项的电脑（市局、WPS）会显示#NAME?：报送前请在加载项中执行“报送前固化”，将其转为数值。",
    );
    expect(findings[0].message.en).toContain('run "Freeze before sending"');
  });

  test("a sheet of typed figures and built-in formulas gets nothing", () => {
    const model = buildModel({ columns, rows: [["渝中区", 100, 80, 0.25]] });
    model.grid.formulas = model.grid.values.map((row) => row.map(() => "=SUM(B3:C3)"));
    expect(run(addinFormula, model)).toEqual([]);
  });

  test("the engine runs it with the other rules", () => {
    expect(validated(withYoyFormulas(["渝中区"]), "addin-formula")).toHaveLength(1);
  });
});
