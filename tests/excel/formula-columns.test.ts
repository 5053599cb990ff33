import { FORMULA_FORMATS, formulaFor } from "../../src/core/formulas";
import { OfficeWorkbookPort } from "../../src/excel/office-port";
import { FormulaColumnRequest } from "../../src/app/port";
import { FakeExcel } from "../support/office-mock";
import { seedDistrict } from "../support/office-mock-district";

function setup() {
  const fx = new FakeExcel();
  const d = seedDistrict(fx, "1-6月");
  const sync = jest.spyOn(fx.context, "sync");
  const port = new OfficeWorkbookPort({ host: fx.host() });
  return { fx, d, sync, port };
}

describe("insertFormulaColumns", () => {
  it("adds header and native formulas right of the used range, in one write, never over a user's cell", async () => {
    const { fx, d, sync, port } = setup();
    // A user's formatted but empty column J: formatting counts as used, so it is not taken either.
    fx.cellOf(fx.sheet("1-6月"), 10, 9).fill = "#FFFF00";
    const before = fx.snapshot();
    const requests: FormulaColumnRequest[] = [
      { kind: "yoy", inputs: ["D", "E"], firstRow: d.totalRow, lastRow: d.lastUnitRow, header: "合同额同比（公式）" },
      { kind: "yoy", inputs: ["G", "H"], firstRow: d.totalRow, lastRow: d.lastUnitRow, header: "到位资金同比（公式）" },
      { kind: "pace", inputs: ["D", "E"], months: 6, firstRow: d.firstUnitRow, lastRow: d.lastUnitRow, header: "超序时（公式）" },
    ];

    await port.insertFormulaColumns("1-6月", requests);

    expect(sync).toHaveBeenCalledTimes(2);
    expect(fx.runs).toEqual([{ mergeUndoGroup: true, delayForCellEdit: true }]);
    // Columns K, L, M (J was the user's).
    expect(fx.cell("1-6月", `K${d.totalRow - 1}`)).toMatchObject({ value: "合同额同比（公式）", numberFormat: "@", bold: true });
    expect(fx.cell("1-6月", `M${d.firstUnitRow - 1}`).value).toBe("超序时（公式）");
    for (let row = d.totalRow; row <= d.lastUnitRow; row++) {
      expect(fx.cell("1-6月", `K${row}`).formula).toBe(formulaFor(requests[0], row));
      expect(fx.cell("1-6月", `L${row}`).formula).toBe(formulaFor(requests[1], row));
    }
    expect(fx.cell("1-6月", `K${d.totalRow}`).numberFormat).toBe(FORMULA_FORMATS.yoy);
    expect(fx.cell("1-6月", `M${d.lastUnitRow}`)).toMatchObject({ formula: formulaFor(requests[2], d.lastUnitRow), numberFormat: FORMULA_FORMATS.pace });
    // The pace column starts at the first unit: its 全市 cell is left as it was (empty).
    expect(fx.cell("1-6月", `M${d.totalRow}`).formula).toBeNull();
    // Nothing of the user's changed.
    const after = fx.snapshot() as { cells: [string, unknown][] }[];
    const kept = (before as { cells: [string, unknown][] }[])[0].cells;
    for (const [k, c] of kept) expect(after[0].cells.find(([k2]) => k2 === k)?.[1]).toEqual(c);
    // The formulas header writes (headers and bodies) ran with events off.
    expect(fx.writes.every((w) => !w.eventsEnabled)).toBe(true);
  });

  it("changes nothing when a request is malformed", async () => {
    const { fx, sync, port } = setup();
    const before = fx.snapshot();
    await expect(port.insertFormulaColumns("1-6月", [{ kind: "pace", inputs: ["D", "E"], firstRow: 6, lastRow: 46, header: "x" }])).rejects.toThrow(RangeError);
    await expect(port.insertFormulaColumns("1-6月", [{ kind: "yoy", inputs: ["D", "E"], firstRow: 9, lastRow: 3, header: "x" }])).rejects.toThrow(RangeError);
    expect(fx.snapshot()).toEqual(before);
    expect(sync).not.toHaveBeenCalled();
  });

  it("does nothing for no requests, and puts no header above data that starts in row 1", async () => {
    const { port, sync } = setup();
    await port.insertFormulaColumns("1-6月", []);
    expect(sync).not.toHaveBeenCalled();
    const empty = new FakeExcel();
    empty.addSheet("S");
    await new OfficeWorkbookPort({ host: empty.host() }).insertFormulaColumns("S", [{ kind: "completion", inputs: ["A", "B"], firstRow: 1, lastRow: 2, header: "完成率" }]);
    expect(empty.cell("S", "A1").formula).toBe(formulaFor({ kind: "completion", inputs: ["A", "B"] }, 1));
    expect(empty.cell("S", "A2").formula).toBe(formulaFor({ kind: "completion", inputs: ["A", "B"] }, 2));
  });
});
