import { Expected, Finding } from "../findings";
import { Bilingual } from "../i18n";
import { CellPos, FieldRef } from "../sheet/types";
import * as codes from "./codes";
import { RecordInfo, RuleContext } from "./context";
import { amountText } from "./format";
import { MAX_DECIMALS, unitOfDecimals } from "./precision";
import { Rule } from "./rule";
import { detectUnitSlips } from "./unit-slip";
import { outsideValidity, previousPeriodEnd } from "./validity";
import { declareRule } from "./declaration";

// Imported bindings are property getters under the CommonJS transform (jest, tsx): hot loops read local copies.
const { KIND, M } = codes;

/** Figures of one bucket of members (counted, overlapping zones, abolished units), with their rounding allowance. */
interface Bucket {
  sum: number;
  n: number;
  /** How many figures are printed with d decimals (index d ≤ MAX_DECIMALS): their rounding allowance, summed once. */
  byDecimals: Int32Array;
  names: Set<string>;
}

interface Column {
  field: FieldRef;
  /** Field-table entry of the aggregate's own cell. */
  entry: number;
  count: boolean;
  counted: Bucket;
  /** Members left out of the sum: functional zones that overlap their districts. */
  zones: Bucket;
  /** Units outside their validity at the sheet's date (江北区, 渝北区 in 2026): not part of the sheet's totals. */
  invalid: Bucket;
  /** Counted members (also in `counted`) that were not reporting units a year earlier (两江新区 from 2026). */
  fresh: Bucket;
  /** Fewest and most decimals printed by the counted figures, for the message. */
  minDecimals: number;
  maxDecimals: number;
  /** Counted cells that look like unit slips, and cells that could not be read (left out): named in the message. */
  slipped: number[];
  /** Σ (intended − as written) over the slipped counted cells: the sum with the slips corrected is sum + this. */
  slipCorrection: number;
  unread: number[];
}

/** A total whose gap to the valid units equals the rows of units outside their validity. */
interface InvalidGap {
  aggregate: RecordInfo;
  column: Column;
  gap: number;
}

/**
 * Whether a unit row is added into the city total. Registry data decides (两江新区 and 重庆高新区 overlap the
 * districts they lie in and are not added). An unknown label is counted like the unit it most likely means
 * (壁山区 → 璧山区), and counted when it resembles none: the row is in the sheet, a SUM over the column includes
 * it, and leaving it out would add a spurious mismatch on top of the unknown-unit error.
 */
export function countsInTotal(info: RecordInfo): boolean {
  const unit = info.unit ?? info.likely;
  return unit === null ? true : unit.countsInCityTotal;
}

export const declaration = declareRule({
  id: "total-mismatch",
  name: { zh: "合计与各单位之和不符", en: "Total differs from the sum of units" },
  severities: ["verify", "info"],
  settings: ["preset", "year", "scheme"],
  description: {
    zh: "全市、小计与各单位之和比较，说成“各单位之和比全市合计多/少X亿元”：每个数按自己的打印精度各带半个末位单位（1 位小数的小计 ±0.05；统一精度 u 时即 (n+1)·u/2），误差内为提示，超出为核实；疑似单位错填的数注明更正后的和。不在本期名单的单位（2026 年的江北区、渝北区）不计入合计：合计恰好多出这几行时全表只报一条核实性，合计已剔除时报一条提示；合计恰好漏计 2026 年起计入的两江新区时予以说明。两江新区、重庆高新区与所在区县统计范围重叠，按名录（`countsInCityTotal`）不计入全市合计与小计：合计若恰好含它们，每个合计单元格报一条核实性并写明“包含两江新区、重庆高新区在内的合计一致”",
    en: "City and group totals against the sum of their units, each figure carrying half a unit of its own last printed digit ((n+1)·u/2 at one precision u): info within that, verify beyond it. Units outside the period's list are not counted, and 两江新区 and 重庆高新区 are not added into totals (`countsInCityTotal`); a total that differs by exactly such rows says so.",
  },
});

/**
 * The 全市/合计 row against the sum of the unit rows, and each group subtotal (主城都市区 …) against its members
 * in the grouping scheme, column by column (amounts and counts; 本期, 上年同期, 目标). Published totals are not
 * adjusted to the sum of rounded parts: each printed figure carries half a unit of its own last digit (a subtotal
 * printed to 0.1 carries ±0.05 among parts printed to 0.01), so a gap up to the sum of those halves is rounding
 * ((n+1)·u/2 for a uniform u; 提示性, 41 units at 0.01 → 0.21). Beyond it the gap is 核实性 with both figures:
 * district and city figures may legitimately differ (口径), but never silently. Counts are exact.
 * Duplicated rows are summed as written, as Excel's SUM would. Rows of units outside their validity (江北区 and
 * 渝北区 in 2026) are not part of the totals; when totals include them, that is said once for the whole sheet.
 */
export const totalMismatch: Rule = {
  id: declaration.id,
  run(ctx: RuleContext): Finding[] {
    const findings: Finding[] = [];
    if (ctx.units.length === 0) return findings;
    const invalidGaps: InvalidGap[] = [];
    const invalidMatches: InvalidGap[] = [];
    const checkOne = (aggregate: RecordInfo, members: readonly RecordInfo[]) => {
      for (const c of sums(ctx, aggregate, members)) {
        const outcome = report(ctx, aggregate, c, findings);
        if (outcome === "gap-is-invalid-rows") invalidGaps.push({ aggregate, column: c, gap: gapOf(ctx, c) });
        else if (outcome === "invalid-rows-left-out") invalidMatches.push({ aggregate, column: c, gap: 0 });
      }
    };
    for (const total of ctx.totals) checkOne(total, ctx.units);
    for (const group of ctx.groups) {
      if (group.group === null) continue;
      const name = group.group;
      const scheme = group.groupScheme ?? ctx.scheme;
      const members = ctx.units.filter((m) => {
        const unit = m.unit ?? m.likely;
        return unit !== null && ctx.groupPath(unit, scheme).includes(name);
      });
      if (members.length > 0) checkOne(group, members);
    }
    if (invalidGaps.length > 0) findings.push(invalidRowsCounted(ctx, invalidGaps));
    else if (invalidMatches.length > 0) findings.push(invalidRowsLeftOut(ctx, invalidMatches));
    return findings;
  },
};

/** Key of a (indicator, measure) pair in the small lookup array. */
const key = (indicator: number, measure: number): number => indicator * 16 + measure;

const bucket = (): Bucket => ({ sum: 0, n: 0, byDecimals: new Int32Array(MAX_DECIMALS + 1), names: new Set() });

/** Σ half a unit of each figure's own last printed digit, in the indicator's default unit (0 for counts). */
function halfOf(ctx: RuleContext, c: Column, b: Bucket): number {
  if (c.count) return 0;
  let half = 0;
  for (let d = 0; d <= MAX_DECIMALS; d++) if (b.byDecimals[d] > 0) half += (b.byDecimals[d] * unitOfDecimals(d)) / 2;
  return half / ctx.inColumnUnit(c.field, 1);
}

function sums(ctx: RuleContext, aggregate: RecordInfo, members: readonly RecordInfo[]): Column[] {
  const t = ctx.table;
  const slips = detectUnitSlips(ctx);
  const slots = new Int32Array(32 * 16).fill(-1);
  const columns: Column[] = [];
  for (let j = t.start[aggregate.index]; j < t.start[aggregate.index + 1]; j++) {
    const m = t.measure[j];
    const kind = KIND[t.indicator[j]];
    if ((m !== M.current && m !== M.previous && m !== M.target) || kind === "rate") continue;
    const k = key(t.indicator[j], m);
    if (slots[k] >= 0) continue;
    slots[k] = columns.length;
    columns.push({
      field: ctx.fieldAt(j),
      entry: j,
      count: kind === "count",
      counted: bucket(),
      zones: bucket(),
      invalid: bucket(),
      fresh: bucket(),
      minDecimals: MAX_DECIMALS,
      maxDecimals: 0,
      slipped: [],
      slipCorrection: 0,
      unread: [],
    });
  }
  if (columns.length === 0) return columns;
  const freshSince = previousPeriodEnd(ctx);
  for (const member of members) {
    const invalid = outsideValidity(member);
    const counted = !invalid && countsInTotal(member);
    const from = counted && freshSince !== null ? member.unit?.validFrom : undefined;
    const fresh = from !== undefined && from > (freshSince as string);
    for (let i = t.start[member.index]; i < t.start[member.index + 1]; i++) {
      const slot = slots[key(t.indicator[i], t.measure[i])];
      if (slot < 0) continue;
      const v = ctx.amountAt(i);
      const c = columns[slot];
      if (v === null) {
        // A figure that is there but unreadable (text, #REF!) is missing from the sum: say so, it explains a gap.
        if (counted && !ctx.plainAt(i)) {
          const kind = ctx.parsed(ctx.fieldAt(i)).kind;
          if (kind === "not-a-number" || kind === "error") c.unread.push(i);
        }
        continue;
      }
      const b = counted ? c.counted : invalid ? c.invalid : c.zones;
      const d = Math.min(ctx.printedDecimalsAt(i), MAX_DECIMALS);
      b.sum += v;
      b.n++;
      b.byDecimals[d]++;
      if (!counted) {
        b.names.add(member.name);
        continue;
      }
      if (fresh) {
        c.fresh.sum += v;
        c.fresh.n++;
        c.fresh.byDecimals[d]++;
        c.fresh.names.add(member.name);
      }
      if (d < c.minDecimals) c.minDecimals = d;
      if (d > c.maxDecimals) c.maxDecimals = d;
      if (slips.size > 0) {
        const slip = slips.get(i);
        if (slip !== undefined) {
          c.slipped.push(i);
          c.slipCorrection += slip.intended - v;
        }
      }
    }
  }
  return columns;
}

const eps = (...xs: number[]): number => 1e-9 * Math.max(1, ...xs.map(Math.abs));

/** total − the valid units' sum. */
function gapOf(ctx: RuleContext, c: Column): number {
  return (ctx.amount(c.field) ?? 0) - c.counted.sum;
}

type Outcome = "none" | "reported" | "gap-is-invalid-rows" | "invalid-rows-left-out";

function report(ctx: RuleContext, aggregate: RecordInfo, c: Column, findings: Finding[]): Outcome {
  const f = c.field;
  const total = ctx.amount(f);
  if (total === null || c.counted.n === 0) return "none";
  const totalHalf = ctx.halfUnit(f);
  const countedHalf = halfOf(ctx, c, c.counted);
  const tolerance = c.count ? 0 : countedHalf + totalHalf;
  // Positive: the units add up to more than the total.
  const diff = c.counted.sum - total;
  const e = eps(total, c.counted.sum);
  const within = Math.abs(diff) <= tolerance + e;
  const w = words(ctx, aggregate, c);
  const invalidNonZero = c.invalid.n > 0 && Math.abs(c.invalid.sum) > e;
  if (invalidNonZero) {
    const withInvalid = c.counted.sum + c.invalid.sum - total;
    if (!within && Math.abs(withInvalid) <= tolerance + halfOf(ctx, c, c.invalid) + e) return "gap-is-invalid-rows";
    if (within) {
      if (Math.abs(diff) > e) findings.push(rounding(ctx, aggregate, c, total, diff, tolerance, totalHalf, w));
      return "invalid-rows-left-out";
    }
  }
  if (Math.abs(diff) <= e) return "none";
  if (within) {
    findings.push(rounding(ctx, aggregate, c, total, diff, tolerance, totalHalf, w));
    return "reported";
  }
  const fmt = w.fmt;
  let zones: Bilingual = { zh: "", en: "" };
  if (c.fresh.n > 0) {
    // An old template's SUM that still leaves out a unit that now counts (两江新区, a functional zone until 2025).
    const without = c.counted.sum - c.fresh.sum;
    if (Math.abs(total - without) <= tolerance + e) {
      const names = [...c.fresh.names];
      zones = {
        zh: `该数与不含${names.join("、")}的各单位之和${fmt(without).zh}一致：${names.join("、")}本期起为统计单位，应计入${w.total.zh}。`,
        en: ` It equals the sum without ${names.join(", ")}, ${fmt(without).en}: ${names.join(", ")} became reporting units this period and count in ${w.total.en}.`,
      };
    }
  }
  if (c.zones.n > 0) {
    const withAll = c.counted.sum + c.zones.sum;
    const names = [...c.zones.names];
    if (Math.abs(total - withAll) <= tolerance + halfOf(ctx, c, c.zones) + e) {
      zones = {
        zh: `该数与包含${names.join("、")}在内的合计${fmt(withAll).zh}一致：功能区与所在区县统计范围重叠，不应重复计入。`,
        en: ` It equals the sum including ${names.join(", ")}, ${fmt(withAll).en}: functional zones overlap their districts and must not be counted twice.`,
      };
    }
  }
  let invalidNote: Bilingual = { zh: "", en: "" };
  if (invalidNonZero) {
    const names = [...c.invalid.names];
    const who = invalidNames(ctx, names);
    const still = w.moreOrLess(c.counted.sum + c.invalid.sum - total);
    invalidNote = {
      zh: `${who.zh}${rowsText(names.length)}共${fmt(c.invalid.sum).zh}，不属于本期统计范围，未计入；即使计入，仍${still.zh}。`,
      en: ` The rows of ${who.en}, ${fmt(c.invalid.sum).en}, are outside this period's reporting set and left out; even with them the sum would be ${still.en}.`,
    };
  }
  const tol = c.count
    ? { zh: "", en: "" }
    : { zh: `，超出修约误差±${fmt(tolerance).zh}`, en: `, beyond rounding (±${fmt(tolerance).en})` };
  const notes = memberNotes(ctx, c, total, tolerance, w);
  const own = ownSlipNote(ctx, c, tolerance, w);
  const isTotal = aggregate.record.kind === "total";
  // A gap that a unit slip explains entirely is about that cell's unit, not about 口径.
  const closing: Bilingual =
    own.explains || notes.explains
      ? { zh: "请核实疑似单位错填的单元格。", en: " Verify the cells that look like unit slips." }
      : {
          zh: `区县数与${isTotal ? "全市数" : "小计数"}口径可能不同，请核实并书面说明。`,
          en: ` District and ${isTotal ? "city" : "subtotal"} figures may be compiled differently: verify and explain in writing.`,
        };
  findings.push(
    ctx.finding({
      rule: "total-mismatch",
      severity: "verify",
      at: f,
      record: aggregate,
      indicator: f.indicator,
      expected: sumOf(ctx, c, tolerance),
      message: {
        zh: `${w.s.zh}：${w.parts.zh}为${fmt(c.counted.sum).zh}，共${c.counted.n}个单位，${w.moreOrLess(diff, total).zh}${tol.zh}。${own.text.zh}${zones.zh}${invalidNote.zh}${notes.text.zh}${closing.zh}`,
        en: `${w.s.en}: ${w.parts.en} is ${fmt(c.counted.sum).en} over ${c.counted.n} units, ${w.moreOrLess(diff, total).en}${tol.en}.${own.text.en}${zones.en}${invalidNote.en}${notes.text.en}${closing.en}`,
      },
    }),
  );
  return "reported";
}

interface Words {
  s: Bilingual;
  parts: Bilingual;
  /** The aggregate row as a reviewer names it. */
  total: Bilingual;
  fmt: (v: number) => Bilingual;
  /** "各单位之和比全市合计多0.30亿元" for a positive difference (units − total), 少 for a negative one. */
  moreOrLess: (diff: number, totalValue?: number) => Bilingual;
}

function words(ctx: RuleContext, aggregate: RecordInfo, c: Column): Words {
  const f = c.field;
  const shown = c.count ? 0 : Math.max(2, Math.min(ctx.printedDecimals(f), c.maxDecimals, 4));
  const fmt = (v: number): Bilingual =>
    c.count ? amountText(v, "个", 0) : amountText(ctx.inColumnUnit(f, v), ctx.amountUnit(f) ?? "亿元", shown);
  const parts = partsName(aggregate, c);
  const total = totalName(aggregate);
  return {
    s: ctx.subject(f, aggregate, f),
    parts,
    total,
    fmt,
    moreOrLess: (diff, totalValue) => {
      const amount = fmt(Math.abs(diff));
      const of =
        totalValue === undefined ? { zh: "", en: "" } : { zh: fmt(totalValue).zh, en: `, ${fmt(totalValue).en}` };
      return diff > 0
        ? { zh: `比${total.zh}${of.zh}多${amount.zh}`, en: `${amount.en} more than ${total.en}${of.en}` }
        : { zh: `比${total.zh}${of.zh}少${amount.zh}`, en: `${amount.en} less than ${total.en}${of.en}` };
    },
  };
}

/** "全市合计", "合计", "主城都市区小计": what a reviewer calls the aggregate row. */
function totalName(aggregate: RecordInfo): Bilingual {
  const label = aggregate.record.label;
  if (/[计总]$/.test(label)) return { zh: label, en: label };
  const isTotal = aggregate.record.kind === "total";
  return { zh: `${label}${isTotal ? "合计" : "小计"}`, en: `the ${label} ${isTotal ? "total" : "subtotal"}` };
}

function rounding(
  ctx: RuleContext,
  aggregate: RecordInfo,
  c: Column,
  total: number,
  diff: number,
  tolerance: number,
  totalHalf: number,
  w: Words,
): Finding {
  const f = c.field;
  const how = precisionWords(ctx, aggregate, c, totalHalf);
  return ctx.finding({
    rule: "total-mismatch",
    severity: "info",
    at: f,
    record: aggregate,
    indicator: f.indicator,
    expected: sumOf(ctx, c, tolerance),
    message: {
      zh: `${w.s.zh}：${w.parts.zh}${w.fmt(c.counted.sum).zh}${w.moreOrLess(diff, total).zh}，在修约误差±${w.fmt(tolerance).zh}以内：${how.zh}。`,
      en: `${w.s.en}: ${w.parts.en}, ${w.fmt(c.counted.sum).en}, is ${w.moreOrLess(diff, total).en} — within rounding (±${w.fmt(tolerance).en}: ${how.en}).`,
    },
  });
}

/** "41个单位各修约至0.01，全市修约至0.1": where the rounding allowance comes from. */
function precisionWords(ctx: RuleContext, aggregate: RecordInfo, c: Column, totalHalf: number): Bilingual {
  const n = c.counted.n;
  const parts =
    c.minDecimals === c.maxDecimals
      ? {
          zh: `${n}个单位各修约至${unitText(c.maxDecimals)}`,
          en: `${n} parts each rounded to ${unitText(c.maxDecimals)}`,
        }
      : {
          zh: `${n}个单位修约至${unitText(c.maxDecimals)}～${unitText(c.minDecimals)}`,
          en: `${n} parts rounded to ${unitText(c.maxDecimals)}–${unitText(c.minDecimals)}`,
        };
  const d = ctx.printedDecimals(c.field);
  const label = aggregate.record.label;
  return totalHalf === 0
    ? parts
    : {
        zh: `${parts.zh}，${label}修约至${unitText(d)}`,
        en: `${parts.en}, ${label} rounded to ${unitText(d)}`,
      };
}

/** The units' sum and its rounding allowance, in the total's own unit: what the total should read. */
function sumOf(ctx: RuleContext, c: Column, tolerance: number): Expected {
  return {
    kind: "sum",
    value: clean(ctx.inColumnUnit(c.field, c.counted.sum)),
    tolerance: clean(ctx.inColumnUnit(c.field, tolerance)),
  };
}

/**
 * The total's own cell looks like a unit slip (a 全市 typed in 万元 beside its 亿元 target and 上年同期): what the
 * gap would be with the total corrected, so the reviewer sees that the total, not the units, is the odd figure.
 */
function ownSlipNote(ctx: RuleContext, c: Column, tolerance: number, w: Words): { text: Bilingual; explains: boolean } {
  const slip = detectUnitSlips(ctx).get(c.entry);
  if (slip === undefined) return { text: { zh: "", en: "" }, explains: false };
  const rest = c.counted.sum - slip.intended;
  const explains = Math.abs(rest) <= tolerance + eps(slip.intended, c.counted.sum);
  const corrected = w.fmt(slip.intended);
  const text = explains
    ? {
        zh: `${w.total.zh}本身疑似单位错填，按更正后的${corrected.zh}计，与${w.parts.zh}一致。`,
        en: ` ${w.total.en} itself looks like a unit slip: corrected to ${corrected.en} it agrees with ${w.parts.en}.`,
      }
    : {
        zh: `${w.total.zh}本身疑似单位错填，按更正后的${corrected.zh}计，${w.parts.zh}仍${w.moreOrLess(rest).zh}。`,
        en: ` ${w.total.en} itself looks like a unit slip: corrected to ${corrected.en}, ${w.parts.en} would still be ${w.moreOrLess(rest).en}.`,
      };
  return { text, explains };
}

/**
 * Unit cells that explain part of a gap: figures summed as written although they look like unit slips (with what
 * the sum would be corrected), and figures left out because they could not be read. Named so that the gap is
 * not chased twice.
 */
function memberNotes(
  ctx: RuleContext,
  c: Column,
  total: number,
  tolerance: number,
  w: Words,
): { text: Bilingual; explains: boolean } {
  const name = (i: number) => `${ctx.infoAt(i).name}${ctx.cell(ctx.fieldAt(i))}`;
  const parts: Bilingual[] = [];
  let explains = false;
  if (c.slipped.length > 0) {
    const cells = c.slipped.slice(0, 3).map(name).join("、");
    const corrected = c.counted.sum + c.slipCorrection;
    const rest = corrected - total;
    const agrees = Math.abs(rest) <= tolerance + eps(total, corrected);
    explains = agrees && c.unread.length === 0;
    const after = agrees
      ? { zh: `，与${w.total.zh}一致`, en: `, which agrees with ${w.total.en}` }
      : { zh: `，仍${w.moreOrLess(rest).zh}`, en: `, still ${w.moreOrLess(rest).en}` };
    parts.push({
      zh: `${cells}疑似单位错填，按填报值计入；按更正后的数值计，${w.parts.zh}为${w.fmt(corrected).zh}${after.zh}`,
      en: `${cells} look like unit slips and are summed as written; with them corrected ${w.parts.en} would be ${w.fmt(corrected).en}${after.en}`,
    });
  }
  if (c.unread.length > 0) {
    const cells = c.unread.slice(0, 3).map(name).join("、");
    parts.push({ zh: `${cells}无法识别为数值，未计入`, en: `${cells} could not be read and are left out` });
  }
  if (parts.length === 0) return { text: { zh: "", en: "" }, explains };
  const text = {
    zh: `其中${parts.map((p) => p.zh).join("；")}。`,
    en: ` Of these, ${parts.map((p) => p.en).join("; ")}.`,
  };
  return { text, explains };
}

/** Chinese count of rows as said aloud: 一行, 两行, 三行 … */
function rowsText(n: number): string {
  const digits = ["零", "一", "两", "三", "四", "五", "六", "七", "八", "九", "十"];
  return n <= 10 ? `${digits[n]}行` : `${n}行`;
}

/** "已撤销的江北区、渝北区": the rows outside their validity, worded by what happened to them. */
function invalidNames(ctx: RuleContext, names: readonly string[]): Bilingual {
  const abolished = ctx.units.some(
    (u) => outsideValidity(u) && names.includes(u.name) && u.unit?.validTo !== undefined,
  );
  return abolished
    ? { zh: `已撤销的${names.join("、")}`, en: `the abolished ${names.join(", ")}` }
    : { zh: `本期不是统计单位的${names.join("、")}`, en: `${names.join(", ")}, not reporting units in this period` };
}

function namesOf(gaps: readonly InvalidGap[]): string[] {
  const names = new Set<string>();
  for (const g of gaps) for (const n of g.column.invalid.names) names.add(n);
  return [...names];
}

/** Where else the same happened: "另有11处合计、小计同样如此：B4、C4、…". */
function otherCells(ctx: RuleContext, gaps: readonly InvalidGap[]): { words: Bilingual; related: CellPos[] } {
  const related = gaps.slice(1).map((g) => ({ row: g.column.field.row, col: g.column.field.col }));
  if (related.length === 0) return { words: { zh: "", en: "" }, related };
  const shown = related.slice(0, 8).map((p) => ctx.cell(p));
  const more = related.length > shown.length ? "等" : "";
  return {
    words: {
      zh: `另有${related.length}处合计、小计同样如此：${shown.join("、")}${more}。`,
      en: ` ${related.length} more totals and subtotals are the same: ${shown.join(", ")}${more === "" ? "" : " …"}.`,
    },
    related,
  };
}

/** What both once-per-sheet findings about leftover rows say: the first total, its wording, the units, the other cells. */
function invalidRowsTerms(ctx: RuleContext, gaps: readonly InvalidGap[]) {
  const first = gaps[0];
  const c = first.column;
  const names = namesOf(gaps);
  return { first, c, w: words(ctx, first.aggregate, c), names, who: invalidNames(ctx, names), others: otherCells(ctx, gaps) };
}

/**
 * 核实性, once for the sheet: totals that include the rows of units outside their validity (江北区, 渝北区 in a
 * 2026 sheet) — every gap equals those rows. One finding explains them all instead of a dozen unexplained gaps.
 */
function invalidRowsCounted(ctx: RuleContext, gaps: readonly InvalidGap[]): Finding {
  const { first, c, w, names, who, others } = invalidRowsTerms(ctx, gaps);
  // The year the units were resolved at (the sheet's period, or config.year).
  const year = ctx.asOf === null ? null : ctx.asOf.slice(0, 4);
  const when = year === null ? { zh: "本期", en: "this period's" } : { zh: `${year}年`, en: `the ${year}` };
  const gap = w.fmt(Math.abs(first.gap));
  const direction = first.gap >= 0 ? { zh: "多", en: "more" } : { zh: "少", en: "less" };
  return ctx.finding({
    rule: "total-mismatch",
    severity: "verify",
    at: c.field,
    record: first.aggregate,
    indicator: c.field.indicator,
    expected: sumOf(ctx, c, halfOf(ctx, c, c.counted) + ctx.halfUnit(c.field)),
    related: others.related,
    message: {
      zh: `${w.s.zh}：${w.total.zh}比${w.parts.zh}${direction.zh}${gap.zh}，恰为${who.zh}${rowsText(names.length)}之和。这些单位不属于${when.zh}的统计范围，其数据不应计入合计。${others.words.zh}请删除这些行并相应更正合计，或书面说明。`,
      en: `${w.s.en}: ${w.total.en} is ${gap.en} ${direction.en} than ${w.parts.en}, exactly the ${names.length === 1 ? "row" : "rows together"} of ${who.en}. These units are outside ${when.en} reporting set and their figures do not belong in its totals.${others.words.en} Remove those rows and correct the totals, or explain in writing.`,
    },
  });
}

/**
 * 提示性, once for the sheet: the totals already leave out the rows of units outside their validity; those rows
 * can go. Nothing to confirm, but the reader of the sheet sees why the rows do not add up.
 */
function invalidRowsLeftOut(ctx: RuleContext, matches: readonly InvalidGap[]): Finding {
  const { first, c, w, names, who, others } = invalidRowsTerms(ctx, matches);
  return ctx.finding({
    rule: "total-mismatch",
    severity: "info",
    at: c.field,
    record: first.aggregate,
    indicator: c.field.indicator,
    related: others.related,
    message: {
      zh: `${w.s.zh}：${w.total.zh}未计入${who.zh}${rowsText(names.length)}，与其余各单位之和一致，合计无误；这些行可以删除。`,
      en: `${w.s.en}: ${w.total.en} leaves out the rows of ${who.en} and agrees with the other units: the total is right; those rows can be removed.`,
    },
  });
}

function partsName(aggregate: RecordInfo, c: Column): Bilingual {
  if (aggregate.record.kind === "group")
    return { zh: `${aggregate.group}所属单位之和`, en: "the sum of its member units" };
  if (c.zones.n > 0) {
    const names = [...c.zones.names];
    return { zh: `不含${names.join("、")}的各单位之和`, en: `the sum of the units other than ${names.join(", ")}` };
  }
  return { zh: "各单位之和", en: "the sum of the units" };
}

function unitText(decimals: number): string {
  return decimals <= 0 ? "1" : (1 / Math.pow(10, decimals)).toFixed(decimals);
}

/** Drops binary noise from a range bound (10841.790000000001). */
function clean(x: number): number {
  return Number(x.toPrecision(12));
}
