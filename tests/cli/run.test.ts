import ExcelJS from "exceljs";
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  UNITS_2020,
  addCityTable,
  addDistrictForm,
  addDistrictTable,
  cleanRows,
  plantedRows,
  runCli,
  sha256,
  tempDir,
  writeWorkbook,
} from "./fixtures";

/**
 * zs-check end to end, in-process: real workbooks written with exceljs into a temp folder, run() with captured
 * streams. One folder for the suite; tests that write (--out) use their own subfolders.
 */

let dir: string;
let cleanup: () => void;

interface JsonFinding {
  rule: string;
  severity: string;
  cell: string | null;
  unit: string | null;
  message: string;
  file?: string | null;
}
interface JsonReport {
  files: { file: string; sheets: { sheet: string; period: string | null; preset: string | null; findings: JsonFinding[] }[]; error?: { reason: string; message: string } }[];
  batch: { findings: JsonFinding[] };
}

const parse = (stdout: string): JsonReport => JSON.parse(stdout) as JsonReport;

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  await writeWorkbook(path.join(dir, "clean.xlsx"), (wb) => addCityTable(wb));
  await writeWorkbook(path.join(dir, "planted.xlsx"), (wb) => addCityTable(wb, { rows: plantedRows() }));
  writeFileSync(path.join(dir, "random.xlsx"), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)));
  copyFileSync(path.join(dir, "clean.xlsx"), path.join(dir, "binary.xlsb"));

  // A workbook as districts send them: a cover sheet, a hidden helper, last run's 校验结果, and the table.
  await writeWorkbook(path.join(dir, "mixed.xlsx"), (wb) => {
    wb.addWorksheet("封面").addRow(["2022年1-6月招商引资统计报表"]);
    const helper = addCityTable(wb, { sheetName: "辅助", rows: plantedRows() });
    helper.state = "hidden";
    addCityTable(wb, { sheetName: "校验结果", rows: plantedRows() });
    addCityTable(wb, { sheetName: "数据" });
  });
  await writeWorkbook(path.join(dir, "notes-only.xlsx"), (wb) => {
    wb.addWorksheet("说明").addRow(["本表无数据"]);
  });
  await writeWorkbook(path.join(dir, "no-period.xlsx"), (wb) => addCityTable(wb, { title: "全市招商引资主要指标完成情况表" }));

  // Targets: a notes sheet first, then a targets-only sheet without 万州区.
  await writeWorkbook(path.join(dir, "targets.xlsx"), (wb) => {
    wb.addWorksheet("说明").addRow(["2022年目标"]);
    const ws = wb.addWorksheet("目标任务");
    ws.addRow(["2022年1-12月各区县招商引资目标任务表"]);
    ws.addRow(["单位：亿元"]);
    ws.addRow(["区县", "正式合同额", "到位资金"]);
    UNITS_2020.forEach((u, i) => {
      if (u !== "万州区") ws.addRow([u, 100 + i, 40 + i]);
    });
  });

  mkdirSync(path.join(dir, "districts"));
  await writeWorkbook(path.join(dir, "districts", "渝中区.xlsx"), (wb) => addDistrictTable(wb, "渝中区", 0));
  await writeWorkbook(path.join(dir, "districts", "渝中区（更正）.xlsx"), (wb) => addDistrictTable(wb, "渝中区", 0));
  await writeWorkbook(path.join(dir, "districts", "江北区.xlsx"), (wb) => addDistrictTable(wb, "江北区", 2));
  writeFileSync(path.join(dir, "districts", "~$渝中区.xlsx"), "lock");
  await writeWorkbook(path.join(dir, "form.xlsx"), (wb) => addDistrictForm(wb, "北碚区"));
});

afterAll(() => cleanup());

describe("exit status", () => {
  it("is 0 for a clean 41-unit sheet", async () => {
    const r = await runCli(["clean.xlsx"], dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("clean.xlsx · 工作表 汇总表 · 2022年1-6月 · 预设 chongqing-2020 · 强制性 0 · 核实性 0 · 提示性 0");
  });

  it("is 1 when there are error-level findings, and the planted issues are all reported", async () => {
    const r = await runCli(["planted.xlsx", "--format", "json"], dir);
    expect(r.code).toBe(1);
    const findings = parse(r.stdout).files[0].sheets[0].findings;
    const rules = (rule: string) => findings.filter((f) => f.rule === rule);
    expect(rules("duplicate-unit").map((f) => f.unit)).toEqual(["渝中区", "渝中区"]);
    expect(rules("unknown-unit")[0]).toMatchObject({ severity: "error", unit: "壁山区" });
    expect(rules("unknown-unit")[0].message).toContain("璧山区");
    expect(rules("text-number")[0]).toMatchObject({ unit: "江北区" });
    expect(rules("unit-slip")[0]).toMatchObject({ unit: "南岸区", severity: "verify" });
  });

  it("is 2 with usage for no files at all", async () => {
    const r = await runCli([], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("zs-check: 没有指定要检查的文件");
    expect(r.stderr).toContain("用法：zs-check");
  });

  it("is 2 for an unknown option, a bad period and an unknown preset", async () => {
    expect((await runCli(["clean.xlsx", "--colour"], dir)).code).toBe(2);
    const period = await runCli(["clean.xlsx", "--period", "2022-13"], dir);
    expect(period.code).toBe(2);
    expect(period.stderr).toContain("无法识别的期间“2022-13”");
    const preset = await runCli(["clean.xlsx", "--preset", "chongqing-1997"], dir);
    expect(preset.code).toBe(2);
    expect(preset.stderr).toContain("未知的预设");
  });

  it("is 2 when nothing matches", async () => {
    const r = await runCli(["nothing/*.xlsx"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("nothing/*.xlsx 没有匹配到任何工作簿");
  });
});

describe("a batch with an unreadable file", () => {
  it("still checks and reports the others, names the bad file and its reason, and exits 2", async () => {
    const r = await runCli(["clean.xlsx", "random.xlsx", "planted.xlsx", "--format", "json"], dir);
    expect(r.code).toBe(2);
    const report = parse(r.stdout);
    expect(report.files.map((f) => f.file)).toEqual(["clean.xlsx", "random.xlsx", "planted.xlsx"]);
    expect(report.files[0].sheets).toHaveLength(1);
    expect(report.files[2].sheets[0].findings.length).toBeGreaterThan(0);
    expect(report.files[1].sheets).toEqual([]);
    expect(report.files[1].error?.reason).toBe("not-a-zip");
    expect(r.stderr).toContain("zs-check: 文件 random.xlsx 不是有效的 .xlsx 工作簿");
  });

  it("reports the reason in English with --lang en", async () => {
    const r = await runCli(["clean.xlsx", "random.xlsx", "--lang", "en"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("zs-check: File random.xlsx is not a valid .xlsx workbook");
    expect(r.stdout).toContain("random.xlsx · not checked");
  });

  it("refuses an .xlsb without reading it as a workbook", async () => {
    const r = await runCli(["binary.xlsb", "--format", "json"], dir);
    expect(r.code).toBe(2);
    expect(parse(r.stdout).files[0].error?.reason).toBe("binary-xlsb");
    expect(r.stderr).toContain(".xlsb 二进制工作簿，不支持");
  });

  it("refuses a file over --max-size before reading it", async () => {
    const r = await runCli(["clean.xlsx", "--max-size", "0.001", "--format", "json"], dir);
    expect(r.code).toBe(2);
    expect(parse(r.stdout).files[0].error?.reason).toBe("too-large");
    expect(r.stderr).toContain("超过上限");
  });
});

describe("JSON output", () => {
  it("has exactly the specified keys, a period label and the preset", async () => {
    const r = await runCli(["planted.xlsx", "random.xlsx", "--format", "json"], dir);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(["schemaVersion", "files", "batch"]);
    expect(Object.keys(json.files[0])).toEqual(["file", "sheets", "annotatedCopy", "notes"]);
    expect(Object.keys(json.files[1])).toEqual(["file", "sheets", "annotatedCopy", "notes", "error"]);
    const sheet = json.files[0].sheets[0];
    expect(Object.keys(sheet)).toEqual(["sheet", "period", "preset", "mapping", "findings", "summary", "explained"]);
    expect(sheet.period).toBe("2022年1-6月");
    expect(sheet.preset).toBe("chongqing-2020");
    expect(Object.keys(sheet.summary)).toEqual(["error", "verify", "info"]);
    expect(Object.keys(sheet.findings[0])).toEqual([
      "rule",
      "severity",
      "sheet",
      "cell",
      "row",
      "column",
      "unit",
      "indicator",
      "value",
      "expected",
      "details",
      "message",
      "messages",
      "explanation",
    ]);
    expect(sheet.mapping.find((m: { column: string }) => m.column === "C")).toMatchObject({ indicator: "contract-amount", measure: "current" });
    expect(json.batch).toEqual({ findings: [] });
  });
});

describe("text output", () => {
  it("is plain when stdout is not a terminal", async () => {
    const r = await runCli(["planted.xlsx"], dir, { isTTY: false });
    expect(r.stdout).not.toContain("\x1b");
    expect(r.stdout).toContain("强制性");
  });

  it("is coloured on a terminal, and plain again with NO_COLOR", async () => {
    const tty = await runCli(["planted.xlsx"], dir, { isTTY: true });
    expect(tty.stdout).toContain("\x1b[31m强制性\x1b[0m");
    expect(tty.stdout).toContain("\x1b[33m核实性\x1b[0m");
    const noColor = await runCli(["planted.xlsx"], dir, { isTTY: true, env: { NO_COLOR: "1" } });
    expect(noColor.stdout).not.toContain("\x1b");
  });

  it("aligns the table although unit names are double-width", async () => {
    const r = await runCli(["planted.xlsx"], dir);
    const rows = r.stdout.split("\n").filter((l) => /^ {2}(强制性|核实性|提示性) /.test(l));
    expect(rows.length).toBeGreaterThan(3);
    const { displayWidth } = await import("../../src/cli/width");
    const messageColumn = (line: string) => displayWidth(line.slice(0, line.indexOf("工作表“")));
    expect(new Set(rows.map(messageColumn)).size).toBe(1);
  });

  it("speaks English with --lang en", async () => {
    const r = await runCli(["planted.xlsx", "--lang", "en"], dir);
    expect(r.stdout).toContain("planted.xlsx · sheet 汇总表 · 2022年1-6月 · preset chongqing-2020 · Error 3");
    expect(r.stdout).toContain("Severity");
    expect(r.stdout).toMatch(/Total: 1 file\(s\), 1 sheet\(s\)/);
    expect(r.stdout).not.toContain("强制性");
  });

  it("shows a progress bar on a terminal's stderr for a batch only", async () => {
    const batch = await runCli(["clean.xlsx", "planted.xlsx"], dir, { isTTY: true });
    expect(batch.stderr).toContain("\r检查中 [");
    expect(batch.stderr.endsWith("\r\x1b[K")).toBe(true);
    expect((await runCli(["clean.xlsx"], dir, { isTTY: true })).stderr).toBe("");
    expect((await runCli(["clean.xlsx", "planted.xlsx"], dir, { isTTY: false })).stderr).toBe("");
  });
});

describe("sheet selection", () => {
  it("checks only data sheets by default: not the cover, the hidden helper or 校验结果", async () => {
    const r = await runCli(["mixed.xlsx", "--format", "json"], dir);
    expect(r.code).toBe(0);
    expect(parse(r.stdout).files[0].sheets.map((s) => s.sheet)).toEqual(["数据"]);
  });

  it("checks the sheets named with --sheet, whatever they look like", async () => {
    const r = await runCli(["mixed.xlsx", "--sheet", "辅助", "--format", "json"], dir);
    expect(r.code).toBe(1);
    expect(parse(r.stdout).files[0].sheets.map((s) => s.sheet)).toEqual(["辅助"]);
  });

  it("checks a single-district form, whose indicators run down the rows", async () => {
    const r = await runCli(["form.xlsx", "--format", "json"], dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const sheets = parse(r.stdout).files[0].sheets;
    expect(sheets.map((s) => [s.sheet, s.period])).toEqual([["北碚区", "2022年1-6月"]]);
  });

  it("takes --sheet more than once", async () => {
    const r = await runCli(["mixed.xlsx", "--sheet", "数据", "--sheet", "辅助", "--format", "json"], dir);
    expect(parse(r.stdout).files[0].sheets.map((s) => s.sheet)).toEqual(["辅助", "数据"]);
  });

  it("reads an .xlsm like an .xlsx, found in a folder too", async () => {
    mkdirSync(path.join(dir, "macro"));
    copyFileSync(path.join(dir, "planted.xlsx"), path.join(dir, "macro", "planted.xlsm"));
    const r = await runCli(["macro", "--format", "json"], dir);
    expect(r.code).toBe(1);
    expect(parse(r.stdout).files.map((f) => f.file)).toEqual([path.join("macro", "planted.xlsm")]);
  });

  it("reports a --sheet the workbook lacks", async () => {
    const r = await runCli(["clean.xlsx", "--sheet", "无此表", "--format", "json"], dir);
    expect(r.code).toBe(2);
    expect(parse(r.stdout).files[0].error?.reason).toBe("sheet-not-found");
  });

  it("reports a workbook with no data sheet instead of passing it", async () => {
    const r = await runCli(["notes-only.xlsx", "--format", "json"], dir);
    expect(r.code).toBe(2);
    expect(parse(r.stdout).files[0].error?.reason).toBe("no-data-sheet");
    expect(r.stderr).toContain("没有找到数据表");
  });
});

describe("--period", () => {
  it("gives a sheet whose title names no period its period, in any accepted spelling", async () => {
    const without = parse((await runCli(["no-period.xlsx", "--format", "json"], dir)).stdout);
    expect(without.files[0].sheets[0].period).toBeNull();
    for (const spelling of ["2022-06", "2022年1-6月"]) {
      const r = await runCli(["no-period.xlsx", "--period", spelling, "--format", "json"], dir);
      expect(parse(r.stdout).files[0].sheets[0].period).toBe("2022年1-6月");
    }
    const noYear = await runCli(["no-period.xlsx", "--period", "1-6月", "--format", "json"], dir);
    expect(parse(noYear.stdout).files[0].sheets[0].period).toBe("1-6月");
  });

  it("says back how the typed period was understood, or refuses it with the forms accepted", async () => {
    const r = await runCli(["no-period.xlsx", "--period", "2022年三季度"], dir);
    expect(r.stderr).toContain("zs-check: 期间按“2022年7-9月”校验，按累计至9月计，时序进度75.0%（9÷12）");
    const iso = await runCli(["no-period.xlsx", "--period", "2022-06", "--lang", "en"], dir);
    expect(iso.stderr).toContain("period taken as 2022年1-6月, time progress 50.0% (6/12)");
    const bad = await runCli(["no-period.xlsx", "--period", "2022年"], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("无法识别的期间“2022年”。可用写法：2022年1-6月、1-6月、2022-06、上半年、前三季度、2022年三季度");
  });
});

describe("--targets", () => {
  const noTarget = (report: JsonReport) =>
    report.files[0].sheets[0].findings.filter((f) => f.rule === "no-target" && f.unit === "万州区");

  it("reads targets from FILE#SHEET", async () => {
    const r = await runCli(["clean.xlsx", "--targets", "targets.xlsx#目标任务", "--format", "json"], dir);
    expect(r.stderr).toBe("");
    const found = noTarget(parse(r.stdout));
    expect(found.length).toBeGreaterThan(0);
    expect(found[0].message).toContain("目标任务");
  });

  it("finds the first sheet with target columns when no sheet is named", async () => {
    const r = await runCli(["clean.xlsx", "--targets", "targets.xlsx", "--format", "json"], dir);
    expect(noTarget(parse(r.stdout)).length).toBeGreaterThan(0);
  });

  it("uses the sheet's own 年度目标 columns without --targets", async () => {
    const r = await runCli(["clean.xlsx", "--format", "json"], dir);
    expect(noTarget(parse(r.stdout))).toEqual([]);
  });

  it("is a bad invocation when the targets file or sheet is unusable", async () => {
    const missing = await runCli(["clean.xlsx", "--targets", "无此文件.xlsx"], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--targets：找不到文件 无此文件.xlsx");
    const noColumns = await runCli(["clean.xlsx", "--targets", "targets.xlsx#说明", "--lang", "en"], dir);
    expect(noColumns.code).toBe(2);
    expect(noColumns.stderr).toContain("worksheet 说明 has no annual-target columns");
  });
});

describe("folders, globs and the batch check", () => {
  it("checks a folder's workbooks (one level, lock files skipped) and finds a unit submitted twice", async () => {
    const r = await runCli(["districts", "--format", "json"], dir);
    expect(r.code).toBe(1);
    const report = parse(r.stdout);
    expect(report.files.map((f) => path.basename(f.file)).sort()).toEqual(["江北区.xlsx", "渝中区.xlsx", "渝中区（更正）.xlsx"].sort());
    const dups = report.batch.findings.filter((f) => f.rule === "duplicate-submission");
    expect(dups.map((f) => path.basename(f.file ?? "")).sort()).toEqual(["渝中区.xlsx", "渝中区（更正）.xlsx"].sort());
    expect(dups.every((f) => f.severity === "error" && f.unit === "渝中区")).toBe(true);
    // Three files from two districts: a partial batch, one note naming what was checked.
    const missing = report.batch.findings.filter((f) => f.rule === "missing-submission");
    expect(missing.map((f) => f.severity)).toEqual(["info"]);
    expect(missing[0].message).toContain("来自2个单位（渝中区、江北区）");
  });

  it("expands a glob itself", async () => {
    const r = await runCli(["districts/渝中区*.xlsx", "--format", "json"], dir);
    expect(parse(r.stdout).files.map((f) => path.basename(f.file)).sort()).toEqual(["渝中区.xlsx", "渝中区（更正）.xlsx"].sort());
    expect(r.code).toBe(1);
  });

  it("shows the cross-file findings in the text report", async () => {
    const r = await runCli(["districts"], dir);
    expect(r.stdout).toContain("跨文件检查 · 强制性 2");
    expect(r.stdout).toMatch(/强制性\s+districts[/\\]渝中区\.xlsx\s+汇总表!A4\s+渝中区/);
  });

  it("does not run the cross-file check on a single file", async () => {
    const r = await runCli(["districts/江北区.xlsx", "--format", "json"], dir);
    expect(r.code).toBe(0);
    expect(parse(r.stdout).batch.findings).toEqual([]);
  });
});

describe("--out", () => {
  it("writes an annotated copy and the JSON report, and leaves the original byte for byte", async () => {
    const before = sha256(path.join(dir, "planted.xlsx"));
    const r = await runCli(["planted.xlsx", "clean.xlsx", "--out", "out1"], dir);
    expect(r.code).toBe(1);
    expect(sha256(path.join(dir, "planted.xlsx"))).toBe(before);
    expect(readdirSync(path.join(dir, "out1")).sort()).toEqual(["clean.xlsx", "planted.xlsx", "zs-check-report.json"]);

    const copy = new ExcelJS.Workbook();
    await copy.xlsx.load(readFileSync(path.join(dir, "out1", "planted.xlsx")) as unknown as ArrayBuffer);
    expect(copy.worksheets.map((ws) => ws.name)).toEqual(["汇总表", "校验结果"]);
    const note = copy.getWorksheet("汇总表")?.getCell("A23").note;
    expect(JSON.stringify(note)).toContain("璧山区");

    const report = JSON.parse(readFileSync(path.join(dir, "out1", "zs-check-report.json"), "utf8"));
    expect(report.files.map((f: { file: string }) => f.file)).toEqual(["planted.xlsx", "clean.xlsx"]);
    expect(r.stdout).toContain("标注副本");
  });

  it("writes the report with --format json too, identical to stdout", async () => {
    const r = await runCli(["clean.xlsx", "--out", "out2", "--format", "json"], dir);
    expect(readFileSync(path.join(dir, "out2", "zs-check-report.json"), "utf8")).toBe(r.stdout);
  });

  it("refuses a folder where a copy would replace its original, before checking anything", async () => {
    const sub = path.join(dir, "same");
    mkdirSync(sub);
    copyFileSync(path.join(dir, "clean.xlsx"), path.join(sub, "clean.xlsx"));
    const before = sha256(path.join(sub, "clean.xlsx"));
    const r = await runCli(["same/clean.xlsx", "--out", "same"], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("会覆盖原文件");
    expect(sha256(path.join(sub, "clean.xlsx"))).toBe(before);
    expect(existsSync(path.join(sub, "zs-check-report.json"))).toBe(false);
  });

  it("never overwrites the targets workbook, even when it has the input's name in the --out folder", async () => {
    // The trap as a user met it: `zs-check A.xlsx --targets T/A.xlsx --out T` replaced the targets with the copy.
    mkdirSync(path.join(dir, "T"), { recursive: true });
    copyFileSync(path.join(dir, "targets.xlsx"), path.join(dir, "T", "clean.xlsx"));
    const before = sha256(path.join(dir, "T", "clean.xlsx"));
    const r = await runCli(["clean.xlsx", "--targets", "T/clean.xlsx", "--out", "T"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("命令行中的文件一律不覆盖");
    expect(sha256(path.join(dir, "T", "clean.xlsx"))).toBe(before);
    expect(readdirSync(path.join(dir, "T"))).toEqual(["clean.xlsx"]);
  });

  it("keeps a file it did not write and saves the copy under a numbered name, saying so", async () => {
    const out = path.join(dir, "out4");
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, "clean.xlsx"), "last month's copy, edited by hand");
    const r = await runCli(["clean.xlsx", "--out", "out4", "--format", "json"], dir);
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(out, "clean.xlsx"), "utf8")).toBe("last month's copy, edited by hand");
    expect(readdirSync(out).sort()).toEqual(["clean (2).xlsx", "clean.xlsx", "zs-check-report.json"]);
    const report = JSON.parse(readFileSync(path.join(out, "zs-check-report.json"), "utf8"));
    expect(report.files[0].annotatedCopy).toBe("clean (2).xlsx");
    expect(JSON.stringify(report.files[0].notes)).toContain("另存为 clean (2).xlsx");
  });

  it("leaves, after two runs into one folder, a report naming only the second run's copies", async () => {
    const out = path.join(dir, "out5");
    await runCli(["planted.xlsx", "clean.xlsx", "--out", "out5"], dir);
    await runCli(["clean.xlsx", "--out", "out5"], dir);
    const report = JSON.parse(readFileSync(path.join(out, "zs-check-report.json"), "utf8"));
    expect(report.files.map((f: { file: string }) => f.file)).toEqual(["clean.xlsx"]);
    expect(report.files[0].annotatedCopy).toBe("clean (2).xlsx");
    // No temporary files are left behind.
    expect(readdirSync(out).sort()).toEqual(["clean (2).xlsx", "clean.xlsx", "planted.xlsx", "zs-check-report.json"]);
  });

  it("keeps a user's own zs-check-report.json and writes the report beside it", async () => {
    const out = path.join(dir, "out6");
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, "zs-check-report.json"), "我的笔记，不是报告");
    const r = await runCli(["clean.xlsx", "--out", "out6"], dir);
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(out, "zs-check-report.json"), "utf8")).toBe("我的笔记，不是报告");
    expect(JSON.parse(readFileSync(path.join(out, "zs-check-report (2).json"), "utf8")).files).toHaveLength(1);
    expect(r.stderr).toContain("zs-check-report (2).json");
  });

  it("refuses two inputs with the same file name", async () => {
    mkdirSync(path.join(dir, "twin"), { recursive: true });
    copyFileSync(path.join(dir, "clean.xlsx"), path.join(dir, "twin", "clean.xlsx"));
    const r = await runCli(["clean.xlsx", "twin/clean.xlsx", "--out", "out3"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("同名");
  });
});

describe("help and version", () => {
  it("prints Chinese help by default and English with --lang en", async () => {
    const zh = await runCli(["--help"], dir);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain("用法：");
    expect(zh.stdout).toContain("示例：");
    const en = await runCli(["--help", "--lang", "en"], dir);
    expect(en.stdout).toContain("Usage:");
    expect(en.stdout).not.toContain("用法：");
  });

  it("prints the package version", async () => {
    const r = await runCli(["--version"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^zs-check \d+\.\d+\.\d+\n$/);
  });
});

// Keeps the fixture helpers honest: the clean rows really are 41 units.
test("the clean fixture has the 41 units of the 2020 preset", () => {
  expect(cleanRows()).toHaveLength(41);
});
