import { formulaError } from "../../../src/core/rules";
import { buildModel, only, run, validated } from "./build-model";

const columns = [
  { indicator: "contract-amount" as const, measure: "current" as const },
  { indicator: "contract-amount" as const, measure: "completion" as const },
];

describe("formula-error (强制性)", () => {
  test.each([
    ["#REF!", "公式引用的单元格已被删除"],
    ["#DIV/0!", "公式除以0或空白单元格"],
    ["#N/A", "查找公式未找到对应值"],
    ["#VALUE!", "公式中有文本参与运算"],
    ["#NAME?", "公式中有无法识别的名称"],
    ["#NUM!", ""],
  ])("%s is reported with the code", (code, hint) => {
    const f = only(validated(buildModel({ columns, rows: [["黔江区", 95.03, code]] }), "formula-error"));
    expect(f).toMatchObject({ severity: "error", cell: "C3", value: code, indicator: "contract-amount" });
    expect(f.message.zh).toBe(
      `工作表“汇总”C3（黔江区，正式合同额完成率）为错误值${code}${hint ? `（${hint}）` : ""}，请修正公式或改填数值。`,
    );
  });

  test("figures and blanks are not errors; a typed '#n/a' is", () => {
    expect(run(formulaError, buildModel({ columns, rows: [["黔江区", 95.03, null]] }))).toEqual([]);
    expect(only(run(formulaError, buildModel({ columns, rows: [["黔江区", "#n/a", 1]] }))).message.zh).toContain(
      "#N/A",
    );
  });

  test("an error in a footer row is not a figure", () => {
    const model = buildModel({ columns, rows: [["黔江区", 1, 1]], footer: ["#REF!"] });
    expect(run(formulaError, model)).toEqual([]);
  });
});
