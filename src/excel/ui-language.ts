import { Lang } from "../core/i18n";

/**
 * The add-in's language for a display-language tag (Office.context.displayLanguage, a BCP 47 tag): English for
 * every English tag (en, en-US, en-GB …), Chinese for every Chinese one (zh, zh-CN, zh-TW, zh-Hant-HK …), and
 * Chinese for any other language or none. Chinese is the product's default: its users are statisticians of Chinese
 * bureaus, the manifest's DefaultLocale is zh-CN, and the add-in has no third language to offer.
 */
export function languageForTag(tag: string | null | undefined): Lang {
  if (typeof tag !== "string") return "zh";
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return primary === "en" ? "en" : "zh";
}

/** Office's display language as the add-in's language (Chinese when Office is not there). */
export function officeLanguage(): Lang {
  const language = typeof Office !== "undefined" && Office.context && typeof Office.context.displayLanguage === "string" ? Office.context.displayLanguage : null;
  return languageForTag(language);
}
