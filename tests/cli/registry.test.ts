/* --registry: another city's unit list, in the same JSON format as the bundled Chongqing registry. */
import { copyFileSync } from "node:fs";
import path from "node:path";
import { addCityTable, runCli, tempDir, writeWorkbook } from "./fixtures";

const SAMPLE_CITY = path.resolve(__dirname, "../core/units/fixtures/sample-city.json");

describe("zs-check --registry", () => {
  test("checks a sheet against another city's units: its own names resolve, the missing one is reported", async () => {
    const { dir, cleanup } = tempDir();
    try {
      copyFileSync(SAMPLE_CITY, path.join(dir, "city.json"));
      await writeWorkbook(path.join(dir, "sheet.xlsx"), (wb) =>
        addCityTable(wb, { title: "2022年1-6月示例市招商引资完成情况表", rows: [["青山", 12, 40.25, 16.1, 88], ["经开区", 8, 30.5, 12.2, 70]], withTotal: false }),
      );
      const { code, stdout } = await runCli(["sheet.xlsx", "--registry", "city.json", "--format", "json"], dir);
      const findings = JSON.parse(stdout).files[0].sheets[0].findings as { rule: string; unit: string }[];
      expect(findings.filter((f) => f.rule === "unknown-unit")).toEqual([]);
      expect(findings.filter((f) => f.rule === "missing-unit").map((f) => f.unit)).toEqual(["白水县"]);
      expect(code).toBe(1);
    } finally {
      cleanup();
    }
  });

  test("an unreadable or invalid registry, or a preset it does not have, is a bad invocation (exit 2) naming the file", async () => {
    const { dir, cleanup } = tempDir();
    try {
      await writeWorkbook(path.join(dir, "sheet.xlsx"), (wb) => addCityTable(wb));
      const missing = await runCli(["sheet.xlsx", "--registry", "nowhere.json"], dir);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain("无法读取单位名录 nowhere.json");

      copyFileSync(path.resolve(__dirname, "../../package.json"), path.join(dir, "bad.json"));
      const invalid = await runCli(["sheet.xlsx", "--registry", "bad.json"], dir);
      expect(invalid.code).toBe(2);
      expect(invalid.stderr).toContain("单位名录 bad.json 有误");

      copyFileSync(SAMPLE_CITY, path.join(dir, "city.json"));
      const preset = await runCli(["sheet.xlsx", "--registry", "city.json", "--preset", "chongqing-2020"], dir);
      expect(preset.code).toBe(2);
      expect(preset.stderr).toContain("可用：sample-all");
    } finally {
      cleanup();
    }
  });
});
