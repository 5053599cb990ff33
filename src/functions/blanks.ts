/**
 * How an empty cell reaches a custom function. Desktop Excel passes it as 0 and Excel on the web as null
 * (office-js #4702), inside range arguments too (office-js #1951, #5262: blank cells of a matrix argument arrive as
 * 0 on desktop). On desktop a 0 from an empty cell cannot be told from a typed 0, so a function whose answer
 * would mislead when a blank is read as 0 (a −100% growth, a 0% completion, a rank) treats an exact 0 like a blank,
 * on every client, so that one workbook gives the same answers on desktop and on the web.
 */

/** A figure that may be an empty cell on some client: null (web) or exactly 0 (desktop). */
export function isZeroOrBlank(figure: number | null): boolean {
  return figure === null || figure === 0;
}

/** A cell that is empty on any client, for arguments that are names or options, where a 0 is never meant. */
export function isEmptyCell(raw: unknown): boolean {
  return raw === null || raw === undefined || raw === "" || raw === 0;
}

/**
 * An optional argument left out. Excel passes null for an omitted optional parameter (docs: "Custom functions
 * parameter options", Optional parameters); a matrix parameter skipped between commas (`=ZSTJ.RANK(C5,C$5:C$45,,,1)`)
 * or pointed at an empty cell arrives as a 1×1 grid holding an empty value. Both mean "omitted".
 */
export function isOmitted(grid: unknown[][] | null | undefined): boolean {
  if (grid === null || grid === undefined || grid.length === 0 || grid[0].length === 0) return true;
  return grid.length === 1 && grid[0].length === 1 && isEmptyCell(grid[0][0]);
}
