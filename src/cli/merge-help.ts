import { Lang } from "../core/i18n";

const ZH = `zs-merge — 汇总区县报表，生成全市汇总表和赛马榜

用法：
  zs-merge <文件、文件夹或通配符…> --out 汇总.xlsx [选项]

先按 zs-check 的规则逐个检查区县报送的文件（单表或多单位表），再汇总为新的工作簿：
  汇总表  各单位按名录顺序、按片区分组，含片区小计和全市合计（两江新区、重庆高新区不计入合计），
          本期、上年同期、同比、年度目标、完成率、超序时进度、占全市比重、片区排名、全市排名，
          合计、比率和排名都是 Excel 公式（附计算结果），在 Excel、WPS、LibreOffice 中可直接核对
  赛马榜  各指标按金额和按完成率的排名及条形图；综合排名不含两江新区、重庆高新区
  来源    每个汇总数来自哪个文件、哪个工作表、哪个单元格，以及各文件的检查情况
有强制性问题的文件不汇总（列出问题），除非使用 --force；同一单位报送两份的，两份都不汇总并列出文件名；
未报送的单位留空（不作 0 计）并列出。已有的文件不会被覆盖：同名时另存为“汇总 (2).xlsx”。

选项：
  --out <文件.xlsx>         汇总表文件名（必填）
  --targets <文件[#工作表]> 从另一个工作簿读取年度目标；默认用各报表自身的“年度目标”
  --period <期间>           报表期间，覆盖标题中的期间：2022-06、1-6月、2022年1-6月
  --preset <预设>           统计单位名单：chongqing-2020（41 个单位）、chongqing-2026（39 个单位）；
                            默认按报表年份自动选择
  --grouping <2020|2024>    片区分组方案：2020（一区两群）或 2024（国土空间总体规划）；默认随预设
  --registry <文件.json>    使用其他城市的统计单位名录
  --sheet <工作表>          只读取该工作表（可重复）
  --force                   有强制性问题的文件也汇总（汇总表来源页注明其问题数）
  --format <text|json>      输出格式，默认 text
  --lang <zh|en>            输出语言，默认 zh（汇总表本身总是中文）
  --max-size / --max-entries / --max-inflated / --max-ratio   同 zs-check
  -h, --help                显示本帮助
  -V, --version             显示版本号

退出状态：
  0  已汇总，没有强制性问题
  1  有文件因强制性问题或重复报送未汇总（或用 --force 汇总了有强制性问题的文件）
  2  用法错误，或有文件无法读取（其余文件照常汇总）

示例：
  zs-merge 报送/ --out 2022年1-6月汇总.xlsx
  zs-merge 报送/ --targets 2022年目标.xlsx --out 汇总.xlsx --grouping 2024
`;

const EN = `zs-merge — consolidate the districts' sheets into the city table and the ranking lists

Usage:
  zs-merge <files, folders or globs…> --out merged.xlsx [options]

Checks every submitted file with zs-check's rules (one-district forms and tables of unit rows), then writes a
new workbook:
  汇总表  the units in the registry's order, grouped with subtotal rows and a 全市 total (两江新区 and
          重庆高新区 are not added in), with 本期, 上年同期, 同比, 年度目标, 完成率, 超序时进度, 占全市比重
          and ranks within the group and overall; totals, rates and ranks are Excel formulas with their values
  赛马榜  a ranking list by amount and by completion per indicator, each with a bar chart; the overall list
          leaves 两江新区 and 重庆高新区 out
  来源    the file, sheet and cell of every merged number, and each file's check summary
A file with Error-level findings is refused (its findings are listed) unless --force is given; a unit submitted
twice is not merged and both files are named; units without a submission are left blank (never 0) and listed.
An existing file is never replaced: the workbook is then saved as "merged (2).xlsx".

Options:
  --out <file.xlsx>         the merged workbook (required)
  --targets <file[#sheet]>  annual targets from another workbook; default: each sheet's own 年度目标
  --period <period>         the period, instead of the titles': 2022-06, 1-6月, 2022年1-6月
  --preset <preset>         list of reporting units: chongqing-2020 (41), chongqing-2026 (39); default by year
  --grouping <2020|2024>    grouping scheme: 2020 (一区两群) or 2024 (spatial plan); default: the preset's
  --registry <file.json>    another city's list of reporting units
  --sheet <name>            read only this worksheet (repeatable)
  --force                   merge files with Error-level findings too
  --format <text|json>      output format, default text
  --lang <zh|en>            language of the messages, default zh (the workbook itself is in Chinese)
  --max-size / --max-entries / --max-inflated / --max-ratio   as in zs-check
  -h, --help                show this help
  -V, --version             show the version

Exit status:
  0  merged, no Error-level findings
  1  files refused for Error-level findings or duplicate submissions (or merged with --force)
  2  bad invocation, or a file could not be read (the others are still merged)

Examples:
  zs-merge submissions/ --out merged-2022-H1.xlsx
  zs-merge submissions/ --targets targets-2022.xlsx --out merged.xlsx --grouping 2024
`;

export function mergeHelpText(lang: Lang): string {
  return lang === "en" ? EN : ZH;
}

export function mergeUsageHint(lang: Lang): string {
  return lang === "en"
    ? "Usage: zs-merge <files, folders or globs…> --out merged.xlsx [options]\nRun zs-merge --help --lang en for the options.\n"
    : "用法：zs-merge <文件、文件夹或通配符…> --out 汇总.xlsx [选项]\n运行 zs-merge --help 查看全部选项。\n";
}
