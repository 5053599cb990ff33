/**
 * A realistic 41-unit 1–6月 city sheet for the pane tests: title, unit line, two merged header rows, 全市 first,
 * 41 units (chongqing-2020 in printing order), a footer. Figures are deterministic and consistent (totals add up
 * over the units that count in the city total, rates match their inputs), with planted anomalies:
 * - "壁山区" for 璧山区 (look-alike typo) → 强制性 unknown-unit;
 * - 城口县 contract amount at 20% of its target at mid-year → 核实性 behind-schedule (30 百分点 behind);
 * - 巫溪县 funds in place at 40% of target → 提示性 behind-schedule (10 百分点 behind);
 * - 綦江区 contract completion printed as 90.00% where its figures give about 60% → 核实性 rate-mismatch;
 * - 南岸区 funds of last year typed as text "约…" → a text-number finding.
 */
import { CellValue } from "../../src/core/numbers";
import { SheetGrid } from "../../src/core/sheet/types";
import { chongqing } from "../../src/core/units";

const r2 = (x: number) => Math.round(x * 100) / 100;
const r4 = (x: number) => Math.round(x * 10000) / 10000;

interface Figures {
  name: string;
  counts: boolean;
  projects: number;
  contract: number;
  contractPrev: number;
  contractTarget: number;
  funds: number;
  fundsPrev: number;
  fundsTarget: number;
}

export const SHEET = "1-6月";
export const TITLE = "2022年1—6月全市招商引资主要指标完成情况表";
/** Sheet row (1-based) of the 全市 row; units follow in printing order. */
export const TOTAL_ROW = 5;

function unitFigures(): Figures[] {
  return chongqing.unitsOf("chongqing-2020").map((unit, i) => {
    const contractTarget = 200 + ((i * 53) % 17) * 20;
    const contract = r2(contractTarget * (0.52 + ((i * 7) % 10) / 50));
    const fundsTarget = 50 + ((i * 31) % 13) * 5;
    const funds = r2(fundsTarget * (0.55 + ((i * 3) % 10) / 60));
    const f: Figures = {
      name: unit.name,
      counts: unit.countsInCityTotal,
      projects: 20 + ((i * 11) % 37),
      contract,
      contractPrev: r2(contract / (1.08 + ((i * 5) % 10) / 50)),
      contractTarget,
      funds,
      fundsPrev: r2(funds / (1.05 + ((i * 13) % 10) / 50)),
      fundsTarget,
    };
    if (unit.name === "城口县") {
      // Planted: behind schedule. Its base follows, so that it is not also a 30% swing (yoy-swing).
      f.contract = r2(f.contractTarget * 0.2);
      f.contractPrev = r2(f.contract / 1.1);
    }
    if (unit.name === "巫溪县") f.funds = r2(f.fundsTarget * 0.4);
    return f;
  });
}

function row(serial: number | "", label: string, f: Omit<Figures, "name" | "counts">): CellValue[] {
  return [
    serial,
    label,
    f.projects,
    f.contract,
    f.contractPrev,
    r4((f.contract - f.contractPrev) / f.contractPrev),
    f.contractTarget,
    r4(f.contract / f.contractTarget),
    f.funds,
    f.fundsPrev,
    r4((f.funds - f.fundsPrev) / f.fundsPrev),
    f.fundsTarget,
    r4(f.funds / f.fundsTarget),
  ];
}

export function halfYearSheet(name = SHEET): SheetGrid {
  const units = unitFigures();
  const counted = units.filter((u) => u.counts);
  const sum = (pick: (f: Figures) => number) => r2(counted.reduce((a, f) => a + pick(f), 0));
  const total = {
    projects: counted.reduce((a, f) => a + f.projects, 0),
    contract: sum((f) => f.contract),
    contractPrev: sum((f) => f.contractPrev),
    contractTarget: sum((f) => f.contractTarget),
    funds: sum((f) => f.funds),
    fundsPrev: sum((f) => f.fundsPrev),
    fundsTarget: sum((f) => f.fundsTarget),
  };
  const measures = ["本期", "上年同期", "同比", "年度目标", "完成率"];
  const values: CellValue[][] = [
    [TITLE],
    ["单位：亿元、个"],
    ["序号", "区县", "签约项目数（个）", "正式合同额（亿元）", "", "", "", "", "到位资金（亿元）", "", "", "", ""],
    ["", "", "", ...measures, ...measures],
    row("", "全市", total),
    ...units.map((f, i) => {
      const cells = row(i + 1, f.name === "璧山区" ? "壁山区" : f.name, f);
      if (f.name === "綦江区") cells[7] = 0.9;
      if (f.name === "南岸区") cells[9] = `约${f.fundsPrev}`;
      return cells;
    }),
    [],
    ["填表人：王芳    审核人：李强    联系电话：023-6000 0000"],
  ];
  return {
    name,
    values,
    merges: [
      { top: 0, left: 0, bottom: 0, right: 12 },
      { top: 1, left: 0, bottom: 1, right: 12 },
      { top: 2, left: 0, bottom: 3, right: 0 },
      { top: 2, left: 1, bottom: 3, right: 1 },
      { top: 2, left: 2, bottom: 3, right: 2 },
      { top: 2, left: 3, bottom: 2, right: 7 },
      { top: 2, left: 8, bottom: 2, right: 12 },
    ],
  };
}

/** Sheet row of a unit as printed in the fixture. */
export function rowOf(unit: string): number {
  const index = chongqing.unitsOf("chongqing-2020").findIndex((u) => u.name === unit);
  if (index < 0) throw new Error(`not in the preset: ${unit}`);
  return TOTAL_ROW + 1 + index;
}

/** A small second sheet (notes) so that the sheet picker and the targets source have a choice. */
export function notesSheet(name = "说明"): SheetGrid {
  return { name, values: [["填报说明"], ["本表数据截至2022年6月30日。"]] };
}
