/**
 * Chinese input methods produce full-width digits and punctuation ("１２．５％"), and text pasted from web pages or
 * Word carries non-breaking and zero-width characters. Mapping them to ASCII first lets the number grammar stay
 * ASCII-only.
 */

const REMOVED = -1;
const SPACE = 0x20;

/** The code a character maps to, or REMOVED. */
function mapCode(code: number): number {
  if (code < 0x80) return code === 0x0b || code === 0x0c ? SPACE : code;
  // Full-width forms of the whole printable ASCII range: ０-９ ． ， ％ － ＋ ／ ＃ ～ Ａ-Ｚ …
  if (code >= 0xff01 && code <= 0xff5e) return code - 0xfee0;
  switch (code) {
    case 0x00a0: // no-break space
    case 0x0085:
    case 0x1680:
    case 0x202f:
    case 0x205f:
    case 0x3000: // ideographic space
      return SPACE;
    case 0x200b: // zero-width space, non-joiner, joiner, word joiner, BOM
    case 0x200c:
    case 0x200d:
    case 0x2060:
    case 0xfeff:
      return REMOVED;
    case 0x2212: // minus sign
    case 0xfe63: // small hyphen-minus
      return 0x2d;
    case 0x301c: // wave dash, typed for ～
      return 0x7e;
    case 0xffe5: // full-width yen
      return 0xa5;
    default:
      return code >= 0x2000 && code <= 0x200a ? SPACE : code;
  }
}

/** Maps full-width ASCII forms, odd spaces and minus signs to ASCII and drops zero-width characters. */
export function normalizeFullWidth(text: string): string {
  const length = text.length;
  let i = 0;
  // Most cells need no change: return the same string without building a new one.
  while (i < length) {
    const code = text.charCodeAt(i);
    if (mapCode(code) !== code) break;
    i++;
  }
  if (i === length) return text;
  let out = text.slice(0, i);
  for (; i < length; i++) {
    const code = text.charCodeAt(i);
    const mapped = mapCode(code);
    if (mapped === REMOVED) continue;
    out += mapped === code ? text[i] : String.fromCharCode(mapped);
  }
  return out;
}

export function isAsciiDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** True when the text holds an ASCII digit; call it on normalised text so that full-width digits count. */
export function containsAsciiDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (isAsciiDigit(text.charCodeAt(i))) return true;
  }
  return false;
}
