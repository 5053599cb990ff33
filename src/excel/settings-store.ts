import { CheckSettings, normalizeSettings } from "../core/settings";
import { DocumentSettings } from "./host";

/**
 * The pane's choices are saved in the document's settings (stored inside the workbook, so the ribbon's 一键校验 and
 * the next person who opens the file check the same way), as one JSON string under this key.
 */
export const SETTINGS_KEY = "zs.settings";

/** Whatever is stored (a JSON string, an object an older version stored, junk) → well-formed settings. */
export function loadStoredSettings(settings: DocumentSettings): CheckSettings {
  let raw: unknown;
  try {
    raw = settings.get(SETTINGS_KEY);
  } catch {
    raw = null;
  }
  if (typeof raw === "string") {
    try {
      raw = JSON.parse(raw);
    } catch {
      raw = null;
    }
  }
  return normalizeSettings(raw);
}

/** Sets and saves; rejects when Office reports that saving failed (read-only file, co-authoring conflict). */
export function saveStoredSettings(settings: DocumentSettings, value: CheckSettings): Promise<void> {
  settings.set(SETTINGS_KEY, JSON.stringify(normalizeSettings(value)));
  return new Promise((resolve, reject) => {
    settings.saveAsync((result) => {
      if (result.status === Office.AsyncResultStatus.Failed) {
        reject(new Error(`saving settings failed: ${result.error?.message ?? "unknown error"}`));
      } else resolve();
    });
  });
}
