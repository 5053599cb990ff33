/**
 * Which Excel JavaScript API features this Excel has, above the manifest's minimum (ExcelApi 1.13, manifest.xml):
 * those are checked at run time so that Office 2021 (1.14) and 2024 (1.17) still do what they allow, while current
 * Microsoft 365 and the web (1.18 and later) get notes and one-step undo. Sets at or below the minimum are listed
 * too (the adapter keeps working where a test ages the client), and the README's client table is generated from
 * this list (scripts/clients-table.ts); a test checks each set against the @types/office-js tag of its member.
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
