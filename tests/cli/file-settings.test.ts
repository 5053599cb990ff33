import path from "node:path";
import { CheckSettings, DEFAULT_SETTINGS } from "../../src/core/settings";
import { writeSettingsSheet } from "../../src/xlsx/settings-sheet";
import { addCityTable, runCli, tempDir, writeWorkbook } from "./fixtures";

/**
 * zs-check checks a file the way it was set up where it was made (issue 10 §2): the settings stored in the
 * workbook's _zs_settings sheet are used, flags given on the command line win, and the output says which.
 */

let dir: string;
let cleanup: () => void;

const DISTRICT: CheckSettings = {
  ...DEFAULT_SETTINGS,
  period: "2022年1-9月",
  mapping: { 汇总表: [{ col: 3, key: "到位资金（亿元）", indicator: null }] },
};

interface Sheet {
  period: string | null;
  mapping: { column: string; indicator: string | null; source: string }[];
}
const sheetOf = (stdout: string): Sheet => (JSON.parse(stdout) as { files: { sheets: Sheet[] }[] }).files[0].sheets[0];

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  await writeWorkbook(path.join(dir, "district.xlsx"), (wb) => {
    addCityTable(wb);
    writeSettingsSheet(wb, DISTRICT);
  });
  await writeWorkbook(path.join(dir, "plain.xlsx"), (wb) => addCityTable(wb));
});
afterAll(() => cleanup());

describe("zs-check honours the settings stored in the file", () => {
  test("the stored period replaces the title's, and the stored mapping correction applies", async () => {
    const r = await runCli(["district.xlsx", "--format", "json"], dir);
    const sheet = sheetOf(r.stdout);
    expect(sheet.period).toBe("2022年1-9月");
    expect(sheet.mapping.find((m) => m.column === "D")).toMatchObject({ indicator: null, source: "user" });
  });

  test("the text output says that the file's settings were used, in Chinese by default", async () => {
    const r = await runCli(["district.xlsx"], dir);
    expect(r.stdout).toContain("文件 district.xlsx 保存了校验设置，按其检查：期间 2022年1-9月；1 处列/行识别更正");
  });

  test("and in English with --lang en", async () => {
    const r = await runCli(["district.xlsx", "--lang", "en"], dir);
    expect(r.stdout).toContain("district.xlsx carries check settings, which are used: period 2022年1-9月; 1 mapping correction");
  });

  test("--period overrides the stored period, and the output says so", async () => {
    const json = await runCli(["district.xlsx", "--period", "2022年1-6月", "--format", "json"], dir);
    expect(sheetOf(json.stdout).period).toBe("2022年1-6月");
    const text = await runCli(["district.xlsx", "--period", "2022年1-6月"], dir);
    expect(text.stdout).toContain("命令行参数 --period 覆盖了文件中保存的期间（2022年1-9月 → 2022年1-6月）");
  });

  test("a file without stored settings is checked as before, without a word about settings", async () => {
    const r = await runCli(["plain.xlsx"], dir);
    expect(r.stdout).not.toContain("校验设置");
    const json = await runCli(["plain.xlsx", "--format", "json"], dir);
    expect(sheetOf(json.stdout).period).toBe("2022年1-6月");
  });
});

test("--help says that stored settings are used and which flags override them, in both languages", async () => {
  expect((await runCli(["--help"], dir)).stdout).toContain("工作簿中保存了校验设置");
  expect((await runCli(["--help", "--lang", "en"], dir)).stdout).toContain("Settings stored in a workbook");
});
