import { Bilingual } from "../i18n";
import { declareRule } from "./declaration";

/**
 * 审核公式: the rules a city writes and sends down (src/core/audit), checked per unit row. Declared here, beside the
 * built-in rules, so that they appear in RuleId, the README's table and the JSON schema like every other rule.
 */

export const auditRule = declareRule({
  id: "audit-rule",
  name: { zh: "审核公式", en: "Audit rule" },
  severities: ["error", "verify", "info"],
  settings: ["months", "year"],
  description: {
    zh: "上级下发的审核公式（--rules 文件或工作簿中的“审核规则”工作表）不成立：级别按公式所写，写明公式所在行、两边的值和公式后的说明",
    en: "A rule the level above wrote (--rules file, or a sheet named 审核规则) fails: at the severity the line gives, naming its line, both sides' values and its message.",
  },
});

export const auditRuleSkipped = declareRule({
  id: "audit-rule-skipped",
  name: { zh: "审核公式未执行", en: "Audit rule not applied" },
  severities: ["info"],
  settings: [],
  description: {
    zh: "审核公式用到本表没有的指标，或用到“上期”而没有上期报表：每条公式每张表只报一次",
    en: "An audit rule names an indicator the sheet lacks, or 上期 with no previous file: once per rule and sheet.",
  },
});

/** Where an audit rule was written: its file or sheet, and its line. */
export interface AuditRuleRef {
  source: string;
  line: number;
  /** The rule as written. */
  text: string;
}

/** What an audit-rule finding states: the comparison that failed, with both sides' values. */
export interface AuditRuleDetails {
  rule: "audit-rule";
  ref: AuditRuleRef;
  /** The comparison that failed, as written ("正式合同额 >= 工业正式合同额"). */
  compared: string;
  op: "=" | "!=" | "<" | "<=" | ">" | ">=" | null;
  /** Both sides as computed for the row (amounts in their unit, rates as fractions); null when not a comparison. */
  left: number | null;
  right: number | null;
  /** The message the rule's author wrote after the colon. */
  message: string | null;
}

/** What an audit-rule-skipped finding states: why the rule could not be applied to the sheet. */
export interface AuditRuleSkippedDetails {
  rule: "audit-rule-skipped";
  ref: AuditRuleRef;
  missing: Bilingual[];
}
