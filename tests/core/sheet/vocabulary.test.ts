import { IndicatorId } from "../../../src/core/catalog";
import { matchIndicator, matchMeasure, normaliseHeaderText } from "../../../src/core/sheet/vocabulary";

const idOf = (text: string, whole?: string): IndicatorId | null => {
  const parent = whole === undefined ? null : matchIndicator(normaliseHeaderText(whole));
  return matchIndicator(normaliseHeaderText(text), parent)?.id ?? null;
};

describe("matchIndicator: the most specific indicator a label names", () => {
  // 黔江 2022 上半年 (seed 001) prints "工业项目正式合同额59.47亿元" beside "正式合同额约95.03亿元".
  test.each<[string, IndicatorId]>([
    ["其中：工业项目正式合同额", "industrial-contract-amount"],
    ["其中：工业正式合同额", "industrial-contract-amount"],
    ["工业项目正式合同额（亿元）", "industrial-contract-amount"],
    ["其中：制造业项目正式合同额", "manufacturing-contract-amount"],
    ["其中：市外到位资金", "outside-city-funds"],
    ["市外到位资金（亿元）", "outside-city-funds"],
    ["其中：正式合同项目", "formal-contract-projects"],
    ["其中：框架协议项目数", "framework-projects"],
    ["其中：工业项目（个）", "industrial-projects"],
  ])("a qualified part %s is the part, never its whole", (label, id) => {
    expect(idOf(label)).toBe(id);
  });

  test.each<[string, IndicatorId]>([
    ["正式合同额", "contract-amount"],
    ["正式合同额（亿元）", "contract-amount"],
    ["签约项目数（个）", "signed-projects"],
    ["到位资金", "funds-in-place"],
    ["资金到位率", "funds-rate"],
    ["新开工项目数", "new-started-projects"],
    ["工业项目到位资金", "funds-in-place"],
    ["签约项目中新开工项目数", "new-started-projects"],
  ])("a plain label %s keeps its own indicator", (label, id) => {
    expect(idOf(label)).toBe(id);
  });

  test("a bare 其中 part is read with its whole: 其中：市外 under 到位资金 is 市外到位资金", () => {
    expect(idOf("其中：市外", "到位资金")).toBe("outside-city-funds");
  });

  test("a bare 其中 qualifier is a part of its own whole: 其中：工业 is 工业项目数 under 签约项目数, 工业合同额 under 正式合同额", () => {
    expect(idOf("其中：工业", "签约项目数")).toBe("industrial-projects");
    expect(idOf("其中：工业", "正式合同额")).toBe("industrial-contract-amount");
    expect(idOf("其中：正式合同", "签约项目数")).toBe("formal-contract-projects");
  });

  test("the measure word is found once every indicator word is taken out of the cell", () => {
    const cell = normaliseHeaderText("工业项目正式合同额完成率");
    const match = matchIndicator(cell);
    expect(match?.id).toBe("industrial-contract-amount");
    expect(matchMeasure(cell, match?.words)).toBe("completion");
  });
});

describe("matchMeasure: 当月 beside the cumulative figure", () => {
  test("当月 and 本月 are the month alone, while 本月累计 and 1—6月累计 stay the cumulative figure", () => {
    expect(matchMeasure(normaliseHeaderText("当月"))).toBe("month");
    expect(matchMeasure(normaliseHeaderText("本月"))).toBe("month");
    expect(matchMeasure(normaliseHeaderText("本月累计"))).toBe("current");
    expect(matchMeasure(normaliseHeaderText("1—6月累计"))).toBe("current");
  });
});
