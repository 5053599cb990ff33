/* The pane's and page's 上期报表 setting: the checked sheet is compared with the named sheet, and the choice survives being saved. */
import { checkSheet } from "../../src/app/check";
import { CellValue } from "../../src/core/numbers";
import { DEFAULT_SETTINGS, normalizeSettings } from "../../src/core/settings";
import { SheetGrid } from "../../src/core/sheet/types";

function grid(name: string, title: string, yubei: number): SheetGrid {
  const values: CellValue[][] = [
    [title, null],
    ["单位：亿元", null],
    ["区县", "正式合同额"],
    ["渝北区", yubei],
    ["江北区", 20],
  ];
  return { name, values };
}

const JUNE = grid("1-6月", "2022年1—6月渝北区、江北区招商引资情况表", 100);
const MAY = grid("1-5月", "2022年1—5月渝北区、江北区招商引资情况表", 105);
const LAST_YEAR = grid("2021年1-5月", "2021年1—5月渝北区、江北区招商引资情况表", 90);

describe("previousSheet in the settings", () => {
  test("set: the sheet is compared with it and the fall in 渝北区's cumulative figure is 核实性", () => {
    const checked = checkSheet(JUNE, { ...DEFAULT_SETTINGS, previousSheet: "1-5月" }, { previousGrid: MAY });
    expect(checked.previousRefused).toBeNull();
    const f = checked.result.findings.filter((x) => x.rule === "cumulative-decrease");
    expect(f.map((x) => `${x.unit} ${x.cell}`)).toEqual(["渝北区 B4"]);
    expect(f[0].message.zh).toContain("低于上期报表“1-5月”（2022年1-5月）的累计105.00亿元");
    expect(checked.result.summary.verify).toBeGreaterThanOrEqual(1);
  });

  test("not set, or set without its grid: no comparison", () => {
    const rules = (s: typeof DEFAULT_SETTINGS, previousGrid?: SheetGrid) =>
      checkSheet(JUNE, s, { previousGrid }).result.findings.map((f) => f.rule);
    expect(rules(DEFAULT_SETTINGS, MAY)).not.toContain("cumulative-decrease");
    expect(rules({ ...DEFAULT_SETTINGS, previousSheet: "1-5月" })).not.toContain("cumulative-decrease");
  });

  test("a sheet of another year is refused with both periods named, and the sheet's own findings stand", () => {
    const checked = checkSheet(JUNE, { ...DEFAULT_SETTINGS, previousSheet: "2021年1-5月" }, { previousGrid: LAST_YEAR });
    expect(checked.previousRefused?.zh).toBe(
      "上期报表应为同一年度更早的期别：本期“1-6月”（2022年1-6月），上期“2021年1-5月”（2021年1-5月），不能对比。",
    );
    expect(checked.result.findings.some((f) => f.rule === "cumulative-decrease")).toBe(false);
  });

  test("it is kept when settings are read back from a workbook, and absent when never set", () => {
    expect(normalizeSettings({ ...DEFAULT_SETTINGS, previousSheet: "1-5月" }).previousSheet).toBe("1-5月");
    expect(normalizeSettings({ ...DEFAULT_SETTINGS, previousSheet: " " }).previousSheet).toBeUndefined();
    expect(normalizeSettings({ ...DEFAULT_SETTINGS }).previousSheet).toBeUndefined();
  });
});
