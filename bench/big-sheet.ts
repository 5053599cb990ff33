import ExcelJS from "exceljs";
import { PassThrough } from "stream";
import { CellValue } from "../src/core/numbers";
import { chongqing, loadRegistry, RegistryData, UnitRegistry } from "../src/core/units";

/** 12 indicator columns, as many as a full city sheet carries. */
export const BIG_HEADERS = [
  "签约项目数", "正式合同项目数", "框架协议项目数", "正式合同额", "工业合同额", "制造业合同额",
  "到位资金", "市外到位资金", "新开工项目数", "开工率", "资金到位率", "实际使用外资",
];

/**
 * 100,000 unit rows need 100,000 units: Chongqing has 41, and cycling their names would measure 100,000 duplicate
 * findings instead of checking. So the big sheet comes with its own registry (zs-check --registry), in the same
 * data format another city's would use.
 */
export function unitName(i: number): string {
  return `测试${String(i + 1).padStart(6, "0")}区`;
}

export function bigRegistryData(rows: number): RegistryData {
  const units = Array.from({ length: rows }, (_, i) => ({
    code: `u${i + 1}`,
    name: unitName(i),
    kind: "district" as const,
    aliases: [],
    groups: { basic: "全部" },
    countsInCityTotal: true,
    rankedInOverall: true,
  }));
  return {
    id: "bench",
    city: "测试市",
    name: { zh: "测试市", en: "Bench City" },
    schemes: [{ id: "basic", name: { zh: "全部", en: "All" }, groups: [{ name: "全部" }] }],
    units,
    presets: [{ id: "bench-all", name: { zh: "全部单位", en: "All units" }, units: units.map((u) => u.code), defaultScheme: "basic" }],
    aggregateNames: ["全市", "合计"],
  };
}

export function bigRegistry(rows: number): UnitRegistry {
  return loadRegistry(bigRegistryData(rows));
}

/** Unit names for row i: the big registry's own, or (for the page, which knows only Chongqing) Chongqing's cycled. */
export type NameOf = (i: number) => string;

const CHONGQING = chongqing.unitsOf("chongqing-2020").map((u) => u.name);
export const chongqingCycled: NameOf = (i) => CHONGQING[i % CHONGQING.length];

/** Deterministic figures that respect part ≤ whole, so the benchmark measures checking, not a flood of findings. */
function rowOf(i: number, nameOf: NameOf): CellValue[] {
  const signed = 20 + (i % 80);
  const formal = Math.floor(signed * 0.7);
  const contract = 50 + ((i * 37) % 900) / 10;
  const funds = Math.round(contract * 30) / 100;
  const started = Math.floor(signed * 0.5);
  return [
    nameOf(i), signed, formal, signed - formal, contract, Math.round(contract * 60) / 100,
    Math.round(contract * 40) / 100, funds, Math.round(funds * 50) / 100, started,
    Math.round((started / signed) * 10000) / 10000, Math.round((funds / contract) * 10000) / 10000, 100 + (i % 500),
  ];
}

/** Counts are summed; amounts to 2 decimals; the two rates recomputed from the summed inputs, as a city table does. */
function totalRow(rows: CellValue[][]): CellValue[] {
  const sums = new Array<number>(BIG_HEADERS.length).fill(0);
  for (const r of rows) for (let c = 0; c < sums.length; c++) sums[c] += r[c + 1] as number;
  const total: CellValue[] = ["全市", ...sums.map((x, c) => (AMOUNT_COLUMNS.has(c) ? Math.round(x * 100) / 100 : x))];
  const at = (name: string) => BIG_HEADERS.indexOf(name) + 1;
  total[at("开工率")] = Math.round(((total[at("新开工项目数")] as number) / (total[at("签约项目数")] as number)) * 10000) / 10000;
  total[at("资金到位率")] = Math.round(((total[at("到位资金")] as number) / (total[at("正式合同额")] as number)) * 10000) / 10000;
  return total;
}

const AMOUNT_COLUMNS = new Set(["正式合同额", "工业合同额", "制造业合同额", "到位资金", "市外到位资金"].map((h) => BIG_HEADERS.indexOf(h)));
const RATE_COLUMNS = new Set(["开工率", "资金到位率"].map((h) => BIG_HEADERS.indexOf(h)));

/**
 * A city table as districts' statisticians send it: title, unit line, the 全市 row first, unit rows, and a footer —
 * not a bare grid, so the figures include finding the table's parts and checking the total.
 */
export function bigGrid(rows: number, nameOf: NameOf = unitName): CellValue[][] {
  const units: CellValue[][] = [];
  for (let i = 0; i < rows; i++) units.push(rowOf(i, nameOf));
  return [
    ["2022年1-6月全市招商引资主要指标完成情况表"],
    ["单位：亿元、个"],
    ["区县", ...BIG_HEADERS],
    totalRow(units),
    ...units,
    [],
    ["填表人：张三", null, null, "联系电话：023-12345678", null, null, "填报日期：2022年7月5日"],
  ];
}

/**
 * The same sheet as an .xlsx file as Excel writes one: shared strings, styles with number formats (0.00 for amounts,
 * 0.00% for rates), merged title. Written with exceljs's streaming writer (the document writer needs GBs).
 */
export async function bigWorkbook(rows: number, nameOf: NameOf = unitName): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on("data", (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: true });
  const ws = wb.addWorksheet("1-6月");
  ws.columns = [
    { width: 14 },
    ...BIG_HEADERS.map((_, c) => ({
      width: 12,
      style: { numFmt: AMOUNT_COLUMNS.has(c) ? "0.00" : RATE_COLUMNS.has(c) ? "0.00%" : "0" },
    })),
  ];
  ws.mergeCells(1, 1, 1, BIG_HEADERS.length + 1);
  for (const row of bigGrid(rows, nameOf)) ws.addRow(row as ExcelJS.CellValue[]).commit();
  ws.commit();
  await wb.commit();
  return new Uint8Array(Buffer.concat(chunks));
}
