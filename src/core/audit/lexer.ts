import { Bilingual } from "../i18n";

/**
 * Tokens of one rule's expression. The lexer reads the characters people type in a Chinese IME as their ASCII
 * twins (full-width （）＋－＝＜＞％, ≤ ≥ ≠ × ÷), so that a rule reads the same however it was typed.
 */
export type Token =
  | { type: "number"; value: number; percent: boolean; column: number; text: string }
  | { type: "name"; text: string; column: number }
  | { type: "op"; op: "+" | "-" | "*" | "/" | "=" | "!=" | "<" | "<=" | ">" | ">=" | "±"; column: number; text: string }
  | { type: "and" | "or" | "(" | ")"; column: number; text: string }
  | { type: "end"; column: number; text: string };

export class LexError extends Error {
  constructor(
    readonly column: number,
    readonly problem: Bilingual,
  ) {
    super(problem.en);
  }
}

/** One character as its ASCII twin where it has one; others unchanged. */
export function asciiTwin(ch: string): string {
  const c = ch.charCodeAt(0);
  // Full-width forms U+FF01–U+FF5E are ASCII U+0021–U+007E shifted (Unicode block "Halfwidth and Fullwidth Forms").
  if (c >= 0xff01 && c <= 0xff5e) return String.fromCharCode(c - 0xfee0);
  if (c === 0x3000) return " ";
  switch (ch) {
    case "\u2212": // minus sign
      return "-";
    case "×":
      return "*";
    case "÷":
      return "/";
    default:
      return ch;
  }
}

const SPACE = /\s/;
const DIGIT = /[0-9]/;
/** Characters that end a name: operators, brackets, separators and the two logical words. */
const NAME_STOP = new Set([..."+-*/=!<>≤≥≠±()%,:#[]【】且或"]);

/**
 * Splits an expression into tokens. `offset` is the expression's 0-based start in its line, so that columns name
 * the line as the person sees it.
 */
export function tokenize(expr: string, offset: number): Token[] {
  const chars = [...expr].map(asciiTwin);
  // Columns count characters as a person does (a CJK character is one column).
  const tokens: Token[] = [];
  let i = 0;
  const col = (k: number): number => offset + k + 1;
  while (i < chars.length) {
    const ch = chars[i];
    if (SPACE.test(ch)) {
      i++;
      continue;
    }
    const start = i;
    if (DIGIT.test(ch) || (ch === "." && DIGIT.test(chars[i + 1] ?? ""))) {
      let text = "";
      while (i < chars.length && DIGIT.test(chars[i])) text += chars[i++];
      if (chars[i] === "." && DIGIT.test(chars[i + 1] ?? "")) {
        text += chars[i++];
        while (i < chars.length && DIGIT.test(chars[i])) text += chars[i++];
      } else if (chars[i] === ".") {
        throw new LexError(col(i), { zh: "小数点后缺少数字", en: "a decimal point needs digits after it" });
      }
      if (text.length > 30) throw new LexError(col(start), { zh: "数字太长", en: "number too long" });
      let percent = false;
      if (chars[i] === "%") {
        percent = true;
        i++;
      }
      if (i < chars.length && !NAME_STOP.has(chars[i]) && !SPACE.test(chars[i])) {
        throw new LexError(col(i), {
          zh: `数字 ${text} 后面紧跟“${chars[i]}”，缺少运算符`,
          en: `"${chars[i]}" right after the number ${text}: an operator is missing`,
        });
      }
      const value = Number(text);
      tokens.push({ type: "number", value: percent ? value / 100 : value, percent, column: col(start), text: percent ? `${text}%` : text });
      continue;
    }
    const two = ch + (chars[i + 1] ?? "");
    if (two === "<=" || two === ">=" || two === "!=" || two === "==" || two === "<>" || two === "+-" || two === "+/") {
      if (two === "+/") {
        if (chars[i + 2] !== "-") throw new LexError(col(i), { zh: "无法识别“+/”", en: 'cannot read "+/"' });
        tokens.push({ type: "op", op: "±", column: col(i), text: "+/-" });
        i += 3;
        continue;
      }
      const op = two === "==" ? "=" : two === "<>" ? "!=" : two === "+-" ? "±" : two;
      tokens.push({ type: "op", op: op as "<=" | ">=" | "!=" | "=" | "±", column: col(i), text: two });
      i += 2;
      continue;
    }
    switch (ch) {
      case "+":
      case "-":
      case "*":
      case "/":
      case "=":
      case "<":
      case ">":
      case "±":
        tokens.push({ type: "op", op: ch, column: col(i), text: ch });
        i++;
        continue;
      case "≤":
        tokens.push({ type: "op", op: "<=", column: col(i), text: ch });
        i++;
        continue;
      case "≥":
        tokens.push({ type: "op", op: ">=", column: col(i), text: ch });
        i++;
        continue;
      case "≠":
        tokens.push({ type: "op", op: "!=", column: col(i), text: ch });
        i++;
        continue;
      case "(":
      case ")":
        tokens.push({ type: ch, column: col(i), text: ch });
        i++;
        continue;
      case "且":
        tokens.push({ type: "and", column: col(i), text: ch });
        i++;
        continue;
      case "或":
        tokens.push({ type: "or", column: col(i), text: ch });
        i++;
        continue;
    }
    if (NAME_STOP.has(ch)) {
      throw new LexError(col(i), { zh: `这里不能出现“${ch}”`, en: `"${ch}" is not allowed here` });
    }
    let text = "";
    while (i < chars.length && !NAME_STOP.has(chars[i]) && !SPACE.test(chars[i])) text += chars[i++];
    tokens.push({ type: "name", text, column: col(start) });
  }
  tokens.push({ type: "end", column: col(chars.length), text: "" });
  return tokens;
}
