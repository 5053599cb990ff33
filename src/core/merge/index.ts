export type * from "./types";
export { consolidate } from "./consolidate";
export type { MergeOptions } from "./consolidate";
export { isMergeable } from "./collect";
