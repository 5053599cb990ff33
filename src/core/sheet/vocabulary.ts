import { INDICATORS, IndicatorId, MEASURE_SYNONYMS } from "../catalog";
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

const MEASURES: readonly Measure[] = ["current", "previous", "yoy", "target", "completion", "rank", "share", "pace", "rate"];

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
}

/**
 * The indicator a header cell or row label names. A 其中 part that only makes sense with its whole ("其中：市外"
 * under 到位资金) is read together with the whole's word ("市外到位资金").
 */
export function matchIndicator(normalised: string, whole?: IndicatorMatch | null): IndicatorMatch | null {
  const text = withoutPartPrefix(normalised);
  const direct = longestIn(text, INDICATOR_WORDS);
  if (direct !== null) return { id: direct.value, key: direct.key };
  if (whole && text !== "" && isPartText(normalised)) {
    const combined = longestIn(text + whole.key, INDICATOR_WORDS);
    if (combined !== null && combined.value !== whole.id) return { id: combined.value, key: combined.key };
  }
  return null;
}

/** The measure a header cell names, once the indicator's own word is taken out (it may contain 额, 完成 …). */
export function matchMeasure(normalised: string, indicatorKey?: string): Measure | null {
  const text = indicatorKey ? normalised.replace(indicatorKey, "") : normalised;
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
