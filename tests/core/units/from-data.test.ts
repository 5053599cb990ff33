import { loadRegistry, RegistryData } from "../../../src/core/units";
import sample from "./fixtures/sample-city.json";

const sampleData = sample as RegistryData;

function variant(edit: (d: RegistryData) => void): RegistryData {
  const copy = JSON.parse(JSON.stringify(sampleData)) as RegistryData;
  edit(copy);
  return copy;
}

describe("a second city loads from the same JSON format", () => {
  const registry = loadRegistry(sampleData);

  test("identity and presets", () => {
    expect(registry.id).toBe("sample");
    expect(registry.presets().map((p) => p.id)).toEqual(["sample-all"]);
    expect(registry.unitsOf("sample-all").map((u) => u.code)).toEqual(["qingshan", "baishui", "jingkai"]);
    expect(registry.presetFor(2026).id).toBe("sample-all");
  });

  test.each([
    ["青山区", "qingshan", "name"],
    ["青 山", "qingshan", "alias"],
    ["示例市青山区", "qingshan", "alias"],
    ["青山县", "qingshan", "former-name"],
    ["经开区", "jingkai", "alias"],
  ])("%s → %s (%s)", (input, code, matched) => {
    expect(registry.resolve(input)).toMatchObject({ status: "ok", unit: { code }, matched });
  });

  test("aggregates, groups and suggestions come from its own data", () => {
    expect(registry.resolve("全市")).toMatchObject({ status: "aggregate", kind: "total" });
    expect(registry.resolve("郊区县合计")).toMatchObject({ status: "aggregate", kind: "group", group: "郊县" });
    expect(registry.groupOf("白水", "basic")).toBe("郊县");
    const r = registry.resolve("白水区");
    expect(r.status).toBe("unknown");
    expect(r.status === "unknown" && r.suggestions[0].code).toBe("baishui");
    expect(r.status === "unknown" && r.message.zh).toContain("示例市");
  });

  test("Chongqing names mean nothing here", () => {
    expect(registry.resolve("渝北区").status).toBe("unknown");
  });

  test("the caller's data is not shared with the registry", () => {
    const data = variant(() => undefined);
    const own = loadRegistry(data);
    data.units[0].name = "改名区";
    expect(own.byCode("qingshan")?.name).toBe("青山区");
  });

  test("data handed over (parsed from a file for this registry) is frozen in place instead of copied", () => {
    const data = variant(() => undefined);
    const own = loadRegistry(data, { handOver: true });
    expect(own.byCode("qingshan")).toBe(data.units[0]);
    expect(Object.isFrozen(data.units[0])).toBe(true);
    expect(own.resolve("青山区").status).toBe("ok");
  });
});

describe("loadRegistry rejects inconsistent data with a clear message", () => {
  test.each<[string, (d: RegistryData) => void, RegExp]>([
    ["duplicate codes", (d) => { d.units[1].code = "qingshan"; }, /duplicate unit code "qingshan"/],
    ["an unknown code in a preset", (d) => { d.presets[0].units.push("nowhere"); }, /preset "sample-all": unknown unit code "nowhere"/],
    ["an alias claimed by two units", (d) => { d.units[1].aliases.push("青山"); }, /"青山" is claimed by both qingshan \(alias\) and baishui \(alias\)/],
    ["a unit name reused as another unit's alias", (d) => { d.units[2].aliases.push("白水县"); }, /"白水县" is claimed by both baishui \(name\) and jingkai \(alias\)/],
    ["a unit without a group", (d) => { delete (d.units[0].groups as Record<string, string>).basic; }, /qingshan.*has no group in scheme "basic"/],
    ["a group the scheme does not define", (d) => { d.units[0].groups.basic = "山区"; }, /group "山区" is not a group of scheme "basic"/],
    ["an alias that is an aggregate row", (d) => { d.units[0].aliases.push("全市"); }, /"全市" \(alias of qingshan\) is also an aggregate row name/],
    ["an unknown kind", (d) => { (d.units[0] as { kind: string }).kind = "town"; }, /kind "town"/],
    ["a bad date", (d) => { d.units[0].validTo = "2026-02-30"; }, /validTo "2026-02-30"/],
    ["an unknown successor", (d) => { d.units[0].successor = { code: "ghost", note: { zh: "", en: "" } }; }, /successor "ghost"/],
    ["an unknown default scheme", (d) => { d.presets[0].defaultScheme = "none"; }, /default scheme "none"/],
    ["a preset unit that expires inside the preset", (d) => { d.units[1].validTo = "2024-12-31"; }, /unit "baishui" \(白水县\) is not valid for the whole preset period/],
    ["a group whose parent is not listed first", (d) => { d.schemes[0].groups[0].parent = "郊县"; }, /parent "郊县"/],
  ])("%s", (_what, edit, message) => {
    expect(() => loadRegistry(variant(edit))).toThrow(message);
  });

  test("one alias may name two records whose validity does not overlap", () => {
    const data = variant((d) => {
      d.units[2].validTo = "2025-12-31";
      d.units.push({ ...d.units[2], code: "jingkai-district", kind: "district", validTo: undefined, validFrom: "2026-01-01" });
      d.presets[0].validTo = "2025-12-31";
      d.presets.push({ ...d.presets[0], id: "sample-2026", validTo: undefined, validFrom: "2026-01-01", units: ["qingshan", "baishui", "jingkai-district"] });
    });
    const registry = loadRegistry(data);
    expect(registry.resolve("经开区", 2025)).toMatchObject({ status: "ok", unit: { code: "jingkai" } });
    expect(registry.resolve("经开区", 2026)).toMatchObject({ status: "ok", unit: { code: "jingkai-district" } });
    expect(registry.presetFor("2026-03").id).toBe("sample-2026");
  });

  test("all problems are reported at once", () => {
    const data = variant((d) => {
      d.units[1].code = "qingshan";
      d.presets[0].units.push("nowhere");
    });
    expect(() => loadRegistry(data)).toThrow(/duplicate unit code[\s\S]*unknown unit code "nowhere"/);
  });

  test("a date outside every preset is an error naming the presets", () => {
    const registry = loadRegistry(variant((d) => { d.presets[0].validFrom = "2020-01-01"; }));
    expect(() => registry.presetFor(2019)).toThrow(/sample-all \(2020-01-01 – …\)/);
  });
});
