import { CheckSettings, normalizeSettings } from "../core/settings";
import { parseSettingsRows, SETTINGS_SHEET, settingsRows } from "../app/settings-sheet";
import { readHiddenSheetRows, writeHiddenSheetRows } from "./hidden-sheet";
import { DocumentSettings } from "./host";
import { Requirements } from "./requirements";

/*
 * The pane's choices are stored in the workbook's very hidden settings sheet (format: src/app/settings-sheet.ts),
 * so that the ribbon's 一键校验, the next person who opens the file, the standalone page and zs-check all check
 * the same way. Versions before issue 10 kept them in the document's settings (Office.context.document.settings,
 * which no .xlsx reader sees), as one JSON string under SETTINGS_KEY: those are still read when the workbook has
 * no settings sheet, and carried over into the sheet at the next save.
 */
export const SETTINGS_KEY = "zs.settings";

/** Whatever earlier versions stored (a JSON string, an object, junk) → well-formed settings; null when nothing. */
export function loadDocumentSettings(settings: DocumentSettings): CheckSettings | null {
  let raw: unknown;
  try {
    raw = settings.get(SETTINGS_KEY);
  } catch {
    raw = null;
  }
  if (raw === null || raw === undefined) return null;
  if (typeof raw === "string") {
    try {
      raw = JSON.parse(raw);
    } catch {
      raw = null;
    }
  }
  return normalizeSettings(raw);
}

/** The settings sheet's settings, or null when the workbook has none (or a sheet of that name that is not ours). */
export async function readSettingsSheet(context: Excel.RequestContext): Promise<CheckSettings | null> {
  const rows = await readHiddenSheetRows(context, SETTINGS_SHEET);
  return rows === null ? null : parseSettingsRows(rows);
}

export async function writeSettingsSheet(context: Excel.RequestContext, req: Requirements, settings: CheckSettings): Promise<void> {
  await writeHiddenSheetRows(context, req, SETTINGS_SHEET, settingsRows(settings));
}
