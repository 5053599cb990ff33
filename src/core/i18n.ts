/** User-facing text is always carried in both languages; the caller picks one at the edge. */
export type Lang = "zh" | "en";

export interface Bilingual {
  zh: string;
  en: string;
}

export function bi(zh: string, en: string): Bilingual {
  return { zh, en };
}

export function pick(text: Bilingual, lang: Lang): string {
  return text[lang];
}
