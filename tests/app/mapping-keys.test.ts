import { readWithSettings } from "../../src/app/check";
import { keyedOverride } from "../../src/app/mapping-keys";
import { CheckSettings, DEFAULT_SETTINGS } from "../../src/core/settings";
import { SheetGrid } from "../../src/core/sheet/types";
import { CellValue } from "../../src/core/numbers";

/** A city table whose last column's header the reader cannot know: the user maps it to 到位资金 by hand. */
function table(extraColumnAfterName = false): SheetGrid {
  const header = ["单位", "签约项目（个）", "正式合同额（亿元）", "落地资金（亿元）"];
  const rows: CellValue[][] = [
    ["2022年1-6月全市招商引资情况表", null, null, null],
    header,
    ["万州区", 12, 45.25, 18.1],
    ["黔江区", 8, 30.5, 12.2],
    ["涪陵区", 10, 41.75, 16.7],
  ];
  const values = extraColumnAfterName ? rows.map(([a, ...rest], i) => [a, i === 1 ? "备注" : null, ...rest]) : rows;
  return { name: "汇总表", values };
}

function fundsColumn(grid: SheetGrid, settings: CheckSettings) {
  const model = readWithSettings(grid, settings);
  return model.columns.find((c) => c.header.some((h) => h.includes("落地资金")));
}

describe("mapping corrections follow their header when the used range moves", () => {
  const before = readWithSettings(table(), DEFAULT_SETTINGS);
  const col = before.columns.find((c) => c.header.some((h) => h.includes("落地资金")))!.col;
  const correction = keyedOverride(before, { col, indicator: "funds-in-place" });
  const settings: CheckSettings = { ...DEFAULT_SETTINGS, mapping: { 汇总表: [correction] } };

  test("a correction made in the pane is stored with the header text it was made on", () => {
    expect(correction).toEqual({ col: 3, indicator: "funds-in-place", key: "落地资金（亿元）" });
  });

  test("the correction applies where it was made", () => {
    expect(fundsColumn(table(), settings)).toMatchObject({ col: 3, indicator: "funds-in-place", source: "user" });
  });

  test("after a column is inserted on the left, the correction applies to the same header, not the same position", () => {
    const moved = table(true);
    expect(fundsColumn(moved, settings)).toMatchObject({ col: 4, indicator: "funds-in-place", source: "user" });
    const model = readWithSettings(moved, settings);
    // Position 3 is now 正式合同额: left as the reader found it.
    expect(model.columns.find((c) => c.col === 3)).toMatchObject({ indicator: "contract-amount", source: "header" });
  });

  test("a correction stored without a key (older versions) still applies by position", () => {
    const old: CheckSettings = { ...DEFAULT_SETTINGS, mapping: { 汇总表: [{ col: 3, indicator: "funds-in-place" }] } };
    expect(fundsColumn(table(), old)).toMatchObject({ col: 3, indicator: "funds-in-place", source: "user" });
  });
});
