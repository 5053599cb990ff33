/**
 * The printed precision of a cell: what the reader of the sheet sees. Rounding tolerances depend on it
 * ((n+1)·u/2 for totals, half a unit of the last digit for rates), so it is read from the number format when
 * the source has one and from the value itself otherwise.
 */

export interface FormatInfo {
  /** Digits after the decimal point that the format shows. */
  decimals: number;
  /** The format multiplies by 100 and prints "%". */
  percent: boolean;
  /**
   * The format prints "%" or 个百分点 as literal text (`0.00\%`, `0.00"%"`, `0.0"个百分点"`): the number is already
   * ×100 and is shown as it is, not scaled.
   */
  percentLiteral: boolean;
  /** The literal is 个百分点 / 百分点: a change of a rate, in points. */
  points: boolean;
}

const formatCache = new Map<string, FormatSections | null>();

/** One section of a format code, read once; `condition` is the section's [>=100]-style test, if any. */
interface Section {
  info: FormatInfo | null;
  condition: ((v: number) => boolean) | null;
}

interface FormatSections {
  sections: Section[];
}

/**
 * Reads an Excel number format ("0.00", "#,##0.0", "0.0%", "0.00\%", "0.00_);[Red](0.00)") for a value: the
 * section that applies to it decides. Null for formats that say nothing about decimals ("General", "@", empty, a
 * section of literal text only): the value then decides.
 *
 * The syntax is Microsoft's ("Review guidelines for customizing a number format",
 * https://support.microsoft.com/en-us/office/review-guidelines-for-customizing-a-number-format-c0a1d1fa-d3f4-4018-96b7-9c9354dd99f5,
 * and ISO/IEC 29500-1 §18.8.31 numFmts): up to four sections `positive;negative;zero;text`; with two, the first
 * serves positives and zeros; text in "quotes" or after a backslash is shown as written (so `\%` prints a percent
 * sign without multiplying by 100); [Red] and other [...] tags are colours, conditions or locales.
 */
export function formatInfo(format: string | null | undefined, value?: number): FormatInfo | null {
  if (format === null || format === undefined) return null;
  let parsed = formatCache.get(format);
  if (parsed === undefined) {
    parsed = parseFormat(format);
    if (formatCache.size < 4096) formatCache.set(format, parsed);
  }
  if (parsed === null) return null;
  return sectionFor(parsed.sections, value).info;
}

function sectionFor(sections: Section[], value: number | undefined): Section {
  const first = sections[0];
  if (value === undefined || !Number.isFinite(value)) return first;
  if (sections.some((s) => s.condition !== null)) {
    // Conditional formats: the first section whose condition holds; a value matching none takes the section after
    // the conditional ones (Microsoft: "[Red][<=100];[Blue][>100]").
    for (const s of sections) if (s.condition !== null && s.condition(value)) return s;
    return sections.find((s) => s.condition === null) ?? first;
  }
  if (value < 0 && sections.length >= 2) return sections[1];
  if (value === 0 && sections.length >= 3) return sections[2];
  return first;
}

/** Splits at semicolons that are not inside quotes, brackets or after a backslash. */
function splitSections(format: string): string[] {
  const out: string[] = [];
  let cur = "";
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (c === "\\" && i + 1 < format.length) {
      cur += c + format[i + 1];
      i++;
    } else if (c === '"') {
      const end = format.indexOf('"', i + 1);
      const stop = end < 0 ? format.length : end + 1;
      cur += format.slice(i, stop);
      i = stop - 1;
    } else if (c === "[") {
      const end = format.indexOf("]", i + 1);
      const stop = end < 0 ? format.length : end + 1;
      cur += format.slice(i, stop);
      i = stop - 1;
    } else if (c === ";") {
      out.push(cur);
      cur = "";
    } else cur += c;
  }
  out.push(cur);
  return out;
}

const CONDITION = /^\[\s*(<=|>=|<>|<|>|=)\s*(-?\d+(?:\.\d+)?)\s*\]$/;

function conditionOf(tag: string): ((v: number) => boolean) | null {
  const m = CONDITION.exec(tag);
  if (m === null) return null;
  const n = Number(m[2]);
  switch (m[1]) {
    case "<":
      return (v) => v < n;
    case "<=":
      return (v) => v <= n;
    case ">":
      return (v) => v > n;
    case ">=":
      return (v) => v >= n;
    case "=":
      return (v) => v === n;
    default:
      return (v) => v !== n;
  }
}

/**
 * One section: literal text (quoted, escaped) is collected apart from the code, [..] tags are read for a
 * condition and otherwise skipped, `_x` (a space as wide as x) and `*x` (fill with x) skip their character.
 */
function parseSection(section: string): Section {
  let code = "";
  let literal = "";
  let condition: Section["condition"] = null;
  for (let i = 0; i < section.length; i++) {
    const c = section[i];
    if (c === "\\") {
      literal += section[i + 1] ?? "";
      i++;
    } else if (c === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      literal += section.slice(i + 1, stop);
      i = stop;
    } else if (c === "[") {
      const end = section.indexOf("]", i + 1);
      const stop = end < 0 ? section.length : end;
      condition = conditionOf(section.slice(i, stop + 1)) ?? condition;
      i = stop;
    } else if (c === "_" || c === "*") {
      i++;
    } else code += c;
  }
  if (!/[0#?]/.test(code)) return { info: null, condition };
  const dot = code.indexOf(".");
  let decimals = 0;
  if (dot >= 0) {
    for (let i = dot + 1; i < code.length; i++) {
      const ch = code[i];
      if (ch === "0" || ch === "#" || ch === "?") decimals++;
      else break;
    }
  }
  const points = literal.includes("百分点");
  const percentLiteral = points || /[%％]/.test(literal);
  return { info: { decimals, percent: code.includes("%"), percentLiteral, points }, condition };
}

function parseFormat(format: string): FormatSections | null {
  const parts = splitSections(format);
  // The fourth section formats text, never a number.
  const sections = parts.slice(0, 3).map(parseSection);
  if (sections.every((s) => s.info === null)) return null;
  return { sections };
}

const POW10 = [1, 10, 100, 1000, 1e4, 1e5, 1e6, 1e7];

/** More decimals than this means the value was never rounded (a formula result): treated as this many. */
export const MAX_DECIMALS = 6;

/**
 * Decimals of a number as typed (38.9 → 1, 38.97 → 2, 800 → 0), without building its string: this runs for every
 * cell of a column. Binary noise (0.1 + 0.2) is tolerated; more than MAX_DECIMALS counts as MAX_DECIMALS.
 */
export function decimalsOf(value: number): number {
  const v = Math.abs(value);
  if (!Number.isFinite(v)) return 0;
  for (let k = 0; k <= MAX_DECIMALS; k++) {
    const s = v * POW10[k];
    if (Math.abs(s - Math.round(s)) <= 1e-9 * Math.max(1, s)) return k;
  }
  return MAX_DECIMALS;
}

/** Decimals written in a number's text ("约95.10" → 2, "1,234" → 0, "12.5%" → 1). */
export function decimalsOfText(text: string): number {
  const m = /\d\.(\d+)/.exec(text);
  return m === null ? 0 : Math.min(m[1].length, MAX_DECIMALS);
}

/** One unit of the last printed digit: 2 decimals → 0.01. */
export function unitOfDecimals(decimals: number): number {
  return decimals >= 0 && decimals < POW10.length ? 1 / POW10[decimals] : Math.pow(10, -decimals);
}
