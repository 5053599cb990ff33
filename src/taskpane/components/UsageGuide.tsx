import { RuleId, RULE_NAMES, SEVERITIES, Severity, SEVERITY_NAMES } from "../../core/findings";
import { Bilingual, Lang } from "../../core/i18n";

/**
 * 使用说明: what the levels mean, how to write a 核实说明 a reviewer accepts, and what each rule checks with one
 * example. Shared by the task pane (its last section) and the standalone page (the 使用说明 button), so both say
 * the same thing. Plain elements only: it must read the same in Excel's pane, the page and on paper.
 */

const SEVERITY_MEANING: Record<Severity, Bilingual> = {
  error: {
    zh: "数据肯定有错，必须改正后才能报送（重复或无法识别的单位、错误值、负数、其中项大于总数）。",
    en: "The figure is certainly wrong and must be corrected before sending (duplicate or unknown unit, error value, negative figure, part above its whole).",
  },
  verify: {
    zh: "数据可能有问题：请核实。确实无误的，填写核实说明写明原因，说明随文件报送；有错的，改正后重新校验。",
    en: "The figure may be wrong: check it. If it is right, write an explanation saying why (it travels with the file); if not, correct it and check again.",
  },
  info: {
    zh: "提醒注意，不影响报送（文本型数字、离群值、无年度目标等），可酌情处理。",
    en: "Worth a look but does not stop the submission (numbers as text, outliers, no target …).",
  },
};

/** One line per rule: what it checks, and an example as a reviewer would meet it. Typed so no rule is left out. */
const RULE_GUIDE: Record<RuleId, { what: Bilingual; example: Bilingual }> = {
  "duplicate-unit": {
    what: { zh: "同一单位出现两次。", en: "The same unit appears twice." },
    example: { zh: "“渝北”和“渝北区”各占一行。", en: "Rows “渝北” and “渝北区” both present." },
  },
  "unknown-unit": {
    what: { zh: "名称不在统计单位名单中，给出相近的建议。", en: "A name that is not on the units list, with suggestions." },
    example: { zh: "“壁山区”→ 是否为“璧山区”？", en: "“壁山区” → did you mean “璧山区”?" },
  },
  "missing-unit": {
    what: { zh: "该期间名单中的单位在表中缺失。", en: "A unit of the period's list is missing from the sheet." },
    example: { zh: "全市表中没有“沙坪坝区”一行。", en: "A city-wide sheet has no row for 沙坪坝区." },
  },
  "invalid-unit": {
    what: { zh: "已撤销或尚未设立的单位。", en: "A unit abolished or not yet created in the period." },
    example: { zh: "2026 年表中仍有“江北区”（已并入两江新区）。", en: "A 2026 sheet still lists 江北区 (now part of 两江新区)." },
  },
  "blank-value": {
    what: { zh: "必填指标本期为空。", en: "A required figure of the period is blank." },
    example: { zh: "城口县到位资金本期为空；未发生请填 0。", en: "城口县's funds received are blank; type 0 if there were none." },
  },
  "no-target": {
    what: { zh: "没有年度目标，不计算完成率。", en: "No annual target: no completion rate is computed." },
    example: { zh: "年度目标填“-”。", en: "The target is “-”." },
  },
  "text-number": {
    what: { zh: "以文本填写的数字，SUM 等函数会跳过。", en: "A number typed as text, which SUM skips." },
    example: { zh: "“约142.21”按 142.21 读取；“三十二”无法识别。", en: "“约142.21” is read as 142.21; “三十二” cannot be read." },
  },
  "unit-slip": {
    what: { zh: "约大 1 万倍或小 1 万倍：疑似万元填入亿元列。", en: "About 10,000 times too large or small: 万元 typed in a 亿元 column." },
    example: { zh: "合川区合同额填 1260000，本列中位数约 258 亿元，应为 126.00？", en: "1260000 in a column whose median is about 258 (亿元): 126.00?" },
  },
  "total-mismatch": {
    what: { zh: "全市或小计与各单位之和不符（超出修约误差）。", en: "The total or subtotal differs from the sum of its units beyond rounding." },
    example: { zh: "各单位之和 2813.67 亿元，全市合计 2828.67 亿元，少 15.00 亿元。", en: "Units add up to 2813.67, the total says 2828.67: 15.00 short." },
  },
  "part-exceeds-whole": {
    what: { zh: "其中项大于总数。", en: "A part is larger than its whole." },
    example: { zh: "工业合同额 449.46 亿元大于合同额 436.96 亿元。", en: "Industrial contracts 449.46 above all contracts 436.96." },
  },
  "parts-sum-mismatch": {
    what: { zh: "各部分之和不等于总数。", en: "The parts do not add up to the whole." },
    example: { zh: "正式合同 20 + 框架协议 8 = 28，比签约项目 29 少 1。", en: "Formal 20 + framework 8 = 28, one short of the 29 signed." },
  },
  "rate-mismatch": {
    what: { zh: "填报的完成率、同比、占比等与数据不符。", en: "A completion rate, growth or share that its figures do not give." },
    example: { zh: "同比填 9.55%，按本期和上年同期计算应为 10.13%。", en: "Growth 9.55% where the figures give 10.13%." },
  },
  "behind-schedule": {
    what: { zh: "完成率落后时序进度（默认超过 5 个百分点提示，20 个百分点核实）。", en: "Completion behind the time elapsed (5 points: info, 20 points: verify)." },
    example: { zh: "1-6 月完成率 25.0%，时序进度 50.0%，欠 25.0 个百分点。", en: "25.0% done at mid-year (50.0% due): 25.0 points behind." },
  },
  outlier: {
    what: { zh: "本列中明显偏离其他单位的数值。", en: "A value far from the rest of its column." },
    example: { zh: "某区县签约项目 260 个，其他区县都在 10～40 个之间。", en: "One district signed 260 projects where the others signed 10 to 40." },
  },
  "negative-value": {
    what: { zh: "不能为负的指标填了负数。", en: "A negative figure where none can be." },
    example: { zh: "丰都县到位资金本期填 -3.2。", en: "丰都县's funds received: -3.2." },
  },
  "formula-error": {
    what: { zh: "单元格显示错误值。", en: "A cell shows an error value." },
    example: { zh: "巫溪县同比为 #DIV/0!（上年同期为空或 0）。", en: "巫溪县's growth is #DIV/0! (no figure last year)." },
  },
  "not-comparable": {
    what: { zh: "同比口径不可比：一年前尚不存在的单位。", en: "Growth that is not like-for-like: a unit that did not exist a year ago." },
    example: { zh: "两江新区 2026 年起作为行政区，请注明上年同期数的口径。", en: "两江新区 is a district from 2026: say how last year's figure was counted." },
  },
  "yoy-swing": {
    what: { zh: "金额同比增减超过设定幅度（默认 30%），需附书面说明；基期为 0 或负数时不适用。", en: "An amount up or down more than the set swing (30% by default) year on year needs a written explanation; not applied on a zero or negative base." },
    example: { zh: "正式合同额本期 130.00 亿元，上年同期 90.00 亿元，同比增长 44.44%。", en: "Contract amount 130.00 vs 90.00 a year ago: up 44.44%." },
  },
  "cumulative-decrease": {
    what: { zh: "与上期报表对比：1—N月累计数小于 1—(N−1)月累计数（核减），需附书面说明。", en: "Against the previous period's file: a cumulative figure below last month's (a reduction) needs a written explanation." },
    example: { zh: "1-6月累计 120.00 亿元，1-5月为 125.00 亿元，隐含 6 月当月为 -5.00 亿元。", en: "120.00 for 1-6月 against 125.00 for 1-5月: June alone would be -5.00." },
  },
  "target-changed": {
    what: { zh: "与上期报表对比：年度目标在年中发生变化。", en: "Against the previous period's file: the annual target changed mid-year." },
    example: { zh: "年度目标上期为 160.00 亿元，本期为 180.00 亿元。", en: "The target was 160.00 last month and is 180.00 now." },
  },
  "unit-dropped": {
    what: { zh: "与上期报表对比：上期有数据的单位本期没有出现。", en: "Against the previous period's file: a unit with figures last month has no row now." },
    example: { zh: "1-5月表中有巫溪县，1-6月表中没有。", en: "巫溪县 is in the 1-5月 sheet but not in the 1-6月 sheet." },
  },
  "month-mismatch": {
    what: { zh: "当月数应等于本期累计减上期累计（按打印精度允许修约误差）。", en: "The month's figure should equal this cumulative minus last month's, within rounding." },
    example: { zh: "当月填 8.00，累计 130.00－上期 120.00 应为 10.00。", en: "Month 8.00, but 130.00 − 120.00 = 10.00." },
  },
  "quarters-mismatch": {
    what: { zh: "全年报表与四个季度报表对比：全年应等于四个季度之和（允许修约误差）。", en: "A full-year sheet against its four quarters: the year should equal their sum, within rounding." },
    example: { zh: "全年 400.00，四个季度之和 390.00。", en: "Year 400.00, quarters add up to 390.00." },
  },
  "duplicate-mapping": {
    what: { zh: "两行或两列识别为同一指标，只校验第一处。", en: "Two rows or columns read as one indicator: only the first is checked." },
    example: { zh: "两列都识别为“合同额·本期”，请在“列识别”中指定。", en: "Two columns both read as contracts, this period: map one in Columns." },
  },
  "addin-formula": {
    what: { zh: "表中有 ZSTJ.* 加载项公式，没有加载项的电脑会显示 #NAME?。", en: "ZSTJ.* add-in formulas, which show #NAME? where the add-in is missing." },
    example: { zh: "完成率列用了 =ZSTJ.完成率(…)：报送前执行“报送前固化”。", en: "A rate column uses =ZSTJ.完成率(…): freeze before sending." },
  },
  "duplicate-submission": {
    what: { zh: "同一单位同一期间报送了两次。", en: "The same unit sent the same period twice." },
    example: { zh: "两个文件都是渝北区 1-6 月报表。", en: "Two files are both 渝北区's January–June report." },
  },
  "missing-submission": {
    what: { zh: "应报送的单位没有报送。", en: "A unit that should have sent a report did not." },
    example: { zh: "汇总的文件中没有城口县。", en: "None of the files gathered is 城口县's." },
  },
  "audit-rule": {
    what: { zh: "不符合上级下发的审核公式（审核规则文件或“审核规则”工作表）。", en: "A row breaks an audit rule sent by the level above (a rules file or the 审核规则 sheet)." },
    example: { zh: "第2行规则“正式合同额 >= 工业正式合同额”：工业合同额大于正式合同额。", en: "Rule on line 2, 正式合同额 >= 工业正式合同额: the industrial part exceeds the whole." },
  },
  "audit-rule-skipped": {
    what: { zh: "本表缺少审核公式用到的指标（或没有上期报表），该条公式未执行。", en: "The sheet lacks an indicator a rule names (or there is no previous file): the rule was not applied." },
    example: { zh: "规则用到“上期(正式合同额)”，但未提供上期报表。", en: "A rule reads 上期(正式合同额) and no previous-period file was given." },
  },
};

const HEADINGS = {
  zh: {
    title: "使用说明",
    steps: "怎么用",
    stepList: [
      "打开工作簿（页面上拖入 .xlsx，或在 Excel 中打开加载项），选择要校验的工作表。",
      "核对识别出的统计期间、统计单位名单和年度目标来源，点“一键校验”。",
      "逐条查看问题：点问题可定位单元格；在预览中点着色的单元格可找到对应问题。",
      "核实性问题确认无误的，填写核实说明；有错的，改正后重新校验。",
      "下载标注文件（含校验结果和核实说明）或打印校验情况，随报表报送。",
    ],
    levels: "三个级别",
    explain: "怎样写核实说明",
    explainText:
      "核实说明要写明数据为什么是对的：口径、来源、特殊项目或原因。只写“核实无误”“已核实”“数据准确”等不被接受，至少写清一个具体原因。",
    good: "可以：",
    goodExamples: [
      "全市数含市级直接招商项目 15 亿元，区县数不含，口径不同。",
      "本期到位资金含某汽车零部件项目一次性到位 12 亿元，属实。",
      "上年同期数按调整后口径（含原江北区）计算。",
    ],
    bad: "不可以：",
    badExamples: ["核实无误", "数据准确", "已确认"],
    rules: "每条规则检查什么",
    example: "例：",
  },
  en: {
    title: "How to use",
    steps: "Steps",
    stepList: [
      "Open the workbook (drop an .xlsx on the page, or open the add-in in Excel) and choose the sheet to check.",
      "Check the period, the units list and the targets source found, then press Check now.",
      "Go through the findings: a finding shows its cell; clicking a coloured cell in the preview finds its finding.",
      "For a verify finding that is right, write an explanation; otherwise correct the figure and check again.",
      "Download the annotated copy (with results and explanations) or print the check, and send it with the sheet.",
    ],
    levels: "The three levels",
    explain: "Writing an explanation that is accepted",
    explainText:
      "Say why the figure is right: scope, source, a particular project or reason. “核实无误” (checked, correct), “已核实” or “数据准确” alone are refused: give at least one concrete reason.",
    good: "Accepted:",
    goodExamples: [
      "全市数含市级直接招商项目 15 亿元，区县数不含，口径不同。",
      "本期到位资金含某汽车零部件项目一次性到位 12 亿元，属实。",
      "上年同期数按调整后口径（含原江北区）计算。",
    ],
    bad: "Refused:",
    badExamples: ["核实无误", "数据准确", "已确认"],
    rules: "What each rule checks",
    example: "e.g. ",
  },
};

export function UsageGuide(props: { lang: Lang; headingLevel?: 2 | 3 }) {
  const { lang } = props;
  const H = HEADINGS[lang];
  const Top = props.headingLevel === 3 ? "h3" : "h2";
  const Sub = props.headingLevel === 3 ? "h4" : "h3";
  return (
    <article className="zs-guide" lang={lang === "zh" ? "zh-CN" : "en"} aria-label={H.title}>
      <Top>{H.title}</Top>
      <Sub>{H.steps}</Sub>
      <ol>
        {H.stepList.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ol>
      <Sub>{H.levels}</Sub>
      <dl>
        {SEVERITIES.map((s) => (
          <div key={s}>
            <dt>{SEVERITY_NAMES[s][lang]}</dt>
            <dd>{SEVERITY_MEANING[s][lang]}</dd>
          </div>
        ))}
      </dl>
      <Sub>{H.explain}</Sub>
      <p>{H.explainText}</p>
      <p>{H.good}</p>
      <ul>
        {H.goodExamples.map((e) => (
          <li key={e}>{e}</li>
        ))}
      </ul>
      <p>
        {H.bad} {H.badExamples.map((e) => `“${e}”`).join(lang === "zh" ? "、" : ", ")}
      </p>
      <Sub>{H.rules}</Sub>
      <dl>
        {(Object.keys(RULE_GUIDE) as RuleId[]).map((rule) => (
          <div key={rule} data-rule={rule}>
            <dt>{RULE_NAMES[rule][lang]}</dt>
            <dd>
              {RULE_GUIDE[rule].what[lang]}
              <br />
              {H.example}
              {RULE_GUIDE[rule].example[lang]}
            </dd>
          </div>
        ))}
      </dl>
    </article>
  );
}
