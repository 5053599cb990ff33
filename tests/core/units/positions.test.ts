import { chongqing } from "../../../src/core/units";

describe("positions of units in a preset's list", () => {
  test.each(["chongqing-2020", "chongqing-2026"])("each code of %s maps to its place in unitsOf", (preset) => {
    const units = chongqing.unitsOf(preset);
    const positions = chongqing.positionsIn(preset);
    expect(positions.size).toBe(units.length);
    units.forEach((u, k) => expect(positions.get(u)).toBe(k));
  });

  test("the records resolve() hands out are the keys", () => {
    const r = chongqing.resolve("渝北", 2022);
    expect(r.status === "ok" && chongqing.positionsIn("chongqing-2020").get(r.unit)).toBe(
      chongqing.unitsOf("chongqing-2020").findIndex((u) => u.name === "渝北区"),
    );
  });

  test("an unknown preset is an error, as for unitsOf", () => {
    expect(() => chongqing.positionsIn("nowhere")).toThrow(/Unknown preset/);
  });
});
