import { parseSettingsRows, settingsRows, SETTINGS_SHEET, isSettingsSheet } from "../../src/app/settings-sheet";
import { CheckSettings, DEFAULT_SETTINGS } from "../../src/core/settings";

const DISTRICT: CheckSettings = {
  ...DEFAULT_SETTINGS,
  preset: "chongqing-2020",
  period: "2022年1-9月",
  targets: { kind: "sheet", sheet: "年度目标" },
  thresholds: { ...DEFAULT_SETTINGS.thresholds, behindScheduleVerify: 15 },
  mapping: {
    汇总表: [
      { col: 3, key: "到位资金（亿元）", indicator: "funds-in-place", measure: "current", unit: "亿元" },
      { col: 5, key: "备注", indicator: null },
    ],
    表单: [{ col: 0, row: 6, key: "新开工项目", indicator: "new-started-projects" }],
  },
  lang: "en",
  onlyPresentUnits: true,
};

describe("the settings sheet (one documented format for Excel, the page and zs-check)", () => {
  test("settings written as rows read back the same", () => {
    expect(parseSettingsRows(settingsRows(DISTRICT))).toEqual(DISTRICT);
  });

  test("default settings read back as the defaults", () => {
    expect(parseSettingsRows(settingsRows(DEFAULT_SETTINGS))).toEqual({ ...DEFAULT_SETTINGS });
  });

  test("every cell written is text, with a format row first that names the format and its version", () => {
    const rows = settingsRows(DISTRICT);
    expect(rows[0]).toEqual(["format", "zs-settings", "1"]);
    expect(rows.flat().every((c) => typeof c === "string")).toBe(true);
    expect(rows).toContainEqual(["period", "2022年1-9月"]);
    expect(rows).toContainEqual(["targets", "sheet", "年度目标"]);
    expect(rows).toContainEqual(["threshold", "behindScheduleVerify", "15"]);
    expect(rows).toContainEqual(["mapping", "汇总表", "column", "到位资金（亿元）", "3", "funds-in-place", "current", "亿元"]);
    expect(rows).toContainEqual(["mapping", "汇总表", "column", "备注", "5", "none", "", ""]);
  });

  test("only thresholds that differ from the defaults are written", () => {
    expect(settingsRows(DEFAULT_SETTINGS).filter((r) => r[0] === "threshold")).toEqual([]);
  });

  test("a sheet of that name without the format row is not taken for ours", () => {
    expect(parseSettingsRows([["preset", "chongqing-2024"], ["period", "1-3月"]])).toBeNull();
  });

  test("values read from cells are trimmed, numbers as typed over are accepted, unknown and broken rows ignored", () => {
    const read = parseSettingsRows([
      ["format", "zs-settings", 1],
      ["period", " 2023年1-3月 "],
      ["threshold", "outlierZ", 4],
      ["threshold", "outlierZ2", "x"],
      ["mapping", "汇总表", "column", "x", "-1", "contract-amount"],
      ["colour", "red"],
      [],
    ]);
    expect(read).toEqual({ ...DEFAULT_SETTINGS, period: "2023年1-3月", thresholds: { ...DEFAULT_SETTINGS.thresholds, outlierZ: 4 } });
  });

  test("the sheet name is compared as Excel does, without regard to case", () => {
    expect(SETTINGS_SHEET).toBe("_zs_settings");
    expect(isSettingsSheet("_ZS_Settings")).toBe(true);
    expect(isSettingsSheet("settings")).toBe(false);
  });
});
