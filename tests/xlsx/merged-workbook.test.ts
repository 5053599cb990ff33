import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import { consolidate } from "../../src/core/merge";
import { columnLetters } from "../../src/core/sheet/a1";
import { mergedSheets, writeMergedWorkbook } from "../../src/xlsx/merged-workbook";
import { readWorkbook } from "../../src/xlsx/read";
import { Cell, SheetSpec, writeSpreadsheet } from "../../src/xlsx/write/spreadsheet";
import { entryData, readZipDirectory } from "../../src/xlsx/zip";
import { districtForm, submission } from "../core/merge/district-forms";
import { SEED_2022_H1, seedFileName, seedFormLines } from "../support/seed-2022-h1";
import { findSoffice, parseCsvLine } from "../support/libreoffice";

/**
 * Seed 000's forms, with a 上年同期 and a 年度目标 added to each printed 正式合同额 (deterministic, 2 decimals) so that
 * 同比, 完成率 and 超序时进度 are exercised too; 城口县's base is 0 (no growth rate), 巫溪县 has no target.
 */
function seedTable() {
  const subs = SEED_2022_H1.map((entry, i) => {
    const lines = seedFormLines(entry).map((l) => {
      if (l.label !== "正式合同额" || entry.contract === undefined) return l;
      const previous = entry.unit === "城口县" ? 0 : Math.round(entry.contract * (0.8 + (i % 5) * 0.07) * 100) / 100;
      // 巫溪县 gives no target: its group's and the city's 完成率 are then left blank (a rate over a partial base).
      const target = entry.unit === "巫溪县" ? undefined : Math.round(entry.contract / (0.45 + (i % 4) * 0.06));
      return { ...l, previous, target };
    });
    return submission(seedFileName(i), districtForm(entry.unit, lines));
  });
  return consolidate(subs);
}

/** Every formula cell of the sheets: [sheet, A1, cached]. */
function formulaCells(sheets: readonly SheetSpec[]): { sheet: string; row: number; col: number; cached: number | string }[] {
  const out: { sheet: string; row: number; col: number; cached: number | string }[] = [];
  for (const s of sheets) {
    s.rows.forEach((cells, r) =>
      cells?.forEach((c, col) => {
        if (c?.kind === "formula") out.push({ sheet: s.name, row: r, col, cached: c.cached });
      }),
    );
  }
  return out;
}

/** The same sheets with every cached result replaced: what LibreOffice prints can then only be its own result. */
function withStaleCaches(sheets: readonly SheetSpec[]): SheetSpec[] {
  return sheets.map((s) => ({
    ...s,
    rows: s.rows.map((cells) => cells?.map((c): Cell | undefined => (c?.kind === "formula" ? { ...c, cached: "stale" } : c))),
  }));
}

/**
 * A throwaway LibreOffice profile that recalculates every formula of an .xlsx on load: LibreOffice 7.4 otherwise
 * shows the cached results (toolchain.md), and Calc's OOXMLRecalcMode 0 means "always".
 */
function recalculatingProfile(dir: string): string {
  const profile = path.join(dir, "profile");
  fs.mkdirSync(path.join(profile, "user"), { recursive: true });
  fs.writeFileSync(
    path.join(profile, "user", "registrymodifications.xcu"),
    '<?xml version="1.0" encoding="UTF-8"?><oor:items xmlns:oor="http://openoffice.org/2001/registry" ' +
      'xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
      '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse">' +
      "<value>0</value></prop></item></oor:items>",
  );
  return profile;
}

describe("the merged workbook's native formulas", () => {
  const table = seedTable();
  const sheets = mergedSheets(table);

  test("are recalculated by LibreOffice to the values written as their cached results", () => {
    const soffice = findSoffice();
    const cells = formulaCells(sheets);
    expect(cells.length).toBeGreaterThan(500);
    if (soffice === null) {
      console.log("LibreOffice (soffice) not found: the recalculation check needs it; checked the formula count only.");
      return;
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zs-merge-lo-"));
    try {
      const file = path.join(dir, "merged.xlsx");
      fs.writeFileSync(file, writeSpreadsheet(withStaleCaches(sheets)));
      const profile = recalculatingProfile(dir);
      // Field 12 = -1: every sheet to its own CSV (merged-<sheet>.csv); field 9 false: full precision, not as shown.
      execFileSync(
        soffice,
        [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", dir, file],
        { stdio: "pipe", timeout: 120_000 },
      );
      const csv = new Map(
        sheets.map((s) => [s.name, fs.readFileSync(path.join(dir, `merged-${s.name}.csv`), "utf8").split(/\r?\n/).map(parseCsvLine)]),
      );
      let compared = 0;
      for (const c of cells) {
        const where = `${c.sheet}!${columnLetters(c.col)}${c.row + 1}`;
        const native = csv.get(c.sheet)?.[c.row]?.[c.col] ?? "";
        if (c.cached === "") {
          expect(`${where}: ${native}`).toBe(`${where}: `);
        } else {
          const n = native.endsWith("%") ? Number(native.slice(0, -1)) / 100 : Number(native);
          expect(`${where}: ${Number.isFinite(n) ? "number" : native}`).toBe(`${where}: number`);
          expect(Math.abs(n - (c.cached as number))).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(c.cached as number)));
        }
        compared++;
      }
      expect(compared).toBe(cells.length);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);

  test("its bar charts are read by LibreOffice as bar charts over the lists' cells", () => {
    const soffice = findSoffice();
    if (soffice === null) {
      console.log("LibreOffice (soffice) not found: the chart import check needs it.");
      return;
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zs-merge-chart-"));
    try {
      const file = path.join(dir, "merged.xlsx");
      fs.writeFileSync(file, writeMergedWorkbook(table, (d) => deflateRawSync(d)));
      execFileSync(soffice, [`-env:UserInstallation=file://${recalculatingProfile(dir)}`, "--headless", "--convert-to", "ods", "--outdir", dir, file], {
        stdio: "pipe",
        timeout: 120_000,
      });
      // An .ods keeps each chart as an embedded object with its own content.xml.
      const ods = fs.readFileSync(path.join(dir, "merged.ods"));
      const zip = readZipDirectory(ods, 1000);
      const objects = zip.ok ? zip.entries.filter((e) => /^Object \d+\/content\.xml$/.test(e.name)) : [];
      expect(objects).toHaveLength(mergedSheets(table)[1].charts?.length ?? -1);
      for (const o of objects) {
        const xml = inflateRawSync(entryData(ods, o) as Uint8Array).toString("utf8");
        expect(xml).toContain('chart:class="chart:bar"');
        expect(xml).toMatch(/table:cell-range-address="[^"]*赛马榜/);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);

  test("use only SUM, COUNT, IF, OR, N, IFERROR, COUNTIF and COUNTIFS (no RANK.EQ, which needs _xlfn. and shows #NAME? in LibreOffice 7.4)", () => {
    const names = new Set<string>();
    for (const s of sheets) for (const cells of s.rows) for (const c of cells ?? []) if (c?.kind === "formula") for (const m of c.formula.matchAll(/([A-Z.]+)\(/g)) names.add(m[1]);
    expect([...names].sort()).toEqual(["COUNT", "COUNTIF", "COUNTIFS", "IF", "IFERROR", "N", "OR", "SUM"]);
  });
});

describe("the merged workbook as a reader sees it", () => {
  const table = seedTable();

  test("has the title with the period, the unit line, merged two-row headers and the number formats statisticians print", async () => {
    const bytes = writeMergedWorkbook(table);
    const data = await readWorkbook(bytes, { sheets: ["汇总表"] });
    const grid = data.sheets[0];
    expect(grid.values[0][0]).toBe("2022年1-6月全市招商引资主要指标汇总表");
    expect(grid.values[1][0]).toBe("单位：个、亿元");
    expect(grid.values[2].slice(0, 3)).toEqual(["序号", "区县", "签约项目数（个）"]);
    expect(grid.merges).toEqual(expect.arrayContaining([{ top: 2, left: 0, bottom: 3, right: 0 }, { top: 0, left: 0, bottom: 0, right: expect.any(Number) }]));
    const header = grid.values[3];
    const col = (name: string, from: number) => header.indexOf(name, from);
    const contract = grid.values[2].indexOf("正式合同额（亿元）");
    const city = grid.values.findIndex((r) => r[1] === "全市");
    const formats = grid.numberFormats?.[city] ?? [];
    expect(formats[col("本期", contract)]).toBe("0.00");
    expect(formats[col("同比", contract)]).toBe("0.0%");
    expect(formats[col("超序时进度", contract)]).toBe('0.00"个百分点"');
    // Text is written as text: no cell of the table holds a formula that yields a label.
    expect(grid.formulas?.[city]?.[1] ?? null).toBeNull();
  });

  test("has one native bar chart per ranking list, its series pointing at the list's cells", () => {
    const text = Buffer.from(writeMergedWorkbook(table)).toString("utf8");
    const charts = text.match(/<c:barChart>/g) ?? [];
    const lists = mergedSheets(table)[1].charts ?? [];
    expect(charts.length).toBe(lists.length);
    expect(lists.map((l) => l.title)).toEqual([
      "签约项目数（个）排名",
      "正式合同项目数（个）排名",
      "正式合同额（亿元）排名",
      "正式合同额完成率排名",
      "工业合同额（亿元）排名",
      "协议引资（亿元）排名",
      "计划投资（亿元）排名",
      "总投资（亿元）排名",
      "综合排名（正式合同额完成率，不含两江新区、重庆高新区）",
    ]);
    expect(text).toContain("<c:f>'赛马榜'!$B$5:$B$");
  });

  test("the overall list leaves out the units the registry flags; the single-indicator lists keep them", () => {
    const ranking = mergedSheets(table)[1];
    const charts = ranking.charts ?? [];
    const overall = charts[charts.length - 1];
    expect(overall.categoryCache).not.toContain("两江新区");
    expect(overall.categoryCache).not.toContain("重庆高新区");
    expect(charts.find((c) => c.title === "正式合同额（亿元）排名")?.categoryCache[0]).toBe("两江新区");
    // Sorted by value, largest first.
    const values = overall.valueCache as number[];
    expect([...values].sort((a, b) => b - a)).toEqual(values);
  });
});
