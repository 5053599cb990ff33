/*
 * Coverage in zs-check: a partial sheet is one finding, a folder's unreadable files are 未检查 and their units are
 * not called 未报送, and --only-present checks only the units listed.
 */
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { addCityTable, addDistrictTable, cleanRow, runCli, tempDir, UNITS_2020, writeWorkbook } from "./fixtures";

interface JsonFinding {
  rule: string;
  severity: string;
  unit: string | null;
  message: string;
}
interface JsonReport {
  files: { file: string; sheets: { findings: JsonFinding[] }[]; error?: { reason: string; message: string } | null }[];
  batch: { findings: JsonFinding[] };
}

let dir: string;
let cleanup: () => void;

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  // A 片区 sheet: three districts of 渝东南 with their own 合计, checked against the city's unit list.
  const rows = ["黔江区", "武隆区", "石柱县"].map((u, i) => cleanRow(u, i));
  await writeWorkbook(path.join(dir, "渝东南片区.xlsx"), (wb) =>
    addCityTable(wb, { title: "2022年1-6月渝东南片区招商引资主要指标完成情况表", rows, withTotal: false }),
  );
  mkdirSync(path.join(dir, "报送"));
  // A folder as a bureau receives it: two districts' .xlsx, one .et, one .xls (an old binary file), one .csv.
  await writeWorkbook(path.join(dir, "报送", "万州区.xlsx"), (wb) => addDistrictTable(wb, "万州区", 1));
  await writeWorkbook(path.join(dir, "报送", "开州区.xlsx"), (wb) => addDistrictTable(wb, "开州区", 2));
  writeFileSync(path.join(dir, "报送", "黔江区2022年1-6月.et"), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
  writeFileSync(path.join(dir, "报送", "忠县.xls"), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
  writeFileSync(path.join(dir, "报送", "丰都县.csv"), "区县,正式合同额\n丰都县,12.5\n", "utf8");
  // A WPS clerk's .xlsx saved under the .et name is read as what it is.
  copyFileSync(path.join(dir, "报送", "万州区.xlsx"), path.join(dir, "renamed.et"));
}, 30_000);
afterAll(() => cleanup());

async function json(args: string[]): Promise<{ code: number; report: JsonReport }> {
  const r = await runCli([...args, "--format", "json"], dir);
  return { code: r.code, report: JSON.parse(r.stdout) as JsonReport };
}

describe("coverage", () => {
  test("a 片区 sheet of 3 districts gets one 提示 naming what was checked, not 38 强制性 errors", async () => {
    const { code, report } = await json(["渝东南片区.xlsx"]);
    const missing = report.files[0].sheets[0].findings.filter((f) => f.rule === "missing-unit");
    expect(missing.map((f) => f.severity)).toEqual(["info"]);
    expect(missing[0].message).toContain("只列出3个单位（黔江区、武隆区、石柱土家族自治县）");
    expect(code).toBe(0);
  });

  test("a city table missing units is one 强制性 listing them; --only-present makes it a 提示", async () => {
    const rows = UNITS_2020.filter((u) => u !== "城口县" && u !== "巫溪县").map((u, i) => cleanRow(u, i));
    await writeWorkbook(path.join(dir, "全市.xlsx"), (wb) => addCityTable(wb, { rows }));
    const all = await json(["全市.xlsx"]);
    const missing = all.report.files[0].sheets[0].findings.filter((f) => f.rule === "missing-unit");
    expect(missing.map((f) => f.severity)).toEqual(["error"]);
    expect(missing[0].message).toContain("缺少2个统计单位：城口县、巫溪县");
    expect(all.code).toBe(1);
    const present = await json(["全市.xlsx", "--only-present"]);
    const note = present.report.files[0].sheets[0].findings.filter((f) => f.rule === "missing-unit");
    expect(note.map((f) => f.severity)).toEqual(["info"]);
    expect(present.code).toBe(0);
  });

  test("a folder's .et and .xls files are 未检查 with the reason, and their units are not 未报送; a CSV is read", async () => {
    const { code, report } = await json(["报送"]);
    const errors = Object.fromEntries(report.files.map((f) => [path.basename(f.file), f.error?.reason ?? null]));
    expect(errors).toEqual({
      "万州区.xlsx": null,
      "开州区.xlsx": null,
      "黔江区2022年1-6月.et": "unsupported-format",
      "忠县.xls": "encrypted",
      "丰都县.csv": null,
    });
    const missing = report.batch.findings.filter((f) => f.rule === "missing-submission");
    expect(missing).toHaveLength(1);
    expect(missing[0].severity).toBe("info");
    // The CSV was read: 丰都县 is among the units checked.
    expect(missing[0].message).toContain("来自3个单位（万州区、开州区、丰都县）");
    expect(missing[0].message).toContain("另有2份文件未检查，其单位未计为漏报");
    expect(missing[0].message).toContain("黔江区2022年1-6月.et（按文件名为黔江区）：WPS 表格 .et 格式，未能读取");
    expect(missing[0].message).toContain("忠县.xls（按文件名为忠县）：旧版 .xls 格式或已加密，未能读取");
    expect(code).toBe(2);
  });

  test("the text report says 未检查 for such a file, with what to do", async () => {
    const r = await runCli(["报送"], dir);
    expect(r.stdout).toContain("未检查");
    expect(r.stdout).toContain("为WPS 表格 .et 格式，zs-check 不能读取，未检查。请另存为 .xlsx 后再检查");
  });

  test("an .xlsx saved under an .et name is read as an .xlsx", async () => {
    const { report } = await json(["renamed.et"]);
    expect(report.files[0].error ?? null).toBeNull();
    expect(report.files[0].sheets).toHaveLength(1);
  });
});

describe("targets in the same workbook", () => {
  test("without --targets, a sheet with no target columns is checked against the workbook's 年度目标 sheet, and says so", async () => {
    await writeWorkbook(path.join(dir, "带目标.xlsx"), (wb) => {
      const data = wb.addWorksheet("1-6月");
      data.addRow(["2022年1-6月渝东南片区招商引资完成情况表"]);
      data.addRow(["单位：亿元"]);
      data.addRow(["区县", "正式合同额"]);
      data.addRow(["黔江区", 95.03]);
      data.addRow(["武隆区", 30]);
      const targets = wb.addWorksheet("年度目标");
      targets.addRow(["2022年各区县招商引资年度目标任务表"]);
      targets.addRow(["单位：亿元"]);
      targets.addRow(["区县", "正式合同额"]);
      targets.addRow(["黔江区", 160]);
      targets.addRow(["武隆区", 100]);
    });
    const r = await runCli(["带目标.xlsx", "--format", "json"], dir);
    const report = JSON.parse(r.stdout) as JsonReport;
    const behind = report.files[0].sheets[0].findings.filter((f) => f.rule === "behind-schedule");
    // 武隆区 30 of 100 at mid-year: 20 points behind 50%; the rate is computed from the 年度目标 sheet.
    expect(behind.map((f) => [f.unit, f.severity])).toEqual([["武隆区", "info"]]);
    expect(behind[0].message).toContain("按年度目标计算的完成率30.0%");
    const text = await runCli(["带目标.xlsx"], dir);
    expect(text.stdout).toContain("按本工作簿的工作表“年度目标”中的年度目标计算完成率（未指定 --targets）");
  });
});

describe("CSV", () => {
  /** GB18030 bytes of a text, from the decoder's own table: what Excel on Chinese Windows saves as CSV. */
  function gbk(text: string): Buffer {
    const decoder = new TextDecoder("gb18030");
    const table = new Map<string, number[]>();
    for (let a = 0x81; a <= 0xfe; a++) {
      for (let b = 0x40; b <= 0xfe; b++) {
        const ch = decoder.decode(new Uint8Array([a, b]));
        if (ch.length === 1 && !table.has(ch)) table.set(ch, [a, b]);
      }
    }
    const out: number[] = [];
    for (const ch of text) out.push(...(ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : (table.get(ch) ?? [0x3f])));
    return Buffer.from(out);
  }

  test("a GB18030 CSV city table is read like the workbook it came from, quotes and text figures included", async () => {
    const lines = [
      "2022年1-6月渝东南片区招商引资完成情况表,,",
      "区县,正式合同额,到位资金",
      "黔江区,95.03,12.59",
      '武隆区,"约60.5",8',
      "石柱县,40,5.2",
    ];
    writeFileSync(path.join(dir, "片区.csv"), gbk(lines.join("\r\n") + "\r\n"));
    const { report } = await json(["片区.csv"]);
    const sheet = report.files[0].sheets[0];
    expect(report.files[0].error ?? null).toBeNull();
    const rules = sheet.findings.map((f) => `${f.rule} ${f.unit ?? ""}`);
    expect(rules).toContain("text-number 武隆区");
    expect(rules.filter((r) => r.startsWith("missing-unit"))).toHaveLength(1);
  });

  test("--out writes no copy of a CSV and says why", async () => {
    writeFileSync(path.join(dir, "丰都.csv"), "\ufeff区县,正式合同额\n丰都县,12.5\n", "utf8");
    const r = await runCli(["丰都.csv", "--out", "标注"], dir);
    expect(r.stdout).toContain("丰都.csv 是 CSV 文件，无法写出标注副本");
  });
});
