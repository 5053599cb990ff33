/** The Office.js adapter: WorkbookPort for the task pane and the ribbon command inside Excel. */
export { OfficeWorkbookPort, languageOf } from "./office-port";
export type { OfficePortOptions } from "./office-port";
export { officeHost } from "./host";
export type { OfficeHost, BatchRunner, DocumentSettings } from "./host";
export { OfficeAdapterError } from "./errors";
export { DEFAULT_READ_LIMITS, rowsPerChunk } from "./read";
export type { ReadLimits } from "./read";
export { MARK_TAG, markFormula, markOf, SEVERITY_FILL } from "../app/marks";
export { NOTE_PREFIX, isOurNote } from "../app/notes";
export { EXPLANATIONS_SHEET } from "./explanations-store";
export { SETTINGS_KEY } from "./settings-store";
export { reportSheetBaseName, REPORT_COLUMNS } from "./report";
