import { chongqing } from "../../../src/core/units";

describe("positions of units in a preset's list", () => {
  test.each(["chongqing-2020", "chongqing-2026"])("each code of %s maps to its place in unitsOf", (preset) => {
    const units = chongqing.unitsOf(preset);
    const positions = chongqing.positionsIn(preset);
    expect(positions.size).toBe(units.length);
    units.forEach((u, k) => expect(positions.get(u.code)).toBe(k));
  });

  test("an unknown preset is an error, as for unitsOf", () => {
    expect(() => chongqing.positionsIn("nowhere")).toThrow(/Unknown preset/);
  });
});
