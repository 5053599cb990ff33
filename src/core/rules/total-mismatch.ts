import { Finding } from "../findings";
import { Bilingual } from "../i18n";
import { FieldRef } from "../sheet/types";
import * as codes from "./codes";
import { RecordInfo, RuleContext } from "./context";
import { amountText } from "./format";
import { MAX_DECIMALS, unitOfDecimals } from "./precision";
import { Rule } from "./rule";
import { detectUnitSlips } from "./unit-slip";

// Imported bindings are property getters under the CommonJS transform (jest, tsx): hot loops read local copies.
const { KIND, M } = codes;

interface Column {
  field: FieldRef;
  count: boolean;
  sum: number;
  n: number;
  /** Members left out of the sum (functional zones that overlap their districts). */
  outsideSum: number;
  outsideN: number;
  outside: Set<string>;
  decimals: number;
  /** Counted cells that look like unit slips, and cells that could not be read (left out): named in the message. */
  slipped: number[];
  unread: number[];
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

/**
 * The 全市/合计 row against the sum of the unit rows, and each group subtotal (主城都市区 …) against its members
 * in the grouping scheme, column by column (amounts and counts; 本期, 上年同期, 目标). Published totals are not
 * adjusted to the sum of rounded parts, so with n parts printed to a unit u a gap up to (n+1)·u/2 is rounding
 * (提示性, 41 units at 0.01 → 0.21). Beyond it the gap is 核实性 with both figures: district and city figures may
 * legitimately differ (口径), but never silently. Counts are exact, so any gap in a count is beyond rounding.
 * Duplicated rows are summed as written, as Excel's SUM would.
 */
export const totalMismatch: Rule = {
  id: "total-mismatch",
  run(ctx: RuleContext): Finding[] {
    const findings: Finding[] = [];
    if (ctx.units.length === 0) return findings;
    for (const total of ctx.totals) check(ctx, total, ctx.units, findings);
    for (const group of ctx.groups) {
      if (group.group === null) continue;
      const name = group.group;
      const scheme = group.groupScheme ?? ctx.scheme;
      const members = ctx.units.filter((m) => {
        const unit = m.unit ?? m.likely;
        return unit !== null && ctx.groupPath(unit, scheme).includes(name);
      });
      if (members.length > 0) check(ctx, group, members, findings);
    }
    return findings;
  },
};

/** Key of a (indicator, measure) pair in the small lookup array. */
const key = (indicator: number, measure: number): number => indicator * 16 + measure;

function check(ctx: RuleContext, aggregate: RecordInfo, members: readonly RecordInfo[], findings: Finding[]): void {
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
      count: kind === "count",
      sum: 0,
      n: 0,
      outsideSum: 0,
      outsideN: 0,
      outside: new Set(),
      // The column's printed precision (the most decimals of any figure in it, or its number format).
      decimals: ctx.printedDecimals(ctx.fieldAt(j)),
      slipped: [],
      unread: [],
    });
  }
  if (columns.length === 0) return;
  for (const member of members) {
    const counted = countsInTotal(member);
    for (let i = t.start[member.index]; i < t.start[member.index + 1]; i++) {
      const slot = slots[key(t.indicator[i], t.measure[i])];
      if (slot < 0) continue;
      const v = ctx.amountAt(i);
      const c = columns[slot];
      if (v === null) {
        // A figure that is there but unreadable (text, #REF!) is missing from the sum: say so, it explains a gap.
        if (!ctx.plainAt(i)) {
          const kind = ctx.parsed(ctx.fieldAt(i)).kind;
          if (kind === "not-a-number" || kind === "error") c.unread.push(i);
        }
        continue;
      }
      if (slips.size > 0 && slips.has(i)) c.slipped.push(i);
      if (counted) {
        c.sum += v;
        c.n++;
      } else {
        c.outsideSum += v;
        c.outsideN++;
        c.outside.add(member.name);
      }
    }
  }
  for (const c of columns) report(ctx, aggregate, c, findings);
}

function report(ctx: RuleContext, aggregate: RecordInfo, c: Column, findings: Finding[]): void {
  const f = c.field;
  const total = ctx.amount(f);
  if (total === null || c.n === 0) return;
  const decimals = Math.min(c.decimals, MAX_DECIMALS);
  // u in the column's unit, then in the default unit the sums are kept in.
  const u = c.count ? 0 : unitOfDecimals(decimals) / ctx.inColumnUnit(f, 1);
  const tolerance = ((c.n + 1) * u) / 2;
  const diff = total - c.sum;
  const eps = 1e-9 * Math.max(1, Math.abs(total), Math.abs(c.sum));
  if (Math.abs(diff) <= eps) return;
  const within = Math.abs(diff) <= tolerance + eps;
  const shown = c.count ? 0 : Math.max(2, Math.min(decimals, 4));
  const fmt = (v: number): Bilingual =>
    c.count ? amountText(v, "个", 0) : amountText(ctx.inColumnUnit(f, v), ctx.amountUnit(f) ?? "亿元", shown);
  const s = ctx.subject(f, aggregate, f);
  const whose = partsName(aggregate, c);
  const range = {
    min: clean(ctx.inColumnUnit(f, c.sum - tolerance)),
    max: clean(ctx.inColumnUnit(f, c.sum + tolerance)),
  };
  if (within) {
    const tol = fmt(tolerance);
    findings.push(
      ctx.finding({
        rule: "total-mismatch",
        severity: "info",
        at: f,
        record: aggregate,
        indicator: f.indicator,
        expected: range,
        message: {
          zh: `${s.zh}：${fmt(total).zh}与${whose.zh}${fmt(c.sum).zh}相差${fmt(diff).zh}，在修约误差范围（±${tol.zh}，${c.n}个单位各修约至${unitText(decimals)}）内。`,
          en: `${s.en}: ${fmt(total).en} differs from ${whose.en}, ${fmt(c.sum).en}, by ${fmt(diff).en} — within rounding (±${tol.en} for ${c.n} parts each rounded to ${unitText(decimals)}).`,
        },
      }),
    );
    return;
  }
  let zones: Bilingual = { zh: "", en: "" };
  if (c.outsideN > 0) {
    const withAll = c.sum + c.outsideSum;
    const tolAll = ((c.n + c.outsideN + 1) * u) / 2;
    const names = [...c.outside];
    if (Math.abs(total - withAll) <= tolAll + eps) {
      zones = {
        zh: `该数与包含${names.join("、")}在内的合计（${fmt(withAll).zh}）一致：功能区与所在区县统计范围重叠，不应重复计入。`,
        en: ` It equals the sum including ${names.join(", ")} (${fmt(withAll).en}): functional zones overlap their districts and must not be counted twice.`,
      };
    }
  }
  const tol = c.count
    ? { zh: "", en: "" }
    : { zh: `，超出修约误差（±${fmt(tolerance).zh}）`, en: `, beyond rounding (±${fmt(tolerance).en})` };
  const notes = memberNotes(ctx, c);
  const isTotal = aggregate.record.kind === "total";
  findings.push(
    ctx.finding({
      rule: "total-mismatch",
      severity: "verify",
      at: f,
      record: aggregate,
      indicator: f.indicator,
      expected: c.count ? c.sum : range,
      message: {
        zh: `${s.zh}：${aggregate.record.label}为${fmt(total).zh}，${whose.zh}为${fmt(c.sum).zh}（${c.n}个单位），相差${fmt(diff).zh}${tol.zh}。${zones.zh}${notes.zh}区县数与${isTotal ? "全市数" : "小计数"}口径可能不同，请核实并书面说明。`,
        en: `${s.en}: ${aggregate.record.label} is ${fmt(total).en} but ${whose.en} is ${fmt(c.sum).en} (${c.n} units), a difference of ${fmt(diff).en}${tol.en}.${zones.en}${notes.en} District and ${isTotal ? "city" : "subtotal"} figures may be compiled differently: verify and explain in writing.`,
      },
    }),
  );
}

/**
 * Unit cells that explain part of a gap: figures summed as written although they look like unit slips, and
 * figures left out because they could not be read. Named so that the gap is not chased twice.
 */
function memberNotes(ctx: RuleContext, c: Column): Bilingual {
  const name = (i: number) => `${ctx.infoAt(i).name}${ctx.cell(ctx.fieldAt(i))}`;
  const parts: Bilingual[] = [];
  if (c.slipped.length > 0) {
    const cells = c.slipped.slice(0, 3).map(name).join("、");
    parts.push({
      zh: `${cells}疑似单位错误，按填报值计入`,
      en: `${cells} look like unit slips and are summed as written`,
    });
  }
  if (c.unread.length > 0) {
    const cells = c.unread.slice(0, 3).map(name).join("、");
    parts.push({ zh: `${cells}无法识别为数值，未计入`, en: `${cells} could not be read and are left out` });
  }
  if (parts.length === 0) return { zh: "", en: "" };
  return { zh: `其中${parts.map((p) => p.zh).join("；")}。`, en: ` Of these, ${parts.map((p) => p.en).join("; ")}.` };
}

function partsName(aggregate: RecordInfo, c: Column): Bilingual {
  if (aggregate.record.kind === "group")
    return { zh: `${aggregate.group}所属单位之和`, en: "the sum of its member units" };
  if (c.outsideN > 0) {
    const names = [...c.outside];
    return { zh: `各单位之和（不含${names.join("、")}）`, en: `the sum of the units (excluding ${names.join(", ")})` };
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
