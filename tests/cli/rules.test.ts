import { writeFileSync } from "node:fs";
import path from "node:path";
import { addCityTable, cleanRows, runCli, tempDir, writeWorkbook } from "./fixtures";

/** zs-check --rules and a workbook's own 审核规则 sheet, end to end with real workbooks. */

let dir: string;
let cleanup: () => void;

interface JsonFinding {
  rule: string;
  severity: string;
  cell: string | null;
  unit: string | null;
  message: string;
  details: Record<string, unknown> | null;
}
interface JsonReport {
  files: { file: string; sheets: { sheet: string; findings: JsonFinding[] }[]; error?: { reason: string; message: string } }[];
}
const parse = (stdout: string): JsonReport => JSON.parse(stdout) as JsonReport;
const auditFindings = (r: JsonReport): JsonFinding[] =>
  r.files.flatMap((f) => f.sheets.flatMap((s) => s.findings)).filter((f) => f.rule.startsWith("audit-rule"));

/** 渝中区 (first unit row, sheet row 5) with more funds in place than its contract amount. */
function fundsAboveContract() {
  const rows = cleanRows();
  rows[0] = [rows[0][0], rows[0][1], 40.25, 41.5, rows[0][4]];
  return rows;
}

const RULE = "[强制性] 到位资金 <= 正式合同额 : 到位资金不能超过正式合同额";

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  await writeWorkbook(path.join(dir, "clean.xlsx"), (wb) => addCityTable(wb));
  await writeWorkbook(path.join(dir, "funds.xlsx"), (wb) => addCityTable(wb, { rows: fundsAboveContract() }));
  await writeWorkbook(path.join(dir, "template.xlsx"), (wb) => {
    addCityTable(wb, { rows: fundsAboveContract() });
    const ws = wb.addWorksheet("审核规则");
    ws.addRow(["级别", "审核公式", "提示信息"]);
    ws.addRow(["强制性", "到位资金 <= 正式合同额", "到位资金不能超过正式合同额"]);
  });
  await writeWorkbook(path.join(dir, "bad-template.xlsx"), (wb) => {
    addCityTable(wb);
    const ws = wb.addWorksheet("审核规则");
    ws.addRow(["# 市局下发"]);
    ws.addRow(["[核实性] 到位资金 <= 正式合同额 *"]);
  });
  writeFileSync(path.join(dir, "rules.txt"), `# 市局审核规则\n${RULE}\n`);
  writeFileSync(path.join(dir, "issue.txt"), "[核实性] 签约项目数 >= 0\n[强制性] 正式合同额 >= 上期(正式合同额) : 累计数不能小于上期累计数\n");
  writeFileSync(path.join(dir, "bad.txt"), `${RULE}\n[核实性] 到位资金 <= 正式合同额 * 1.5倍\n`);
});

afterAll(() => cleanup());

describe("zs-check --rules", () => {
  test("a clean sheet passes the city's rules: exit 0, no audit finding", async () => {
    const r = await runCli(["clean.xlsx", "--rules", "rules.txt", "--format", "json"], dir);
    expect(r.code).toBe(0);
    expect(auditFindings(parse(r.stdout))).toEqual([]);
  });

  test("a 强制性 rule broken by one row: one finding at its cell, naming the file's line and message; exit 1", async () => {
    const r = await runCli(["funds.xlsx", "--rules", "rules.txt", "--format", "json"], dir);
    expect(r.code).toBe(1);
    const found = auditFindings(parse(r.stdout));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ rule: "audit-rule", severity: "error", cell: "D5", unit: "渝中区" });
    expect(found[0].message).toContain("审核规则 rules.txt 第2行“到位资金 <= 正式合同额”（左边 41.50亿元，右边 40.25亿元）：到位资金不能超过正式合同额");
  });

  test("上期 with no previous file: one 提示 for the rule, and the run still passes", async () => {
    const r = await runCli(["clean.xlsx", "--rules", "issue.txt", "--format", "json"], dir);
    expect(r.code).toBe(0);
    expect(auditFindings(parse(r.stdout)).map((f) => [f.rule, f.severity])).toEqual([["audit-rule-skipped", "info"]]);
  });

  test("a syntax error refuses the run before anything is checked: exit 2, line and column in Chinese", async () => {
    const r = await runCli(["funds.xlsx", "--rules", "bad.txt"], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("审核规则 bad.txt 第2行第26列：数字 1.5 后面紧跟“倍”，缺少运算符");
  });

  test("the same refusal in English with --lang en", async () => {
    const r = await runCli(["funds.xlsx", "--rules", "bad.txt", "--lang", "en"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("audit rules bad.txt, line 2, column 26:");
  });

  test("a rules file that does not exist: exit 2 naming it", async () => {
    const r = await runCli(["clean.xlsx", "--rules", "nowhere.txt"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("无法读取审核规则文件 nowhere.txt");
  });

  test("--rules without a file is a usage error", async () => {
    const r = await runCli(["clean.xlsx", "--rules"], dir);
    expect(r.code).toBe(2);
  });
});

describe("a workbook's own 审核规则 sheet", () => {
  test("its rules (级别 | 审核公式 | 提示信息 columns) are applied, and the sheet itself is not checked as data", async () => {
    const r = await runCli(["template.xlsx", "--format", "json"], dir);
    const report = parse(r.stdout);
    expect(report.files[0].sheets.map((s) => s.sheet)).toEqual(["汇总表"]);
    const found = auditFindings(report);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: "error", cell: "D5" });
    expect(found[0].message).toContain("工作表“审核规则”第2行“到位资金 <= 正式合同额”");
    expect(r.code).toBe(1);
  });

  test("with --sheet naming the data sheet, the 审核规则 sheet is still read for its rules", async () => {
    const r = await runCli(["template.xlsx", "--sheet", "汇总表", "--format", "json"], dir);
    expect(auditFindings(parse(r.stdout))).toHaveLength(1);
  });

  test("a mistake in the sheet refuses that file (exit 2), naming the sheet's row and column", async () => {
    const r = await runCli(["bad-template.xlsx", "--format", "json"], dir);
    expect(r.code).toBe(2);
    const report = parse(r.stdout);
    expect(report.files[0].error?.reason).toBe("rules-syntax");
    expect(report.files[0].error?.message).toContain("工作表“审核规则”第2行第22列：公式不完整");
    expect(report.files[0].sheets).toEqual([]);
  });
});

describe("the example rules file", () => {
  const examples = path.resolve(__dirname, "../../examples");

  test("on the clean example sheet: every rule holds (growth stays within 30%), one 提示 per rule the sheet cannot take", async () => {
    const r = await runCli(["chongqing-2022-h1-clean.xlsx", "--rules", "audit-rules.txt", "--format", "json"], examples);
    expect(r.code).toBe(0);
    const found = auditFindings(parse(r.stdout));
    expect(found.map((f) => [f.rule, f.severity, f.unit])).toEqual([
      ["audit-rule-skipped", "info", null],
      ["audit-rule-skipped", "info", null],
    ]);
    expect(found[0].message).toContain("第5行“签约项目数 = 正式合同项目数 + 框架协议项目数”未执行：本表没有“正式合同项目数”");
    expect(found[1].message).toContain("第9行“正式合同额 >= 上期(正式合同额)”未执行：未提供上期报表");
  });

  test("with last month's file, 上期(x) reads it: the planted 核减 at 江津区 breaks the 强制性 rule of line 9", async () => {
    const argv = ["chongqing-2022-h1-clean.xlsx", "--rules", "audit-rules.txt", "--previous", "chongqing-2022-05.xlsx", "--format", "json"];
    const r = await runCli(argv, examples);
    expect(r.code).toBe(1);
    const found = auditFindings(parse(r.stdout));
    expect(found.map((f) => [f.rule, f.severity, f.unit, f.cell])).toEqual([
      ["audit-rule", "error", "江津区", "D21"],
      ["audit-rule-skipped", "info", null, null],
    ]);
    expect(found[0].message).toContain("第9行“正式合同额 >= 上期(正式合同额)”（左边 331.19亿元，右边 337.69亿元）：累计数不能小于上期累计数");
    expect(found[0].details).toMatchObject({ rule: "audit-rule", op: ">=", left: 331.19, right: 337.69, ref: { line: 9 } });
  });

});
