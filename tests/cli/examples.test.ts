/*
 * zs-check on the bundled example workbooks (examples/README.md lists what is planted in them): the exact set of
 * findings, the annotated copy re-read, and — where LibreOffice is installed (CI installs it) — the annotated copy
 * opened and converted by LibreOffice, which proves it is a valid workbook.
 */
import ExcelJS from "exceljs";
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { runCli, sha256, tempDir } from "./fixtures";
import { markedCells } from "../xlsx/helpers";
import { writeExplanations } from "../../src/xlsx";

const EXAMPLES = path.resolve(__dirname, "../../examples");
const ANOMALIES = path.join(EXAMPLES, "chongqing-2022-h1.xlsx");
const TARGETS = path.join(EXAMPLES, "targets-2022.xlsx");

interface JsonFinding {
  rule: string;
  severity: string;
  cell: string | null;
  unit: string | null;
}
interface JsonReport {
  files: { file: string; sheets: { sheet: string; period: string | null; findings: JsonFinding[]; summary: Record<string, number> }[] }[];
}

async function check(...args: string[]): Promise<{ code: number; report: JsonReport }> {
  const { code, stdout } = await runCli([...args, "--format", "json"], EXAMPLES);
  return { code, report: JSON.parse(stdout) as JsonReport };
}

const key = (f: JsonFinding) => `${f.severity} ${f.rule} ${f.cell ?? "-"}`;

/** Planted anomalies and the findings that follow from them, as examples/README.md explains each one. */
const EXPECTED_WITH_TARGETS = [
  "error missing-unit -", // 沙坪坝区's row carries 渝北区's name
  "error duplicate-unit B10",
  "error duplicate-unit B14", // neither 渝北区 row is measured against 渝北区's target: no knock-on findings
  "error part-exceeds-whole H23", // 永川区 其中工业 > 合同额
  "error unknown-unit B27", // 壁山区
  "error text-number C30", // 荣昌区 "三十二"
  "error negative-value I37", // 丰都县 到位资金 −3.2
  "error formula-error K43", // 巫溪县 #DIV/0!
  "verify total-mismatch C5", // 签约项目数: 荣昌区's "三十二" is not counted
  "verify total-mismatch D5", // 合同额: 合川区's 万元 slip
  "verify total-mismatch I5", // 到位资金: the 全市 figure is 15 too high
  "verify rate-mismatch K5", // … and its 同比 no longer fits it
  "verify total-mismatch C18", // 主城新区 subtotal: 荣昌区
  "verify total-mismatch D18", // 主城新区 subtotal: 合川区
  "verify unit-slip D22", // 合川区 in 万元
  "verify rate-mismatch F36", // 城口县 同比 over a base of 0
  "verify blank-value I36", // 城口县 到位资金 blank
  "verify behind-schedule G42", // 巫山县 25% at mid-year
  "verify rate-mismatch G45", // 黔江区 80% beside 95.03 / 160
  "verify yoy-swing F42", // 巫山县 held at a quarter of its target: its 合同额 fell more than 30% year on year
  "verify yoy-swing K45", // 黔江区 到位资金 as published, 12.59 against 8.14: up 54.67%
  "info no-target D27", // 壁山区 is not in the targets table
  "info no-target I27",
  "info text-number D28", // 铜梁区 "约142.21"
  "info no-target I31", // 万盛经开区's 到位资金 target is "-"
].sort();

describe("zs-check on the bundled examples", () => {
  test("the anomalies workbook with the targets workbook: exactly the planted findings, exit 1", async () => {
    const { code, report } = await check(ANOMALIES, "--targets", TARGETS);
    expect(code).toBe(1);
    const [sheet] = report.files[0].sheets;
    expect(sheet.period).toBe("2022年1-6月");
    expect(sheet.findings.map(key).sort()).toEqual(EXPECTED_WITH_TARGETS);
  });

  test("without targets, completion rates cannot be recomputed, but the printed ones still show who is behind", async () => {
    const { report } = await check(ANOMALIES);
    const keys = report.files[0].sheets[0].findings.map(key);
    expect(keys).not.toContain("verify rate-mismatch G45");
    expect(keys).not.toContain("info no-target I31");
    expect(keys).toContain("verify behind-schedule G42");
    expect(keys).toEqual(expect.arrayContaining(["error duplicate-unit B10", "verify unit-slip D22", "verify total-mismatch I5"]));
  });

  test("the clean workbook has no findings, exit 0", async () => {
    const { code, report } = await check(path.join(EXAMPLES, "chongqing-2022-h1-clean.xlsx"));
    expect(code).toBe(0);
    expect(report.files[0].sheets[0].findings).toEqual([]);
  });

  test("the clean 1-6月 workbook against its 1-5月 predecessor: exactly the planted 核减 and target change, exit 0", async () => {
    const clean = path.join(EXAMPLES, "chongqing-2022-h1-clean.xlsx");
    const { code, report } = await check(clean, "--previous", path.join(EXAMPLES, "chongqing-2022-05.xlsx"));
    expect(code).toBe(0);
    expect(report.files[0].sheets[0].findings.map((f) => `${key(f)} ${f.unit}`).sort()).toEqual(
      [
        "verify cumulative-decrease D21 江津区", // its 1-5月 合同额 is 6.50 above its 1-6月 figure
        "verify target-changed G23 永川区", // 620 in May, 640 in June
        "verify target-changed G18 主城新区", // … and the subtotal and the total that sum it
        "verify target-changed G5 全市",
      ].sort(),
    );
  });

  test("the 渝北 single-district form: 正式合同 20 + 框架协议 8 ≠ 签约 29, and 279/190 printed 147% is consistent", async () => {
    const { code, report } = await check(path.join(EXAMPLES, "yubei-2022-form.xlsx"));
    expect(code).toBe(0);
    expect(report.files[0].sheets[0].findings.map(key)).toEqual(["verify parts-sum-mismatch B4"]);
  });

  test("the 黔江 form with 其中 rows: 工业 118.94% of its own target passes; its rate copied from 正式合同额 does not", async () => {
    const { code, report } = await check(path.join(EXAMPLES, "qianjiang-2022-h1-form.xlsx"));
    expect(code).toBe(0);
    const [sheet] = report.files[0].sheets;
    expect(sheet.period).toBe("2022年1-6月");
    // The published 到位资金 (12.59 against 8.14) and the seeded 工业 and 市外 bases swing more than 30%: each needs a 说明.
    expect(sheet.findings.map(key)).toEqual([
      "verify parts-sum-mismatch B5",
      "verify rate-mismatch D9",
      "verify yoy-swing F9",
      "verify yoy-swing F10",
      "verify yoy-swing F11",
    ]);
    expect(sheet.findings.every((f) => f.unit === "黔江区")).toBe(true);
  }, 30_000);

  test("核实说明 stored in the workbook: the explained verify finding is shown as explained, not as open", async () => {
    const { dir, cleanup } = tempDir();
    try {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(ANOMALIES);
      writeExplanations(wb, [
        { sheet: "1-6月", cell: "D22", rule: "unit-slip", text: "合川区当月有一笔重大项目签约，已附合同复印件", author: "王芳", date: "2022-07-08" },
        { sheet: "1-6月", cell: "I36", rule: "blank-value", text: "核实无误" }, // not an explanation: stays open
      ]);
      const file = path.join(dir, "explained.xlsx");
      await wb.xlsx.writeFile(file);

      const { report } = await check(file, "--targets", TARGETS);
      const sheet = report.files[0].sheets[0] as unknown as { explained: number; findings: (JsonFinding & { explanation: { text: string; author: string } | null })[] };
      expect(sheet.explained).toBe(1);
      const slip = sheet.findings.find((f) => f.cell === "D22")!;
      expect(slip.explanation).toEqual({ text: "合川区当月有一笔重大项目签约，已附合同复印件", author: "王芳", date: "2022-07-08" });
      expect(sheet.findings.find((f) => f.cell === "I36")!.explanation).toBeNull();

      const text = (await runCli([file, "--targets", TARGETS], EXAMPLES)).stdout;
      expect(text).toContain("核实性·已说明");
      expect(text).toContain("〔核实说明：合川区当月有一笔重大项目签约");
      expect(text).toContain("（已说明 1）");
    } finally {
      cleanup();
    }
  });

  test("--out writes an annotated copy: marks by severity, notes, a 校验结果 sheet; the original is untouched", async () => {
    const { dir, cleanup } = tempDir();
    try {
      const before = sha256(ANOMALIES);
      const { code } = await runCli([ANOMALIES, "--targets", TARGETS, "--out", dir], EXAMPLES);
      expect(code).toBe(1);
      expect(sha256(ANOMALIES)).toBe(before);

      const copy = path.join(dir, "chongqing-2022-h1.xlsx");
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(copy);
      const ws = wb.getWorksheet("1-6月")!;
      // Marks are conditional formats of ours; the cells' own fills stay as they were.
      const marks = markedCells(new Uint8Array(readFileSync(copy)), "1-6月");
      expect(marks.get("B10")).toMatch(/FFC7CE$/i); // error
      expect(marks.get("D22")).toMatch(/FFEB9C$/i); // verify
      expect(marks.get("D28")).toMatch(/DDEBF7$/i); // info
      expect(marks.has("D7")).toBe(false);
      expect((ws.getCell("B10").fill as ExcelJS.FillPattern | undefined)?.fgColor).toBeUndefined();
      expect(JSON.stringify(ws.getCell("D22").note)).toContain("疑似以万元填入亿元列");

      const report = wb.getWorksheet("校验结果")!;
      expect(report.rowCount).toBe(1 + EXPECTED_WITH_TARGETS.length);
      const cells = new Set<string>();
      report.eachRow((row, n) => {
        const v = row.getCell(4).value; // 单元格, a hyperlink to the cell
        if (n > 1) cells.add(typeof v === "object" && v !== null && "text" in v ? String(v.text) : String(v));
      });
      expect(cells).toContain("D22");
      expect(existsSync(path.join(dir, "zs-check-report.json"))).toBe(true);

      if (soffice()) {
        const out = path.join(dir, "lo");
        execFileSync("soffice", ["--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", out, copy], {
          timeout: 120_000,
          stdio: "ignore",
        });
        const csv = readFileSync(path.join(out, readdirSync(out)[0]), "utf8");
        expect(csv).toContain("全市");
        expect(csv).toContain("渝北区");
      } else {
        console.warn("LibreOffice (soffice) is not installed: the annotated copy was re-read with exceljs only");
      }
    } finally {
      cleanup();
    }
  }, 180_000);
});

function soffice(): boolean {
  try {
    execFileSync("soffice", ["--version"], { stdio: "ignore", timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}
