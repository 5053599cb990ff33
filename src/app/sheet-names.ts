/** Excel's sheet-name rules, so that a name we make up is always accepted (exceljs throws otherwise). */
export const MAX_SHEET_NAME = 31;

/** Replaces the characters Excel forbids ([ ] : * ? / \) and the apostrophes it refuses at either end. */
export function cleanSheetName(name: string): string {
  const cleaned = name.replace(/[[\]:*?/\\]/g, "_").replace(/^'+|'+$/g, "").trim();
  return (cleaned || "Sheet").slice(0, MAX_SHEET_NAME);
}

/** `base`, or `base(2)`, `base(3)` … — the first one no existing sheet uses (Excel compares case-insensitively). */
export function uniqueSheetName(base: string, existing: readonly string[]): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  const clean = cleanSheetName(base);
  if (!taken.has(clean.toLowerCase())) return clean;
  for (let i = 2; ; i++) {
    const suffix = `(${i})`;
    const candidate = clean.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** `#'Sheet name'!$C$7`: always quoted, quotes doubled, so any sheet name works. See report.ts for the "$". */
export function internalLink(sheet: string, cell: string): string {
  return `#'${sheet.replace(/'/g, "''")}'!${cell}`;
}
