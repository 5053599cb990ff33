import { CellValue } from "../../../src/core/numbers";
import { CellPos, MergedRange, SheetGrid } from "../../../src/core/sheet";

/** Builds a worksheet grid row by row, the way a clerk lays one out, with merges and hidden rows. */
export class GridBuilder {
  private readonly values: CellValue[][] = [];
  private readonly merges: MergedRange[] = [];
  private readonly hidden: number[] = [];

  /** Adds a row and returns its 0-based index. */
  row(...cells: CellValue[]): number {
    this.values.push(cells);
    return this.values.length - 1;
  }

  blank(): number {
    return this.row();
  }

  /** Merges a range (inclusive, 0-based); only the top-left cell keeps a value, as in Excel. */
  merge(top: number, left: number, bottom: number, right: number): this {
    this.merges.push({ top, left, bottom, right });
    return this;
  }

  hide(row: number): this {
    this.hidden.push(row);
    return this;
  }

  get rowCount(): number {
    return this.values.length;
  }

  build(name: string, options: { origin?: CellPos; withMerges?: boolean } = {}): SheetGrid {
    const grid: SheetGrid = { name, values: this.values.map((r) => [...r]), hiddenRows: [...this.hidden] };
    if (options.withMerges !== false && this.merges.length > 0) grid.merges = this.merges.map((m) => ({ ...m }));
    if (options.origin) grid.origin = options.origin;
    return grid;
  }
}

/** The 41 reporting units of 2020–2025 in printing order, by 一区两群 group (domain.md). */
export const GROUPS_2020: readonly { group: string; units: readonly string[] }[] = [
  {
    group: "主城都市区",
    units: [
      "渝中区", "大渡口区", "江北区", "沙坪坝区", "九龙坡区", "南岸区", "北碚区", "渝北区", "巴南区",
      "涪陵区", "长寿区", "江津区", "合川区", "永川区", "南川区", "綦江区", "大足区", "璧山区", "铜梁区", "潼南区", "荣昌区",
      "两江新区", "重庆高新区", "万盛经开区",
    ],
  },
  {
    group: "渝东北三峡库区城镇群",
    units: ["万州区", "开州区", "梁平区", "城口县", "丰都县", "垫江县", "忠县", "云阳县", "奉节县", "巫山县", "巫溪县"],
  },
  {
    group: "渝东南武陵山区城镇群",
    units: ["黔江区", "武隆区", "石柱土家族自治县", "秀山土家族苗族自治县", "酉阳土家族苗族自治县", "彭水苗族土家族自治县"],
  },
];

export const UNITS_2020: readonly string[] = GROUPS_2020.flatMap((g) => g.units);

/** A unit's figures for the 15-column layout below: 签约项目数, 合同额 ×5, 到位资金 ×5, 排名. Deterministic. */
function figures(i: number): CellValue[] {
  const contract = 20 + ((i * 37) % 300) / 2;
  const funds = 5 + ((i * 17) % 120) / 4;
  return [
    10 + (i % 30), // 签约项目数
    contract, contract * 0.9, "11.1%", contract * 2, "50.0%",
    funds, funds * 0.8, "25.0%", funds * 2, "50.0%",
    (i % 41) + 1, // 排名
  ];
}

export interface ChongqingSheet {
  builder: GridBuilder;
  /** Row indexes of interest. */
  at: {
    title: number;
    unitLine: number;
    header: [number, number];
    total: number;
    groups: number[];
    part: number;
    partOf: number;
    hidden: number;
    blank: number;
    footer: number;
    note: number;
    afterFooter: number;
    units: Map<string, number>;
  };
}

/**
 * The city's 1–6月 consolidated sheet: title, unit line, two header rows with merged parents, 全市 first, three
 * group subtotal rows, 41 units, a 其中 row under 两江新区, a hidden row, a blank row, a footer and a note.
 * Columns: A 序号 | B 区县 | C 签约项目数 | D–H 正式合同额 {本期, 上年同期, 同比, 年度目标, 完成率} |
 * I–M 到位资金 {same} | N 排名 | O 备注.
 */
export function chongqingHalfYear(): ChongqingSheet {
  const b = new GridBuilder();
  const title = b.row("2022年1—6月全市招商引资主要指标完成情况表");
  b.merge(title, 0, title, 14);
  const unitLine = b.row("单位：亿元、个");
  b.merge(unitLine, 0, unitLine, 14);
  const h1 = b.row("序号", "区县", "签约项目数", "正式合同额", "", "", "", "", "到位资金", "", "", "", "", "排名", "备注");
  const h2 = b.row("", "", "", "本期", "上年同期", "同比", "年度目标", "完成率", "本期", "上年同期", "同比", "年度目标", "完成率", "", "");
  for (const col of [0, 1, 2, 13, 14]) b.merge(h1, col, h2, col);
  b.merge(h1, 3, h1, 7).merge(h1, 8, h1, 12);

  const total = b.row("", "全市", ...figures(0));
  const groups: number[] = [];
  const units = new Map<string, number>();
  let serial = 1;
  let part = -1;
  for (const { group, units: names } of GROUPS_2020) {
    groups.push(b.row("", group, ...figures(groups.length + 100)));
    for (const name of names) {
      units.set(name, b.row(serial, name, ...figures(serial)));
      serial++;
      if (name === "两江新区") part = b.row("", "其中：直管区", ...figures(200));
    }
  }
  const hidden = units.get("万盛经开区") as number;
  b.hide(hidden);
  const blank = b.blank();
  const footer = b.row("填表人：张三", "", "", "", "", "联系电话：023-63661234");
  const afterFooter = b.row("", "渝北区", 1, 2, 3);
  const note = b.row("注：两江新区、重庆高新区、万盛经开区数据与所在区县有重叠，不重复计入全市。");
  return {
    builder: b,
    at: {
      title,
      unitLine,
      header: [h1, h2],
      total,
      groups,
      part,
      partOf: units.get("两江新区") as number,
      hidden,
      blank,
      footer,
      note,
      afterFooter,
      units,
    },
  };
}
