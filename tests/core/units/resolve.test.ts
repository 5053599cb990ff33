import { chongqing, AsOf, Resolution } from "../../../src/core/units";

function codeOf(r: Resolution): string | undefined {
  return r.status === "ok" || r.status === "invalid" ? r.unit.code : undefined;
}

describe("resolve: names, aliases and former names", () => {
  const cases: [input: string, asOf: AsOf | undefined, code: string, matched: "name" | "alias" | "former-name"][] = [
    ["渝北区", 2022, "yubei", "name"],
    ["渝北", 2022, "yubei", "alias"],
    ["渝北区 ", undefined, "yubei", "name"],
    [" 渝 北 区", undefined, "yubei", "name"],
    ["渝北\u3000区", "2022年1-6月", "yubei", "name"],
    ["渝北\u200B区\u00A0", "2022", "yubei", "name"],
    ["石柱县", undefined, "shizhu", "alias"],
    ["石柱", 2026, "shizhu", "alias"],
    ["彭水县", undefined, "pengshui", "alias"],
    ["秀山", undefined, "xiushan", "alias"],
    ["酉阳县", undefined, "youyang", "alias"],
    ["石柱土家族自治县", undefined, "shizhu", "name"],
    ["万盛", undefined, "wansheng", "alias"],
    ["万盛经开区", 2026, "wansheng", "name"],
    ["万盛区", undefined, "wansheng", "former-name"],
    ["开县", undefined, "kaizhou", "former-name"],
    ["梁平县", 2015, "liangping", "former-name"],
    ["璧山县", undefined, "bishan", "former-name"],
    ["双桥区", undefined, "dazu", "former-name"],
    ["高新区", undefined, "gaoxin", "alias"],
    ["科学城重庆高新区", 2022, "gaoxin", "alias"],
    ["西部科学城重庆高新区", 2026, "gaoxin", "alias"],
    ["重庆高新区", undefined, "gaoxin", "name"],
    ["两江", 2022, "liangjiang", "alias"],
    ["两江新区", 2022, "liangjiang", "name"],
    ["两江新区", "2026-06", "liangjiang-district", "name"],
    ["两江新区", undefined, "liangjiang-district", "name"],
    ["重庆市渝北区", 2022, "yubei", "alias"],
    ["重庆两江新区", 2025, "liangjiang", "alias"],
    ["忠县", undefined, "zhongxian", "name"],
    ["北碚", "2026-06", "beibei", "alias"],
  ];

  test.each(cases)("%p at %p → %s (%s)", (input, asOf, code, matched) => {
    const r = chongqing.resolve(input, asOf);
    expect(r.status).toBe("ok");
    expect(codeOf(r)).toBe(code);
    if (r.status === "ok") expect(r.matched).toBe(matched);
    expect(r.input).toBe(input);
  });

  test.each([
    ["开县", "开州区"],
    ["万盛区", "万盛经开区"],
    ["梁平县", "梁平区"],
  ])("former name %s carries a note naming %s", (input, current) => {
    const r = chongqing.resolve(input);
    expect(r.status === "ok" && r.note?.zh).toContain(current);
    expect(r.status === "ok" && r.note?.en).toContain(current);
  });

  test("开县 note says when it was renamed", () => {
    const r = chongqing.resolve("开县");
    expect(r.status === "ok" && r.note?.zh).toBe("开县已于2016年7月更名为开州区");
  });
});

describe("resolve: validity", () => {
  test.each([
    ["渝北区", 2026],
    ["渝北区", "2026-06"],
    ["渝北", "2026年1-3月"],
    ["江北区", 2026],
    ["江北", "2026-01-01"],
  ])("%s at %p is invalid and names 两江新区 as successor", (input, asOf) => {
    const r = chongqing.resolve(input, asOf);
    expect(r.status).toBe("invalid");
    if (r.status !== "invalid") return;
    expect(r.successor?.code).toBe("liangjiang-district");
    expect(r.message.zh).toContain("两江新区");
    expect(r.message.zh).toContain("撤销");
    expect(r.message.en).toContain("两江新区");
  });

  test.each([
    ["渝北区", "2025-12-31"],
    ["渝北区", "2025年1-12月"],
    ["江北区", 2025],
  ])("%s at %p is still valid (the 2025 annual sheet reports it)", (input, asOf) => {
    expect(chongqing.resolve(input, asOf).status).toBe("ok");
  });

  test("without asOf validity is ignored", () => {
    const r = chongqing.resolve("渝北区");
    expect(r.status).toBe("ok");
    expect(codeOf(r)).toBe("yubei");
  });

  test("渝北区 message for 2026 explains where the five towns went", () => {
    const r = chongqing.resolve("渝北区", 2026);
    expect(r.status === "invalid" && r.message.zh).toContain("北碚区");
  });
});

describe("resolve: aggregates", () => {
  test.each([
    ["全市", "total", undefined],
    ["合计", "total", undefined],
    ["总 计", "total", undefined],
    ["全市合计", "total", undefined],
    ["重庆市", "total", undefined],
    ["其中", "total", undefined],
    ["小计", "total", undefined],
    ["主城都市区", "group", "主城都市区"],
    ["主城都市区合计", "group", "主城都市区"],
    ["其中：中心城区", "group", "中心城区"],
    ["渝东南武陵山区城镇群", "group", "渝东南武陵山区城镇群"],
  ])("%s → aggregate %s %s", (input, kind, group) => {
    const r = chongqing.resolve(input, 2022);
    expect(r.status).toBe("aggregate");
    if (r.status !== "aggregate") return;
    expect(r.kind).toBe(kind);
    expect(r.group).toBe(group);
  });

  test("a short group label is reported in the scheme the period uses", () => {
    const in2022 = chongqing.resolve("渝东北", 2022);
    const in2026 = chongqing.resolve("渝东北", 2026);
    expect(in2022).toMatchObject({ status: "aggregate", group: "渝东北三峡库区城镇群", scheme: "2020" });
    expect(in2026).toMatchObject({ status: "aggregate", group: "渝东北三峡库区", scheme: "2024" });
  });

  test.each(["全市", "合计", "主城都市区", "渝西地区", "渝东北小计"])("isAggregateName(%s)", (name) => {
    expect(chongqing.isAggregateName(name)).toBe(true);
  });

  test.each(["渝北区", "两江新区", "壁山区", ""])("isAggregateName(%p) is false", (name) => {
    expect(chongqing.isAggregateName(name)).toBe(false);
  });
});

describe("resolve: unknown names and suggestions", () => {
  test.each([
    ["壁山区", undefined, "bishan"],
    ["碧山区", undefined, "bishan"],
    ["棋江", undefined, "qijiang"],
    ["淇江区", undefined, "qijiang"],
    ["粱平区", undefined, "liangping"],
    ["西阳县", undefined, "youyang"],
    ["钤江区", undefined, "qianjiang"],
    ["渝北县", undefined, "yubei"],
    ["渝北新区", 2022, "yubei"],
    ["渝北区（含空港）", 2022, "yubei"],
    ["彭水土家族苗族自治县", undefined, "pengshui"],
    ["壁山区", 2026, "bishan"],
  ])("%s at %p is unknown, first suggestion %s", (input, asOf, code) => {
    const r = chongqing.resolve(input, asOf);
    expect(r.status).toBe("unknown");
    if (r.status !== "unknown") return;
    expect(r.suggestions[0]?.code).toBe(code);
    expect(r.suggestions.length).toBeLessThanOrEqual(3);
    expect(r.message.zh).toContain(r.suggestions[0].name);
  });

  test("suggestions at a date only come from units valid then", () => {
    const r = chongqing.resolve("渝北县", 2026);
    expect(r.status).toBe("unknown");
    if (r.status !== "unknown") return;
    expect(r.suggestions.map((u) => u.code)).not.toContain("yubei");
    for (const unit of r.suggestions) expect(unit.validTo === undefined || unit.validTo >= "2026-12-31").toBe(true);
  });

  test("one unit over two records is suggested once", () => {
    const r = chongqing.resolve("两江心区");
    expect(r.status).toBe("unknown");
    if (r.status !== "unknown") return;
    expect(r.suggestions.filter((u) => u.name === "两江新区")).toHaveLength(1);
  });

  test.each(["xyz", "填表人：张三", ""])("%p has no suggestions", (input) => {
    const r = chongqing.resolve(input);
    expect(r).toMatchObject({ status: "unknown", suggestions: [] });
  });
});

describe("groupOf", () => {
  test.each([
    ["渝北区", "2020", "中心城区"],
    ["垫江县", "2020", "渝东北三峡库区城镇群"],
    ["垫江", "2024", "渝东新城"],
    ["万盛", "2020", "主城新区"],
    ["万盛经开区", "2024", "渝西地区"],
    ["两江新区", "2020", "中心城区"],
    ["石柱县", "2024", "渝东南武陵山区"],
  ])("%s in scheme %s → %s", (name, scheme, group) => {
    expect(chongqing.groupOf(name, scheme)).toBe(group);
  });

  test("accepts a record and returns undefined for names that are not units", () => {
    expect(chongqing.groupOf(chongqing.byCode("bishan")!, "2024")).toBe("渝西地区");
    expect(chongqing.groupOf("壁山区", "2024")).toBeUndefined();
    expect(chongqing.groupOf("全市", "2024")).toBeUndefined();
  });

  test("groupPath walks from the outermost group", () => {
    expect(chongqing.groupPath("江津区", "2024")).toEqual(["主城都市区", "渝西地区"]);
    expect(chongqing.groupPath("万州区", "2020")).toEqual(["渝东北三峡库区城镇群"]);
  });

  test("an unknown scheme is a programming error and lists the known ones", () => {
    expect(() => chongqing.groupOf("渝北区", "1997")).toThrow(/2020, 2024/);
  });
});
