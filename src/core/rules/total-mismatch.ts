import { Expected, Finding } from "../findings";
import { Bilingual } from "../i18n";
import { FieldRef } from "../sheet/types";
import * as codes from "./helpers/codes";
import { RecordInfo, RuleContext } from "./context";
import { amountText } from "./helpers/format";
import { MAX_DECIMALS, unitOfDecimals } from "./helpers/precision";
import { clean } from "./quantity";
import { Rule } from "./rule";
import { detectUnitSlips } from "./unit-slip";
import { outsideValidity, previousPeriodEnd } from "./helpers/validity";
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
    if (invalidGaps.length > 0) findings.push(invalidRows(ctx, invalidGaps, "invalid-rows-counted"));
    else if (invalidMatches.length > 0) findings.push(invalidRows(ctx, invalidMatches, "invalid-rows-left-out"));
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
          const kind = ctx.parsedAt(i).kind;
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
  return (ctx.amountAt(c.entry) ?? 0) - c.counted.sum;
}

type Outcome = "none" | "reported" | "gap-is-invalid-rows" | "invalid-rows-left-out";

/** A unit's cell named in a note: "渝北区B11". */
export interface NamedCell {
  unit: string;
  cell: string;
}

/** What every total-mismatch finding states: which total, and how its figures are stated. */
interface Common {
  rule: "total-mismatch";
  /** The aggregate row: the city total (全市, 合计) or a group subtotal, its label and, for a group, its name. */
  aggregate: { kind: "total" | "group"; label: string; group: string | null };
  /** The column's unit (亿元, 万元, 个): every figure below is in it. */
  unit: string;
  /** Decimals the figures are stated with in the message (0 for counts). */
  decimals: number;
}

/** The total against the units' sum: the total, the sum over `units` units, sum − total, and the rounding allowance. */
interface Comparison {
  total: number;
  sum: number;
  units: number;
  /** sum − total: positive when the units add up to more than the total. */
  difference: number;
  /** Each printed figure's half unit of its last digit, together (0 for counts). */
  tolerance: number;
  /** Functional zones left out of a city total's sum (两江新区, 重庆高新区 overlap their districts). */
  zonesLeftOut: string[];
}

/** 提示性: the gap is within rounding. */
export interface RoundingDetails extends Common, Comparison {
  kind: "rounding";
  /** Fewest and most decimals of the units' figures, and the total's own when it carries an allowance. */
  minDecimals: number;
  maxDecimals: number;
  totalDecimals: number | null;
}

/** 核实性: the gap is beyond rounding, with whatever explains it. */
export interface GapDetails extends Common, Comparison {
  kind: "gap";
  /** The total itself looks like a unit slip: its corrected figure, and sum − corrected. */
  totalSlip: { corrected: number; difference: number; explains: boolean } | null;
  /** The total equals the sum without units that count only from this period on (两江新区 in 2026). */
  withoutNewUnits: { names: string[]; sum: number } | null;
  /** The total equals the sum including the functional zones that must not be counted. */
  withZones: { names: string[]; sum: number } | null;
  /** Rows of units outside the period's list, left out: their sum, and sum + theirs − total. */
  invalidRows: { names: string[]; abolished: boolean; sum: number; difference: number } | null;
  /** Counted cells that look like unit slips (the first three named): the corrected sum, and corrected − total. */
  slips: { cells: NamedCell[]; sum: number; difference: number; agrees: boolean } | null;
  /** Cells that could not be read and are left out (the first three). */
  unread: NamedCell[];
}

/** Once for the sheet: the totals include (or already leave out) the rows of units outside the period's list. */
export interface InvalidRowsDetails extends Common {
  kind: "invalid-rows-counted" | "invalid-rows-left-out";
  names: string[];
  /** The units were abolished (else: not yet reporting units). */
  abolished: boolean;
  /** The first total's gap, total − sum, in its column's unit; 0 when the rows are left out. */
  difference: number;
  /** The year the units were resolved at, when known. */
  year: string | null;
  /** The other totals and subtotals where the same holds. */
  others: string[];
  /** Functional zones left out of the first total's sum (see Comparison). */
  zonesLeftOut: string[];
}

export type Details = RoundingDetails | GapDetails | InvalidRowsDetails;

function report(ctx: RuleContext, aggregate: RecordInfo, c: Column, findings: Finding[]): Outcome {
  const f = c.field;
  const total = ctx.amountAt(c.entry);
  if (total === null || c.counted.n === 0) return "none";
  const totalHalf = ctx.halfUnitAt(c.entry);
  const countedHalf = halfOf(ctx, c, c.counted);
  const tolerance = c.count ? 0 : countedHalf + totalHalf;
  // Positive: the units add up to more than the total.
  const diff = c.counted.sum - total;
  const e = eps(total, c.counted.sum);
  const within = Math.abs(diff) <= tolerance + e;
  const invalidNonZero = c.invalid.n > 0 && Math.abs(c.invalid.sum) > e;
  if (invalidNonZero) {
    const withInvalid = c.counted.sum + c.invalid.sum - total;
    if (!within && Math.abs(withInvalid) <= tolerance + halfOf(ctx, c, c.invalid) + e) return "gap-is-invalid-rows";
    if (within) {
      if (Math.abs(diff) > e) findings.push(rounding(ctx, aggregate, c, total, diff, tolerance, totalHalf));
      return "invalid-rows-left-out";
    }
  }
  if (Math.abs(diff) <= e) return "none";
  if (within) {
    findings.push(rounding(ctx, aggregate, c, total, diff, tolerance, totalHalf));
    return "reported";
  }
  const v = (x: number): number => clean(ctx.inColumnUnit(f, x));
  let withoutNewUnits: GapDetails["withoutNewUnits"] = null;
  if (c.fresh.n > 0) {
    // An old template's SUM that still leaves out a unit that now counts (两江新区, a functional zone until 2025).
    const without = c.counted.sum - c.fresh.sum;
    if (Math.abs(total - without) <= tolerance + e) withoutNewUnits = { names: [...c.fresh.names], sum: v(without) };
  }
  let withZones: GapDetails["withZones"] = null;
  if (c.zones.n > 0) {
    const withAll = c.counted.sum + c.zones.sum;
    if (Math.abs(total - withAll) <= tolerance + halfOf(ctx, c, c.zones) + e)
      withZones = { names: [...c.zones.names], sum: v(withAll) };
  }
  const invalidRows: GapDetails["invalidRows"] = invalidNonZero
    ? {
        names: [...c.invalid.names],
        abolished: abolished(ctx, [...c.invalid.names]),
        sum: v(c.invalid.sum),
        difference: v(c.counted.sum + c.invalid.sum - total),
      }
    : null;
  const details: GapDetails = {
    ...common(ctx, aggregate, c),
    ...comparison(ctx, aggregate, c, total, diff, tolerance),
    kind: "gap",
    totalSlip: totalSlip(ctx, c, tolerance),
    withoutNewUnits,
    withZones,
    invalidRows,
    slips: slipsNote(ctx, c, total, tolerance),
    unread: c.unread.slice(0, 3).map((i) => namedCell(ctx, i)),
  };
  findings.push(
    ctx.finding({
      rule: "total-mismatch",
      severity: "verify",
      at: f,
      record: aggregate,
      indicator: f.indicator,
      expected: sumOf(ctx, c, tolerance),
      details,
      message: gapMessage(ctx.subject(f, aggregate, f), details),
    }),
  );
  return "reported";
}

function common(ctx: RuleContext, aggregate: RecordInfo, c: Column): Common {
  const f = c.field;
  return {
    rule: "total-mismatch",
    aggregate: {
      kind: aggregate.record.kind === "group" ? "group" : "total",
      label: aggregate.record.label,
      group: aggregate.record.kind === "group" ? aggregate.group : null,
    },
    unit: c.count ? "个" : (ctx.amountUnit(f) ?? "亿元"),
    decimals: c.count ? 0 : Math.max(2, Math.min(ctx.printedDecimalsAt(c.entry), c.maxDecimals, 4)),
  };
}

function comparison(ctx: RuleContext, aggregate: RecordInfo, c: Column, total: number, diff: number, tolerance: number): Comparison {
  const v = (x: number): number => clean(ctx.inColumnUnit(c.field, x));
  return {
    total: v(total),
    sum: v(c.counted.sum),
    units: c.counted.n,
    difference: v(diff),
    tolerance: v(tolerance),
    zonesLeftOut: aggregate.record.kind !== "group" && c.zones.n > 0 ? [...c.zones.names] : [],
  };
}

function namedCell(ctx: RuleContext, i: number): NamedCell {
  return { unit: ctx.infoAt(i).name, cell: ctx.cell(ctx.fieldAt(i)) };
}

/** How a message words a total's figures, from its details. */
interface Words {
  parts: Bilingual;
  /** The aggregate row as a reviewer names it. */
  total: Bilingual;
  fmt: (v: number) => Bilingual;
  /** "各单位之和比全市合计多0.30亿元" for a positive difference (units − total), 少 for a negative one. */
  moreOrLess: (diff: number, totalValue?: number) => Bilingual;
}

function words(d: Common & { zonesLeftOut?: string[] }): Words {
  const fmt = (v: number): Bilingual => amountText(v, d.unit, d.decimals);
  const parts = partsName(d.aggregate, d.zonesLeftOut ?? []);
  const total = totalName(d.aggregate);
  return {
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
function totalName(aggregate: Common["aggregate"]): Bilingual {
  const label = aggregate.label;
  if (/[计总]$/.test(label)) return { zh: label, en: label };
  const isTotal = aggregate.kind === "total";
  return { zh: `${label}${isTotal ? "合计" : "小计"}`, en: `the ${label} ${isTotal ? "total" : "subtotal"}` };
}

function gapMessage(s: Bilingual, d: GapDetails): Bilingual {
  const w = words(d);
  const fmt = w.fmt;
  let zones: Bilingual = { zh: "", en: "" };
  if (d.withoutNewUnits !== null) {
    const names = d.withoutNewUnits.names;
    zones = {
      zh: `该数与不含${names.join("、")}的各单位之和${fmt(d.withoutNewUnits.sum).zh}一致：${names.join("、")}本期起为统计单位，应计入${w.total.zh}。`,
      en: ` It equals the sum without ${names.join(", ")}, ${fmt(d.withoutNewUnits.sum).en}: ${names.join(", ")} became reporting units this period and count in ${w.total.en}.`,
    };
  }
  if (d.withZones !== null) {
    const names = d.withZones.names;
    zones = {
      zh: `该数与包含${names.join("、")}在内的合计${fmt(d.withZones.sum).zh}一致：功能区与所在区县统计范围重叠，不应重复计入。`,
      en: ` It equals the sum including ${names.join(", ")}, ${fmt(d.withZones.sum).en}: functional zones overlap their districts and must not be counted twice.`,
    };
  }
  let invalidNote: Bilingual = { zh: "", en: "" };
  if (d.invalidRows !== null) {
    const names = d.invalidRows.names;
    const who = invalidNames(names, d.invalidRows.abolished);
    const still = w.moreOrLess(d.invalidRows.difference);
    invalidNote = {
      zh: `${who.zh}${rowsText(names.length)}共${fmt(d.invalidRows.sum).zh}，不属于本期统计范围，未计入；即使计入，仍${still.zh}。`,
      en: ` The rows of ${who.en}, ${fmt(d.invalidRows.sum).en}, are outside this period's reporting set and left out; even with them the sum would be ${still.en}.`,
    };
  }
  const tol =
    d.unit === "个"
      ? { zh: "", en: "" }
      : { zh: `，超出修约误差±${fmt(d.tolerance).zh}`, en: `, beyond rounding (±${fmt(d.tolerance).en})` };
  const notes = memberNotes(d, w);
  const own = totalSlipNote(d, w);
  const isTotal = d.aggregate.kind === "total";
  // A gap that a unit slip explains entirely is about that cell's unit, not about 口径.
  const explained = (d.totalSlip?.explains ?? false) || (d.slips !== null && d.slips.agrees && d.unread.length === 0);
  const closing: Bilingual = explained
    ? { zh: "请核实疑似单位错填的单元格。", en: " Verify the cells that look like unit slips." }
    : {
        zh: `区县数与${isTotal ? "全市数" : "小计数"}口径可能不同，请核实并书面说明。`,
        en: ` District and ${isTotal ? "city" : "subtotal"} figures may be compiled differently: verify and explain in writing.`,
      };
  return {
    zh: `${s.zh}：${w.parts.zh}为${fmt(d.sum).zh}，共${d.units}个单位，${w.moreOrLess(d.difference, d.total).zh}${tol.zh}。${own.zh}${zones.zh}${invalidNote.zh}${notes.zh}${closing.zh}`,
    en: `${s.en}: ${w.parts.en} is ${fmt(d.sum).en} over ${d.units} units, ${w.moreOrLess(d.difference, d.total).en}${tol.en}.${own.en}${zones.en}${invalidNote.en}${notes.en}${closing.en}`,
  };
}

function rounding(
  ctx: RuleContext,
  aggregate: RecordInfo,
  c: Column,
  total: number,
  diff: number,
  tolerance: number,
  totalHalf: number,
): Finding {
  const f = c.field;
  const details: RoundingDetails = {
    ...common(ctx, aggregate, c),
    ...comparison(ctx, aggregate, c, total, diff, tolerance),
    kind: "rounding",
    minDecimals: c.minDecimals,
    maxDecimals: c.maxDecimals,
    totalDecimals: totalHalf === 0 ? null : ctx.printedDecimalsAt(c.entry),
  };
  return ctx.finding({
    rule: "total-mismatch",
    severity: "info",
    at: f,
    record: aggregate,
    indicator: f.indicator,
    expected: sumOf(ctx, c, tolerance),
    details,
    message: roundingMessage(ctx.subject(f, aggregate, f), details),
  });
}

function roundingMessage(s: Bilingual, d: RoundingDetails): Bilingual {
  const w = words(d);
  const how = precisionWords(d);
  return {
    zh: `${s.zh}：${w.parts.zh}${w.fmt(d.sum).zh}${w.moreOrLess(d.difference, d.total).zh}，在修约误差±${w.fmt(d.tolerance).zh}以内：${how.zh}。`,
    en: `${s.en}: ${w.parts.en}, ${w.fmt(d.sum).en}, is ${w.moreOrLess(d.difference, d.total).en} — within rounding (±${w.fmt(d.tolerance).en}: ${how.en}).`,
  };
}

/** "41个单位各修约至0.01，全市修约至0.1": where the rounding allowance comes from. */
function precisionWords(d: RoundingDetails): Bilingual {
  const n = d.units;
  const parts =
    d.minDecimals === d.maxDecimals
      ? {
          zh: `${n}个单位各修约至${unitText(d.maxDecimals)}`,
          en: `${n} parts each rounded to ${unitText(d.maxDecimals)}`,
        }
      : {
          zh: `${n}个单位修约至${unitText(d.maxDecimals)}～${unitText(d.minDecimals)}`,
          en: `${n} parts rounded to ${unitText(d.maxDecimals)}–${unitText(d.minDecimals)}`,
        };
  const label = d.aggregate.label;
  return d.totalDecimals === null
    ? parts
    : {
        zh: `${parts.zh}，${label}修约至${unitText(d.totalDecimals)}`,
        en: `${parts.en}, ${label} rounded to ${unitText(d.totalDecimals)}`,
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
function totalSlip(ctx: RuleContext, c: Column, tolerance: number): GapDetails["totalSlip"] {
  const slip = detectUnitSlips(ctx).get(c.entry);
  if (slip === undefined) return null;
  const rest = c.counted.sum - slip.intended;
  const explains = Math.abs(rest) <= tolerance + eps(slip.intended, c.counted.sum);
  return {
    corrected: clean(ctx.inColumnUnit(c.field, slip.intended)),
    difference: clean(ctx.inColumnUnit(c.field, rest)),
    explains,
  };
}

function totalSlipNote(d: GapDetails, w: Words): Bilingual {
  if (d.totalSlip === null) return { zh: "", en: "" };
  const corrected = w.fmt(d.totalSlip.corrected);
  return d.totalSlip.explains
    ? {
        zh: `${w.total.zh}本身疑似单位错填，按更正后的${corrected.zh}计，与${w.parts.zh}一致。`,
        en: ` ${w.total.en} itself looks like a unit slip: corrected to ${corrected.en} it agrees with ${w.parts.en}.`,
      }
    : {
        zh: `${w.total.zh}本身疑似单位错填，按更正后的${corrected.zh}计，${w.parts.zh}仍${w.moreOrLess(d.totalSlip.difference).zh}。`,
        en: ` ${w.total.en} itself looks like a unit slip: corrected to ${corrected.en}, ${w.parts.en} would still be ${w.moreOrLess(d.totalSlip.difference).en}.`,
      };
}

/**
 * Unit cells that explain part of a gap: figures summed as written although they look like unit slips (with what
 * the sum would be corrected), and figures left out because they could not be read. Named so that the gap is
 * not chased twice.
 */
function slipsNote(ctx: RuleContext, c: Column, total: number, tolerance: number): GapDetails["slips"] {
  if (c.slipped.length === 0) return null;
  const corrected = c.counted.sum + c.slipCorrection;
  const rest = corrected - total;
  return {
    cells: c.slipped.slice(0, 3).map((i) => namedCell(ctx, i)),
    sum: clean(ctx.inColumnUnit(c.field, corrected)),
    difference: clean(ctx.inColumnUnit(c.field, rest)),
    agrees: Math.abs(rest) <= tolerance + eps(total, corrected),
  };
}

function memberNotes(d: GapDetails, w: Words): Bilingual {
  const name = (n: NamedCell) => `${n.unit}${n.cell}`;
  const parts: Bilingual[] = [];
  if (d.slips !== null) {
    const cells = d.slips.cells.map(name).join("、");
    const after = d.slips.agrees
      ? { zh: `，与${w.total.zh}一致`, en: `, which agrees with ${w.total.en}` }
      : { zh: `，仍${w.moreOrLess(d.slips.difference).zh}`, en: `, still ${w.moreOrLess(d.slips.difference).en}` };
    parts.push({
      zh: `${cells}疑似单位错填，按填报值计入；按更正后的数值计，${w.parts.zh}为${w.fmt(d.slips.sum).zh}${after.zh}`,
      en: `${cells} look like unit slips and are summed as written; with them corrected ${w.parts.en} would be ${w.fmt(d.slips.sum).en}${after.en}`,
    });
  }
  if (d.unread.length > 0) {
    const cells = d.unread.map(name).join("、");
    parts.push({ zh: `${cells}无法识别为数值，未计入`, en: `${cells} could not be read and are left out` });
  }
  if (parts.length === 0) return { zh: "", en: "" };
  return {
    zh: `其中${parts.map((p) => p.zh).join("；")}。`,
    en: ` Of these, ${parts.map((p) => p.en).join("; ")}.`,
  };
}

/** Chinese count of rows as said aloud: 一行, 两行, 三行 … */
function rowsText(n: number): string {
  const digits = ["零", "一", "两", "三", "四", "五", "六", "七", "八", "九", "十"];
  return n <= 10 ? `${digits[n]}行` : `${n}行`;
}

/** Whether the rows outside their validity are of abolished units (else: not yet reporting units). */
function abolished(ctx: RuleContext, names: readonly string[]): boolean {
  return ctx.units.some((u) => outsideValidity(u) && names.includes(u.name) && u.unit?.validTo !== undefined);
}

/** "已撤销的江北区、渝北区": the rows outside their validity, worded by what happened to them. */
function invalidNames(names: readonly string[], isAbolished: boolean): Bilingual {
  return isAbolished
    ? { zh: `已撤销的${names.join("、")}`, en: `the abolished ${names.join(", ")}` }
    : { zh: `本期不是统计单位的${names.join("、")}`, en: `${names.join(", ")}, not reporting units in this period` };
}

function namesOf(gaps: readonly InvalidGap[]): string[] {
  const names = new Set<string>();
  for (const g of gaps) for (const n of g.column.invalid.names) names.add(n);
  return [...names];
}

/** The once-per-sheet finding about leftover rows: the first total, the units, the other cells. */
function invalidRows(ctx: RuleContext, gaps: readonly InvalidGap[], kind: InvalidRowsDetails["kind"]): Finding {
  const first = gaps[0];
  const c = first.column;
  const names = namesOf(gaps);
  const related = gaps.slice(1).map((g) => ({ row: g.column.field.row, col: g.column.field.col }));
  const details: InvalidRowsDetails = {
    ...common(ctx, first.aggregate, c),
    kind,
    names,
    abolished: abolished(ctx, names),
    difference: clean(ctx.inColumnUnit(c.field, first.gap)),
    // The year the units were resolved at (the sheet's period, or config.year).
    year: ctx.asOf === null ? null : ctx.asOf.slice(0, 4),
    others: related.map((p) => ctx.cell(p)),
    zonesLeftOut: first.aggregate.record.kind !== "group" && c.zones.n > 0 ? [...c.zones.names] : [],
  };
  const s = ctx.subject(c.field, first.aggregate, c.field);
  return ctx.finding({
    rule: "total-mismatch",
    severity: kind === "invalid-rows-counted" ? "verify" : "info",
    at: c.field,
    record: first.aggregate,
    indicator: c.field.indicator,
    expected: kind === "invalid-rows-counted" ? sumOf(ctx, c, halfOf(ctx, c, c.counted) + ctx.halfUnitAt(c.entry)) : undefined,
    related,
    details,
    message: kind === "invalid-rows-counted" ? invalidRowsCountedMessage(s, details) : invalidRowsLeftOutMessage(s, details),
  });
}

/** Where else the same happened: "另有11处合计、小计同样如此：B4、C4、…". */
function otherCells(d: InvalidRowsDetails): Bilingual {
  if (d.others.length === 0) return { zh: "", en: "" };
  const shown = d.others.slice(0, 8);
  const more = d.others.length > shown.length ? "等" : "";
  return {
    zh: `另有${d.others.length}处合计、小计同样如此：${shown.join("、")}${more}。`,
    en: ` ${d.others.length} more totals and subtotals are the same: ${shown.join(", ")}${more === "" ? "" : " …"}.`,
  };
}

/**
 * 核实性, once for the sheet: totals that include the rows of units outside their validity (江北区, 渝北区 in a
 * 2026 sheet) — every gap equals those rows. One finding explains them all instead of a dozen unexplained gaps.
 */
function invalidRowsCountedMessage(s: Bilingual, d: InvalidRowsDetails): Bilingual {
  const w = words(d);
  const who = invalidNames(d.names, d.abolished);
  const others = otherCells(d);
  const when = d.year === null ? { zh: "本期", en: "this period's" } : { zh: `${d.year}年`, en: `the ${d.year}` };
  const gap = w.fmt(Math.abs(d.difference));
  const direction = d.difference >= 0 ? { zh: "多", en: "more" } : { zh: "少", en: "less" };
  return {
    zh: `${s.zh}：${w.total.zh}比${w.parts.zh}${direction.zh}${gap.zh}，恰为${who.zh}${rowsText(d.names.length)}之和。这些单位不属于${when.zh}的统计范围，其数据不应计入合计。${others.zh}请删除这些行并相应更正合计，或书面说明。`,
    en: `${s.en}: ${w.total.en} is ${gap.en} ${direction.en} than ${w.parts.en}, exactly the ${d.names.length === 1 ? "row" : "rows together"} of ${who.en}. These units are outside ${when.en} reporting set and their figures do not belong in its totals.${others.en} Remove those rows and correct the totals, or explain in writing.`,
  };
}

/**
 * 提示性, once for the sheet: the totals already leave out the rows of units outside their validity; those rows
 * can go. Nothing to confirm, but the reader of the sheet sees why the rows do not add up.
 */
function invalidRowsLeftOutMessage(s: Bilingual, d: InvalidRowsDetails): Bilingual {
  const w = words(d);
  const who = invalidNames(d.names, d.abolished);
  return {
    zh: `${s.zh}：${w.total.zh}未计入${who.zh}${rowsText(d.names.length)}，与其余各单位之和一致，合计无误；这些行可以删除。`,
    en: `${s.en}: ${w.total.en} leaves out the rows of ${who.en} and agrees with the other units: the total is right; those rows can be removed.`,
  };
}

function partsName(aggregate: Common["aggregate"], zonesLeftOut: readonly string[]): Bilingual {
  if (aggregate.kind === "group") return { zh: `${aggregate.group}所属单位之和`, en: "the sum of its member units" };
  if (zonesLeftOut.length > 0)
    return { zh: `不含${zonesLeftOut.join("、")}的各单位之和`, en: `the sum of the units other than ${zonesLeftOut.join(", ")}` };
  return { zh: "各单位之和", en: "the sum of the units" };
}

function unitText(decimals: number): string {
  return decimals <= 0 ? "1" : (1 / Math.pow(10, decimals)).toFixed(decimals);
}
