/**
 * Checks across the files of a batch (duplicate-submission, missing-submission): they compare submissions with
 * each other, so they run after every sheet was validated rather than as sheet rules.
 */
export { checkSubmissions } from "./submissions";
export type { Submission, UncheckedFile } from "./submissions";
