import { COLOR, PLAIN, paintFor, useColor } from "../../src/cli/color";
import { exitCodeFor } from "../../src/cli/exit-code";
import { formatJson, toJsonReport } from "../../src/app/json-format";
import { Progress } from "../../src/cli/progress";
import { FileReport, Report, SheetReport, mappingEntries, periodLabel, totals } from "../../src/app/report";
import { findingsTable, formatText } from "../../src/cli/text-format";
import { displayWidth, stripAnsi } from "../../src/cli/width";
import { Finding, Severity } from "../../src/core/findings";

function finding(severity: Severity, cell: string | null, unit: string | null, zh: string, extra: Partial<Finding> = {}): Finding {
  const m = cell ? /^([A-Z]+)(\d+)$/.exec(cell) : null;
  return {
    rule: severity === "error" ? "duplicate-unit" : severity === "verify" ? "unit-slip" : "text-number",
    severity,
    sheet: "汇总表",
    cell,
    row: m ? Number(m[2]) : null,
    column: m ? m[1] : null,
    unit,
    indicator: null,
    value: null,
    message: { zh, en: `EN ${zh}` },
    ...extra,
  };
}

function sheet(findings: Finding[]): SheetReport {
  const summary = { error: 0, verify: 0, info: 0 };
  for (const f of findings) summary[f.severity]++;
  return { sheet: "汇总表", period: "2022年1-6月", preset: "chongqing-2020", mapping: [], findings, summary, explained: 0, notes: [] };
}

function file(name: string, sheets: SheetReport[], error: FileReport["error"] = null): FileReport {
  return { file: name, sheets, error, notes: [], annotatedCopy: null };
}

const FINDINGS = [
  finding("error", "A23", "壁山区", "不是重庆市的统计单位"),
  finding("verify", "C11", "南岸区", "疑似以万元填入亿元列"),
  finding("info", "C8", "秀山土家族苗族自治县", "以文本填报"),
  finding("verify", null, "万盛经开区", "缺少该单位"),
];

describe("text output", () => {
  const report: Report = { files: [file("a.xlsx", [sheet(FINDINGS)])], batch: [] };

  it("prints a summary line per file and sheet with the period, preset and counts", () => {
    const text = formatText(report, "zh", PLAIN);
    expect(text.split("\n")[0]).toBe("a.xlsx · 工作表 汇总表 · 2022年1-6月 · 预设 chongqing-2020 · 强制性 1 · 核实性 2 · 提示性 1");
    expect(text).toContain("合计：1 个文件，1 个工作表 · 强制性 1 · 核实性 2 · 提示性 1");
  });

  it("aligns the columns by display width, CJK unit names included", () => {
    const lines = findingsTable(FINDINGS, "zh", PLAIN);
    expect(lines[0].trim().split(/\s{2,}/)).toEqual(["严重程度", "单元格", "单位", "说明"]);
    // The message column starts at the same terminal column on every line.
    const starts = lines.map((l) => {
      const msg = l.search(/说明|不是|疑似|以文本|缺少/);
      return displayWidth(l.slice(0, msg));
    });
    expect(new Set(starts).size).toBe(1);
    // A whole-sheet finding shows "-" for its cell.
    expect(lines[4]).toMatch(/^\s+核实性\s+-\s+万盛经开区/);
  });

  it("writes no escape codes when plain", () => {
    expect(formatText(report, "zh", PLAIN)).not.toContain("\x1b");
  });

  it("colours the severity red, yellow and blue, without moving the columns", () => {
    const lines = findingsTable(FINDINGS, "zh", COLOR);
    expect(lines[1]).toContain("\x1b[31m强制性\x1b[0m");
    expect(lines[2]).toContain("\x1b[33m核实性\x1b[0m");
    expect(lines[3]).toContain("\x1b[34m提示性\x1b[0m");
    expect(lines.map(stripAnsi)).toEqual(findingsTable(FINDINGS, "zh", PLAIN));
  });

  it("speaks English with lang en", () => {
    const text = formatText(report, "en", PLAIN);
    expect(text).toContain("a.xlsx · sheet 汇总表 · 2022年1-6月 · preset chongqing-2020 · Error 1 · Verify 2 · Info 1");
    expect(text).toContain("Severity  Cell");
    expect(text).toContain("EN 不是重庆市的统计单位");
    expect(text).toContain("Total: 1 file(s), 1 sheet(s)");
  });

  it("says so when a sheet has no findings, and shows the sheet reader's notes", () => {
    const s = { ...sheet([]), notes: [{ zh: "第F列未识别", en: "column F not recognised" }] };
    const text = formatText({ files: [file("a.xlsx", [s])], batch: [] }, "zh", PLAIN);
    expect(text).toContain("  注：第F列未识别");
    expect(text).toContain("  未发现问题");
  });

  it("lists a file that was not checked with its reason", () => {
    const bad = file("坏.xlsx", [], { reason: "not-a-zip", message: { zh: "不是有效的工作簿", en: "not a workbook" } });
    const text = formatText({ files: [bad], batch: [] }, "zh", PLAIN);
    expect(text).toContain("坏.xlsx · 未检查\n  不是有效的工作簿");
    expect(text).toContain("1 个文件未检查");
  });

  it("prints cross-file findings with their file and sheet", () => {
    const dup = finding("error", "A4", "渝中区", "重复报送", { rule: "duplicate-submission", file: "渝中区.xlsx" });
    const missing = finding("verify", null, "江北区", "没有江北区的报表", { rule: "missing-submission", sheet: "" });
    const text = formatText({ files: [], batch: [dup, missing] }, "zh", PLAIN);
    expect(text).toContain("跨文件检查 · 强制性 1 · 核实性 1 · 提示性 0");
    expect(text).toMatch(/强制性\s+渝中区\.xlsx\s+汇总表!A4\s+渝中区\s+重复报送/);
    expect(text).toMatch(/核实性\s+-\s+-\s+江北区\s+没有江北区的报表/);
  });
});

describe("colour decision", () => {
  it("colours only a terminal, and NO_COLOR (non-empty) turns it off", () => {
    expect(useColor(true, {})).toBe(true);
    expect(useColor(false, {})).toBe(false);
    expect(useColor(true, { NO_COLOR: "1" })).toBe(false);
    expect(useColor(true, { NO_COLOR: "" })).toBe(true);
    expect(paintFor(false, {})).toBe(PLAIN);
    expect(paintFor(true, {})).toBe(COLOR);
  });
});

describe("JSON output", () => {
  it("has exactly the specified keys", () => {
    const dup = finding("error", "A4", "渝中区", "重复报送", { rule: "duplicate-submission", file: "渝中区.xlsx", related: ["x"] });
    const bad = file("坏.xlsx", [], { reason: "not-a-zip", message: { zh: "不是工作簿", en: "not a workbook" } });
    const json = JSON.parse(formatJson({ files: [file("a.xlsx", [sheet(FINDINGS)]), bad], batch: [dup] }, "zh"));
    expect(Object.keys(json)).toEqual(["schemaVersion", "files", "batch"]);
    expect(json.schemaVersion).toBe(2);
    expect(Object.keys(json.files[0])).toEqual(["file", "sheets", "annotatedCopy", "notes"]);
    expect(Object.keys(json.files[1])).toEqual(["file", "sheets", "annotatedCopy", "notes", "error"]);
    expect(json.files[1].error).toEqual({ reason: "not-a-zip", message: "不是工作簿", messages: { zh: "不是工作簿", en: "not a workbook" } });
    expect(Object.keys(json.files[0].sheets[0])).toEqual(["sheet", "period", "preset", "mapping", "findings", "summary", "explained"]);
    const keys = ["rule", "severity", "sheet", "cell", "row", "column", "unit", "indicator", "value", "expected", "details", "message", "messages", "explanation"];
    expect(Object.keys(json.files[0].sheets[0].findings[0])).toEqual(keys);
    expect(Object.keys(json.batch)).toEqual(["findings"]);
    expect(Object.keys(json.batch.findings[0])).toEqual([...keys, "file"]);
    expect(json.batch.findings[0].file).toBe("渝中区.xlsx");
  });

  it("picks the message in --lang and keeps both languages", () => {
    const en = toJsonReport({ files: [file("a.xlsx", [sheet(FINDINGS.slice(0, 1))])], batch: [] }, "en");
    expect(en.files[0].sheets[0].findings[0].message).toBe("EN 不是重庆市的统计单位");
    expect(en.files[0].sheets[0].findings[0].messages).toEqual({ zh: "不是重庆市的统计单位", en: "EN 不是重庆市的统计单位" });
    expect(en.files[0].sheets[0].findings[0].expected).toBeNull();
  });

  it("is pretty-printed UTF-8 with a trailing newline", () => {
    const text = formatJson({ files: [file("渝中区.xlsx", [])], batch: [] }, "zh");
    expect(text).toContain('\n  "files": [');
    expect(text).toContain("渝中区.xlsx");
    expect(text.endsWith("}\n")).toBe(true);
  });
});

describe("report helpers", () => {
  it("gives a period's label", () => {
    expect(periodLabel({ startMonth: 1, endMonth: 6, label: "2022年1-6月" })).toBe("2022年1-6月");
    expect(periodLabel("1-6月")).toBe("1-6月");
    expect(periodLabel(null)).toBeNull();
  });

  it("names mapped columns by their letters in the real sheet", () => {
    const entries = mappingEntries(
      [{ col: 1, header: ["正式合同额"], indicator: "contract-amount", measure: "current", unit: "亿元", unitSource: "default", source: "header" }],
      2,
    );
    expect(entries).toEqual([
      { column: "D", header: ["正式合同额"], indicator: "contract-amount", measure: "current", unit: "亿元", unitSource: "default", source: "header" },
    ]);
  });

  it("totals findings over sheets and the batch", () => {
    const t = totals({ files: [file("a.xlsx", [sheet(FINDINGS)])], batch: [finding("error", null, "x", "y")] });
    expect(t).toEqual({ error: 2, verify: 2, info: 1, files: 1, sheets: 1, failedFiles: 0 });
  });
});

describe("exit status", () => {
  const bad = file("坏.xlsx", [], { reason: "not-a-zip", message: { zh: "x", en: "x" } });
  it("is 0 without error-level findings", () => {
    expect(exitCodeFor({ files: [file("a.xlsx", [sheet(FINDINGS.slice(1))])], batch: [] })).toBe(0);
  });
  it("is 1 with an error-level finding, in a sheet or across files", () => {
    expect(exitCodeFor({ files: [file("a.xlsx", [sheet(FINDINGS)])], batch: [] })).toBe(1);
    expect(exitCodeFor({ files: [file("a.xlsx", [sheet([])])], batch: [finding("error", null, "x", "y")] })).toBe(1);
  });
  it("is 2 when a file was not checked, even with error findings", () => {
    expect(exitCodeFor({ files: [file("a.xlsx", [sheet(FINDINGS)]), bad], batch: [] })).toBe(2);
  });
});

describe("progress bar", () => {
  it("draws on one line with \\r and clears itself", () => {
    let out = "";
    const p = new Progress({ write: (s: string) => (out += s), columns: 60 }, 4, true, "检查中");
    p.update(1, "秀山土家族苗族自治县招商引资主要指标完成情况表（最终版）.xlsx");
    expect(out.startsWith("\r检查中 [#####---------------] 1/4 ")).toBe(true);
    expect(displayWidth(out.replace("\r", ""))).toBeLessThanOrEqual(59);
    p.done();
    expect(out.endsWith("\r\x1b[K")).toBe(true);
  });

  it("writes nothing when disabled", () => {
    let out = "";
    const p = new Progress({ write: (s: string) => (out += s) }, 4, false, "检查中");
    p.update(0, "a.xlsx");
    p.done();
    expect(out).toBe("");
  });
});
