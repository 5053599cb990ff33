import { normalizeSettings } from "../../src/core/settings";

describe("normalizeSettings: stored mapping corrections", () => {
  test("keeps column corrections and the row corrections of one-district forms", () => {
    const settings = normalizeSettings({
      mapping: {
        黔江区: [
          { row: 8, col: 0, indicator: "agreement-investment" },
          { col: 3, indicator: null, measure: "completion" },
        ],
      },
    });
    expect(settings.mapping).toEqual({
      黔江区: [
        { row: 8, col: 0, indicator: "agreement-investment" },
        { col: 3, indicator: null, measure: "completion" },
      ],
    });
  });

  test("drops hand-edited entries that name no column or no real row", () => {
    const settings = normalizeSettings({
      mapping: { 黔江区: [{ row: "8", col: 0, indicator: null }, { row: -1, col: 0, indicator: null }, { indicator: null }, "x"] },
    });
    expect(settings.mapping).toEqual({ 黔江区: [] });
  });
});
