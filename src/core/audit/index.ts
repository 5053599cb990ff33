export type { AuditParse, AuditRule, AuditSyntaxError, Condition, Expr, RuleSource } from "./ast";
export { LIMITS as AUDIT_LIMITS, parseAuditLines, parseAuditRules } from "./parser";
export type { RuleLine } from "./parser";
export { evaluateAuditRules } from "./evaluate";
export type { AuditEnvironment, AuditInput } from "./evaluate";
export { AUDIT_SHEET_NAME, auditLinesFromGrid, findAuditSheet, isAuditSheetName, parseAuditSheet } from "./sheet";
export { AuditRulesError } from "./errors";
