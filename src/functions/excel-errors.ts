import { NotComputable } from "../core/result";

/**
 * Excel shows a custom message only on #VALUE! and #N/A, so every "not computable" maps onto one of the two:
 * bad input is #VALUE!, an absent or meaningless figure (no target, base 0 or negative) is #N/A.
 * `CustomFunctions` is read at call time: it is the runtime's global, absent when the module is merely imported.
 */
export type ExcelError = CustomFunctions.Error;

export function valueError(message: string): ExcelError {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);
}

export function naError(message: string): ExcelError {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, message);
}

export function isExcelError(value: unknown): value is ExcelError {
  return typeof CustomFunctions !== "undefined" && value instanceof CustomFunctions.Error;
}

export function fromNotComputable(outcome: NotComputable): ExcelError {
  return outcome.reason === "invalid-input" ? valueError(outcome.message.zh) : naError(outcome.message.zh);
}

export const SHAPE_MISMATCH = "区域大小不一致：各区域应同样大小，或为单个单元格";
