import { Lang } from "../core/i18n";

/** Chinese unless Office says its display language is something else (English UI → English text). */
export function officeLanguage(): Lang {
  const language =
    typeof Office !== "undefined" && Office.context && typeof Office.context.displayLanguage === "string"
      ? Office.context.displayLanguage
      : "zh-CN";
  return language.toLowerCase().startsWith("zh") ? "zh" : "en";
}
