import { Severity } from "../findings";
import { Bilingual } from "../i18n";
import { AuditParse, AuditRule, AuditSyntaxError, CompareOp, Condition, Expr, RuleSource, SourcePos } from "./ast";
import { LexError, Token, asciiTwin, tokenize } from "./lexer";
import { ABS_NAMES, FIELD_FUNCTIONS, TIME_PROGRESS_NAMES, indicatorNamed, someIndicatorNames } from "./names";

/**
 * The 审核公式 language: one rule a line, `[级别] 表达式 : 提示`. A parser of our own grammar (recursive descent),
 * never eval: a rules file comes from outside and is only ever data. Sizes are bounded so that no file can make
 * parsing or evaluation run away:
 *
 *   condition  := and ("或" and)*
 *   and        := compare ("且" compare)*
 *   compare    := sum [("=" | "!=" | "<" | "<=" | ">" | ">=") sum ["±" number]]
 *   sum        := product (("+" | "-") product)*
 *   product    := unary (("*" | "/") unary)*
 *   unary      := "-" unary | primary
 *   primary    := number ["%"] | name | function "(" name ")" | abs "(" sum ")" | "(" condition ")"
 */

export const LIMITS = {
  /** Characters in a rules file (a city's file holds dozens of rules, not megabytes). */
  maxChars: 1_000_000,
  maxRules: 1000,
  maxLineChars: 2000,
  /** Nesting of parentheses, minus signs and abs(): recursion stays far from the stack limit. */
  maxDepth: 40,
  /** Errors reported at once: enough to fix a file in one pass, not a flood. */
  maxErrors: 20,
};

const SEVERITY_WORDS: Readonly<Record<string, Severity>> = {
  强制性: "error",
  强制: "error",
  准强制性: "error",
  错误: "error",
  error: "error",
  核实性: "verify",
  核实: "verify",
  verify: "verify",
  提示性: "info",
  提示: "info",
  info: "info",
};

/** A line of a rules source, numbered as its source numbers it (file line, or sheet row). */
export interface RuleLine {
  line: number;
  text: string;
}

class ParseError extends Error {
  constructor(
    readonly column: number,
    readonly problem: Bilingual,
  ) {
    super(problem.en);
  }
}

/** Parses a rules file's text (UTF-8, a BOM allowed). `name` is how messages name the file. */
export function parseAuditRules(text: string, name: Bilingual): AuditParse {
  if (text.length > LIMITS.maxChars) {
    return refuse(name, 1, 1, {
      zh: `规则文件超过 ${LIMITS.maxChars} 个字符，不像审核规则文件`,
      en: `the rules file is over ${LIMITS.maxChars} characters: not a rules file`,
    });
  }
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  return parseAuditLines(
    lines.map((t, i) => ({ line: i + 1, text: t })),
    { zh: `审核规则 ${name.zh}`, en: `audit rules ${name.en}` },
  );
}

/**
 * Parses numbered lines (a rules file's, or a 审核规则 sheet's rows). `label` names their source in messages:
 * "审核规则 rules.txt", "工作表“审核规则”".
 */
export function parseAuditLines(lines: readonly RuleLine[], name: Bilingual): AuditParse {
  const rules: AuditRule[] = [];
  const errors: AuditSyntaxError[] = [];
  for (const { line, text } of lines) {
    if (errors.length >= LIMITS.maxErrors) break;
    try {
      const rule = parseLine(text, { name, line });
      if (rule === null) continue;
      if (rules.length >= LIMITS.maxRules) {
        errors.push(syntaxError(name, line, 1, {
          zh: `规则超过 ${LIMITS.maxRules} 条`,
          en: `more than ${LIMITS.maxRules} rules`,
        }));
        break;
      }
      rules.push(rule);
    } catch (err) {
      if (err instanceof ParseError || err instanceof LexError) errors.push(syntaxError(name, line, err.column, err.problem));
      else throw err;
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rules };
}

function refuse(name: Bilingual, line: number, column: number, problem: Bilingual): AuditParse {
  return { ok: false, errors: [syntaxError(name, line, column, problem)] };
}

function syntaxError(source: Bilingual, line: number, column: number, problem: Bilingual): AuditSyntaxError {
  return {
    source,
    line,
    column,
    problem,
    message: {
      zh: `${placeOf(source, line)}第${column}列：${problem.zh}`,
      en: `${source.en}, line ${line}, column ${column}: ${problem.en}`,
    },
  };
}

/** "审核规则 rules.txt 第3行", "工作表“审核规则”第3行": a space only after a file name. */
export function placeOf(label: Bilingual, line: number): string {
  return /[\x21-\x7e]$/.test(label.zh) ? `${label.zh} 第${line}行` : `${label.zh}第${line}行`;
}

const SEVERITY_AT_START = /^\s*[[【［]\s*([^\]】］]*?)\s*[\]】］]/u;

/** One line: null for a blank or comment line. Columns count characters (a CJK character is one). */
function parseLine(raw: string, source: RuleSource): AuditRule | null {
  const chars = [...raw];
  if (chars.length > LIMITS.maxLineChars) {
    throw new ParseError(LIMITS.maxLineChars + 1, {
      zh: `一行超过 ${LIMITS.maxLineChars} 个字符`,
      en: `line longer than ${LIMITS.maxLineChars} characters`,
    });
  }
  // The message starts at the first colon; a # before it starts a comment (a # inside the message is text).
  let end = chars.length;
  let message: string | null = null;
  for (let i = 0; i < chars.length; i++) {
    const c = asciiTwin(chars[i]);
    if (c === "#") {
      end = i;
      break;
    }
    if (c === ":") {
      end = i;
      const rest = chars.slice(i + 1).join("").trim();
      message = rest === "" ? null : rest;
      break;
    }
  }
  const body = chars.slice(0, end).join("");
  if (body.trim() === "") {
    if (message !== null) throw new ParseError(end + 1, { zh: "提示信息前缺少审核公式", en: "a message without a rule before it" });
    return null;
  }

  let severity: Severity = "verify";
  let exprStart = 0;
  const m = SEVERITY_AT_START.exec(body);
  if (m !== null) {
    const word = [...m[1]].map(asciiTwin).join("").trim();
    const found = SEVERITY_WORDS[word] ?? SEVERITY_WORDS[word.toLowerCase()];
    if (found === undefined) {
      throw new ParseError([...body.slice(0, m.index)].length + 2, {
        zh: `未知的审核级别“${m[1]}”（可用：强制性、核实性、提示性）`,
        en: `unknown severity "${m[1]}" (use 强制性, 核实性 or 提示性)`,
      });
    }
    severity = found;
    exprStart = [...m[0]].length;
  }
  const exprChars = chars.slice(exprStart, end);
  const exprText = exprChars.join("");
  if (exprText.trim() === "") {
    throw new ParseError(end + 1, { zh: "级别后缺少审核公式", en: "a severity without a rule after it" });
  }
  const parser = new Parser(tokenize(exprText, exprStart), exprChars, exprStart, source.line);
  const condition = parser.parseRule();
  return { severity, condition, text: exprText.trim(), message, source };
}

type Node = { cond: Condition } | { expr: Expr };

class Parser {
  private i = 0;
  private depth = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly chars: string[],
    private readonly offset: number,
    private readonly line: number,
  ) {}

  parseRule(): Condition {
    const node = this.condition();
    const t = this.peek();
    if (t.type !== "end") throw this.unexpected(t);
    if (!("cond" in node)) {
      throw new ParseError(this.tokens[0].column, {
        zh: "审核公式必须是一个比较（如 A >= B），不能只是一个数值",
        en: "a rule must be a comparison (such as A >= B), not just a value",
      });
    }
    return node.cond;
  }

  private peek(): Token {
    return this.tokens[this.i];
  }

  private next(): Token {
    return this.tokens[this.i++];
  }

  private pos(t: Token): SourcePos {
    return { line: this.line, column: t.column };
  }

  private unexpected(t: Token): ParseError {
    if (t.type === "end") return new ParseError(t.column, { zh: "公式不完整，末尾缺少内容", en: "the rule ends too early" });
    return new ParseError(t.column, { zh: `这里不应出现“${t.text}”`, en: `unexpected "${t.text}"` });
  }

  private enter(t: Token): void {
    if (++this.depth > LIMITS.maxDepth) {
      throw new ParseError(t.column, { zh: "括号或嵌套层数过多", en: "too deeply nested" });
    }
  }

  private asCondition(node: Node, at: Token): Condition {
    if ("cond" in node) return node.cond;
    throw new ParseError(at.column, {
      zh: "“且”“或”两边必须是比较（如 A >= B）",
      en: "both sides of 且/或 must be comparisons (such as A >= B)",
    });
  }

  private asExpr(node: Node, at: Token): Expr {
    if ("expr" in node) return node.expr;
    throw new ParseError(at.column, {
      zh: "比较的结果不能再参与运算或比较（比较不能连写，请用“且”连接）",
      en: "a comparison cannot be an operand (chain comparisons with 且)",
    });
  }

  private condition(): Node {
    const first = this.peek();
    let node = this.conjunction();
    while (this.peek().type === "or") {
      const op = this.next();
      const left = this.asCondition(node, first);
      const rightStart = this.peek();
      const right = this.asCondition(this.conjunction(), rightStart);
      node = { cond: { kind: "or", left, right, pos: this.pos(op) } };
    }
    return node;
  }

  private conjunction(): Node {
    const first = this.peek();
    let node = this.comparison();
    while (this.peek().type === "and") {
      const op = this.next();
      const left = this.asCondition(node, first);
      const rightStart = this.peek();
      const right = this.asCondition(this.comparison(), rightStart);
      node = { cond: { kind: "and", left, right, pos: this.pos(op) } };
    }
    return node;
  }

  private comparison(): Node {
    const first = this.peek();
    const leftNode = this.sum();
    const t = this.peek();
    if (t.type !== "op" || !isCompare(t.op)) {
      if (t.type === "op" && t.op === "±") {
        throw new ParseError(t.column, { zh: "“±”只能用在“=”的右边：A = B ± 0.5", en: '"±" belongs after "=": A = B ± 0.5' });
      }
      return leftNode;
    }
    this.next();
    const left = this.asExpr(leftNode, first);
    const rightStart = this.peek();
    const right = this.asExpr(this.sum(), rightStart);
    let tolerance: number | null = null;
    const after = this.peek();
    if (after.type === "op" && after.op === "±") {
      if (t.op !== "=") {
        throw new ParseError(after.column, { zh: "容差“±”只能用于“=”", en: 'a tolerance "±" goes with "=" only' });
      }
      this.next();
      const tol = this.next();
      if (tol.type !== "number") {
        throw new ParseError(tol.column, { zh: "“±”后面需要一个数字（如 0.5 或 1%）", en: '"±" needs a number after it (0.5 or 1%)' });
      }
      tolerance = tol.value;
    }
    const more = this.peek();
    if (more.type === "op" && isCompare(more.op)) {
      throw new ParseError(more.column, {
        zh: "比较不能连写（如 A <= B <= C），请写成 A <= B 且 B <= C",
        en: "comparisons cannot be chained (A <= B <= C); write A <= B 且 B <= C",
      });
    }
    const endColumn = this.peek().column;
    const text = this.chars.slice(first.column - 1 - this.offset, endColumn - 1 - this.offset).join("").trim();
    return { cond: { kind: "compare", op: t.op as CompareOp, left, right, tolerance, pos: this.pos(t), text } };
  }

  private sum(): Node {
    const first = this.peek();
    let node = this.product();
    for (;;) {
      const t = this.peek();
      if (t.type !== "op" || (t.op !== "+" && t.op !== "-")) return node;
      this.next();
      const left = this.asExpr(node, first);
      const rightStart = this.peek();
      const right = this.asExpr(this.product(), rightStart);
      node = { expr: { kind: "arith", op: t.op, left, right, pos: this.pos(t) } };
    }
  }

  private product(): Node {
    const first = this.peek();
    let node = this.unary();
    for (;;) {
      const t = this.peek();
      if (t.type !== "op" || (t.op !== "*" && t.op !== "/")) return node;
      this.next();
      const left = this.asExpr(node, first);
      const rightStart = this.peek();
      const right = this.asExpr(this.unary(), rightStart);
      node = { expr: { kind: "arith", op: t.op, left, right, pos: this.pos(t) } };
    }
  }

  private unary(): Node {
    const t = this.peek();
    if (t.type === "op" && t.op === "-") {
      this.next();
      this.enter(t);
      const argStart = this.peek();
      const arg = this.asExpr(this.unary(), argStart);
      this.depth--;
      return { expr: { kind: "negate", arg, pos: this.pos(t) } };
    }
    return this.primary();
  }

  private primary(): Node {
    const t = this.next();
    switch (t.type) {
      case "number":
        return { expr: { kind: "number", value: t.value, percent: t.percent, pos: this.pos(t) } };
      case "(": {
        this.enter(t);
        const inner = this.condition();
        const close = this.next();
        if (close.type !== ")") {
          throw new ParseError(close.column, { zh: `缺少与第${t.column}列“(”配对的“)”`, en: `missing ")" for the "(" at column ${t.column}` });
        }
        this.depth--;
        return inner;
      }
      case "name":
        return this.named(t);
      default:
        throw this.unexpected(t);
    }
  }

  private named(t: Token & { type: "name" }): Node {
    const callsSomething = this.peek().type === "(";
    const fn = FIELD_FUNCTIONS[t.text];
    if (fn !== undefined && callsSomething) {
      const open = this.next();
      const arg = this.next();
      if (arg.type !== "name") {
        throw new ParseError(arg.column, {
          zh: `${t.text}( ) 的括号里需要一个指标名称，如 ${t.text}(正式合同额)`,
          en: `${t.text}( ) takes an indicator name, as in ${t.text}(正式合同额)`,
        });
      }
      const indicator = this.indicator(arg);
      const close = this.next();
      if (close.type !== ")" && close.type !== "end") {
        throw new ParseError(close.column, {
          zh: `${t.text}( ) 的括号里只能有一个指标名称，如 ${t.text}(正式合同额)`,
          en: `${t.text}( ) takes one indicator name only, as in ${t.text}(正式合同额)`,
        });
      }
      if (close.type !== ")") {
        throw new ParseError(close.column, { zh: `缺少与第${open.column}列“(”配对的“)”`, en: `missing ")" for the "(" at column ${open.column}` });
      }
      return { expr: { kind: "field", fn, indicator, name: arg.text, pos: this.pos(t) } };
    }
    if (ABS_NAMES.has(t.text) && callsSomething) {
      const open = this.next();
      this.enter(open);
      const argStart = this.peek();
      const arg = this.asExpr(this.sum(), argStart);
      const close = this.next();
      if (close.type !== ")") {
        throw new ParseError(close.column, { zh: `缺少与第${open.column}列“(”配对的“)”`, en: `missing ")" for the "(" at column ${open.column}` });
      }
      this.depth--;
      return { expr: { kind: "abs", arg, pos: this.pos(t) } };
    }
    if (TIME_PROGRESS_NAMES.has(t.text)) return { expr: { kind: "timeProgress", pos: this.pos(t) } };
    if (callsSomething) {
      throw new ParseError(t.column, {
        zh: `未知的函数“${t.text}”（可用：同比、完成率、年度目标、上年同期、上期、abs）`,
        en: `unknown function "${t.text}" (use 同比, 完成率, 年度目标, 上年同期, 上期, abs)`,
      });
    }
    return { expr: { kind: "field", fn: "value", indicator: this.indicator(t), name: t.text, pos: this.pos(t) } };
  }

  private indicator(t: Token & { type: "name" }) {
    const id = indicatorNamed(t.text);
    if (id !== null) return id;
    throw new ParseError(t.column, {
      zh: `未知的指标名称“${t.text}”（指标名称如：${someIndicatorNames().join("、")}）`,
      en: `unknown indicator "${t.text}" (indicators are named as in ${someIndicatorNames().join(", ")})`,
    });
  }
}

function isCompare(op: string): op is CompareOp {
  return op === "=" || op === "!=" || op === "<" || op === "<=" || op === ">" || op === ">=";
}
