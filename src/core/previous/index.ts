export { checkAgainstPrevious } from "./compare";
export type { PreviousOptions, PreviousOutcome, PreviousSheet } from "./compare";
export { pairPeriods } from "./periods";
export type { Labelled, Pairing } from "./periods";
