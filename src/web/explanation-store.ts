import { Explanation, explanationKey, upsertExplanation } from "../core/explanations";
import { Lang } from "../core/i18n";

/**
 * 核实说明 written on the page are kept in this browser (localStorage) until they are in a downloaded copy, so a
 * reload, another file or a tab closed by accident loses nothing. Entries are keyed by the SHA-256 of the file's
 * bytes: the same file opened again — whatever it is called — gets its explanations back; a changed file does not
 * get explanations written for other figures.
 */

/** The part of Web Storage used here (localStorage in the page, a Map in tests). */
export type KeyValueStore = Pick<Storage, "getItem" | "setItem" | "removeItem">;

const PREFIX = "zs-explanations:";
const LANG_KEY = "zs-lang";

export interface StoredExplanations {
  fileName: string;
  explanations: Explanation[];
  /** True until the explanations went into a downloaded annotated copy. */
  unsaved: boolean;
  savedAt: string;
}

/** Hex SHA-256 of the file's bytes (crypto.subtle: available on https and localhost pages). */
export async function fileHash(bytes: Uint8Array, subtle: SubtleCrypto | null = globalThis.crypto?.subtle ?? null): Promise<string | null> {
  if (!subtle) return null;
  // The view itself (a TypedArray is a BufferSource): only its bytes are hashed, even on a larger buffer.
  const digest = await subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** localStorage when the browser lets the page use it (private modes and policies may throw on access). */
export function browserStore(): KeyValueStore | null {
  try {
    const s = globalThis.localStorage;
    return s ?? null;
  } catch {
    return null;
  }
}

export function loadStored(store: KeyValueStore | null, hash: string | null): StoredExplanations | null {
  if (!store || !hash) return null;
  try {
    const raw = store.getItem(PREFIX + hash);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<StoredExplanations>;
    if (!Array.isArray(parsed.explanations)) return null;
    const explanations = parsed.explanations.filter(
      (e): e is Explanation => !!e && typeof e.sheet === "string" && typeof e.rule === "string" && typeof e.text === "string",
    );
    return { fileName: String(parsed.fileName ?? ""), explanations, unsaved: parsed.unsaved !== false, savedAt: String(parsed.savedAt ?? "") };
  } catch {
    return null;
  }
}

/** Writes (or, for an empty list, forgets) a file's explanations. A full or refused storage is not an error. */
export function saveStored(store: KeyValueStore | null, hash: string | null, entry: Omit<StoredExplanations, "savedAt">): boolean {
  if (!store || !hash) return false;
  try {
    if (entry.explanations.length === 0) store.removeItem(PREFIX + hash);
    else store.setItem(PREFIX + hash, JSON.stringify({ ...entry, savedAt: new Date().toISOString() }));
    return true;
  } catch {
    return false;
  }
}

/**
 * The file's own explanations with the stored ones laid over them (same sheet, cell and rule: the browser's is
 * newer, having been written on the page after the file was opened). `restored` counts what the file lacked.
 */
export function mergeExplanations(
  fromFile: readonly Explanation[],
  stored: readonly Explanation[],
): { explanations: Explanation[]; restored: number } {
  const inFile = new Map(fromFile.map((e) => [explanationKey(e), e.text]));
  let merged = fromFile.map((e) => ({ ...e }));
  let restored = 0;
  for (const e of stored) {
    if (inFile.get(explanationKey(e)) !== e.text) restored++;
    merged = upsertExplanation(merged, { ...e });
  }
  return { explanations: merged, restored };
}

/** The language the user last chose on the page, if any. */
export function storedLanguage(store: KeyValueStore | null = browserStore()): Lang | null {
  try {
    const v = store?.getItem(LANG_KEY);
    return v === "zh" || v === "en" ? v : null;
  } catch {
    return null;
  }
}

export function rememberLanguage(lang: Lang, store: KeyValueStore | null = browserStore()): void {
  try {
    store?.setItem(LANG_KEY, lang);
  } catch {
    // Storage refused: the choice lasts for this visit only.
  }
}
