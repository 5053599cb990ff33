/*
 * npm run examples: writes the sample workbooks in examples/ from a fixed seed, so they can be regenerated and
 * reviewed as code. Figures are synthetic; the layout is that of real district sheets (title, unit line, two-row
 * merged headers, 全市 row first, group subtotal rows, footer). The planted anomalies are listed in
 * examples/README.md and asserted by tests/cli/examples.test.ts.
 */
import ExcelJS from "exceljs";
import fs from "fs";
import path from "path";
import { chongqing, UnitRecord } from "../src/core/units";

const OUT = path.resolve(__dirname, "../examples");
const PRESET = "chongqing-2020";
const GROUPS = ["中心城区", "主城新区", "渝东北三峡库区城镇群", "渝东南武陵山区城镇群"];
const AMOUNT = "0.00";
const RATE = "0.00%";

function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const r2 = (x: number) => Math.round(x * 100) / 100;
const r4 = (x: number) => Math.round(x * 10000) / 10000;

interface UnitFigures {
  unit: UnitRecord;
  projects: number;
  contract: number;
  contractPrev: number;
  contractTarget: number;
  industrial: number;
  funds: number;
  fundsPrev: number;
  fundsTarget: number;
}

/** Plausible 1–6月 figures: central districts larger, every unit ahead of 50% time progress in the clean book. */
function figures(seed: number): UnitFigures[] {
  const rand = mulberry32(seed);
  return chongqing.unitsOf(PRESET).map((unit) => {
    const group = chongqing.groupOf(unit, "2020");
    const scale = group === "中心城区" ? 3 : group === "主城新区" ? 2 : 1;
    const contract = r2((60 + rand() * 240) * scale);
    const contractTarget = Math.round((contract / (0.52 + rand() * 0.2)) / 10) * 10;
    const funds = r2(contract * (0.18 + rand() * 0.15));
    const fundsTarget = Math.round((funds / (0.52 + rand() * 0.2)) / 5) * 5;
    return {
      unit,
      projects: Math.round((15 + rand() * 40) * scale),
      contract,
      contractPrev: r2(contract / (1.05 + rand() * 0.2)),
      contractTarget,
      industrial: r2(contract * (0.35 + rand() * 0.4)),
      funds,
      fundsPrev: r2(funds / (1.02 + rand() * 0.2)),
      fundsTarget,
    };
  });
}

type Row = (string | number | null | ExcelJS.CellFormulaValue)[];

function sum(rows: UnitFigures[], pick: (f: UnitFigures) => number): number {
  return r2(rows.reduce((acc, f) => acc + pick(f), 0));
}

/** The figures of an aggregate row, from the units that count in the city total (zones overlap their districts). */
function aggregate(label: string, members: UnitFigures[], withTargets: boolean): Row {
  const counted = members.filter((f) => f.unit.countsInCityTotal);
  const c = sum(counted, (f) => f.contract);
  const cp = sum(counted, (f) => f.contractPrev);
  const ct = sum(counted, (f) => f.contractTarget);
  const fu = sum(counted, (f) => f.funds);
  const fp = sum(counted, (f) => f.fundsPrev);
  const ft = sum(counted, (f) => f.fundsTarget);
  return [
    null,
    label,
    counted.reduce((acc, f) => acc + f.projects, 0),
    c,
    cp,
    r4((c - cp) / cp),
    ...(withTargets ? [ct] : []),
    r4(c / ct),
    sum(counted, (f) => f.industrial),
    fu,
    fp,
    r4((fu - fp) / fp),
    ...(withTargets ? [ft] : []),
    r4(fu / ft),
  ];
}

function unitRow(index: number, f: UnitFigures, withTargets: boolean): Row {
  return [
    index,
    f.unit.name,
    f.projects,
    f.contract,
    f.contractPrev,
    r4((f.contract - f.contractPrev) / f.contractPrev),
    ...(withTargets ? [f.contractTarget] : []),
    r4(f.contract / f.contractTarget),
    f.industrial,
    f.funds,
    f.fundsPrev,
    r4((f.funds - f.fundsPrev) / f.fundsPrev),
    ...(withTargets ? [f.fundsTarget] : []),
    r4(f.funds / f.fundsTarget),
  ];
}

interface Layout {
  rows: Row[];
  /** Sheet row (1-based) of each unit by code, for planting anomalies. */
  rowOf: Map<string, number>;
  totalRow: number;
}

const FIRST_DATA_ROW = 5;

function layout(all: UnitFigures[], withTargets: boolean): Layout {
  const rows: Row[] = [aggregate("全市", all, withTargets)];
  const rowOf = new Map<string, number>();
  let index = 1;
  for (const group of GROUPS) {
    const members = all.filter((f) => chongqing.groupOf(f.unit, "2020") === group);
    rows.push(aggregate(group, members, withTargets));
    for (const f of members) {
      rowOf.set(f.unit.code, FIRST_DATA_ROW + rows.length);
      rows.push(unitRow(index++, f, withTargets));
    }
  }
  return { rows, rowOf, totalRow: FIRST_DATA_ROW };
}

function headers(withTargets: boolean): { top: string[]; sub: string[]; merges: string[] } {
  const measures = withTargets ? ["本期", "上年同期", "同比", "年度目标", "完成率"] : ["本期", "上年同期", "同比", "完成率"];
  const n = measures.length;
  const col = (i: number) => String.fromCharCode(65 + i);
  const contractStart = 3;
  const industrial = contractStart + n;
  const fundsStart = industrial + 1;
  const top = ["序号", "区县", "签约项目数（个）", "正式合同额（亿元）", ...Array(n - 1).fill(""), "其中：工业合同额（亿元）", "到位资金（亿元）", ...Array(n - 1).fill("")];
  const sub = ["", "", "", ...measures, "", ...measures];
  const merges = [
    "A3:A4",
    "B3:B4",
    "C3:C4",
    `${col(contractStart)}3:${col(contractStart + n - 1)}3`,
    `${col(industrial)}3:${col(industrial)}4`,
    `${col(fundsStart)}3:${col(fundsStart + n - 1)}3`,
  ];
  return { top, sub, merges };
}

function districtSheet(wb: ExcelJS.Workbook, name: string, title: string, table: Layout, withTargets: boolean): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  const { top, sub, merges } = headers(withTargets);
  const lastCol = String.fromCharCode(64 + top.length);
  ws.addRow([title]);
  ws.mergeCells(`A1:${lastCol}1`);
  ws.getCell("A1").font = { bold: true, size: 14 };
  ws.getCell("A1").alignment = { horizontal: "center" };
  ws.addRow(["单位：亿元、个"]);
  ws.mergeCells(`A2:${lastCol}2`);
  ws.getCell("A2").alignment = { horizontal: "right" };
  ws.addRow(top);
  ws.addRow(sub);
  merges.forEach((m) => ws.mergeCells(m));
  for (const r of [3, 4]) {
    ws.getRow(r).font = { bold: true };
    ws.getRow(r).alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  }
  for (const row of table.rows) ws.addRow(row);
  const rateCols = sub.map((s, i) => (s === "同比" || s === "完成率" ? i + 1 : 0)).filter((i) => i > 0);
  const countCols = [1, 3];
  for (let r = FIRST_DATA_ROW; r < FIRST_DATA_ROW + table.rows.length; r++) {
    const row = ws.getRow(r);
    for (let c = 3; c <= top.length; c++) {
      if (countCols.includes(c)) continue;
      row.getCell(c).numFmt = rateCols.includes(c) ? RATE : AMOUNT;
    }
    const label = String(row.getCell(2).value ?? "");
    if (label === "全市" || GROUPS.includes(label)) row.font = { bold: true };
  }
  const footer = FIRST_DATA_ROW + table.rows.length + 1;
  ws.getCell(`A${footer}`).value = "填表人：王芳    审核人：李强    联系电话：023-6000 0000    填报日期：2022年7月8日";
  ws.getCell(`A${footer + 1}`).value = "注：两江新区、重庆高新区数据与所在区重叠，不计入全市合计。";
  ws.columns.forEach((column, i) => (column.width = i === 0 ? 6 : i === 1 ? 16 : 11));
  ws.views = [{ state: "frozen", xSplit: 2, ySplit: 4 }];
  return ws;
}

/** Column letter of a measure in the table without target columns (the anomalies workbook). */
const NO_TARGETS = { projects: "C", contract: "D", contractPrev: "E", contractYoy: "F", contractRate: "G", industrial: "H", funds: "I", fundsPrev: "J", fundsYoy: "K", fundsRate: "L" };

/**
 * Anomalies in the figures themselves, planted before the totals are computed so that the totals stay consistent
 * with them (a reviewer sees the anomaly, not a knock-on total mismatch).
 */
function withPlantedFigures(all: UnitFigures[]): UnitFigures[] {
  return all.map((f) => {
    switch (f.unit.code) {
      case "qianjiang": // 黔江 2022 1–6月 as published: 95.03 of 160, base 77.86; 12.59 of 25, base 8.14
        return { ...f, contract: 95.03, contractPrev: 77.86, contractTarget: 160, industrial: 41.2, funds: 12.59, fundsPrev: 8.14, fundsTarget: 25 };
      case "wushan": {
        // behind-schedule: a quarter of the annual target at mid-year
        const contract = r2(f.contractTarget * 0.25);
        return { ...f, contract, industrial: r2(contract * 0.5) };
      }
      case "fengdu": // negative-value: 到位资金 cannot be negative
        return { ...f, funds: -3.2 };
      case "yongchuan": // part-exceeds-whole: 其中工业 larger than the whole 合同额
        return { ...f, industrial: r2(f.contract + 12.5) };
      case "chengkou": // a base of 0 (新增) and 到位资金 left blank (counted as 0 in the totals)
        return { ...f, contractPrev: 0, funds: 0 };
      default:
        return f;
    }
  });
}

async function anomaliesWorkbook(all: UnitFigures[]): Promise<void> {
  const table = layout(all, false);
  const wb = new ExcelJS.Workbook();
  wb.creator = "招商统计助手 examples";
  const ws = districtSheet(wb, "1-6月", "2022年1—6月全市招商引资主要指标完成情况表", table, false);
  const at = (code: string, col: string) => ws.getCell(`${col}${table.rowOf.get(code)}`);
  const fig = (code: string) => all.find((f) => f.unit.code === code)!;

  // duplicate-unit + missing-unit: 沙坪坝区's row carries 渝北区's name again ("渝北区 " with a trailing space).
  at("shapingba", "B").value = "渝北区 ";
  // unknown-unit: 璧山区 typed with the wall 壁.
  at("bishan", "B").value = "壁山区";
  // text-number (info): an approximate figure typed as text.
  at("tongliang", NO_TARGETS.contract).value = `约${fig("tongliang").contract}`;
  // text-number (error): a count typed in Chinese numerals.
  at("rongchang", NO_TARGETS.projects).value = "三十二";
  // unit-slip: 合川区's contract amount typed in 万元 into the 亿元 column (the 全市 and 主城新区 totals then
  // disagree with the units as well).
  at("hechuan", NO_TARGETS.contract).value = Math.round(fig("hechuan").contract * 10000);
  // rate-mismatch: 黔江's completion typed as 80% beside 95.03 and a target of 160 (59.39%).
  at("qianjiang", NO_TARGETS.contractRate).value = 0.8;
  // rate-mismatch: a 同比 of 100% printed over a base of 0.
  at("chengkou", NO_TARGETS.contractYoy).value = 1;
  // blank-value: 到位资金 left blank, and its rates with it.
  at("chengkou", NO_TARGETS.funds).value = null;
  at("chengkou", NO_TARGETS.fundsYoy).value = null;
  at("chengkou", NO_TARGETS.fundsRate).value = null;
  // formula-error: a broken formula left in a 同比 cell.
  at("wuxi", NO_TARGETS.fundsYoy).value = { formula: "J99/K99", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue;
  // total-mismatch (verify): the 全市 到位资金 differs from the sum of the units by 15.
  const totalFunds = ws.getCell(`${NO_TARGETS.funds}${table.totalRow}`);
  totalFunds.value = r2(Number(totalFunds.value) + 15);

  await wb.xlsx.writeFile(path.join(OUT, "chongqing-2022-h1.xlsx"));
}

async function cleanWorkbook(all: UnitFigures[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "招商统计助手 examples";
  districtSheet(wb, "1-6月", "2022年1—6月全市招商引资主要指标完成情况表", layout(all, true), true);
  await wb.xlsx.writeFile(path.join(OUT, "chongqing-2022-h1-clean.xlsx"));
}

/**
 * The 1–5月 sheet the clean 1–6月 sheet follows (zs-check --previous): every cumulative figure 80–88% of June's,
 * the same targets. Planted: 江津区's May 合同额 above its June figure (a 核减 to explain), and 永川区's 合同额 target
 * 20 lower in May (changed mid-year; the 全市 and 主城新区 targets, their sums, change with it).
 */
function mayFigures(june: UnitFigures[], seed: number): UnitFigures[] {
  const rand = mulberry32(seed);
  return june.map((f) => {
    const k = 0.8 + rand() * 0.08;
    const may: UnitFigures = {
      ...f,
      projects: Math.round(f.projects * k),
      contract: r2(f.contract * k),
      contractPrev: r2(f.contractPrev * k),
      industrial: r2(f.industrial * k),
      funds: r2(f.funds * k),
      fundsPrev: r2(f.fundsPrev * k),
    };
    if (f.unit.code === "jiangjin") may.contract = r2(f.contract + 6.5);
    if (f.unit.code === "yongchuan") may.contractTarget = f.contractTarget - 20;
    return may;
  });
}

async function mayWorkbook(june: UnitFigures[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "招商统计助手 examples";
  districtSheet(wb, "1-5月", "2022年1—5月全市招商引资主要指标完成情况表", layout(mayFigures(june, 20220531), true), true);
  await wb.xlsx.writeFile(path.join(OUT, "chongqing-2022-05.xlsx"));
}

async function targetsWorkbook(all: UnitFigures[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("年度目标");
  ws.addRow(["2022年各区县招商引资年度目标任务"]);
  ws.mergeCells("A1:D1");
  ws.addRow(["单位：亿元"]);
  ws.addRow(["区县", "正式合同额年度目标", "到位资金年度目标", "备注"]);
  ws.getRow(3).font = { bold: true };
  for (const f of all) {
    // 万盛经开区 has no 到位资金 target this year: "-" means "not applicable", not zero.
    ws.addRow([f.unit.name, f.contractTarget, f.unit.code === "wansheng" ? "-" : f.fundsTarget, null]);
  }
  ws.columns.forEach((c, i) => (c.width = i === 0 ? 16 : 18));
  await wb.xlsx.writeFile(path.join(OUT, "targets-2022.xlsx"));
}

/** The transposed single-district form: rows are indicators, columns are measures (渝北 2022 full-year figures). */
async function districtForm(): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("渝北区");
  ws.addRow(["渝北区2022年1—12月招商引资情况表"]);
  ws.mergeCells("A1:F1");
  ws.getCell("A1").font = { bold: true, size: 14 };
  ws.addRow(["填报单位：渝北区招商投资局", null, null, null, "单位：亿元、个"]);
  ws.addRow(["指标", "本期", "上年同期", "同比", "年度目标", "完成年度目标"]);
  ws.getRow(3).font = { bold: true };
  ws.addRow(["签约项目数（个）", 29, 25, 0.16, 30, 0.9667]);
  ws.addRow(["其中：正式合同项目数（个）", 20, 18, 0.1111, null, null]);
  ws.addRow(["框架协议项目数（个）", 8, 7, 0.1429, null, null]);
  ws.addRow(["正式合同额（亿元）", 800, 690.5, 0.1586, 800, 1]);
  ws.addRow(["到位资金（亿元）", 279, 236.2, 0.1812, 190, 1.47]);
  for (const r of [4, 5, 6, 7, 8]) {
    ws.getCell(`D${r}`).numFmt = "0.00%";
    ws.getCell(`F${r}`).numFmt = r === 8 ? "0%" : "0.00%";
    if (r >= 7) for (const c of ["B", "C", "E"]) ws.getCell(`${c}${r}`).numFmt = AMOUNT;
  }
  ws.addRow([]);
  ws.addRow(["填表人：赵敏    联系电话：023-6700 0000"]);
  ws.columns.forEach((c, i) => (c.width = i === 0 ? 28 : 12));
  await wb.xlsx.writeFile(path.join(OUT, "yubei-2022-form.xlsx"));
}

/**
 * 黔江区's one-district form with 其中 rows (seed 001, 2022 1–6月): the published figures — 签约29 (正式合同20, 框架协议8:
 * one short, as printed), 正式合同额95.03 of 160, 其中工业59.47 of its own target 50 (118.94%), 到位资金12.59 of 25 —
 * with seeded figures where the summary prints none (工业 and 市外 上年同期, 市外到位资金). Planted: the 工业 row's 完成率
 * copied from 正式合同额's (59.39%). 完成率 holds fractions under a % format, 同比 numbers ×100 under 0.00.
 */
async function qianjiangForm(seed: number): Promise<void> {
  const rand = mulberry32(seed);
  const industrialPrev = r2(59.47 / (1.2 + rand() * 0.4));
  const outside = r2(12.59 * (0.6 + rand() * 0.3));
  const outsidePrev = r2(outside / (1.3 + rand() * 0.4));
  const yoy = (current: number, previous: number) => r2((current / previous - 1) * 100);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("黔江区");
  ws.addRow(["黔江区2022年1—6月招商引资主要指标完成情况表"]);
  ws.mergeCells("A1:F1");
  ws.getCell("A1").font = { bold: true, size: 14 };
  ws.addRow(["填报单位：黔江区招商投资促进局", null, null, null, "单位：亿元、个"]);
  ws.addRow(["指标", "2022年1—6月", null, null, "上年同期", "同比（%）"]);
  ws.addRow([null, "本期", "年度目标", "完成率"]);
  ws.mergeCells("A3:A4");
  ws.mergeCells("B3:D3");
  ws.mergeCells("E3:E4");
  ws.mergeCells("F3:F4");
  for (const r of [3, 4]) ws.getRow(r).font = { bold: true };
  const rows: [string, number, number | null, number | null, number][] = [
    ["签约项目数（个）", 29, null, null, 25],
    ["其中：正式合同项目（个）", 20, null, null, 16],
    ["框架协议项目（个）", 8, null, null, 9],
    ["正式合同额", 95.03, 160, r4(95.03 / 160), 77.86],
    ["其中：工业项目正式合同额", 59.47, 50, r4(95.03 / 160), industrialPrev], // planted: the whole's 完成率
    ["到位资金", 12.59, 25, r4(12.59 / 25), 8.14],
    ["其中：市外到位资金", outside, 20, r4(outside / 20), outsidePrev],
  ];
  for (const [label, current, target, completion, previous] of rows) {
    const row = ws.addRow([label, current, target, completion, previous, yoy(current, previous)]);
    const amount = label.includes("（个）") ? "0" : AMOUNT;
    for (const c of [2, 3, 5]) row.getCell(c).numFmt = amount;
    row.getCell(4).numFmt = RATE;
    row.getCell(6).numFmt = AMOUNT;
  }
  ws.addRow([]);
  ws.addRow(["填表人：李娟", null, "联系电话：023-7922 0000", null, "填报日期：2022年7月5日"]);
  ws.columns.forEach((c, i) => (c.width = i === 0 ? 30 : 12));
  await wb.xlsx.writeFile(path.join(OUT, "qianjiang-2022-h1-form.xlsx"));
}

async function main(): Promise<void> {
  fs.mkdirSync(OUT, { recursive: true });
  const clean = figures(20220630);
  const planted = withPlantedFigures(clean);
  await anomaliesWorkbook(planted);
  await cleanWorkbook(clean);
  await mayWorkbook(clean);
  await targetsWorkbook(planted);
  await districtForm();
  await qianjiangForm(20220705);
  console.log(`examples written to ${OUT}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
