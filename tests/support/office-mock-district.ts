import { chongqing } from "../../src/core/units";
import type { FakeExcel } from "./office-mock";

/**
 * Test support: the values of a real-looking district sheet (not a test file). Layout as the city bureau's 1–6月
 * sheets: a merged title, a unit line, two header rows with merged indicator headers, the 全市 row first, the 41
 * units of the Chongqing 2020 preset, a footer. Figures are deterministic and consistent (the 全市 row is the sum of
 * the units that count in the city total), so the clean sheet has no finding at all.
 */
export interface DistrictSheet {
  values: (string | number)[][];
  numberFormats: string[][];
  /** 0-based inclusive. */
  merges: { top: number; left: number; bottom: number; right: number }[];
  /** 1-based sheet row of each unit, by official name. */
  rowOf: Map<string, number>;
  totalRow: number;
  firstUnitRow: number;
  lastUnitRow: number;
}

const COLUMNS = 9; // A..I
const r2 = (x: number): number => Math.round(x * 100) / 100;
const r4 = (x: number): number => Math.round(x * 10000) / 10000;

export function districtSheet(): DistrictSheet {
  const units = chongqing.unitsOf("chongqing-2020");
  const values: (string | number)[][] = [];
  const formats: string[][] = [];
  const push = (row: (string | number)[], fmt: string[] = []): void => {
    const full = [...row, ...new Array(COLUMNS - row.length).fill("")];
    values.push(full);
    formats.push(full.map((_, i) => fmt[i] ?? "General"));
  };
  push(["2022年1—6月全市招商引资主要指标完成情况表"]);
  push(["单位：亿元、个"]);
  push(["序号", "区县", "签约项目数（个）", "正式合同额（亿元）", "", "", "到位资金（亿元）", "", ""]);
  push(["", "", "", "本期", "上年同期", "同比", "本期", "上年同期", "同比"]);

  const unitRows = units.map((u, i) => {
    const projects = 20 + ((i * 7) % 30);
    const contract = r2(80 + ((i * 37) % 200) + i * 0.37);
    const prev = r2(contract / (1.1 + (i % 5) * 0.03));
    const funds = r2(contract * (0.2 + (i % 4) * 0.02));
    const fundsPrev = r2(funds / (1.05 + (i % 3) * 0.04));
    return { unit: u, projects, contract, prev, funds, fundsPrev };
  });
  const counted = unitRows.filter((r) => r.unit.countsInCityTotal);
  const sum = (pick: (r: (typeof unitRows)[number]) => number): number => r2(counted.reduce((a, r) => a + pick(r), 0));
  const fmt = ["General", "General", "General", "0.00", "0.00", "0.00%", "0.00", "0.00", "0.00%"];
  const c = sum((r) => r.contract);
  const cp = sum((r) => r.prev);
  const f = sum((r) => r.funds);
  const fp = sum((r) => r.fundsPrev);
  push(["", "全市", counted.reduce((a, r) => a + r.projects, 0), c, cp, r4((c - cp) / cp), f, fp, r4((f - fp) / fp)], fmt);
  const rowOf = new Map<string, number>();
  unitRows.forEach((r, i) => {
    rowOf.set(r.unit.name, values.length + 1);
    push([i + 1, r.unit.name, r.projects, r.contract, r.prev, r4((r.contract - r.prev) / r.prev), r.funds, r.fundsPrev, r4((r.funds - r.fundsPrev) / r.fundsPrev)], fmt);
  });
  const lastUnitRow = values.length;
  push([]);
  push(["填表人：王芳    审核人：李强    联系电话：023-6000 0000    填报日期：2022年7月8日"]);
  return {
    values,
    numberFormats: formats,
    merges: [
      { top: 0, left: 0, bottom: 0, right: COLUMNS - 1 },
      { top: 1, left: 0, bottom: 1, right: COLUMNS - 1 },
      { top: 2, left: 0, bottom: 3, right: 0 },
      { top: 2, left: 1, bottom: 3, right: 1 },
      { top: 2, left: 2, bottom: 3, right: 2 },
      { top: 2, left: 3, bottom: 2, right: 5 },
      { top: 2, left: 6, bottom: 2, right: 8 },
    ],
    rowOf,
    totalRow: 5,
    firstUnitRow: 6,
    lastUnitRow,
  };
}

/** What the user had put on the sheet before the add-in touched it (see seedDistrict). */
export interface UserFormatting {
  colouredCell: string;
  userNoteCell: string;
  userFormats: number;
}

/**
 * Puts a district sheet into a FakeExcel with the formatting a clerk's real sheet has: borders, bold headers, a
 * filled 全市 row, number formats, a formula, a cell the user coloured, a note of the user's and two conditional
 * formats of the user's (a colour scale and a custom rule). `edit` changes the values first (planted problems).
 */
export function seedDistrict(
  fx: FakeExcel,
  name: string,
  edit?: (values: (string | number)[][], d: DistrictSheet) => void,
): DistrictSheet & UserFormatting {
  const d = districtSheet();
  const values = d.values.map((r) => [...r]);
  edit?.(values, d);
  const sheet = fx.addSheet(name, { values, numberFormats: d.numberFormats });
  sheet.merges = d.merges.map((m) => ({ ...m }));
  for (let r = 2; r < d.lastUnitRow; r++) for (let c = 0; c < 9; c++) fx.cellOf(sheet, r, c).border = "thin";
  for (const r of [2, 3]) for (let c = 0; c < 9; c++) fx.cellOf(sheet, r, c).bold = true;
  for (let c = 0; c < 9; c++) fx.cellOf(sheet, d.totalRow - 1, c).fill = "#D9E1F2";
  // The 全市 count is a formula whose value Excel has computed.
  fx.cellOf(sheet, d.totalRow - 1, 2).formula = `=SUM(C${d.firstUnitRow}:C${d.lastUnitRow})-C${d.rowOf.get("两江新区")}-C${d.rowOf.get("重庆高新区")}`;
  const colouredCell = `D${d.rowOf.get("沙坪坝区")}`;
  const pos = { row: (d.rowOf.get("沙坪坝区") ?? 0) - 1, col: 3 };
  fx.cellOf(sheet, pos.row, pos.col).fill = "#00FF00";
  const userNoteCell = `B${d.rowOf.get("渝中区")}`;
  sheet.notes.push({ cell: userNoteCell, content: "数据来源：区统计局（王芳）", author: "王芳" });
  fx.addConditionalFormat(name, { type: "ColorScale", areas: [{ top: d.firstUnitRow - 1, left: 6, bottom: d.lastUnitRow - 1, right: 6 }], formula: null, fill: null });
  fx.addConditionalFormat(name, { type: "Custom", areas: [{ top: d.firstUnitRow - 1, left: 3, bottom: d.lastUnitRow - 1, right: 3 }], formula: `=$D${d.firstUnitRow}>300`, fill: "#FF0000" });
  return { ...d, colouredCell, userNoteCell, userFormats: 2 };
}
