/* The pane's and page's 只校验表中列出的单位 setting reaches the engine and survives being saved in the workbook. */
import { checkSheet } from "../../src/app/check";
import { CellValue } from "../../src/core/numbers";
import { DEFAULT_SETTINGS, normalizeSettings } from "../../src/core/settings";
import { SheetGrid } from "../../src/core/sheet/types";

/** A city table of 2022 that leaves out 城口县 and 巫溪县: a 全市 row, so it is the city's. */
function cityGrid(): SheetGrid {
  const units = ["渝中区", "大渡口区", "江北区", "沙坪坝区", "九龙坡区", "南岸区", "北碚区", "渝北区", "巴南区"];
  const values: CellValue[][] = [
    ["2022年1—6月全市招商引资主要指标完成情况表", null],
    ["单位：亿元", null],
    ["区县", "正式合同额"],
    ["全市", 90],
    ...units.map((u): CellValue[] => [u, 10]),
  ];
  return { name: "1-6月", values };
}

describe("onlyPresentUnits in the settings", () => {
  test("off: the absent units of a city table are one 强制性 finding; on: one 提示", () => {
    const missing = (settings: typeof DEFAULT_SETTINGS) =>
      checkSheet(cityGrid(), settings).result.findings.filter((f) => f.rule === "missing-unit").map((f) => f.severity);
    expect(missing(DEFAULT_SETTINGS)).toEqual(["error"]);
    expect(missing({ ...DEFAULT_SETTINGS, onlyPresentUnits: true })).toEqual(["info"]);
  });

  test("it is kept when settings are read back from a workbook, and absent when never set", () => {
    expect(normalizeSettings({ ...DEFAULT_SETTINGS, onlyPresentUnits: true }).onlyPresentUnits).toBe(true);
    expect(normalizeSettings({ ...DEFAULT_SETTINGS }).onlyPresentUnits).toBeUndefined();
  });
});
