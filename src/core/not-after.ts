/**
 * Negative lookbehind at the start of a pattern, without lookbehind syntax. `(?<!…)` is ES2018 syntax that no
 * transpiler can lower, and the custom-functions runtime parses only ECMAScript 2016 (office-js-docs-pr #4496):
 * one lookbehind anywhere in functions.js and Excel registers no function at all. Searching position by position
 * and refusing a match where `blocked(text, index)` holds gives the same matches as the lookbehind did.
 */
export type Blocked = (text: string, index: number) => boolean;

/** A position right after a digit 0–9 (so "20221-6月" is not read as "1-6月"). */
export const afterDigit: Blocked = (text, index) => index > 0 && isDigit(text.charCodeAt(index - 1));

/** A position right after a Latin letter (so "SQ1" is not a quarter). */
export const afterLatinLetter: Blocked = (text, index) => index > 0 && /[A-Za-z]/.test(text[index - 1]);

/** A position right after any of `words`. */
export function afterAnyOf(words: readonly string[]): Blocked {
  return (text, index) => words.some((w) => index >= w.length && text.slice(index - w.length, index) === w);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** The first match of the global `regex` at or after `from` that does not start at a blocked position. */
export function execNotAfter(regex: RegExp, text: string, blocked: Blocked, from = 0): RegExpExecArray | null {
  if (!regex.global) throw new TypeError("execNotAfter needs a global regex to search from a position");
  regex.lastIndex = from;
  for (let match = regex.exec(text); match !== null; match = regex.exec(text)) {
    if (!blocked(text, match.index)) {
      regex.lastIndex = 0;
      return match;
    }
    regex.lastIndex = match.index + 1;
  }
  regex.lastIndex = 0;
  return null;
}

/** Every match of the global `regex`, left to right as `matchAll` gives them, that does not start at a blocked position. */
export function allNotAfter(regex: RegExp, text: string, blocked: Blocked): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let from = 0;
  for (let m = execNotAfter(regex, text, blocked, from); m !== null; m = execNotAfter(regex, text, blocked, from)) {
    out.push(m);
    from = m.index + Math.max(m[0].length, 1);
  }
  return out;
}
