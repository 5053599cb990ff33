import { Bilingual } from "../i18n";
import { AuditSyntaxError } from "./ast";

/**
 * A rules source that cannot be read: thrown by the sheet pipeline (core/check.ts) before anything is checked, so
 * that no sheet is checked against half a file. `text` carries both languages, as the faces' errors do.
 */
export class AuditRulesError extends Error {
  readonly text: Bilingual;

  constructor(readonly errors: readonly AuditSyntaxError[]) {
    const text = {
      zh: `审核规则有错误，未校验：${errors.map((e) => e.message.zh).join("；")}`,
      en: `the audit rules have errors, nothing was checked: ${errors.map((e) => e.message.en).join("; ")}`,
    };
    super(text.en);
    this.name = "AuditRulesError";
    this.text = text;
  }
}
