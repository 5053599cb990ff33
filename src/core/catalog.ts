import { Bilingual } from "./i18n";

/**
 * The indicators of an investment-promotion sheet, with the header words clerks use for them (domain.md). Kept as
 * data: a new synonym is a line here, not a code branch. Broader measures (协议引资, 计划投资, 总投资) are separate
 * indicators so that they are never silently mixed with 正式合同额.
 */
export type IndicatorId =
  | "signed-projects"
  | "formal-contract-projects"
  | "framework-projects"
  | "industrial-projects"
  | "contract-amount"
  | "industrial-contract-amount"
  | "manufacturing-contract-amount"
  | "funds-in-place"
  | "outside-city-funds"
  | "new-started-projects"
  | "performing-projects"
  | "start-rate"
  | "performance-rate"
  | "funds-rate"
  | "foreign-capital"
  | "agreement-investment"
  | "planned-investment"
  | "total-investment";

export type IndicatorKind = "count" | "amount" | "rate" | "foreign-amount";

export interface IndicatorDef {
  id: IndicatorId;
  name: Bilingual;
  kind: IndicatorKind;
  /** Unit when the sheet does not say: 个 for counts, 亿元 for amounts, 万美元 for 实际使用外资. */
  defaultUnit: "个" | "亿元" | "万美元" | "%";
  /**
   * Header words, compared after removing spaces. A word inside a longer one is not read; a part named beside its
   * whole is the part (工业项目正式合同额 → 工业合同额); otherwise the longest word wins (sheet/vocabulary.ts).
   */
  synonyms: string[];
  /** A 其中 part of another indicator: the part can never exceed the whole. */
  partOf?: IndicatorId;
  /** Parts that together make the whole (正式合同 + 框架协议 = 签约项目). */
  sumOfParts?: IndicatorId[];
  /** A rate computed from two indicators of the same row. */
  ratio?: { numerator: IndicatorId; denominator: IndicatorId };
  canBeNegative: boolean;
}

export const INDICATORS: readonly IndicatorDef[] = [
  {
    id: "signed-projects",
    name: { zh: "签约项目数", en: "Signed projects" },
    kind: "count",
    defaultUnit: "个",
    synonyms: ["签约项目数", "签约项目个数", "签约项目", "签约数", "项目个数", "项目数"],
    sumOfParts: ["formal-contract-projects", "framework-projects"],
    canBeNegative: false,
  },
  {
    id: "formal-contract-projects",
    name: { zh: "正式合同项目数", en: "Formal-contract projects" },
    kind: "count",
    defaultUnit: "个",
    synonyms: ["正式合同项目数", "正式合同项目", "正式合同个数", "正式合同"],
    partOf: "signed-projects",
    canBeNegative: false,
  },
  {
    id: "framework-projects",
    name: { zh: "框架协议项目数", en: "Framework-agreement projects" },
    kind: "count",
    defaultUnit: "个",
    synonyms: ["框架协议项目数", "框架协议项目", "框架协议个数", "框架协议"],
    partOf: "signed-projects",
    canBeNegative: false,
  },
  {
    // "签订招商正式合同的有20个项目（工业项目13个）" (seed 001): a count, bounded by the signed projects. Whether a
    // sheet counts it among 正式合同 or all 签约 varies, so only the wider bound is declared.
    id: "industrial-projects",
    name: { zh: "工业项目数", en: "Industrial projects" },
    kind: "count",
    defaultUnit: "个",
    synonyms: ["工业项目数", "工业项目个数", "工业项目"],
    partOf: "signed-projects",
    canBeNegative: false,
  },
  {
    id: "contract-amount",
    name: { zh: "正式合同额", en: "Formal contract amount" },
    kind: "amount",
    defaultUnit: "亿元",
    synonyms: ["正式合同额", "正式合同金额", "正式合同投资额", "合同投资额", "合同引资额", "合同引资", "合同额", "签约金额", "签约额"],
    canBeNegative: false,
  },
  {
    id: "industrial-contract-amount",
    name: { zh: "工业合同额", en: "Industrial contract amount" },
    kind: "amount",
    defaultUnit: "亿元",
    // Written out with 正式: "工业项目正式合同额" would otherwise read as 工业项目 (a count) beside 正式合同额.
    synonyms: ["工业项目正式合同额", "工业正式合同额", "工业项目合同额", "工业合同额", "工业"],
    partOf: "contract-amount",
    canBeNegative: false,
  },
  {
    id: "manufacturing-contract-amount",
    name: { zh: "制造业合同额", en: "Manufacturing contract amount" },
    kind: "amount",
    defaultUnit: "亿元",
    synonyms: ["制造业项目正式合同额", "制造业正式合同额", "制造业项目合同额", "制造业合同额", "制造业"],
    partOf: "contract-amount",
    canBeNegative: false,
  },
  {
    id: "funds-in-place",
    name: { zh: "到位资金", en: "Funds in place" },
    kind: "amount",
    defaultUnit: "亿元",
    synonyms: ["实际到位资金", "投资到位金额", "资金到位额", "到位资金额", "到位资金", "到位额"],
    canBeNegative: false,
  },
  {
    id: "outside-city-funds",
    name: { zh: "市外到位资金", en: "Funds in place from outside the city" },
    kind: "amount",
    defaultUnit: "亿元",
    synonyms: ["市外到位资金", "市外资金到位额", "市外到位"],
    partOf: "funds-in-place",
    canBeNegative: false,
  },
  {
    id: "new-started-projects",
    name: { zh: "新开工项目数", en: "Newly started projects" },
    kind: "count",
    defaultUnit: "个",
    synonyms: ["新开工项目数", "新开工项目", "开工项目数", "开工项目"],
    partOf: "signed-projects",
    canBeNegative: false,
  },
  {
    id: "performing-projects",
    name: { zh: "履约项目数", en: "Projects performing" },
    kind: "count",
    defaultUnit: "个",
    synonyms: ["履约项目数", "履约项目"],
    partOf: "signed-projects",
    canBeNegative: false,
  },
  {
    id: "start-rate",
    name: { zh: "开工率", en: "Start rate" },
    kind: "rate",
    defaultUnit: "%",
    synonyms: ["项目开工率", "开工率"],
    ratio: { numerator: "new-started-projects", denominator: "signed-projects" },
    canBeNegative: false,
  },
  {
    id: "performance-rate",
    name: { zh: "履约率", en: "Performance rate" },
    kind: "rate",
    defaultUnit: "%",
    synonyms: ["项目履约率", "履约率"],
    ratio: { numerator: "performing-projects", denominator: "signed-projects" },
    canBeNegative: false,
  },
  {
    id: "funds-rate",
    name: { zh: "资金到位率", en: "Funds-in-place rate" },
    kind: "rate",
    defaultUnit: "%",
    synonyms: ["资金到位率", "到位率"],
    ratio: { numerator: "funds-in-place", denominator: "contract-amount" },
    canBeNegative: false,
  },
  {
    id: "foreign-capital",
    name: { zh: "实际使用外资", en: "Foreign capital actually used" },
    kind: "foreign-amount",
    defaultUnit: "万美元",
    synonyms: ["实际使用外资金额", "实际使用外资", "实际利用外资", "使用外资"],
    canBeNegative: false,
  },
  {
    id: "agreement-investment",
    name: { zh: "协议引资", en: "Agreed investment" },
    kind: "amount",
    defaultUnit: "亿元",
    synonyms: ["协议引资额", "协议引资", "协议投资额", "协议投资"],
    canBeNegative: false,
  },
  {
    id: "planned-investment",
    name: { zh: "计划投资", en: "Planned investment" },
    kind: "amount",
    defaultUnit: "亿元",
    synonyms: ["计划总投资", "计划投资额", "计划投资"],
    canBeNegative: false,
  },
  {
    id: "total-investment",
    name: { zh: "总投资", en: "Total investment" },
    kind: "amount",
    defaultUnit: "亿元",
    synonyms: ["项目总投资", "总投资额", "总投资"],
    canBeNegative: false,
  },
];

const BY_ID = new Map(INDICATORS.map((d) => [d.id, d]));

export function indicatorDef(id: IndicatorId): IndicatorDef {
  const def = BY_ID.get(id);
  if (!def) throw new Error(`unknown indicator id: ${id}`);
  return def;
}

/** The measure words of sub-headers (本期 | 上年同期 | 同比 | 年度目标 | 完成率 | 排名 …), longest match wins. */
export const MEASURE_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  current: ["本期", "本年", "本月累计", "累计", "本年累计", "完成数", "完成额", "实际完成", "完成"],
  previous: ["上年同期", "去年同期", "上年同期数", "同期"],
  yoy: ["同比增长", "同比增减", "同比增速", "增长率", "增速", "同比", "增幅", "增长"],
  target: ["年度目标任务", "年度目标", "全年目标", "年度任务", "目标任务", "目标"],
  completion: ["完成年度目标", "完成年度目标任务", "目标完成率", "年度目标完成率", "完成进度", "完成率", "完成比例"],
  rank: ["全市排名", "排名", "排位", "位次", "名次"],
  share: ["占全市比重", "占全市比例", "全市占比", "占比", "比重"],
  // 本月累计 is cumulative (current): the longest word wins, so only a bare 当月/本月 is the month alone.
  month: ["当月", "本月", "当月数", "本月数", "当月完成"],
  pace: ["超序时进度", "超（欠）序时进度", "超(欠)序时进度", "超欠序时进度", "与序时进度比", "序时进度差"],
};
