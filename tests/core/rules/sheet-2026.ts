/*
 * A 2026 city sheet built on the old template: the 39 units of 2026 plus leftover 江北区 and 渝北区 rows in the
 * 中心城区 block, with 全市, 主城都市区 and 中心城区 rows (scheme 2024). Shared by the reform and message tests.
 */
import { chongqing } from "../../../src/core/units";
import { buildModel, ColSpec, r2, RowSpec, UNITS_2026 } from "./build-model";

export const TITLE_2026 = "2026年1—6月全市招商引资主要指标完成情况表";

export const columns2026: ColSpec[] = [
  { indicator: "signed-projects", measure: "current" },
  { indicator: "contract-amount", measure: "current", format: "0.00" },
  { indicator: "contract-amount", measure: "previous", format: "0.00" },
  { indicator: "contract-amount", measure: "yoy", format: "0.0%" },
  { indicator: "funds-in-place", measure: "current", format: "0.00" },
];

interface Figures {
  projects: number;
  contract: number;
  previous: number;
  funds: number | null;
}

/** Figures as a clerk types them: amounts rounded to 0.01, deterministic and unequal. */
function figuresOf(i: number): Figures {
  const contract = r2(40 + ((i * 53) % 170) + ((i * 7) % 100) / 100);
  const previous = r2(contract / (1 + (((i * 13) % 40) - 10) / 100));
  return { projects: 8 + ((i * 5) % 23), contract, previous, funds: r2(contract * (0.35 + ((i * 3) % 20) / 100)) };
}

export const LEFTOVER: Record<string, Figures> = {
  江北区: { projects: 21, contract: 156.37, previous: 140.21, funds: 61.05 },
  渝北区: { projects: 33, contract: 248.9, previous: 230.14, funds: null },
};

function row(label: string, f: Figures): RowSpec {
  const yoy = Math.round(((f.contract - f.previous) / f.previous) * 1000) / 1000;
  return [label, f.projects, f.contract, f.previous, yoy, f.funds] as RowSpec;
}

/**
 * The sheet, with 全市, 主城都市区 and 中心城区 rows summed over the valid units (重庆高新区 overlaps its districts
 * and is left out), plus the leftover rows when `totalsIncludeLeftovers` (the old template's SUM ranges).
 */
export function sheet2026(totalsIncludeLeftovers: boolean) {
  const units: [string, Figures][] = UNITS_2026.map((name, i) => [name, figuresOf(i)]);
  // Groups of the 2024 scheme, from the registry; 重庆高新区 overlaps its districts and is in no subtotal here.
  const in2024 = (groups: string[]) =>
    new Set(chongqing.unitsOf("chongqing-2026").filter((u) => groups.includes(u.groups["2024"])).map((u) => u.name));
  const central = in2024(["中心城区"]);
  central.delete("重庆高新区");
  const westAndEast = in2024(["渝西地区", "渝东新城"]);
  const leftovers = Object.entries(LEFTOVER);
  const sum = (members: [string, Figures][]): Figures => {
    const all = totalsIncludeLeftovers ? [...members, ...leftovers] : members;
    return {
      projects: all.reduce((s, [, f]) => s + f.projects, 0),
      contract: r2(all.reduce((s, [, f]) => s + f.contract, 0)),
      previous: r2(all.reduce((s, [, f]) => s + f.previous, 0)),
      funds: r2(all.reduce((s, [, f]) => s + (f.funds ?? 0), 0)),
    };
  };
  const counted = units.filter(([n]) => n !== "重庆高新区");
  const centralUnits = counted.filter(([n]) => central.has(n));
  const mainUnits = counted.filter(([n]) => central.has(n) || westAndEast.has(n));
  const rows: RowSpec[] = [
    row("全市", sum(counted)),
    row("主城都市区", sum(mainUnits)),
    row("中心城区", sum(centralUnits)),
  ];
  for (const [name, f] of units) {
    rows.push(row(name, f));
    // The old template's places: 江北区 after 大渡口区, 渝北区 after 北碚区.
    if (name === "大渡口区") rows.push(row("江北区", LEFTOVER["江北区"]));
    if (name === "北碚区") rows.push(row("渝北区", LEFTOVER["渝北区"]));
  }
  return buildModel({ title: TITLE_2026, columns: columns2026, rows });
}
