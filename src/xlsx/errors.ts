import { Bilingual } from "../core/i18n";
import { LimitReason } from "./limits";

export type WorkbookErrorReason =
  | LimitReason
  /** A part could not be inflated or parsed (damaged archive, unsupported compression). */
  | "unreadable"
  /** A cell refers past the end of the shared-string table (damaged or forged file). */
  | "bad-shared-string"
  /** The archive opened but holds no worksheet (a .docx renamed, a workbook of chart sheets only). */
  | "no-worksheets"
  /** options.sheets named a sheet the workbook does not have. */
  | "sheet-not-found";

/**
 * What the adapter throws for a file it will not or cannot read. `message` is the Chinese text (Error.message has
 * to be a string); `bilingual` carries both languages so the CLI and the page pick one at the edge.
 */
export class WorkbookError extends Error {
  readonly reason: WorkbookErrorReason;
  readonly bilingual: Bilingual;

  constructor(reason: WorkbookErrorReason, bilingual: Bilingual, options?: { cause?: unknown }) {
    super(bilingual.zh);
    this.name = "WorkbookError";
    this.reason = reason;
    this.bilingual = bilingual;
    if (options && "cause" in options) (this as { cause?: unknown }).cause = options.cause;
  }
}
