import { sheetProtected, workbookProtected } from "./errors";

/*
 * A protected sheet rejects our writes part-way through a request (AccessDenied), which could leave it half-marked,
 * so whether a sheet (WorksheetProtection.protected, ExcelApi 1.2) or the workbook's structure
 * (WorkbookProtection.protected, ExcelApi 1.7) is protected is loaded in the first request of each writing batch,
 * and checked before anything is written. Both sets are below the manifest's minimum.
 */

/** Queues loading a sheet's protection; the returned check throws a clear message if it is protected. */
export function queueSheetProtection(ws: Excel.Worksheet, name: string): () => void {
  const protection = ws.protection;
  protection.load("protected");
  return () => {
    if (protection.protected) throw sheetProtected(name);
  };
}

/** Queues loading whether the workbook's structure is protected (no sheet can be added then). */
export function queueWorkbookProtection(context: Excel.RequestContext): () => void {
  const protection = context.workbook.protection;
  protection.load("protected");
  return () => {
    if (protection.protected) throw workbookProtected();
  };
}
