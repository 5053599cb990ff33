import fs from "fs";
import path from "path";
import { fromSamples, median, stats } from "../../bench/figure";
import { BEGIN, END, figuresTable, replaceFiguresTable } from "../../bench/readme-table";

describe("bench figures", () => {
  it("takes the mean of the two middle samples as the median of an even count, not the larger one", () => {
    expect(median([1, 10])).toBe(5.5);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([3, 1, 2])).toBe(2);
  });

  it("reports median, range and count of the samples in the figure's unit", () => {
    expect(stats([5, 1, 9, 3, 7])).toEqual({ median: 5, min: 1, max: 9, n: 5 });
    const f = fromSamples({ name: "x", unit: "s", target: 1 }, [1200, 800, 1000, 900, 1100], (ms) => ms / 1000, 2);
    expect(f).toMatchObject({ value: 1, range: [0.8, 1.2], samples: 5 });
  });
});

describe("the README's figures table", () => {
  it("shows each figure with its range, sample count, target and how it was measured", () => {
    const table = figuresTable(
      [{ name: "zs-check on one 41-row file", value: 0.4, unit: "s", target: null, range: [0.38, 0.52], samples: 5, how: "whole process" }],
      "2026-12-06",
    );
    expect(table).toContain("| zs-check on one 41-row file | 0.4 s | 0.38–0.52 (n=5) | — | whole process |");
  });

  it("replaces only the generated block and refuses a README without markers", () => {
    const readme = `before\n${BEGIN}\nold\n${END}\nafter`;
    expect(replaceFiguresTable(readme, `${BEGIN}\nnew\n${END}`)).toBe(`before\n${BEGIN}\nnew\n${END}\nafter`);
    expect(() => replaceFiguresTable("no markers", "x")).toThrow(/markers/);
  });

  it("has its generated block in the README", () => {
    const text = fs.readFileSync(path.resolve(__dirname, "../../README.md"), "utf8");
    expect(text.indexOf(BEGIN)).toBeGreaterThan(0);
    expect(text.indexOf(END)).toBeGreaterThan(text.indexOf(BEGIN));
  });
});
