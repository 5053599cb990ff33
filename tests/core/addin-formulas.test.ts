import { addinFormulaCells, callsAddinFunction } from "../../src/core/addin-formulas";

describe("callsAddinFunction: which formulas depend on the add-in", () => {
  test.each([
    ["=ZSTJ.YOY(C5,D5)", "as Range.formulas gives it inside Excel"],
    ["=zstj.completion(C5,E5)", "in any case"],
    ["=_xldudf_ZSTJ_YOY(C5,D5)", "as the saved file stores it (office-js #2568, #3558)"],
    ["=[2]!_xldudf_ZSTJ_YOY(C5,D5)", "behind a workbook prefix (office-js #2568)"],
    ["=ZSTJ.同比增速(C5,D5)", "under a Chinese display name"],
    ["=ROUND(ZSTJ.YOY(C5,D5),4)*100", "mixed with built-in functions"],
    ["=IFERROR(ZSTJ.PACE(C5, E5, 6), \"—\")", "inside another call"],
  ])("%s is an add-in formula (%s)", (formula) => {
    expect(callsAddinFunction(formula)).toBe(true);
  });

  test.each([
    ["=SUM(C5:C45)", "built-in functions only"],
    ['="ZSTJ.YOY(C5)"', "the name inside a text literal"],
    ["=XZSTJ.YOY(C5)", "a longer name that ends in ZSTJ"],
    ["=ZS_TABLE!C5", "a sheet reference"],
    ["", "no formula"],
  ])("%s is not (%s)", (formula) => {
    expect(callsAddinFunction(formula)).toBe(false);
  });

  test("cells are named where the sheet has them (the grid's origin counts)", () => {
    const grid = {
      name: "表1",
      values: [
        [1, 2],
        [3, 4],
      ],
      formulas: [
        [null, "=ZSTJ.YOY(B2,C2)"],
        ["=SUM(B2:B3)", "=_xldudf_ZSTJ_COMPLETION(B3,D3)"],
      ],
      origin: { row: 2, col: 1 },
    };
    expect(addinFormulaCells(grid)).toEqual(["C3", "C4"]);
  });
});
