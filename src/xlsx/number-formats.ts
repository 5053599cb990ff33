import type ExcelJS from "exceljs";
import { decodeLatin1 } from "./byte-tools";
import { checkWorkbookBytes, LimitCheck, WorkbookLimits } from "./limits";
import { WorkbookPackage } from "./package";
import { defaultByteTools } from "./byte-tools-node";
import { customNumberFormats } from "./styles";
import { webByteTools } from "./web-byte-tools";
import { XmlCursor } from "./xml";

/**
 * Number-format codes exactly as the file writes them.
 *
 * exceljs 4.4 removes every backslash from a code when it reads styles.xml (lib/xlsx/xform/style/numfmt-xform.js,
 * `formatCode.replace(/[\\](.)/g, '$1')`), so `0.00\%` — a percent sign printed as text after a figure that is
 * already ×100 — comes back as `0.00%`, which multiplies by 100. A 同比 column typed as 12.5 under `0.00\%` then
 * reads as 1250% and every cell is a false rate finding; an annotated copy written back by exceljs would even
 * show 1250.00%. So the custom codes are read here from xl/styles.xml (the part exceljs reads, by that name) and
 * put back into exceljs's own style index before it gives cells their styles: every cell, and every copy written
 * from the workbook, then carries the verbatim code.
 */

/** Custom number formats by id (ISO/IEC 29500-1 §18.8.30 numFmt: ids below 164 are built in). */
export type NumberFormatCodes = Map<number, string>;

/** The <numFmt> records of a styles part (its UTF-8 text), read by the reader's own styles scanner. */
export function parseNumberFormats(stylesXml: string): NumberFormatCodes {
  return customNumberFormats(new XmlCursor(decodeLatin1(new TextEncoder().encode(stylesXml)), webByteTools));
}

/**
 * The workbook's custom number formats as written, read through the same package and styles scanner as the
 * reader (limits counted while inflating; the caller's own check of the bytes, when given, saves walking the zip
 * directory again); empty when the platform cannot inflate here or the part is missing,
 * so the workbook is then opened as exceljs reads it.
 */
export async function readNumberFormats(
  bytes: Uint8Array,
  limits: Partial<WorkbookLimits> | undefined,
  check: LimitCheck = checkWorkbookBytes(bytes, limits),
): Promise<NumberFormatCodes> {
  try {
    const x = await WorkbookPackage.fromCheck(bytes, check, limits, undefined, defaultByteTools).xml("xl/styles.xml");
    return x === null ? new Map() : customNumberFormats(x);
  } catch {
    return new Map();
  }
}

/** What the hook needs of exceljs's internals (lib/xlsx/xlsx.js reconcile, styles-xform.js index.numFmt). */
interface ReconcileTarget {
  reconcile(model: { styles?: { index?: { numFmt?: unknown } } }, options: unknown): unknown;
}

/**
 * Makes exceljs give cells the verbatim codes: its reconcile step turns each cell's style id into a style model,
 * looking the code up in `styles.index.numFmt[id]`; the stripped codes there are replaced first. Only codes that
 * exceljs changed are touched. If a later exceljs moves these internals the hook does nothing (the test that
 * reads `0.00\%` back then fails), and reading falls back to exceljs's codes.
 */
export function keepVerbatimNumberFormats(wb: ExcelJS.Workbook, codes: NumberFormatCodes): void {
  if (codes.size === 0) return;
  const xlsx = wb.xlsx as unknown as ReconcileTarget;
  if (typeof xlsx.reconcile !== "function") return;
  const original = xlsx.reconcile;
  xlsx.reconcile = function reconcileVerbatim(this: ReconcileTarget, model, options) {
    const index = model.styles?.index?.numFmt;
    if (Array.isArray(index) || (typeof index === "object" && index !== null)) {
      const table = index as Record<number, unknown>;
      for (const [id, code] of codes) if (typeof table[id] === "string" && table[id] !== code) table[id] = code;
    }
    return original.call(this, model, options);
  };
}
