import { IndicatorId } from "../catalog";
import { Bilingual } from "../i18n";
import { Severity } from "../findings";

/** Where a piece of a rule stands: 1-based line (as the source numbers it) and column. */
export interface SourcePos {
  line: number;
  column: number;
}

/** What a name or function of the rule language reads from a unit's row. */
export type FieldFn =
  | "value" // 正式合同额: the 本期 figure (a rate indicator's own column)
  | "yoy" // 同比(x)
  | "completion" // 完成率(x)
  | "target" // 年度目标(x)
  | "lastYear" // 上年同期(x)
  | "previous"; // 上期(x): the previous-period file

export type ArithOp = "+" | "-" | "*" | "/";
export type CompareOp = "=" | "!=" | "<" | "<=" | ">" | ">=";

export type Expr =
  | { kind: "number"; value: number; percent: boolean; pos: SourcePos }
  | { kind: "field"; fn: FieldFn; indicator: IndicatorId; name: string; pos: SourcePos }
  | { kind: "timeProgress"; pos: SourcePos }
  | { kind: "abs"; arg: Expr; pos: SourcePos }
  | { kind: "negate"; arg: Expr; pos: SourcePos }
  | { kind: "arith"; op: ArithOp; left: Expr; right: Expr; pos: SourcePos };

export type Condition =
  | {
      kind: "compare";
      op: CompareOp;
      left: Expr;
      right: Expr;
      /** `= … ± 0.5`: the allowed difference; null = compare at the printed precision of the operands. */
      tolerance: number | null;
      pos: SourcePos;
      /** The comparison as written, for messages. */
      text: string;
    }
  | { kind: "and" | "or"; left: Condition; right: Condition; pos: SourcePos };

/** Where a rule came from: a rules file or the workbook's 审核规则 sheet. */
export interface RuleSource {
  /** Shown in messages: "审核规则 rules.txt", "工作表“审核规则”". */
  name: Bilingual;
  line: number;
}

/** One line of a rules file, parsed. */
export interface AuditRule {
  severity: Severity;
  condition: Condition;
  /** The expression as written (trimmed), for messages. */
  text: string;
  /** The message after the colon; null when the line has none. */
  message: string | null;
  source: RuleSource;
}

/** A line and column the rules file could not be read at, worded for the person who wrote it. */
export interface AuditSyntaxError {
  /** The source's label ("审核规则 rules.txt"). */
  source: Bilingual;
  line: number;
  column: number;
  /** The problem alone, without the place. */
  problem: Bilingual;
  /** The whole message, place first: "审核规则 rules.txt 第3行第12列：…". */
  message: Bilingual;
}

export type AuditParse = { ok: true; rules: AuditRule[] } | { ok: false; errors: AuditSyntaxError[] };
