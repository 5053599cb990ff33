/*
 * A correctly rounded 2022 1–6月 city table, built the way the city bureau prints one: figures computed unrounded
 * and printed rounded (units to 0.01 亿元, group subtotals to 0.1, 全市 to 0.01; rates to 0.1%), a 全市 row and
 * the 一区两群 subtotals (scheme 2020), 两江新区 and 重庆高新区 listed but not added (they overlap their
 * districts). Published totals are not adjusted to the sum of rounded parts, so the printed parts do not add up
 * exactly — and none of that may give a 核实性 or 强制性 finding (domain.md, "Rounding").
 */
import { validate } from "../../../src/core/engine";
import { CellValue } from "../../../src/core/numbers";
import { readSheet } from "../../../src/core/sheet";
import { totalMismatch } from "../../../src/core/rules";
import { chongqing } from "../../../src/core/units";
import { buildModel, ColSpec, fullRun, RowSpec, run, UNITS_2020 } from "./build-model";

const columns: ColSpec[] = [
  { indicator: "signed-projects", measure: "current", format: "0" },
  { indicator: "contract-amount", measure: "current", format: "0.00" },
  { indicator: "contract-amount", measure: "previous", format: "0.00" },
  { indicator: "contract-amount", measure: "yoy", format: "0.0%" },
  { indicator: "contract-amount", measure: "target", format: "0" },
  { indicator: "contract-amount", measure: "completion", format: "0.0%" },
  { indicator: "funds-in-place", measure: "current", format: "0.00" },
  { indicator: "funds-in-place", measure: "previous", format: "0.00" },
];

/** The figures behind a row, unrounded. */
interface Raw {
  projects: number;
  contract: number;
  previous: number;
  target: number;
  funds: number;
  fundsPrevious: number;
}

/**
 * Deterministic, unequal, unrounded figures (a mixed congruential sequence), completion 52–78% of target. Every
 * amount lies just under a half unit above its printed figure (x.xx49): each printed part is rounded down by
 * almost 0.005, the worst case that still rounds correctly, so the parts' rounding adds up against the totals.
 */
function rawOf(i: number): Raw {
  const x = (k: number) => (((i + 1) * 7919 * k) % 10007) / 10007;
  const worst = (v: number) => Math.round(v * 100) / 100 + 0.0049;
  const contract = worst(35 + 410 * x(3));
  const previous = worst(contract / (0.8 + 0.45 * x(11)));
  const target = Math.round(contract / (0.52 + 0.26 * x(13)));
  const funds = worst(contract * (0.3 + 0.25 * x(17)));
  const fundsPrevious = worst(funds / (0.85 + 0.4 * x(29)));
  return { projects: 6 + Math.round(40 * x(23)), contract, previous, target, funds, fundsPrevious };
}

const round = (v: number, d: number) => Math.round(v * 10 ** d) / 10 ** d;

/** A printed row: amounts at `d` decimals (the cells hold the rounded figures, as typed from a bulletin). */
function printed(label: string, r: Raw, d: number): RowSpec {
  const amountFormat = d === 1 ? "0.0" : "0.00";
  const values: CellValue[] = [
    r.projects,
    round(r.contract, d),
    round(r.previous, d),
    round(r.contract / r.previous - 1, 3),
    r.target,
    round(r.contract / r.target, 3),
    round(r.funds, d),
    round(r.fundsPrevious, d),
  ];
  return { label, values, formats: ["0", amountFormat, amountFormat, "0.0%", "0", "0.0%", amountFormat, amountFormat] };
}

function sumOf(rows: Raw[]): Raw {
  const s = (k: keyof Raw) => rows.reduce((a, r) => a + r[k], 0);
  return {
    projects: s("projects"),
    contract: s("contract"),
    previous: s("previous"),
    target: s("target"),
    funds: s("funds"),
    fundsPrevious: s("fundsPrevious"),
  };
}

function cityTable(): ReturnType<typeof buildModel> {
  const raw = new Map(UNITS_2020.map((name, i) => [name, rawOf(i)] as [string, Raw]));
  const units = new Map(chongqing.unitsOf("chongqing-2020").map((u) => [u.name, u]));
  // The registry decides what is added: 两江新区 and 重庆高新区 overlap their districts.
  const counted = (name: string) => units.get(name)?.countsInCityTotal === true;
  const inGroup = (group: string) =>
    UNITS_2020.filter((n) => counted(n) && chongqing.groupPath(n, "2020").includes(group)).map(
      (n) => raw.get(n) as Raw,
    );
  const rows: RowSpec[] = [printed("全市", sumOf(UNITS_2020.filter(counted).map((n) => raw.get(n) as Raw)), 2)];
  for (const group of ["主城都市区", "中心城区", "主城新区", "渝东北三峡库区城镇群", "渝东南武陵山区城镇群"])
    rows.push(printed(group, sumOf(inGroup(group)), 1));
  for (const name of UNITS_2020) rows.push(printed(name, raw.get(name) as Raw, 2));
  return buildModel({ columns, rows });
}

describe("a correctly rounded full 41-unit city table (2022 1–6月, subtotals at 0.1, units and 全市 at 0.01)", () => {
  test("gives no 核实性 or 强制性 finding at all", () => {
    const model = cityTable();
    // The table is a hard one: some subtotal printed to 0.1 is further from its printed parts than (n+1)·0.01/2,
    // the allowance if every figure were taken at the column's 0.01 — only its own ±0.05 explains the gap.
    expect(beyondColumnPrecision(model)).not.toEqual([]);
    const findings = fullRun(model).findings;
    expect(findings.filter((f) => f.severity !== "info").map((f) => `${f.rule} ${f.cell} ${f.message.zh}`)).toEqual([]);
  });

  test("read by the sheet reader from the grid, it gives no 核实性 or 强制性 finding either", () => {
    const grid = cityTable().grid;
    const values = grid.values.map((r, i) => (i === 1 ? ["区县", ...r.slice(1)] : r));
    const findings = validate(readSheet({ ...grid, values }), null).findings;
    expect(findings.filter((f) => f.severity !== "info").map((f) => `${f.rule} ${f.cell} ${f.message.zh}`)).toEqual([]);
    // The subtotals were read as subtotals and checked: their rounding shows as 提示.
    expect(findings.some((f) => f.rule === "total-mismatch" && f.unit === "中心城区")).toBe(true);
  });

  test("its totals and subtotals are really checked: one subtotal 0.3 off is 核实性", () => {
    const model = cityTable();
    // 渝东南武陵山区城镇群 subtotal row (row 8: title, header, 全市, four groups before it), 合同额本期 (column C).
    const row = model.grid.values[7];
    expect(row[0]).toBe("渝东南武陵山区城镇群");
    row[2] = Math.round(((row[2] as number) + 0.3) * 10) / 10;
    expect(
      run(totalMismatch, model)
        .filter((x) => x.severity === "verify")
        .map((x) => x.cell),
    ).toEqual(["C8"]);
  });
});

/** Subtotal cells (合同额本期) whose gap to their printed members exceeds (n+1)·0.01/2. */
function beyondColumnPrecision(model: ReturnType<typeof buildModel>): string[] {
  const units = new Map(chongqing.unitsOf("chongqing-2020").map((u) => [u.name, u]));
  const values = model.grid.values;
  const out: string[] = [];
  for (const row of values) {
    const label = String(row[0]);
    if (!["主城都市区", "中心城区", "主城新区", "渝东北三峡库区城镇群", "渝东南武陵山区城镇群"].includes(label))
      continue;
    const members = values.filter((r) => {
      const u = units.get(String(r[0]));
      return u !== undefined && u.countsInCityTotal && chongqing.groupPath(u, "2020").includes(label);
    });
    const sum = members.reduce((a, r) => a + (r[2] as number), 0);
    if (Math.abs((row[2] as number) - sum) > ((members.length + 1) * 0.01) / 2 + 1e-9) out.push(label);
  }
  return out;
}
