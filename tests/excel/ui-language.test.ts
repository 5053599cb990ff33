import { languageForTag, officeLanguage } from "../../src/excel/ui-language";
import { OfficeWorkbookPort } from "../../src/excel/office-port";
import { FakeExcel } from "../support/office-mock";

describe("the add-in's language from Office's display language", () => {
  it.each(["en", "en-US", "en-GB", "en-AU", "en-IN", "EN-us", "en_SG"])("English for %s", (tag) => {
    expect(languageForTag(tag)).toBe("en");
  });

  it.each(["zh", "zh-CN", "zh-TW", "zh-HK", "zh-Hans-CN", "zh-Hant-TW", "ZH-cn"])("Chinese for %s", (tag) => {
    expect(languageForTag(tag)).toBe("zh");
  });

  it.each(["fr-FR", "ja-JP", "de-DE", "ko-KR", "eng", "", "  "])("Chinese, the documented default, for anything else: %j", (tag) => {
    expect(languageForTag(tag)).toBe("zh");
  });

  it("Chinese when there is no language or no Office at all", () => {
    expect(languageForTag(null)).toBe("zh");
    expect(languageForTag(undefined)).toBe("zh");
    expect(officeLanguage()).toBe("zh");
  });

  it("the pane's entry, the ribbon and the notes follow the same rule", () => {
    const g = globalThis as unknown as { Office?: unknown };
    for (const [tag, lang] of [["en-GB", "en"], ["zh-TW", "zh"], ["ja-JP", "zh"]] as const) {
      g.Office = { context: { displayLanguage: tag } };
      try {
        expect(officeLanguage()).toBe(lang);
      } finally {
        delete g.Office;
      }
      expect(new OfficeWorkbookPort({ host: new FakeExcel({ displayLanguage: tag }).host() }).displayLanguage()).toBe(lang);
    }
  });
});
