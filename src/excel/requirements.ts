/**
 * Which Excel JavaScript API features this Excel has. Office.js requirement sets are checked at run time (not in the
 * manifest) so that the add-in still loads in older Excels and does what they allow: a 2019 perpetual Excel has
 * ExcelApi 1.8 (no RangeAreas, no notes API), Microsoft 365 has them all.
 */
export type ApiFeature =
  | "conditionalFormats" // ConditionalFormatCollection.add(Custom), ExcelApi 1.6
  | "enableEvents" // Runtime.enableEvents, ExcelApi 1.8
  | "rangeAreas" // Worksheet.getRanges, Range.getSpecialCellsOrNullObject, ExcelApi 1.9
  | "copyFrom" // Range.copyFrom(…, RangeCopyType.values), ExcelApi 1.9
  | "mergedAreas" // Range.getMergedAreasOrNullObject, ExcelApi 1.13
  | "notes" // Worksheet.notes / Workbook.notes, ExcelApi 1.18
  | "undoGroup"; // Excel.run({ mergeUndoGroup: true }), ExcelApi 1.20

export const FEATURE_SETS: Readonly<Record<ApiFeature, readonly [string, string]>> = {
  conditionalFormats: ["ExcelApi", "1.6"],
  enableEvents: ["ExcelApi", "1.8"],
  rangeAreas: ["ExcelApi", "1.9"],
  copyFrom: ["ExcelApi", "1.9"],
  mergedAreas: ["ExcelApi", "1.13"],
  notes: ["ExcelApi", "1.18"],
  undoGroup: ["ExcelApi", "1.20"],
};

export interface Requirements {
  supports(feature: ApiFeature): boolean;
}

/**
 * Wraps `Office.context.requirements.isSetSupported` (versions passed as strings: "1.10" is not 1.1). Answers are
 * remembered: they cannot change while the add-in runs. A host that throws is treated as "not supported".
 */
export function requirementsFrom(isSetSupported: (name: string, version: string) => boolean): Requirements {
  const known = new Map<ApiFeature, boolean>();
  return {
    supports(feature) {
      let answer = known.get(feature);
      if (answer === undefined) {
        const [name, version] = FEATURE_SETS[feature];
        try {
          answer = isSetSupported(name, version) === true;
        } catch {
          answer = false;
        }
        known.set(feature, answer);
      }
      return answer;
    },
  };
}
