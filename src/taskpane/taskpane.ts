/*
 * Task pane placeholder until the validation pane lands: it lists the ZS functions in the user's language.
 * Text goes in with textContent only.
 */
import { officeLanguage } from "../commands/ui-language";
import { Lang } from "../core/i18n";

const TEXT: Record<Lang, { title: string; intro: string; functions: [string, string][] }> = {
  zh: {
    title: "招商统计助手",
    intro: "在单元格中输入以 ZS. 开头的函数即可使用，例如 =ZS.完成率(B2, C2)。一键校验即将推出。",
    functions: [
      ["ZS.完成率(累计完成, 年度目标)", "完成年度目标"],
      ["ZS.同比(本期, 上年同期)", "同比增速"],
      ["ZS.增减百分点(本期比率, 上期比率)", "比率增减（个百分点）"],
      ["ZS.时序进度(期间)", "已过月数 ÷ 12"],
      ["ZS.超序时进度(累计完成, 年度目标, 期间)", "完成率 − 时序进度（个百分点）"],
      ["ZS.占比(本单位数, 全市合计或各单位数, [单位名称])", "占全市比重"],
      ["ZS.排名(数值, 全部数值, [分组], [所在组], [升序])", "排名"],
      ["ZS.规模档次(金额, [单位])", "百亿级、50亿级、30亿级、10亿级"],
      ["ZS.金额(文本, [单位])", "识别金额文本"],
      ["ZS.区县(名称, [年份或日期])", "规范区县名称"],
      ["ZS.片区(名称, [方案])", "所属片区"],
    ],
  },
  en: {
    title: "ZS Stats Assistant",
    intro: "Type a function starting with ZS. in a cell, e.g. =ZS.COMPLETION(B2, C2). One-click validation is coming soon.",
    functions: [
      ["ZS.COMPLETION(actual, target)", "completion of the annual target"],
      ["ZS.YOY(current, previous)", "year-over-year growth"],
      ["ZS.PPCHANGE(currentRate, previousRate)", "change of a rate in percentage points"],
      ["ZS.TIMEPROGRESS(period)", "months elapsed ÷ 12"],
      ["ZS.PACE(actual, target, period)", "completion − time progress, in points"],
      ["ZS.SHARE(value, totalOrValues, [names])", "share of the city total"],
      ["ZS.RANK(value, values, [groups], [group], [ascending])", "rank"],
      ["ZS.TIER(amount, [unit])", "size tier"],
      ["ZS.AMOUNT(text, [unit])", "reads an amount written as text"],
      ["ZS.DISTRICT(name, [asOf])", "official unit name"],
      ["ZS.REGION(name, [scheme])", "region of a unit"],
    ],
  },
};

function render(lang: Lang): void {
  const text = TEXT[lang];
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  const title = document.getElementById("title");
  const intro = document.getElementById("intro");
  const list = document.getElementById("functions");
  if (title) title.textContent = text.title;
  if (intro) intro.textContent = text.intro;
  if (list) {
    list.replaceChildren(
      ...text.functions.map(([call, what]) => {
        const item = document.createElement("li");
        const code = document.createElement("code");
        code.textContent = call;
        item.append(code, ` — ${what}`);
        return item;
      }),
    );
  }
}

render("zh");
if (typeof Office !== "undefined") {
  Office.onReady(() => render(officeLanguage()));
}
