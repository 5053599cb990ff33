import { mkdirSync } from "node:fs";
import path from "node:path";
import { Cell, addCityTable, addDistrictTable, cleanRow, cleanRows, runCli, tempDir, writeWorkbook } from "./fixtures";

/**
 * zs-check --previous end to end: real workbooks, run() in-process. The 1-6月 table is the fixtures' clean table;
 * the 1-5月 tables are built from it by taking a little off every cumulative figure, as a month earlier would be.
 */

interface JsonFinding {
  rule: string;
  severity: string;
  cell: string | null;
  unit: string | null;
  message: string;
}
interface JsonReport {
  files: { file: string; sheets: { findings: JsonFinding[] }[]; error?: { reason: string; message: string } }[];
}

let dir: string;
let cleanup: () => void;

const MAY = "2022年1-5月全市招商引资主要指标完成情况表";

/** A month earlier: 签约 less by 1, amounts by 5.00 and 2.00, the same targets. */
function mayRows(rows: Cell[][] = cleanRows()): Cell[][] {
  return rows.map(([unit, projects, contract, funds, target]) => [
    unit,
    (projects as number) - 1,
    Math.round(((contract as number) - 5) * 100) / 100,
    Math.round(((funds as number) - 2) * 100) / 100,
    target,
  ]);
}

const findingsOf = (stdout: string): JsonFinding[] => (JSON.parse(stdout) as JsonReport).files.flatMap((f) => f.sheets.flatMap((s) => s.findings));

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  await writeWorkbook(path.join(dir, "2022-06.xlsx"), (wb) => addCityTable(wb));
  await writeWorkbook(path.join(dir, "2022-05.xlsx"), (wb) => addCityTable(wb, { title: MAY, rows: mayRows() }));
  // 1-5月 as it should not be: 渝北区 higher than in June, 江津区's target different, and 巫溪县 reported.
  await writeWorkbook(path.join(dir, "2022-05-odd.xlsx"), (wb) => {
    const rows = mayRows();
    const at = (name: string) => rows.findIndex((r) => r[0] === name);
    rows[at("渝北区")][2] = (cleanRows()[at("渝北区")][2] as number) + 3;
    rows[at("江津区")][4] = 999;
    addCityTable(wb, { title: MAY, rows });
  });
  await writeWorkbook(path.join(dir, "2022-06-no-wuxi.xlsx"), (wb) => addCityTable(wb, { rows: cleanRows().filter((r) => r[0] !== "巫溪县") }));
  await writeWorkbook(path.join(dir, "2021-05.xlsx"), (wb) => addCityTable(wb, { title: "2021年1-5月全市招商引资主要指标完成情况表", rows: mayRows() }));

  // One file per district, this month and last month, in two folders.
  mkdirSync(path.join(dir, "6月"));
  mkdirSync(path.join(dir, "5月"));
  for (const [i, unit] of ["渝中区", "江北区"].entries()) {
    await writeWorkbook(path.join(dir, "6月", `${unit}.xlsx`), (wb) => addDistrictTable(wb, unit, i));
  }
  await writeWorkbook(path.join(dir, "5月", "江北区-5月.xlsx"), (wb) =>
    addCityTable(wb, {
      rows: mayRows([cleanRow("江北区", 1)]).map((r) => [r[0], r[1], 99, r[3], r[4]]),
      withTotal: false,
      title: "2022年1-5月江北区招商引资主要指标完成情况表",
    }),
  );
  await writeWorkbook(path.join(dir, "5月", "渝中区-5月.xlsx"), (wb) =>
    addCityTable(wb, { rows: mayRows([cleanRow("渝中区", 0)]), withTotal: false, title: "2022年1-5月渝中区招商引资主要指标完成情况表" }),
  );
});

afterAll(() => cleanup());

describe("zs-check --previous", () => {
  test("a correctly rounded month-on-month pair gives no finding, exit 0", async () => {
    const r = await runCli(["2022-06.xlsx", "--previous", "2022-05.xlsx", "--format", "json"], dir);
    expect(r.code).toBe(0);
    expect(findingsOf(r.stdout)).toEqual([]);
  });

  test("a fall in a cumulative figure, a changed target and a unit gone are each 核实性, in the current file's cells", async () => {
    const odd = await runCli(["2022-06.xlsx", "--previous", "2022-05-odd.xlsx", "--format", "json"], dir);
    expect(odd.code).toBe(0);
    const found = findingsOf(odd.stdout).map((f) => `${f.severity} ${f.rule} ${f.unit} ${f.cell ?? "-"}`);
    // The 全市 target is the sum of the units' targets, so it changed with 江津区's.
    expect(found.sort()).toEqual(
      ["verify cumulative-decrease 渝北区 C12", "verify target-changed 江津区 E16", "verify target-changed 全市 E4"].sort(),
    );
    const decrease = findingsOf(odd.stdout).find((f) => f.rule === "cumulative-decrease") as JsonFinding;
    expect(decrease.message).toContain("低于上期报表“2022-05-odd.xlsx”（2022年1-5月）的累计");
    expect(decrease.message).toContain("隐含6月当月为-3.00亿元");

    const gone = await runCli(["2022-06-no-wuxi.xlsx", "--previous", "2022-05.xlsx", "--format", "json"], dir);
    expect(findingsOf(gone.stdout).filter((f) => f.rule === "unit-dropped").map((f) => f.unit)).toEqual(["巫溪县"]);
  });

  test("a previous file of another year is refused, naming both periods; exit 2", async () => {
    const r = await runCli(["2022-06.xlsx", "--previous", "2021-05.xlsx"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("上期报表应为同一年度更早的期别：本期“2022-06.xlsx”（2022年1-6月），上期“2021-05.xlsx”（2021年1-5月），不能对比。");
    const en = await runCli(["2022-06.xlsx", "--previous", "2021-05.xlsx", "--lang", "en"], dir);
    expect(en.stderr).toContain("The previous file must be an earlier period of the same year: current \"2022-06.xlsx\" (2022年1-6月), previous \"2021-05.xlsx\" (2021年1-5月)");
  });

  test("a folder of last month's files is paired with this month's files by unit", async () => {
    const r = await runCli(["6月", "--previous", "5月", "--format", "json"], dir);
    const found = findingsOf(r.stdout).filter((f) => f.rule === "cumulative-decrease");
    // 江北区's May file says 99.00 亿元, more than its June figure; 渝中区's May file is an ordinary month earlier.
    expect(found.map((f) => f.unit)).toEqual(["江北区"]);
    expect(found[0].message).toContain("上期报表“5月/江北区-5月.xlsx”");
  });

  test("a 全年 sheet with its four quarters: the year must equal their sum within rounding", async () => {
    const quarter = (q: number): Cell[][] =>
      cleanRows().map(([unit, projects, contract, funds, target]) => [
        unit,
        q === 4 ? (projects as number) - 3 * Math.floor((projects as number) / 4) : Math.floor((projects as number) / 4),
        Math.round(((contract as number) / 4) * 100) / 100,
        Math.round(((funds as number) / 4) * 100) / 100,
        target,
      ]);
    const names = ["一", "二", "三", "四"];
    for (let q = 1; q <= 4; q++) {
      await writeWorkbook(path.join(dir, `Q${q}.xlsx`), (wb) =>
        addCityTable(wb, { title: `2022年${names[q - 1]}季度全市招商引资主要指标完成情况表`, rows: quarter(q) }),
      );
    }
    const year = (rows: Cell[][]) => (wb: Parameters<typeof addCityTable>[0]) =>
      addCityTable(wb, { title: "2022年1-12月全市招商引资主要指标完成情况表", rows });
    await writeWorkbook(path.join(dir, "2022.xlsx"), year(cleanRows()));
    const quarters = ["--previous", "Q1.xlsx", "--previous", "Q2.xlsx", "--previous", "Q3.xlsx", "--previous", "Q4.xlsx"];
    const clean = await runCli(["2022.xlsx", ...quarters, "--format", "json"], dir);
    expect(findingsOf(clean.stdout).filter((f) => f.rule === "quarters-mismatch")).toEqual([]);

    const off = cleanRows();
    off[5][2] = (off[5][2] as number) + 2;
    await writeWorkbook(path.join(dir, "2022-off.xlsx"), year(off));
    const r = await runCli(["2022-off.xlsx", ...quarters, "--format", "json"], dir);
    const found = findingsOf(r.stdout).filter((f) => f.rule === "quarters-mismatch");
    expect(found.map((f) => `${f.unit} ${f.cell}`)).toEqual([`全市 C4`, `${off[5][0]} C10`]);
    expect(found[1].message).toContain("四个季度之和为");

    const three = await runCli(["2022.xlsx", ...quarters.slice(0, 6)], dir);
    expect(three.code).toBe(2);
    expect(three.stderr).toContain("应与同一年度的四个季度");
  });

  test("a missing previous file is a usage error before anything is checked", async () => {
    const r = await runCli(["2022-06.xlsx", "--previous", "nowhere.xlsx"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--previous：找不到文件或文件夹 nowhere.xlsx");
    expect(r.stdout).toBe("");
  });

  test("--help explains --previous in both languages", async () => {
    expect((await runCli(["--help"], dir)).stdout).toContain("--previous <文件或文件夹> 与上期报表对比");
    expect((await runCli(["--help", "--lang", "en"], dir)).stdout).toContain("--previous <file|folder>  compare with last period's file");
  });
});
