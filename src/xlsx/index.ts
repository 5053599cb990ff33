/**
 * The .xlsx adapter: bytes in, grids/bytes out, no file system (zs-check does the I/O; a browser page can use it
 * as is). Reading is our own zip and XML scanner (read.ts); the annotated copy is the original package plus
 * insertions (annotate.ts). Macros are never run: an .xlsm reads like an .xlsx, its vbaProject.bin ignored.
 */
export { DEFAULT_LIMITS, RATIO_GRACE_BYTES, checkWorkbookBytes } from "./limits";
export type { ByteTools } from "./byte-tools";
export type { LimitCheck, LimitReason, WorkbookLimits } from "./limits";
export { WorkbookError } from "./errors";
export type { WorkbookErrorReason } from "./errors";
export { readWorkbook } from "./read";
export type { ReadOptions, WorkbookData } from "./read";
export { writeAnnotatedCopy } from "./annotate";
export type { AnnotateOptions, SheetFindings } from "./annotate";
export { EXPLANATIONS_SHEET, readExplanations, writeExplanations } from "./explanations";
export type { ExplanationRecord } from "./explanations";
export { writeSettingsSheet } from "./settings-sheet";
export { SEVERITY_FILL_ARGB } from "./severity-style";
