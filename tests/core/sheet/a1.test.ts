import { a1, columnLetters, parseA1 } from "../../../src/core/sheet";
import { consecutiveRuns } from "../../../src/core/sheet/a1";

describe("A1 addresses", () => {
  it("names columns as Excel does", () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702, 16383].map(columnLetters)).toEqual(["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA", "XFD"]);
    expect(() => columnLetters(-1)).toThrow(RangeError);
    expect(() => columnLetters(1.5)).toThrow(RangeError);
  });

  it("adds the grid's origin", () => {
    expect(a1({ row: 6, col: 2 })).toBe("C7");
    expect(a1({ row: 0, col: 0 }, { row: 2, col: 1 })).toBe("B3");
    expect(a1({ row: 4, col: 25 }, { row: 0, col: 1 })).toBe("AA5");
  });

  it("parses single-cell references, with $ and lower case", () => {
    expect(parseA1("C7")).toEqual({ row: 6, col: 2 });
    expect(parseA1("$C$7")).toEqual({ row: 6, col: 2 });
    expect(parseA1(" xfd1048576 ")).toEqual({ row: 1048575, col: 16383 });
    for (const bad of ["", "7C", "C0", "C", "7", "C7:D8", "Sheet1!C7", "C-1", "ABCD1"]) expect(parseA1(bad)).toBeNull();
  });

  it("round-trips every column up to XFD and rows across the sheet", () => {
    for (let col = 0; col < 16384; col++) {
      const row = (col * 7919) % 1048576;
      expect(parseA1(a1({ row, col }))).toEqual({ row, col });
    }
  });
});

describe("consecutiveRuns", () => {
  test("groups sorted, distinct rows into runs of consecutive rows, whatever order they come in", () => {
    expect(consecutiveRuns([9, 6, 7, 8, 16, 6])).toEqual([
      [6, 9],
      [16, 16],
    ]);
    expect(consecutiveRuns([])).toEqual([]);
  });
});
