import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { inflateRawSync } from "node:zlib";
import { CliIO } from "../../src/cli/io";
import { runMerge } from "../../src/cli/merge-main";
import { CellValue } from "../../src/core/numbers";
import { chongqing } from "../../src/core/units";
import { readWorkbook } from "../../src/xlsx/read";
import { ZipEntry, entryData, readZipDirectory } from "../../src/xlsx/zip";
import { SEED_2022_H1, seedFileName } from "../support/seed-2022-h1";
import { formBytes, writeSeedForms } from "../support/seed-forms";
import { RunResult, runCli, tempDir } from "./fixtures";

async function runMergeCli(argv: string[], cwd: string): Promise<RunResult> {
  let stdout = "";
  let stderr = "";
  const io: CliIO = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    isTTY: false,
    cwd,
    env: {},
  };
  const code = await runMerge(argv, io);
  return { code, stdout, stderr };
}

/** The 汇总表 as read back by our reader: cell values (formulas give their cached results) by label and header. */
async function summaryTable(file: string) {
  const data = await readWorkbook(readFileSync(file), { fileName: path.basename(file) });
  expect(data.sheetNames).toEqual(["汇总表", "赛马榜", "来源"]);
  const grid = data.sheets[0];
  const v = grid.values;
  const rowOf = (label: string): CellValue[] => {
    const row = v.find((r) => r[1] === label);
    if (!row) throw new Error(`no row ${label}`);
    return row;
  };
  const colOf = (indicator: string, measure: string): number => {
    const start = v[2].findIndex((c) => c === indicator);
    if (start < 0) throw new Error(`no block ${indicator}`);
    for (let c = start; c < v[3].length; c++) if (v[3][c] === measure) return c;
    throw new Error(`no ${measure} under ${indicator}`);
  };
  const at = (label: string, indicator: string, measure: string): CellValue => rowOf(label)[colOf(indicator, measure)];
  return { grid, at, rowOf };
}

const EXCLUDED = new Set(["两江新区", "重庆高新区"]); // domain.md: not added into the 全市 total
const blank = (x: CellValue): boolean => x === null || x === undefined || x === "";

describe("zs-merge rebuilds the 2022 1–6月 city table of seed 000", () => {
  const t = tempDir();
  const forms = path.join(t.dir, "报送");
  let result: RunResult;
  let table: Awaited<ReturnType<typeof summaryTable>>;

  beforeAll(async () => {
    mkdirSync(forms);
    await writeSeedForms(forms);
    result = await runMergeCli(["报送", "--out", "汇总.xlsx"], t.dir);
    table = await summaryTable(path.join(t.dir, "汇总.xlsx"));
  }, 60_000);
  afterAll(() => t.cleanup());

  // Independent of the merge code: the printed entries, the rule that a unit printed twice is not merged, the
  // forms whose template rows are all "—" that the checker cannot read as data (no-data-sheet), and plain sums.
  const unreadable = SEED_2022_H1.map((e, i) => (e.projects === undefined && e.contract === undefined ? i : -1)).filter((i) => i >= 0);
  const readable = SEED_2022_H1.filter((_e, i) => !unreadable.includes(i));
  const times = (unit: string) => readable.filter((e) => e.unit === unit).length;
  const merged = readable.filter((e) => times(e.unit) === 1);
  const official = (name: string) => chongqing.resolve(name, 2022).status === "ok" ? (chongqing.resolve(name, 2022) as { unit: { name: string } }).unit.name : name;

  test("it exits 2 (files it could not read), names both 梁平区 files and the units left blank", () => {
    expect(unreadable.map((i) => SEED_2022_H1[i].unit)).toEqual(["万州区", "璧山区", "酉阳县"]);
    // 2 wins over 1, as in zs-check: a batch with an unread file is not merely "with findings".
    expect(result.code).toBe(2);
    expect(result.stdout).toContain(`梁平区：报送/${seedFileName(22)}、报送/${seedFileName(24)}`);
    expect(result.stdout).toContain("未报送（汇总表中留空，不作 0 计）2 个：綦江区、荣昌区");
    expect(result.stdout).toContain(`文件 报送/${seedFileName(0)} 中没有找到数据表`);
    expect(result.stdout).toMatch(/已汇总 36 个文件（36 个单位）→ 汇总\.xlsx/);
  });

  const indicators = [
    { block: "签约项目数（个）", pick: (e: (typeof SEED_2022_H1)[number]) => e.projects },
    { block: "正式合同额（亿元）", pick: (e: (typeof SEED_2022_H1)[number]) => e.contract },
  ];

  test.each(indicators)("every unit's $block, total, group subtotal, share and rank equal an independent computation", ({ block, pick }) => {
    const value = new Map<string, number>();
    for (const e of merged) {
      const v = pick(e);
      if (v !== undefined) value.set(official(e.unit), v);
    }
    const units = chongqing.unitsOf("chongqing-2020");
    const cityTotal = [...value].filter(([u]) => !EXCLUDED.has(u)).reduce((s, [, v]) => s + v, 0);
    expect(table.at("全市", block, "本期")).toBeCloseTo(cityTotal, 9);
    for (const group of ["中心城区", "主城新区", "渝东北三峡库区城镇群", "渝东南武陵山区城镇群"]) {
      const members = units.filter((u) => u.groups["2020"] === group && !EXCLUDED.has(u.name) && value.has(u.name));
      const sum = members.reduce((s, u) => s + (value.get(u.name) as number), 0);
      expect(table.at(group, block, "本期")).toBeCloseTo(sum, 9);
      expect(table.at(group, block, "占全市比重")).toBeCloseTo(sum / cityTotal, 12);
    }
    for (const u of units) {
      const v = value.get(u.name);
      if (v === undefined) {
        // Never 0: blank, and so are its share and ranks.
        for (const m of ["本期", "占全市比重", "片区排名", "全市排名"]) expect(blank(table.at(u.name, block, m))).toBe(true);
        continue;
      }
      expect(table.at(u.name, block, "本期")).toBe(v);
      expect(table.at(u.name, block, "占全市比重")).toBeCloseTo(v / cityTotal, 12);
      const better = [...value.values()].filter((x) => x > v).length;
      expect(table.at(u.name, block, "全市排名")).toBe(better + 1);
      const peers = units.filter((p) => p.groups["2020"] === u.groups["2020"] && (value.get(p.name) ?? -Infinity) > v).length;
      expect(table.at(u.name, block, "片区排名")).toBe(peers + 1);
    }
  });

  test("the broader measures are merged as indicators of their own, never into 正式合同额", () => {
    expect(table.at("南川区", "协议引资（亿元）", "本期")).toBe(396.97);
    expect(blank(table.at("南川区", "正式合同额（亿元）", "本期"))).toBe(true);
    expect(table.at("彭水苗族土家族自治县", "计划投资（亿元）", "本期")).toBe(174);
    expect(table.at("彭水苗族土家族自治县", "总投资（亿元）", "本期")).toBe(64);
  });

  test("the merged workbook passes zs-check: no 强制性, and 核实性 only for figures no submission gave", async () => {
    const check = await runCli(["汇总.xlsx", "--format", "json"], t.dir);
    const report = JSON.parse(check.stdout) as { files: { sheets: { sheet: string; findings: { severity: string; rule: string; cell: string }[] }[] }[] };
    const sheets = report.files[0].sheets;
    expect(sheets.map((s) => s.sheet)).toEqual(["汇总表"]);
    const findings = sheets[0].findings;
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
    const verify = findings.filter((f) => f.severity === "verify");
    expect(verify.length).toBeGreaterThan(0);
    for (const f of verify) {
      expect(f.rule).toBe("blank-value");
      // The cell is blank in the table because no merged submission gave that figure.
      const [, letters, row] = /^([A-Z]+)(\d+)$/.exec(f.cell) as RegExpExecArray;
      const col = letters.split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      expect(blank(table.grid.values[Number(row) - 1][col])).toBe(true);
    }
  });

  test("each merged number names its file, sheet and cell on the 来源 sheet, and its 汇总表 cell links there", async () => {
    const data = await readWorkbook(readFileSync(path.join(t.dir, "汇总.xlsx")));
    const sources = (await readWorkbook(readFileSync(path.join(t.dir, "汇总.xlsx")), { sheets: ["来源"] })).sheets[0].values;
    const row = sources.find((r) => r[1] === "涪陵区" && r[2] === "正式合同额");
    expect(row?.slice(3, 8)).toEqual(["本期", 389.76, `报送/${seedFileName(2)}`, "涪陵区", "B5"]);
    expect(data.sheetNames).toContain("来源");
    const bytes = readFileSync(path.join(t.dir, "汇总.xlsx"));
    const dir = readZipDirectory(bytes, 100);
    const entry = dir.ok ? dir.entries.find((e) => e.name === "xl/worksheets/sheet1.xml") : undefined;
    const xml = inflateRawSync(entryData(bytes, entry as ZipEntry) as Uint8Array).toString("utf8");
    expect(xml).toContain(`<hyperlink ref="${row?.[0]}" location="'来源'!A`);
  });

  test("a second run never replaces the first workbook, and skips an earlier one named as input", async () => {
    const again = await runMergeCli(["报送", "汇总.xlsx", "--out", "汇总.xlsx"], t.dir);
    expect(again.stdout).toContain("→ 汇总 (2).xlsx");
    expect(again.stdout).not.toContain("重复报送，各份均未汇总：\n  渝中区");
    const third = await runMergeCli(["报送", "汇总 (2).xlsx", "--out", "新.xlsx"], t.dir);
    expect(third.stdout).toContain("已跳过此前生成的汇总表：汇总 (2).xlsx");
    expect(third.stdout).toContain("重复报送，各份均未汇总：\n  梁平区");
    expect(readdirSync(t.dir).sort()).toEqual(["报送", "新.xlsx", "汇总 (2).xlsx", "汇总.xlsx"].sort());
  }, 30_000);
});

describe("zs-merge refusals", () => {
  test("a file with 强制性 findings is refused and listed with them, unless --force", async () => {
    const t = tempDir();
    try {
      writeFileSync(path.join(t.dir, "黔江区.xlsx"), await formBytes("黔江区", [{ label: "签约项目数", current: 20 }, { label: "正式合同额", current: 95.03 }]));
      writeFileSync(path.join(t.dir, "涪陵区.xlsx"), await formBytes("涪陵区", [{ label: "签约项目数", current: 33 }, { label: "正式合同额", current: -389.76 }]));
      const refused = await runMergeCli([".", "--out", "汇总.xlsx"], t.dir);
      expect(refused.code).toBe(1);
      expect(refused.stdout).toContain("未汇总（有强制性问题；修改后重报，或用 --force 强制汇总）：");
      expect(refused.stdout).toMatch(/涪陵区\.xlsx：强制性 1\n {4}B5 /);
      let merged = await summaryTable(path.join(t.dir, "汇总.xlsx"));
      expect(blank(merged.at("涪陵区", "正式合同额（亿元）", "本期"))).toBe(true);

      const forced = await runMergeCli([".", "--out", "强制.xlsx", "--force"], t.dir);
      expect(forced.code).toBe(1);
      expect(forced.stdout).toContain("已按 --force 汇总，但仍有强制性问题：");
      merged = await summaryTable(path.join(t.dir, "强制.xlsx"));
      expect(merged.at("涪陵区", "正式合同额（亿元）", "本期")).toBe(-389.76);
    } finally {
      t.cleanup();
    }
  });

  test("--out is required and must name an .xlsx file; an unknown --grouping is refused", async () => {
    const t = tempDir();
    try {
      copyFileSync(path.join(__dirname, "../../examples/qianjiang-2022-h1-form.xlsx"), path.join(t.dir, "a.xlsx"));
      expect((await runMergeCli(["a.xlsx"], t.dir)).stderr).toContain("zs-merge: 请用 --out 指定汇总表文件名");
      expect((await runMergeCli(["a.xlsx", "--out", "x"], t.dir)).code).toBe(2);
      const bad = await runMergeCli(["a.xlsx", "--out", "x.xlsx", "--grouping", "2019"], t.dir);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain("未知的分组方案“2019”。可用：2020、2024");
    } finally {
      t.cleanup();
    }
  });

  test("--help is Chinese first and --lang en gives the English help", async () => {
    expect((await runMergeCli(["--help"], "/")).stdout).toContain("zs-merge — 汇总区县报表");
    expect((await runMergeCli(["--help", "--lang", "en"], "/")).stdout).toContain("consolidate the districts' sheets");
  });
});

describe("zs-merge options", () => {
  const t = tempDir();
  beforeAll(async () => {
    mkdirSync(path.join(t.dir, "报送"));
    const forms: [string, number, number][] = [
      ["黔江区", 20, 95.1],
      ["垫江县", 96, 265.81],
      ["渝中区", 57, 290],
    ];
    for (const [unit, projects, contract] of forms) {
      writeFileSync(path.join(t.dir, "报送", `${unit}.xlsx`), await formBytes(unit, [{ label: "签约项目数", current: projects }, { label: "正式合同额", current: contract }]));
    }
    copyFileSync(path.join(__dirname, "../../examples/targets-2022.xlsx"), path.join(t.dir, "目标.xlsx"));
  });
  afterAll(() => t.cleanup());

  test("--targets fills 年度目标 and 完成率, and the 来源 sheet names the targets workbook", async () => {
    const r = await runMergeCli(["报送", "--targets", "目标.xlsx", "--out", "目标汇总.xlsx"], t.dir);
    expect(r.code).toBe(0);
    const merged = await summaryTable(path.join(t.dir, "目标汇总.xlsx"));
    const target = merged.at("黔江区", "正式合同额（亿元）", "年度目标") as number;
    expect(target).toBeGreaterThan(0);
    expect(merged.at("黔江区", "正式合同额（亿元）", "完成率")).toBeCloseTo(95.1 / target, 12);
    const sources = (await readWorkbook(readFileSync(path.join(t.dir, "目标汇总.xlsx")), { sheets: ["来源"] })).sheets[0].values;
    expect(sources.find((row) => row[1] === "黔江区" && row[3] === "年度目标")?.[5]).toBe("目标.xlsx");
  });

  test("--grouping 2024 groups 垫江县 under 渝东新城 inside 主城都市区", async () => {
    await runMergeCli(["报送", "--grouping", "2024", "--out", "2024.xlsx"], t.dir);
    const merged = await summaryTable(path.join(t.dir, "2024.xlsx"));
    const labels = merged.grid.values.map((row) => row[1]);
    expect(labels.indexOf("渝东新城")).toBeLessThan(labels.indexOf("垫江县"));
    expect(merged.at("主城都市区", "正式合同额（亿元）", "本期")).toBeCloseTo(290 + 265.81, 9);
  });

  test("--format json reports what was merged, what is missing, and where the workbook went; --lang en words the text report in English", async () => {
    const json = await runMergeCli(["报送", "--format", "json", "--out", "j.xlsx"], t.dir);
    const report = JSON.parse(json.stdout) as { output: string; merged: { file: string }[]; missing: string[]; duplicates: unknown[] };
    expect(report.output).toBe("j.xlsx");
    expect(report.merged.map((m) => m.file).sort()).toEqual(["报送/垫江县.xlsx", "报送/渝中区.xlsx", "报送/黔江区.xlsx"]);
    expect(report.missing).toHaveLength(38);
    expect(report.duplicates).toEqual([]);
    const en = await runMergeCli(["报送", "--lang", "en", "--out", "e.xlsx"], t.dir);
    expect(en.stdout).toContain("merged 3 files (3 units) → e.xlsx");
    expect(en.stdout).toContain("no submission (left blank in the table, never 0), 38:");
  });
});

describe("the merging example", () => {
  test("examples/merge-2022-h1/汇总.xlsx is exactly what zs-merge makes of its forms today (npm run examples:merge)", async () => {
    const t = tempDir();
    try {
      const root = path.resolve(__dirname, "../..");
      const out = path.join(t.dir, "汇总.xlsx");
      const r = await runMergeCli(["examples/merge-2022-h1/报送", "--targets", "examples/targets-2022.xlsx", "--out", out], root);
      expect(r.code).toBe(2);
      expect(readFileSync(out).equals(readFileSync(path.join(root, "examples/merge-2022-h1/汇总.xlsx")))).toBe(true);
    } finally {
      t.cleanup();
    }
  }, 30_000);
});
