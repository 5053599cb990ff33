import { displayWidth } from "./width";

/**
 * Text from a workbook (cell values, sheet and file names, 核实说明) is data, never terminal commands. A 核实说明
 * holding ESC[2J would clear the screen and could print a fake "全部通过"; a CR would overwrite the line before it;
 * a right-to-left override would reverse what follows. Every such character is shown as a visible escape instead.
 */

// C0 controls, DEL, C1 controls, and the Unicode bidirectional overrides and isolates: matching them is the point.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r", "\t": "\\t", "\u001b": "\\e" };

function visible(ch: string): string {
  const named = NAMED[ch];
  if (named) return named;
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, "0")}` : `\\u${code.toString(16).toUpperCase()}`;
}

export function escapeControls(text: string): string {
  return text.replace(UNSAFE, visible);
}

/**
 * At most `maxWidth` terminal columns, keeping both ends ("报送/渝北区…第3次修改.xlsx"): the start says where a file
 * is, the end which file it is. Measured in display columns, so CJK names are cut as they are drawn.
 */
export function shortenMiddle(text: string, maxWidth: number): string {
  if (displayWidth(text) <= maxWidth) return text;
  const chars = Array.from(text);
  const budget = maxWidth - 1; // the ellipsis
  let head = "";
  let tail = "";
  let i = 0;
  let j = chars.length - 1;
  let used = 0;
  // Take alternately from the front and the back until the budget is spent.
  while (i <= j) {
    const front = chars[i];
    const w = displayWidth(front);
    if (used + w > budget) break;
    head += front;
    used += w;
    i++;
    if (i > j) break;
    const back = chars[j];
    const wb = displayWidth(back);
    if (used + wb > budget) break;
    tail = back + tail;
    used += wb;
    j--;
  }
  return `${head}…${tail}`;
}

/** A message cut to `maxChars` characters with a note of how long it was, so one finding cannot flood a terminal. */
export function capLength(text: string, maxChars: number, lang: "zh" | "en"): string {
  const chars = Array.from(text);
  if (chars.length <= maxChars) return text;
  const note = lang === "zh" ? `…（共${chars.length}字，完整内容见 JSON 报告）` : `… (${chars.length} characters in all; see the JSON report)`;
  return chars.slice(0, maxChars).join("") + note;
}
