import { Lang } from "../core/i18n";
import { storedLanguage } from "./explanation-store";

/**
 * The page's language: `?lang=zh|en` when given (a link to share, a test), else the one the user last chose on
 * this page, else Chinese unless the browser asks for English. Statisticians in a district bureau use Chinese
 * systems; an English browser is the one signal strong enough to switch.
 */
export function pageLanguage(
  search: string = globalThis.location?.search ?? "",
  nav: Pick<Navigator, "language" | "languages"> | undefined = globalThis.navigator,
  remembered: Lang | null = storedLanguage(),
): Lang {
  const asked = new URLSearchParams(search).get("lang");
  if (asked === "zh" || asked === "en") return asked;
  if (remembered) return remembered;
  const first = nav?.languages?.[0] ?? nav?.language ?? "";
  return /^en\b/i.test(first) ? "en" : "zh";
}
