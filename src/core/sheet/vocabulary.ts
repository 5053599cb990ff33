import { INDICATORS, indicatorDef, IndicatorId, MEASURE_SYNONYMS } from "../catalog";
import { normalizeAmountUnit, normalizeFullWidth } from "../numbers";
import { ColumnUnit, Measure } from "./types";

/**
 * The words of headers and labels, matched the way a reader matches them: full-width folded, spaces and line
 * breaks gone, every kind of bracket written "( )", and the longest synonym wins (正式合同额 over 正式合同,
 * 完成年度目标 over 年度目标).
 */

const OPEN_BRACKETS = /[[【〔〖［（]/g;
const CLOSE_BRACKETS = /[\]】〕〗］）]/g;
const SPACES = /\s+/g;

export function normaliseHeaderText(text: string): string {
  return normalizeFullWidth(text).replace(SPACES, "").replace(OPEN_BRACKETS, "(").replace(CLOSE_BRACKETS, ")");
}

interface Synonym<T> {
  key: string;
  value: T;
}

function synonymTable<T>(pairs: [string, T][]): Synonym<T>[] {
  const seen = new Set<string>();
  const table: Synonym<T>[] = [];
  for (const [word, value] of pairs) {
    const key = normaliseHeaderText(word);
    if (key === "" || seen.has(key)) continue;
    seen.add(key);
    table.push({ key, value });
  }
  // Stable sort: among equally long words the catalog's order decides.
  return table.sort((a, b) => b.key.length - a.key.length);
}

function longestIn<T>(text: string, table: readonly Synonym<T>[]): Synonym<T> | null {
  for (const entry of table) if (text.includes(entry.key)) return entry;
  return null;
}

const INDICATOR_WORDS = synonymTable<IndicatorId>(
  INDICATORS.flatMap((def) => [def.name.zh, ...def.synonyms].map((word): [string, IndicatorId] => [word, def.id])),
);

const MEASURES: readonly Measure[] = ["current", "previous", "yoy", "target", "completion", "rank", "share", "pace", "rate", "month"];

const MEASURE_WORDS = synonymTable<Measure>(
  Object.entries(MEASURE_SYNONYMS).flatMap(([measure, words]) =>
    MEASURES.includes(measure as Measure) ? words.map((word): [string, Measure] => [word, measure as Measure]) : [],
  ),
);

/** "其中：工业", "其中,正式合同", "其中" alone: the marker of a part of the item above or beside it. */
const PART_PREFIX = /^其中[:,，、;；]?/;

export function isPartText(normalised: string): boolean {
  return PART_PREFIX.test(normalised);
}

export function withoutPartPrefix(normalised: string): string {
  return normalised.replace(PART_PREFIX, "");
}

export interface IndicatorMatch {
  id: IndicatorId;
  /** The synonym that matched, as normalised. */
  key: string;
  /** Every indicator word read in the text (the parent's too: "工业项目正式合同额" holds 工业 and 正式合同额). */
  words: string[];
}

interface Occurrence {
  start: number;
  end: number;
  entry: Synonym<IndicatorId>;
}

/** Every indicator word in the text, once each, at its first place. */
function occurrences(text: string): Occurrence[] {
  const found: Occurrence[] = [];
  for (const entry of INDICATOR_WORDS) {
    const start = text.indexOf(entry.key);
    if (start >= 0) found.push({ start, end: start + entry.key.length, entry });
  }
  return found;
}

function isAncestor(id: IndicatorId, of: IndicatorId): boolean {
  for (let up = indicatorDef(of).partOf; up !== undefined; up = indicatorDef(up).partOf) if (up === id) return true;
  return false;
}

/** The part of `wholeId` one of whose words contains the qualifier text ("工业" in 工业项目数), if exactly one does. */
function partNamed(text: string, wholeId: IndicatorId): IndicatorMatch | null {
  const ids = new Set(INDICATOR_WORDS.filter((w) => w.key.includes(text) && isAncestor(wholeId, w.value)).map((w) => w.value));
  if (ids.size !== 1) return null;
  const [id] = ids;
  return { id, key: text, words: [text] };
}

/**
 * The most specific indicator a text names. A word inside a longer one is not read (正式合同 inside 正式合同额);
 * of the rest, a whole is dropped when a part of it is named too, so a qualifier picks the part: "工业正式合同额" is
 * 工业合同额, not 正式合同额, although 正式合同额 is the longer word. Otherwise the word that ends last (the head of the
 * compound) wins, then the longest.
 */
function mostSpecific(text: string): IndicatorMatch | null {
  const all = occurrences(text);
  if (all.length === 0) return null;
  const visible = all.filter(
    (o) => !all.some((x) => x !== o && x.start <= o.start && o.end <= x.end && x.entry.key.length > o.entry.key.length),
  );
  const specific = visible.filter((o) => !visible.some((x) => isAncestor(o.entry.value, x.entry.value)));
  // Chinese compounds are head-final: in 工业项目到位资金 the head is 到位资金 and 工业项目 qualifies it. Among equal
  // ends the longest word wins (`all` keeps INDICATOR_WORDS' longest-first order, and the sort is stable).
  const best = [...specific].sort((a, b) => b.end - a.end)[0];
  return { id: best.entry.value, key: best.entry.key, words: visible.map((o) => o.entry.key) };
}

/**
 * The indicator a header cell or row label names (see mostSpecific). A 其中 part that only makes sense with its
 * whole ("其中：市外" under 到位资金) is read together with the whole's word ("市外到位资金").
 */
export function matchIndicator(normalised: string, whole?: IndicatorMatch | null): IndicatorMatch | null {
  const text = withoutPartPrefix(normalised);
  const direct = mostSpecific(text);
  if (direct !== null && whole && isPartText(normalised) && direct.id !== whole.id && !isAncestor(whole.id, direct.id)) {
    // "其中：工业" under 签约项目数 is 工业项目数, not 工业合同额: a 其中 part is a part of its own whole.
    const part = partNamed(text, whole.id);
    if (part !== null) return part;
  }
  if (direct !== null) return direct;
  if (whole && text !== "" && isPartText(normalised)) {
    const combined = mostSpecific(text + whole.key);
    if (combined !== null && combined.id !== whole.id) return { ...combined, words: [text] };
  }
  return null;
}

/** The measure a header cell names, once the indicator's own word is taken out (it may contain 额, 完成 …). */
export function matchMeasure(normalised: string, indicatorWords?: readonly string[]): Measure | null {
  let text = normalised;
  for (const word of indicatorWords ?? []) text = text.replace(word, "");
  return longestIn(text, MEASURE_WORDS)?.value ?? null;
}

/** Header words of the unit-name column: 区县, 单位, 地区 … (brackets' content dropped: "区县（开发区）"). */
const NAME_HEADER_WORDS = new Set([
  "区县",
  "县区",
  "区县名称",
  "区县市",
  "各区县",
  "单位",
  "单位名称",
  "地区",
  "地区名称",
  "区域",
  "区域名称",
  "名称",
  "区县开发区",
  "区(县)",
]);

export function isNameHeader(normalised: string): boolean {
  const bare = normalised.replace(/\([^()]*\)/g, "");
  return NAME_HEADER_WORDS.has(bare) || NAME_HEADER_WORDS.has(normalised) || /(?:区县|单位|地区)$/.test(bare);
}

export function isSerialHeader(normalised: string): boolean {
  return /^(序号|编号|序|排序|No\.?)$/i.test(normalised);
}

// ---- units written in headers -------------------------------------------------------------------------------

const COUNT_WORDS = new Set(["个", "项", "家", "户", "个数"]);
const POINT_WORDS = new Set(["百分点", "个百分点", "pp"]);
const PERCENT_WORDS = new Set(["%", "百分比", "百分率"]);
// A unit glued to the end of a header without brackets ("正式合同额亿元", "同比%"); bare 元 is left out, it ends
// too many words.
const UNIT_SUFFIX = /(万亿元|亿美元|万美元|亿元|万元|美元|%)$/;

export function unitWord(word: string): ColumnUnit | null {
  const w = word.replace(/^(?:金额|计量)?单位[:]?/, "");
  if (w === "") return null;
  if (PERCENT_WORDS.has(w)) return "%";
  if (POINT_WORDS.has(w)) return "个百分点";
  if (COUNT_WORDS.has(w)) return "个";
  return normalizeAmountUnit(w);
}

/** The units a normalised header cell names: "（亿元）", "(%)", a whole cell "亿元" (a units row), "合同额亿元". */
export function unitsInCell(normalised: string): ColumnUnit[] {
  const whole = unitWord(normalised.replace(/[()]/g, ""));
  if (whole !== null) return [whole];
  const found: ColumnUnit[] = [];
  for (const match of normalised.matchAll(/\(([^()]*)\)/g)) {
    for (const part of match[1].split(/[、,，/;；]/)) {
      const unit = unitWord(part);
      if (unit !== null) found.push(unit);
    }
  }
  if (found.length === 0) {
    const suffix = UNIT_SUFFIX.exec(normalised);
    if (suffix !== null && suffix.index > 0) {
      const unit = unitWord(suffix[1]);
      if (unit !== null) found.push(unit);
    }
  }
  return found;
}
