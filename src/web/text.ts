import { Lang } from "../core/i18n";

/** Every string the page itself shows (the pane brings its own). Kept together so both languages stay in step. */
export interface PageText {
  title: string;
  tagline: string;
  privacy: string;
  dropHint: string;
  dropActive: string;
  chooseFile: string;
  fileInputLabel: string;
  sample: string;
  sampleLoading: string;
  /** percent: how far reading has come, once the reader reports it. */
  reading: (name: string, percent?: number) => string;
  oneFileOnly: string;
  targetsFrom: (file: string, sheet: string) => string;
  noTargetsIn: (file: string) => string;
  previousFrom: (file: string, sheet: string) => string;
  noPreviousIn: (file: string) => string;
  sampleFailed: (detail: string) => string;
  readFailed: (detail: string) => string;
  otherFile: string;
  downloadCopy: string;
  downloadJson: string;
  /** After 报送前固化: the file itself with its ZSTJ formulas turned into values, ready to send. */
  downloadFrozen: string;
  downloadsNeedCheck: string;
  downloadFailed: (detail: string) => string;
  preparing: string;
  preview: (sheet: string) => string;
  emptySheet: string;
  legend: string;
  rows: (n: number) => string;
  paneRegion: string;
  /** The other language's name, on the switch button. */
  otherLang: string;
  otherLangLabel: string;
  severity: { error: string; verify: string; info: string };
  explanationsRestored: (n: number) => string;
  print: string;
  guide: string;
  closeGuide: string;
  confirmDiscard: string;
}

export const TEXT: Record<Lang, PageText> = {
  zh: {
    title: "招商统计助手",
    tagline: "独立校验页：无需新版 Excel，WPS、批量授权版 Office 的用户也能校验报表",
    privacy: "数据只在本机浏览器中处理，不会上传到任何服务器。",
    dropHint: "把 .xlsx 工作簿拖到这里，或",
    dropActive: "松开鼠标即可打开",
    chooseFile: "选择文件…",
    fileInputLabel: "选择要校验的工作簿（.xlsx 或 .xlsm）",
    sample: "示例数据",
    sampleLoading: "正在载入示例…",
    reading: (name, percent) => `正在读取 ${name}…${percent === undefined ? "" : ` ${percent}%`}`,
    oneFileOnly: "一次只能校验一个文件（可另加一个年度目标工作簿），已打开前两个。",
    targetsFrom: (file, sheet) => `年度目标取自 ${file} 的工作表“${sheet}”（已在“年度目标来源”中选用）。`,
    noTargetsIn: (file) => `${file} 中没有含年度目标列的工作表（表头应含“年度目标”或“目标任务”），未作为年度目标使用。`,
    previousFrom: (file, sheet) => `上期报表取自 ${file} 的工作表“${sheet}”（已在“上期报表”中选用），校验时与上期对比。`,
    noPreviousIn: (file) => `${file} 中没有数据表，未作为上期报表使用。`,
    sampleFailed: (d) => `示例数据载入失败：${d}`,
    readFailed: (d) => `文件读取失败：${d}`,
    otherFile: "换一个文件",
    downloadCopy: "下载标注文件",
    downloadJson: "下载JSON报告",
    downloadFrozen: "下载固化后的文件",
    downloadsNeedCheck: "校验后即可下载标注文件和报告。",
    downloadFailed: (d) => `下载失败：${d}`,
    preparing: "正在生成…",
    preview: (sheet) => `预览：${sheet}`,
    emptySheet: "此工作表没有数据。",
    legend: "颜色说明",
    rows: (n) => `${n.toLocaleString("zh-CN")} 行`,
    paneRegion: "校验",
    otherLang: "English",
    otherLangLabel: "Switch to English",
    severity: { error: "强制性", verify: "核实性", info: "提示性" },
    print: "打印",
    guide: "使用说明",
    closeGuide: "关闭使用说明",
    explanationsRestored: (n) => `已恢复上次在本浏览器中为此文件填写的 ${n} 条核实说明（尚未下载标注文件的也在内）。`,
    confirmDiscard: "有核实说明还没有写进下载的标注文件。它们已暂存在本浏览器中，重新打开同一文件即可恢复。仍要打开另一个文件吗？",
  },
  en: {
    title: "ZS Stats Assistant",
    tagline: "Standalone checker: no recent Excel needed — works for WPS and volume-licensed Office users",
    privacy: "Your data is processed in this browser only and is never uploaded.",
    dropHint: "Drop an .xlsx workbook here, or",
    dropActive: "Release to open",
    chooseFile: "Choose a file…",
    fileInputLabel: "Choose a workbook to check (.xlsx or .xlsm)",
    sample: "Sample data",
    sampleLoading: "Loading the sample…",
    reading: (name, percent) => `Reading ${name}…${percent === undefined ? "" : ` ${percent}%`}`,
    oneFileOnly: "One file at a time (plus one workbook of annual targets): the first two were opened.",
    targetsFrom: (file, sheet) => `Annual targets are taken from sheet “${sheet}” of ${file} (selected under Annual targets).`,
    noTargetsIn: (file) => `${file} has no sheet with annual-target columns (headers with 年度目标 or 目标任务); it is not used for targets.`,
    previousFrom: (file, sheet) => `The previous period's sheet is “${sheet}” of ${file} (selected under Previous period's sheet); the check compares with it.`,
    noPreviousIn: (file) => `${file} has no data sheet; it is not used as the previous period's sheet.`,
    sampleFailed: (d) => `Could not load the sample: ${d}`,
    readFailed: (d) => `Could not read the file: ${d}`,
    otherFile: "Open another file",
    downloadCopy: "Download annotated copy",
    downloadJson: "Download JSON report",
    downloadFrozen: "Download the frozen file",
    downloadsNeedCheck: "Run a check to download the annotated copy and the report.",
    downloadFailed: (d) => `Download failed: ${d}`,
    preparing: "Preparing…",
    preview: (sheet) => `Preview: ${sheet}`,
    emptySheet: "This sheet is empty.",
    legend: "Colours",
    rows: (n) => `${n.toLocaleString("en-US")} rows`,
    paneRegion: "Check",
    otherLang: "中文",
    otherLangLabel: "切换到中文",
    severity: { error: "Error", verify: "Verify", info: "Info" },
    print: "Print",
    guide: "How to use",
    closeGuide: "Close the guide",
    explanationsRestored: (n) => `Restored ${n} explanation(s) written for this file earlier in this browser.`,
    confirmDiscard:
      "Some explanations are not in a downloaded annotated copy yet. They are kept in this browser and come back when you open the same file again. Open another file anyway?",
  },
};
