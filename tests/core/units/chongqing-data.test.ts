import { chongqing, loadRegistry, RegistryData, UnitRecord } from "../../../src/core/units";
import data from "../../../src/core/units/data/chongqing.json";

const units2020 = chongqing.unitsOf("chongqing-2020");
const units2026 = chongqing.unitsOf("chongqing-2026");

function countBy(units: UnitRecord[], scheme: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const u of units) counts[u.groups[scheme]] = (counts[u.groups[scheme]] ?? 0) + 1;
  return counts;
}

const isZone = (u: UnitRecord) => u.kind === "functional-zone";

// The bundled registry is built without re-checking at every load, so this is where its data is checked.
test("the bundled Chongqing data passes every consistency check", () => {
  expect(() => loadRegistry(data as RegistryData)).not.toThrow();
});

describe("Chongqing presets", () => {
  test("chongqing-2020 has 41 rows: 38 区县 + 3 zones", () => {
    expect(units2020).toHaveLength(41);
    expect(units2020.filter((u) => !isZone(u))).toHaveLength(38);
    expect(units2020.filter(isZone).map((u) => u.name)).toEqual(["两江新区", "重庆高新区", "万盛经开区"]);
  });

  test("chongqing-2026 has 39 rows: 37 区县 (两江新区 now a district) + 2 zones, no 江北区/渝北区", () => {
    expect(units2026).toHaveLength(39);
    expect(units2026.filter((u) => !isZone(u))).toHaveLength(37);
    expect(units2026.filter(isZone).map((u) => u.name)).toEqual(["重庆高新区", "万盛经开区"]);
    const names = units2026.map((u) => u.name);
    expect(names).not.toContain("江北区");
    expect(names).not.toContain("渝北区");
    expect(names).toContain("两江新区");
  });

  test("2020 order is the printing order of domain.md", () => {
    expect(units2020.slice(0, 9).map((u) => u.name)).toEqual([
      "渝中区", "大渡口区", "江北区", "沙坪坝区", "九龙坡区", "南岸区", "北碚区", "渝北区", "巴南区",
    ]);
    expect(units2020[9].name).toBe("涪陵区");
    expect(units2020[21].name).toBe("万州区");
    expect(units2020[32].name).toBe("黔江区");
    expect(units2020[37].name).toBe("彭水苗族土家族自治县");
  });

  test("presetFor picks the preset by period end", () => {
    expect(chongqing.presetFor(2022).id).toBe("chongqing-2020");
    expect(chongqing.presetFor("2022年1-6月").id).toBe("chongqing-2020");
    expect(chongqing.presetFor("2025-12-31").id).toBe("chongqing-2020");
    expect(chongqing.presetFor(2025).id).toBe("chongqing-2020");
    expect(chongqing.presetFor("2026-06").id).toBe("chongqing-2026");
    expect(chongqing.presetFor(new Date(2026, 0, 1)).id).toBe("chongqing-2026");
    expect(chongqing.presetFor(2019).id).toBe("chongqing-2020");
  });

  test("unitsAt follows presetFor", () => {
    expect(chongqing.unitsAt(2022)).toEqual(units2020);
    expect(chongqing.unitsAt("2026年1-6月")).toEqual(units2026);
  });

  test("preset() with an unknown id lists the known ones", () => {
    expect(() => chongqing.preset("chongqing-1997")).toThrow(/chongqing-2020, chongqing-2026/);
    expect(() => chongqing.unitsOf("nope")).toThrow(/known presets/);
  });

  test("every preset unit is valid throughout the preset", () => {
    for (const preset of chongqing.presets()) {
      for (const unit of chongqing.unitsOf(preset.id)) {
        if (preset.validFrom) expect(unit.validFrom === undefined || unit.validFrom <= preset.validFrom).toBe(true);
        if (preset.validTo) expect(unit.validTo === undefined || unit.validTo >= preset.validTo).toBe(true);
        if (!preset.validTo) expect(unit.validTo).toBeUndefined();
      }
    }
  });
});

describe("Chongqing unit records", () => {
  test("all codes are unique ASCII ids", () => {
    const codes = chongqing.allUnits().map((u) => u.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[a-z0-9-]+$/);
  });

  test("every unit has a known group in both schemes", () => {
    const schemes = chongqing.schemes();
    expect(schemes.map((s) => s.id)).toEqual(["2020", "2024"]);
    for (const unit of chongqing.allUnits()) {
      for (const scheme of schemes) {
        expect(scheme.groups.map((g) => g.name)).toContain(unit.groups[scheme.id]);
      }
    }
  });

  test("2020 scheme: 区县 split 9/12/11/6; zones add 2 to 中心城区 and 1 to 主城新区", () => {
    expect(countBy(units2020.filter((u) => !isZone(u)), "2020")).toEqual({
      中心城区: 9,
      主城新区: 12,
      渝东北三峡库区城镇群: 11,
      渝东南武陵山区城镇群: 6,
    });
    expect(countBy(units2020.filter(isZone), "2020")).toEqual({ 中心城区: 2, 主城新区: 1 });
  });

  test("2024 scheme: 主城都市区 has 22 区县 including 垫江县 (zones counted apart)", () => {
    const inMetro = units2020.filter((u) => chongqing.groupPath(u, "2024")[0] === "主城都市区");
    const districts = inMetro.filter((u) => !isZone(u));
    expect(districts).toHaveLength(22);
    expect(districts.map((u) => u.name)).toContain("垫江县");
    expect(countBy(districts, "2024")).toEqual({ 中心城区: 9, 渝西地区: 9, 渝东新城: 4 });
    expect(inMetro.filter(isZone).map((u) => u.code)).toEqual(["liangjiang", "gaoxin", "wansheng"]);
    expect(countBy(units2020, "2024")).toMatchObject({ 渝东北三峡库区: 10, 渝东南武陵山区: 6 });
  });

  test("2024 scheme after the reform: 主城都市区 has 21 区县 (江北+渝北 → 两江新区)", () => {
    const districts = units2026.filter((u) => !isZone(u) && chongqing.groupPath(u, "2024")[0] === "主城都市区");
    expect(districts).toHaveLength(21);
  });

  test.each([
    ["chongqing-2020", "liangjiang", false, false],
    ["chongqing-2020", "gaoxin", false, false],
    ["chongqing-2020", "wansheng", true, true],
    ["chongqing-2020", "yubei", true, true],
    ["chongqing-2026", "liangjiang-district", true, true],
    ["chongqing-2026", "gaoxin", false, false],
    ["chongqing-2026", "wansheng", true, true],
  ])("%s %s: countsInCityTotal=%p rankedInOverall=%p", (preset, code, counts, ranked) => {
    const unit = chongqing.unitsOf(preset).find((u) => u.code === code);
    expect(unit).toMatchObject({ countsInCityTotal: counts, rankedInOverall: ranked });
  });

  test("city-total rows: 39 in 2020 (38 区县 + 万盛; 两江/高新 overlap districts), 38 in 2026 (37 区县 + 万盛)", () => {
    expect(units2020.filter((u) => u.countsInCityTotal)).toHaveLength(39);
    expect(units2026.filter((u) => u.countsInCityTotal)).toHaveLength(38);
  });

  test("the two 两江新区 records are linked and do not overlap in time", () => {
    const zone = chongqing.byCode("liangjiang")!;
    const district = chongqing.byCode("liangjiang-district")!;
    expect(zone).toMatchObject({ kind: "functional-zone", validTo: "2025-12-31", successor: { code: "liangjiang-district" } });
    expect(district).toMatchObject({ kind: "district", validFrom: "2026-01-01" });
    expect(zone.successor!.note.zh).toContain("同比");
  });

  test("no bare short form is ambiguous: every label resolves to one unit", () => {
    for (const unit of chongqing.allUnits()) {
      for (const label of [unit.name, ...unit.aliases, ...(unit.formerNames ?? []).map((f) => f.name)]) {
        const asOf = unit.validFrom ?? unit.validTo ?? undefined;
        const r = chongqing.resolve(label, asOf);
        expect([label, r.status === "ok" ? r.unit.code : r.status]).toEqual([label, unit.code]);
      }
    }
  });

  test("records handed out are frozen", () => {
    const unit = chongqing.byCode("yubei")!;
    expect(Object.isFrozen(unit)).toBe(true);
    expect(Object.isFrozen(unit.aliases)).toBe(true);
  });

  test("the JSON file loads as data (same shape another city would use)", () => {
    expect(data.id).toBe("chongqing");
    expect(data.units.length).toBe(chongqing.allUnits().length);
  });
});
