import { compareVersions, excelApiSets, parseExcelApiSets } from "../../scripts/lib/excel-api-sets";

const SAMPLE = `declare namespace Office {
    class Range {
        /**
         * [Api set: ExcelApi 1.9]
         */
        values: any;
    }
}
declare namespace Excel {
    class Range extends OfficeExtension.ClientObject {
        context: RequestContext;
        /**
         * @remarks
         * [Api set: ExcelApi 1.1]
         */
        values: any[][];
        /**
         * @remarks
         * [Api set: ExcelApi 1.13]
         */
        getMergedAreasOrNullObject(): Excel.RangeAreas;
        /**
         * @remarks
         * [Api set: ExcelApi 1.10]
         */
        select(a: string): void;
        /**
         * @remarks
         * [Api set: ExcelApi 1.9]
         */
        select(): void;
        /**
         * @remarks
         * [Api set: ExcelApiOnline 1.1]
         */
        readonly onlineOnly: string;
        load(propertyNames?: string): Excel.Range;
    }
    interface RunOptions extends OfficeExtension.RunOptions<Session> {
        delayForCellEdit?: boolean;
        /**
         * [Api set: ExcelApi 1.20]
         */
        mergeUndoGroup?: boolean;
    }
    function run<T>(batch: () => Promise<T>): Promise<T>;
}
`;

describe("the ExcelApi member index read from @types/office-js", () => {
  it("takes each member's set from its [Api set] tag, the lowest over overloads, only inside namespace Excel", () => {
    expect(parseExcelApiSets(SAMPLE)).toEqual({
      Range: { values: "1.1", getMergedAreasOrNullObject: "1.13", select: "1.9", onlineOnly: "online" },
      RunOptions: { mergeUndoGroup: "1.20" },
    });
  });

  it("leaves untagged plumbing (load, context) out: it exists everywhere", () => {
    const range = parseExcelApiSets(SAMPLE).Range;
    expect(Object.keys(range)).not.toContain("load");
    expect(Object.keys(range)).not.toContain("context");
  });

  it("compares versions numerically: 1.10 is above 1.9", () => {
    expect(compareVersions("1.10", "1.9")).toBeGreaterThan(0);
    expect(compareVersions("1.2", "1.2")).toBe(0);
  });

  it("finds the members the adapter relies on in the installed typings", () => {
    const sets = excelApiSets();
    expect(sets.Worksheet.getRangeByIndexes).toBe("1.7");
    expect(sets.Worksheet.notes).toBe("1.18");
    expect(sets.WorksheetCollection.getItemOrNullObject).toBe("1.4");
    expect(sets.RunOptions.mergeUndoGroup).toBe("1.20");
  });
});
