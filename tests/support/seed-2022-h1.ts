/**
 * The 2022 1–6月 district figures printed in seed 000 (重庆日报 2022-08-05, "全市38个区县、两江新区、重庆高新区、
 * 万盛经开区上半年招商引资成绩单"), entry by entry in printed order, as the statistician reads them:
 * - 41 entries, but 璧山区 and 梁平区 are each printed twice (綦江区 and 荣昌区 are not printed at all);
 * - 万州区 and 酉阳县 print no figures;
 * - 南川区 prints 协议引资, the first 璧山区 总投资, 彭水县 计划投资 and 总投资: broader measures, never 正式合同额;
 * - 北碚区's 签约金额, 城口县's 合同金额 and 重庆高新区's 合同投资额 are 正式合同额 under other names.
 */
export interface SeedEntry {
  unit: string;
  /** 签约项目数 (个). */
  projects?: number;
  /** 正式合同额 (亿元). */
  contract?: number;
  /** Other rows the entry prints, with the header words it uses. */
  extra?: { label: string; value: number }[];
}

export const SEED_2022_H1: readonly SeedEntry[] = [
  { unit: "万州区" },
  { unit: "黔江区", projects: 20, contract: 95.1 },
  { unit: "涪陵区", projects: 33, contract: 389.76 },
  { unit: "渝中区", projects: 57, contract: 290 },
  { unit: "大渡口区", projects: 38, contract: 298.24 },
  { unit: "江北区", projects: 48, contract: 642 },
  { unit: "沙坪坝区", projects: 114, contract: 501.7 },
  { unit: "九龙坡区", projects: 72, contract: 889.78 },
  { unit: "南岸区", projects: 37, contract: 332.9 },
  { unit: "北碚区", projects: 34, contract: 208.18 },
  { unit: "渝北区", projects: 49, contract: 415 },
  { unit: "巴南区", projects: 70, contract: 433 },
  { unit: "长寿区", projects: 49, contract: 492.7 },
  { unit: "江津区", projects: 118, contract: 431.4 },
  { unit: "合川区", projects: 40, contract: 310.2 },
  { unit: "永川区", projects: 88, contract: 405.4 },
  { unit: "南川区", projects: 44, extra: [{ label: "协议引资", value: 396.97 }] },
  { unit: "璧山区", extra: [{ label: "总投资", value: 204.2 }] },
  { unit: "大足区", projects: 125, contract: 422.2 },
  { unit: "璧山区", projects: 57, contract: 374 },
  { unit: "铜梁区", projects: 31, contract: 354.71 },
  { unit: "潼南区", projects: 40, contract: 300.65 },
  { unit: "梁平区", projects: 85, contract: 424.21 },
  { unit: "开州区", projects: 47, contract: 229.9 },
  { unit: "梁平区", projects: 76, contract: 175.8 },
  { unit: "武隆区", projects: 15, contract: 178.8 },
  { unit: "城口县", projects: 12, contract: 38 },
  { unit: "丰都县", projects: 9, contract: 163.8 },
  { unit: "垫江县", projects: 96, contract: 265.81 },
  { unit: "忠县", projects: 42, contract: 85.16, extra: [{ label: "其中：工业合同额", value: 66 }] },
  { unit: "云阳县", projects: 93, contract: 186.25 },
  { unit: "奉节县", projects: 170, contract: 208.4 },
  { unit: "巫山县", projects: 17, contract: 153.81 },
  { unit: "巫溪县", projects: 15, contract: 29.63 },
  { unit: "石柱县", projects: 6, contract: 25.04 },
  { unit: "秀山县", projects: 19, contract: 36.9 },
  { unit: "酉阳县" },
  {
    unit: "彭水县",
    projects: 34,
    extra: [
      { label: "其中：正式合同项目数", value: 26 },
      { label: "计划投资", value: 174 },
      { label: "总投资", value: 64 },
    ],
  },
  { unit: "两江新区", projects: 78, contract: 1158.93 },
  { unit: "重庆高新区", projects: 48, contract: 787.8 },
  { unit: "万盛经开区", projects: 23, contract: 199.44 },
];

/** File name of entry i: the printed order and the name, so that the two 璧山区 files differ. */
export function seedFileName(i: number): string {
  return `${String(i + 1).padStart(2, "0")}-${SEED_2022_H1[i].unit}.xlsx`;
}

/**
 * The entry as the district's one-district form: 签约项目数 and 正式合同额 always (the city's template; "—" where
 * the entry prints nothing), then the rows the entry prints besides.
 */
export function seedFormLines(entry: SeedEntry): { label: string; current: number | string }[] {
  return [
    { label: "签约项目数", current: entry.projects ?? "—" },
    { label: "正式合同额", current: entry.contract ?? "—" },
    ...(entry.extra ?? []).map((e) => ({ label: e.label, current: e.value })),
  ];
}
