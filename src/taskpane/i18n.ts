/**
 * Every string the task pane shows, in Chinese and English, keyed by id. Chinese is the default: the users are
 * statisticians of district bureaus. Placeholders are {name}; values are inserted as text (React escapes them).
 */
import { createContext, useContext } from "react";
import { Bilingual, Lang } from "../core/i18n";
import { Severity, SEVERITY_NAMES } from "../core/findings";
import { Measure } from "../core/sheet/types";

const STRINGS = {
  appTitle: { zh: "招商统计助手", en: "ZS Stats Assistant" },
  loading: { zh: "正在加载…", en: "Loading…" },
  sheet: { zh: "要校验的工作表", en: "Sheet to check" },
  noSheets: { zh: "工作簿中没有工作表", en: "The workbook has no sheets" },
  reading: { zh: "正在读取工作表“{sheet}”…", en: "Reading sheet “{sheet}”…" },
  checking: { zh: "正在校验工作表“{sheet}”…", en: "Checking sheet “{sheet}”…" },

  period: { zh: "统计期间", en: "Period" },
  periodPlaceholder: { zh: "如 2022年1-6月", en: "e.g. 2022年1-6月" },
  periodFromTitle: { zh: "识别结果：{label}（留空则按标题）", en: "Detected: {label} (leave empty to use the title)" },
  periodNotFound: { zh: "标题中未识别到期间，请填写，如“2022年1-6月”", en: "No period in the title: type one, e.g. 2022年1-6月" },
  periodOverride: { zh: "已按填写的期间校验：{label}", en: "Checked as {label}, as typed" },
  periodInvalid: {
    zh: "无法识别“{text}”：请写成“2022年1-6月”“1-6月”“上半年”或“前三季度”",
    en: "“{text}” is not a period: write 2022年1-6月, 1-6月, 上半年 or 前三季度",
  },
  preset: { zh: "统计单位名单", en: "Reporting units" },
  presetAuto: { zh: "自动（按期间）", en: "Automatic (by period)" },
  presetDetected: { zh: "本表使用：{name}", en: "This sheet uses: {name}" },

  targets: { zh: "年度目标来源", en: "Annual targets" },
  targetsThisSheet: { zh: "本表年度目标列", en: "This sheet's target columns" },
  targetsSheet: { zh: "其他工作表", en: "Another sheet" },
  targetsNone: { zh: "不使用目标", en: "No targets" },
  targetsSheetPick: { zh: "目标所在工作表", en: "Sheet with the targets" },
  targetsSheetChoose: { zh: "请选择…", en: "Choose…" },
  targetsSheetNeeded: { zh: "请选择年度目标所在的工作表", en: "Choose the sheet that holds the targets" },
  targetsNoneHere: {
    zh: "本表没有年度目标列：完成率和落后序时进度无法按目标核算。请选择目标所在的工作表",
    en: "This sheet has no target columns: completion and time progress cannot be checked. Choose the sheet with the targets",
  },
  targetsNoneHereOffer: {
    zh: "本表没有年度目标列；工作簿中有工作表“{sheet}”，可用它的年度目标核算",
    en: "This sheet has no target columns; sheet “{sheet}” of this workbook holds annual targets",
  },
  onlyPresentUnits: {
    zh: "只校验表中列出的单位（片区表、部分区县表：未列出的单位不作缺报处理）",
    en: "Check only the units the sheet lists (a partial table: absent units are not reported as missing)",
  },
  targetsUseSheet: { zh: "使用“{sheet}”", en: "Use “{sheet}”" },
  previousSheet: { zh: "上期报表", en: "Previous period's sheet" },
  previousSheetHint: {
    zh: "与上期（如 1-5月）的表对比：累计数核减、年度目标变动、上期有本期无的单位、当月数",
    en: "Compare with last period's sheet (e.g. 1-5月): reduced cumulative figures, changed targets, units gone, 当月",
  },
  previousNone: { zh: "不与上期对比", en: "No comparison" },
  rulesFile: { zh: "审核规则文件", en: "Audit rules file" },
  rulesFileHint: {
    zh: "上级下发的审核公式（UTF-8 文本，每行一条）；工作簿中的“审核规则”工作表总会使用",
    en: "Audit rules sent by the level above (UTF-8 text, one a line); a 审核规则 sheet in the workbook is always used",
  },
  rulesFileChoose: { zh: "选择规则文件…", en: "Choose a rules file…" },
  rulesFileLoaded: { zh: "{name}：{count} 条规则", en: "{name}: {count} rules" },
  rulesFileClear: { zh: "不使用", en: "Remove" },
  rulesFileRefused: { zh: "规则文件有错误，未使用：{reason}", en: "The rules file has errors and is not used: {reason}" },
  previousRefused: { zh: "未与上期报表对比：{reason}", en: "Not compared with the previous period's sheet: {reason}" },
  targetsOffered: {
    zh: "本表没有年度目标列，已选用工作表“{sheet}”中的年度目标（可在“年度目标来源”中更改）",
    en: "This sheet has no target columns: the annual targets of sheet “{sheet}” are used (change it under Annual targets)",
  },

  check: { zh: "一键校验", en: "Check now" },
  settingsUsedHint: {
    zh: "校验所用设置保存在工作簿中，功能区的“一键校验”使用相同设置。",
    en: "The settings of a check are saved in the workbook; the ribbon's Check uses the same ones.",
  },

  mappingTitle: { zh: "列识别", en: "Columns" },
  mappingSummary: { zh: "已识别 {mapped} 列，未识别 {unmapped} 列", en: "{mapped} columns recognised, {unmapped} not" },
  mappingColumn: { zh: "{letter}列", en: "Column {letter}" },
  mappingIndicator: { zh: "{letter}列指标", en: "Column {letter} indicator" },
  mappingMeasure: { zh: "{letter}列数据项", en: "Column {letter} measure" },
  mappingUnrecognised: { zh: "未识别/忽略", en: "Unrecognised / ignore" },
  mappingMeasureNone: { zh: "（无）", en: "(none)" },
  mappingByUser: { zh: "手动", en: "manual" },
  mappingReset: { zh: "恢复自动识别", en: "Restore detection" },
  mappingEmpty: { zh: "未找到表头", en: "No header found" },
  mappingRowsTitle: { zh: "行识别", en: "Rows" },
  mappingRowsSummary: { zh: "已识别 {mapped} 行，未识别 {unmapped} 行", en: "{mapped} rows recognised, {unmapped} not" },
  mappingRowsHint: {
    zh: "单表（指标在行）：每行一个指标，每列一个数据项。",
    en: "One-district form: one indicator per row, one measure per column.",
  },
  mappingRow: { zh: "第{row}行", en: "Row {row}" },
  mappingRowIndicator: { zh: "第{row}行指标", en: "Row {row} indicator" },
  modelNotes: { zh: "识别提示", en: "Notes" },

  results: { zh: "校验结果", en: "Results" },
  staleResults: {
    zh: "校验后修改了设置（统计期间、统计单位名单、年度目标来源、列对应或阈值），以下结果已过时，请重新校验。",
    en: "Settings changed after this check (period, preset, targets, mapping or thresholds): these results are out of date.",
  },
  recheck: { zh: "重新校验", en: "Check again" },
  guideTitle: { zh: "使用说明", en: "How to use" },
  explainedCount: { zh: "已说明 {n}", en: "Explained {n}" },
  noFindings: { zh: "未发现问题", en: "No problems found" },
  checkedAs: { zh: "工作表“{sheet}” · {period} · {preset}", en: "Sheet “{sheet}” · {period} · {preset}" },
  noPeriod: { zh: "期间未知", en: "period unknown" },
  filter: { zh: "按级别筛选", en: "Filter by level" },
  allHidden: { zh: "已隐藏全部级别，点击上方按钮显示", en: "All levels are hidden: use the buttons above" },
  showAll: { zh: "显示全部 {n} 条", en: "Show all {n}" },
  clearMarks: { zh: "清除标记", en: "Clear marks" },
  writeReport: { zh: "生成校验报告", en: "Write report" },
  marksCleared: { zh: "已清除工作表“{sheet}”上的标记", en: "Marks cleared on sheet “{sheet}”" },
  reportWritten: { zh: "已生成“校验结果”工作表", en: "The 校验结果 report sheet was written" },
  fileModeHint: { zh: "标记和报告写入可下载的标注文件。", en: "Marks and the report go into the downloadable copy." },
  wholeSheet: { zh: "整表", en: "whole sheet" },

  explain: { zh: "填写说明", en: "Explain" },
  explainFor: { zh: "填写说明：{cell}", en: "Explain: {cell}" },
  editExplanation: { zh: "修改说明", en: "Edit explanation" },
  editExplanationFor: { zh: "修改说明：{cell}", en: "Edit explanation: {cell}" },
  explanationLabel: { zh: "核实说明（{cell}）", en: "Explanation ({cell})" },
  explanationHint: {
    zh: "写明数据为什么是对的：口径、来源或特殊项目。“核实无误”不能作为说明。",
    en: "Say why the figure is right: scope, source or a particular project. “核实无误” is not an explanation.",
  },
  explained: { zh: "已说明", en: "Explained" },
  explanationSaved: { zh: "核实说明已保存", en: "Explanation saved" },
  save: { zh: "保存", en: "Save" },
  cancel: { zh: "取消", en: "Cancel" },

  formulaTitle: { zh: "插入公式列", en: "Formula columns" },
  formulaIntro: {
    zh: "适用于不支持自定义函数的 Excel（WPS、Office 2016/2019）：插入普通公式，结果与 ZSTJ 函数相同；以文本填写的数字（如“约95.1”）显示为 #VALUE!。",
    en: "For Excels without custom functions (WPS, Office 2016/2019): plain formulas with the same results as the ZSTJ functions; numbers typed as text (约95.1) show #VALUE!.",
  },
  formulaNone: {
    zh: "没有可计算的金额指标：需要本期与年度目标列，或本期与上年同期列。",
    en: "No amount indicator to compute: needs current and target columns, or current and previous.",
  },
  formulaOption: { zh: "{header}（{inputs}）", en: "{header} ({inputs})" },
  formulaHeader: { zh: "{indicator}{kind}", en: "{indicator} {kind}" },
  formulaMonths: { zh: "{n}个月", en: "{n} months" },
  formulaExists: { zh: "表中已有", en: "already in the sheet" },
  formulaInsert: { zh: "插入所选公式列", en: "Insert selected columns" },
  formulaInserted: { zh: "已在工作表“{sheet}”插入 {n} 列公式", en: "Inserted {n} formula columns in sheet “{sheet}”" },
  formulaChoices: { zh: "可插入的公式列", en: "Columns to insert" },
  kindCompletion: { zh: "完成率", en: "completion" },
  kindYoy: { zh: "同比", en: "YoY" },
  kindPace: { zh: "超序时进度", en: "pace vs. time" },

  freezeTitle: { zh: "报送前固化", en: "Freeze before sending" },
  freezeIntro: {
    zh: "使用了 ZSTJ 函数的单元格，在未安装本加载项的电脑（市局、WPS）上会显示 #NAME?。报送前把它们转为当前显示的值；与其他函数混用的公式（如 ROUND(ZSTJ.同比增速(…),4)）整个转为显示的值。",
    en: "Cells using the ZSTJ functions show #NAME? where this add-in is not installed (the city's Excel, WPS). Before sending, turn them into the values they show; a formula mixing ZSTJ with other functions (ROUND(ZSTJ.YOY(…),4)) becomes its value as a whole.",
  },
  freezeUnavailable: {
    zh: "此版本的 Excel 不能由加载项按数值复制（需要 ExcelApi 1.9）：请选中这些单元格，复制后“选择性粘贴 → 数值”。",
    en: "This Excel cannot copy values through the add-in (needs ExcelApi 1.9): select the cells, copy, and Paste Special → Values.",
  },
  freezeScope: { zh: "固化范围", en: "What to freeze" },
  freezeWorkbook: { zh: "整个工作簿", en: "The whole workbook" },
  freezeSheet: { zh: "当前工作表“{sheet}”", en: "This sheet, “{sheet}”" },
  freezeStart: { zh: "固化 ZSTJ 公式…", en: "Freeze ZSTJ formulas…" },
  freezeConfirmWorkbook: {
    zh: "将把整个工作簿中所有 ZSTJ 公式替换为当前显示的值。",
    en: "Every ZSTJ formula in the workbook will be replaced by the value it shows.",
  },
  freezeConfirmSheet: {
    zh: "将把工作表“{sheet}”中所有 ZSTJ 公式替换为当前显示的值。",
    en: "Every ZSTJ formula in sheet “{sheet}” will be replaced by the value it shows.",
  },
  freezeUndo: { zh: "完成后可按一次“撤销”（Ctrl+Z）全部恢复。", en: "One Undo (Ctrl+Z) restores them all." },
  freezeNoUndo: {
    zh: "此版本 Excel 不能一步撤销：如需保留公式，请先另存一份。",
    en: "This Excel cannot undo it in one step: save a copy first if you want to keep the formulas.",
  },
  freezeFileMode: {
    zh: "不会改动您的原文件：固化后的文件可在页面上方下载。",
    en: "Your file is not changed: download the frozen file from the top of the page.",
  },
  freezeConfirm: { zh: "确认固化", en: "Freeze" },
  freezeDone: {
    zh: "已固化 {n} 个单元格（{sheets} 张工作表：{names}），公式已替换为显示的值。",
    en: "Froze {n} cells in {sheets} sheets ({names}): their formulas are now the values they showed.",
  },
  freezeDoneSkipped: {
    zh: "已固化 {n} 个单元格（{sheets} 张工作表：{names}）；{k} 个单元格仍显示 #NAME? 或 #BUSY!，函数尚未计算，未固化：{cells}。请待其算出结果后再固化。",
    en: "Froze {n} cells in {sheets} sheets ({names}); {k} cells still show #NAME? or #BUSY! (not computed yet) and were left: {cells}. Freeze again once they show results.",
  },
  freezeOnlySkipped: {
    zh: "{k} 个单元格仍显示 #NAME? 或 #BUSY!，函数尚未计算，未固化：{cells}。请待其算出结果后再固化。",
    en: "{k} cells still show #NAME? or #BUSY! (not computed yet) and were left: {cells}. Freeze again once they show results.",
  },
  freezeNothing: { zh: "没有找到使用 ZSTJ 函数的公式，无需固化。", en: "No formula uses the ZSTJ functions: nothing to freeze." },
  freezeMore: { zh: "等", en: " …" },

  settingsTitle: { zh: "设置", en: "Settings" },
  behindInfo: { zh: "落后时序进度超过多少百分点为提示性", en: "Behind schedule by more than (points): info" },
  behindVerify: { zh: "落后时序进度超过多少百分点为核实性", en: "Behind schedule by more than (points): verify" },
  outlierZ: { zh: "异常值阈值（稳健z值）", en: "Outlier threshold (robust z)" },
  yoySwing: { zh: "金额同比增减超过多少%需说明（0 为不检查）", en: "Year-on-year swing of amounts needing a note (%, 0 = off)" },
  scheme: { zh: "片区划分", en: "Grouping scheme" },
  language: { zh: "界面语言", en: "Language" },
  langAuto: { zh: "跟随 Office", en: "Follow Office" },
  langZh: { zh: "中文", en: "中文 (Chinese)" },
  langEn: { zh: "English（英文）", en: "English" },
  saveSettings: { zh: "保存设置", en: "Save settings" },
  settingsSaved: { zh: "设置已保存到工作簿", en: "Settings saved in the workbook" },
  thresholdInvalid: { zh: "请输入不小于 0 的数", en: "Enter a number ≥ 0" },
  thresholdOrder: { zh: "核实性阈值应大于提示性阈值", en: "The verify threshold must be above the info one" },

  listSeparator: { zh: "、", en: ", " },
  notSaved: { zh: "未能保存：{detail}", en: "Not saved: {detail}" },
  unavailable: {
    zh: "未能连接 Excel：请在 Excel 中打开此加载项（离线时 Office.js 无法加载）。没有新版 Excel 时，可使用",
    en: "Could not connect to Excel: open this add-in from Excel (Office.js cannot load offline). Without a recent Excel, use the",
  },
  unavailableLink: { zh: "独立校验页", en: "standalone checking page" },
  dismiss: { zh: "关闭", en: "Dismiss" },
  errLoad: { zh: "读取工作簿中保存的设置或核实说明失败：{detail}", en: "Could not read the saved settings or explanations: {detail}" },
  errList: { zh: "无法读取工作表列表：{detail}", en: "Could not list the sheets: {detail}" },
  errRead: { zh: "读取工作表“{sheet}”失败：{detail}", en: "Could not read sheet “{sheet}”: {detail}" },
  errCheck: { zh: "校验工作表“{sheet}”失败：{detail}", en: "Could not check sheet “{sheet}”: {detail}" },
  errHighlight: { zh: "在工作表“{sheet}”标记问题单元格失败：{detail}", en: "Could not mark the cells on sheet “{sheet}”: {detail}" },
  errClear: { zh: "清除工作表“{sheet}”的标记失败：{detail}", en: "Could not clear the marks on sheet “{sheet}”: {detail}" },
  errSelect: { zh: "无法定位到工作表“{sheet}”的 {cell}：{detail}", en: "Could not go to {cell} on sheet “{sheet}”: {detail}" },
  errReport: { zh: "为工作表“{sheet}”生成校验报告失败：{detail}", en: "Could not write the report for sheet “{sheet}”: {detail}" },
  errExplain: { zh: "保存工作表“{sheet}”的核实说明失败：{detail}", en: "Could not save the explanation for sheet “{sheet}”: {detail}" },
  errSettings: { zh: "保存设置失败（工作表“{sheet}”）：{detail}", en: "Could not save the settings (sheet “{sheet}”): {detail}" },
  errFreeze: { zh: "报送前固化失败：{detail}", en: "Could not freeze the formulas: {detail}" },
  errFormulas: { zh: "在工作表“{sheet}”插入公式列失败：{detail}", en: "Could not insert formula columns in sheet “{sheet}”: {detail}" },
} satisfies Record<string, Bilingual>;

export type MessageId = keyof typeof STRINGS;
export type Vars = Record<string, string | number>;

export function translate(lang: Lang, id: MessageId, vars: Vars = {}): string {
  return STRINGS[id][lang].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export { RULE_NAMES } from "../core/findings";

export const MEASURE_NAMES: Readonly<Record<Measure, Bilingual>> = {
  current: { zh: "本期", en: "Current" },
  previous: { zh: "上年同期", en: "Same period last year" },
  yoy: { zh: "同比", en: "YoY" },
  target: { zh: "年度目标", en: "Annual target" },
  completion: { zh: "完成率", en: "Completion" },
  rank: { zh: "排名", en: "Rank" },
  share: { zh: "占全市比重", en: "Share of city" },
  pace: { zh: "超序时进度", en: "Pace vs. time" },
  rate: { zh: "比率", en: "Rate" },
  month: { zh: "当月", en: "Month alone" },
};

export function severityName(severity: Severity, lang: Lang): string {
  return SEVERITY_NAMES[severity][lang];
}

export const LangContext = createContext<Lang>("zh");

/** The pane's language and a translator bound to it. */
export function useT(): { lang: Lang; t: (id: MessageId, vars?: Vars) => string; pick: (text: Bilingual) => string } {
  const lang = useContext(LangContext);
  return { lang, t: (id, vars) => translate(lang, id, vars), pick: (text) => text[lang] };
}
