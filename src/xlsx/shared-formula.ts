/**
 * A shared formula (`<f t="shared" si="0" ref="B1:B3">A1*2</f>`, then `<f t="shared" si="0"/>` in B2 and B3) is
 * written once, in its anchor cell; each other cell uses it with its relative references moved by that cell's
 * distance from the anchor (ECMA-376 Part 1, §18.3.1.40 f, "shared"). `$`-anchored parts stay put. Text in
 * quotes, quoted sheet names and function names are left alone.
 */

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

function lettersToCol(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) & 0x1f);
  return n;
}

function colToLetters(col: number): string {
  let out = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

// A cell reference not preceded by a letter, digit, "_", "." or "$" of a longer name and not followed by "(" (a
// function such as LOG10) or more name characters. Strings and quoted sheet names are matched first and kept.
const TOKEN = /("(?:[^"]|"")*"|'(?:[^']|'')*')|(^|[^A-Za-z0-9_.$])(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})(?![A-Za-z0-9_(])/g;

export function translateFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  return formula.replace(TOKEN, (whole, quoted: string | undefined, lead: string, cAbs: string, letters: string, rAbs: string, digits: string) => {
    if (quoted !== undefined) return whole;
    let col = lettersToCol(letters.toUpperCase());
    let row = Number(digits);
    if (col > MAX_COL || row < 1 || row > MAX_ROW) return whole;
    if (!cAbs) col += dCol;
    if (!rAbs) row += dRow;
    // Off the sheet: Excel shows #REF!.
    if (col < 1 || col > MAX_COL || row < 1 || row > MAX_ROW) return `${lead}#REF!`;
    return `${lead}${cAbs}${colToLetters(col)}${rAbs}${row}`;
  });
}
