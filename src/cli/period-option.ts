/** --period is read like the pane's and page's period field: core/period-input.ts. */
export { parsePeriodInput as parsePeriodOption, periodEcho, periodRefusal } from "../core/period-input";
