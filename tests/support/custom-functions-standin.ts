/**
 * A stand-in for the `CustomFunctions` global that Excel's custom-functions runtime provides: the same Error class
 * shape and ErrorCode strings, and an associate() that records id → function, so tests can call functions by id
 * exactly as Excel does.
 */
export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export class StandInError {
  constructor(
    public readonly code: string,
    public readonly message?: string,
  ) {}
}

export interface StandIn {
  Error: typeof StandInError;
  ErrorCode: typeof ErrorCode;
  associate(id: string | Record<string, unknown>, fn?: unknown): void;
  registry: Map<string, (...args: unknown[]) => unknown>;
}

export function installCustomFunctionsStandIn(): StandIn {
  const registry = new Map<string, (...args: unknown[]) => unknown>();
  const standIn: StandIn = {
    Error: StandInError,
    ErrorCode,
    registry,
    associate(id, fn) {
      if (typeof id === "string") registry.set(id, fn as (...args: unknown[]) => unknown);
      else for (const [k, v] of Object.entries(id)) registry.set(k, v as (...args: unknown[]) => unknown);
    },
  };
  (globalThis as unknown as { CustomFunctions: StandIn }).CustomFunctions = standIn;
  return standIn;
}
