import { Finding } from "../findings";
import { Bilingual } from "../i18n";
import { AmountUnit } from "../numbers";
import * as codes from "./helpers/codes";
import { unitColumns } from "./helpers/columns";
import { RuleContext } from "./context";
import { DEF } from "./helpers/defs";
import { fixed, rawText } from "./helpers/format";
import { Quantity, quantityOf, quantityText } from "./quantity";
import { Rule } from "./rule";
import { medianInPlace } from "./helpers/stats";
import { declareRule } from "./declaration";

// Imported bindings are property getters under the CommonJS transform (jest, tsx): hot loops read local copies.
const { IS_AMOUNT, M } = codes;

/** The factor a 万元 figure in a 亿元 column is off by. */
const SLIP = 1e4;
/** A column median needs a few values to say what is normal. */
const MIN_VALUES_FOR_MEDIAN = 3;

/** The unit 10⁴ smaller / larger than a column's: what the clerk probably typed in. */
const SMALLER: Partial<Record<AmountUnit, AmountUnit>> = {
  亿元: "万元",
  万元: "元",
  万亿元: "亿元",
  亿美元: "万美元",
  万美元: "美元",
};
// No 亿元 → 万亿元: nobody types a district's figure in 万亿元, so a 亿元 figure 1/10⁴ of its reference is not a slip of its own.
const LARGER: Partial<Record<AmountUnit, AmountUnit>> = { 元: "万元", 万元: "亿元", 美元: "万美元", 万美元: "亿美元" };

export function typedUnit(unit: AmountUnit, direction: "high" | "low"): AmountUnit | undefined {
  return direction === "high" ? SMALLER[unit] : LARGER[unit];
}

export interface Slip {
  /** Field-table entry of the cell. */
  entry: number;
  /** "high": about 10⁴ × its reference (万元 typed into a 亿元 column); "low": about 1/10⁴. */
  direction: "high" | "low";
  reference: "median" | "target" | "previous" | "current";
  /** The reference and the likely intended value, in the indicator's default unit. */
  referenceValue: number;
  intended: number;
}

function checked(measure: number): boolean {
  return measure === M.current || measure === M.previous || measure === M.target;
}

/**
 * Finds the amounts that are about 10⁴ (or 1/10⁴) times a reference, within a factor of
 * config.thresholds.unitSlipTolerance: the column's median (unit rows, columns of at least 3 values), and the
 * unit's own figures (本期 against its target and 上年同期; target and 上年同期 against 本期). Computed once per run
 * and shared: outlier leaves slips out (a slip is not also an outlier), rate-mismatch and behind-schedule skip rates
 * computed from one, total-mismatch names them. Keyed by field-table entry.
 */
export function detectUnitSlips(ctx: RuleContext): Map<number, Slip> {
  return ctx.memo("unit-slips", () => {
    const tolerance = Math.max(1, ctx.config.thresholds.unitSlipTolerance);
    const lo = SLIP / tolerance;
    const hi = SLIP * tolerance;
    const band = (ratio: number): "high" | "low" | null =>
      ratio >= lo && ratio <= hi ? "high" : ratio >= 1 / hi && ratio <= 1 / lo ? "low" : null;
    const slips = new Map<number, Slip>();
    const flag = (
      entry: number,
      v: number,
      reference: Slip["reference"],
      ref: number,
      direction: "high" | "low",
    ): void => {
      slips.set(entry, {
        entry,
        direction,
        reference,
        referenceValue: ref,
        intended: direction === "high" ? v / SLIP : v * SLIP,
      });
    };

    // Pass 1: against the column's median. With enough rows this is the most reliable reference: it tells which
    // of a unit's own cells (本期 or 目标) is the odd one.
    const columns = unitColumns(ctx);
    const positive = new Float64Array(columns.reduce((m, c) => Math.max(m, c.n), 0));
    for (const c of columns) {
      if (!IS_AMOUNT[c.indicator]) continue;
      let m = 0;
      for (let i = 0; i < c.n; i++) if (c.values[i] > 0) positive[m++] = c.values[i];
      if (m < MIN_VALUES_FOR_MEDIAN) continue;
      const median = medianInPlace(positive.subarray(0, m));
      for (let i = 0; i < c.n; i++) {
        const v = c.values[i];
        if (!(v > 0)) continue;
        const direction = band(v / median);
        if (direction !== null) flag(c.entry[i], v, "median", median, direction);
      }
    }

    // Pass 2: against the unit's own figures (all a single district's form has). A reference that is itself a
    // slip is skipped, and only a direction with a plausible typing mistake counts (万元 in a 亿元 column, not
    // 万亿元): when a 本期 is 1/10⁴ of its 亿元 target, the target is the cell that is off.
    const t = ctx.table;
    const tryReference = (
      i: number,
      v: number,
      unit: AmountUnit,
      reference: Slip["reference"],
      refEntry: number,
      refValue: number | null,
    ): boolean => {
      if (refValue === null || !(refValue > 0)) return false;
      if (refEntry >= 0 && slips.has(refEntry)) return false;
      const direction = band(v / refValue);
      if (direction === null || typedUnit(unit, direction) === undefined) return false;
      flag(i, v, reference, refValue, direction);
      return true;
    };
    for (let i = 0; i < t.n; i++) {
      const m = t.measure[i];
      const ind = t.indicator[i];
      if (!IS_AMOUNT[ind] || !checked(m) || slips.has(i)) continue;
      const v = ctx.amountAt(i);
      if (v === null || !(v > 0)) continue;
      if (m === M.current) {
        const target = ctx.sibling(i, ind, M.target);
        const targetValue = ctx.targetAt(i);
        const previous = ctx.sibling(i, ind, M.previous);
        if (targetValue === null && previous < 0) continue;
        const unit = ctx.amountUnit(ctx.fieldAt(i)) as AmountUnit;
        if (tryReference(i, v, unit, "target", target, targetValue)) continue;
        if (previous >= 0) tryReference(i, v, unit, "previous", previous, ctx.amountAt(previous));
      } else {
        const current = ctx.sibling(i, ind, M.current);
        if (current < 0) continue;
        tryReference(i, v, ctx.amountUnit(ctx.fieldAt(i)) as AmountUnit, "current", current, ctx.amountAt(current));
      }
    }
    return slips;
  });
}

const REFERENCE_NAMES: Record<Slip["reference"], Bilingual> = {
  median: { zh: "本列中位数", en: "the column median" },
  target: { zh: "本单位年度目标", en: "the unit's own target" },
  previous: { zh: "本单位上年同期", en: "the unit's own figure for the same period last year" },
  current: { zh: "本单位本期数", en: "the unit's own current figure" },
};

/** What a unit-slip finding states. Figures are in the column's unit. */
export interface Details {
  rule: "unit-slip";
  /** "high": about 10⁴ × its reference (万元 typed into a 亿元 column); "low": about 1/10⁴. */
  direction: "high" | "low";
  /** The unit the clerk probably typed in (万元 in a 亿元 column), when there is one. */
  typedUnit: AmountUnit | null;
  /** The likely intended value, rounded to 2 decimals as the message states it (also Finding.expected). */
  suggested: Quantity;
  /** What the figure was compared with, and its value. */
  reference: Slip["reference"];
  referenceValue: Quantity;
}

/** `written`: the cell as typed. */
function message(s: Bilingual, d: Details, written: Bilingual): Bilingual {
  const unit = d.suggested.unit;
  const intendedText = fixed(d.suggested.value, 2);
  const ref = quantityText(d.referenceValue);
  const refName = REFERENCE_NAMES[d.reference];
  const factor =
    d.direction === "high"
      ? { zh: "约1万倍", en: "about 10,000 times" }
      : { zh: "约万分之一", en: "about 1/10,000 of" };
  const guess = d.typedUnit
    ? {
        zh: `疑似以${d.typedUnit}填入${unit}列：${written.zh}应为${intendedText}？`,
        en: `Looks like ${d.typedUnit} typed into a ${unit} column: should ${written.en} be ${intendedText}?`,
      }
    : {
        zh: `疑似单位差1万倍：${written.zh}应为${intendedText}？`,
        en: `Looks like a 10,000× unit slip: should ${written.en} be ${intendedText}?`,
      };
  return {
    zh: `${s.zh}：${guess.zh}该数为${refName.zh}${ref.zh}的${factor.zh}，请核实计量单位。`,
    en: `${s.en}: ${guess.en} It is ${factor.en} ${refName.en} (${ref.en}); check the unit.`,
  };
}

export const declaration = declareRule({
  id: "unit-slip",
  name: { zh: "疑似单位错填（万元/亿元）", en: "Suspected unit slip (万元/亿元)" },
  severities: ["verify"],
  settings: ["thresholds.unitSlipTolerance"],
  description: {
    zh: "约为本列中位数、本单位目标或上年同期的 10⁴ 倍（或 1/10⁴）：疑似万元填入亿元列，给出可能的正确值",
    en: "About 10⁴ times (or 1/10⁴ of) the column's median, the unit's target or last year's figure: 万元 typed into a 亿元 column; the likely figure is given.",
  },
});

/**
 * 核实性: an amount about 10⁴ times (or 1/10⁴ of) what it should be — a 万元 figure typed into a 亿元 column or
 * the reverse. The message gives the likely intended value; the submitter confirms, the tool never changes it.
 */
export const unitSlip: Rule = {
  id: declaration.id,
  run(ctx: RuleContext): Finding[] {
    const findings: Finding[] = [];
    for (const slip of detectUnitSlips(ctx).values()) {
      const f = ctx.fieldAt(slip.entry);
      const info = ctx.infoAt(slip.entry);
      const unit = ctx.amountUnit(f) ?? (DEF[f.indicator].defaultUnit as AmountUnit);
      const suggested = Number(fixed(ctx.inColumnUnit(f, slip.intended), 2));
      const details: Details = {
        rule: "unit-slip",
        direction: slip.direction,
        typedUnit: typedUnit(unit, slip.direction) ?? null,
        suggested: { value: suggested, unit },
        reference: slip.reference,
        referenceValue: quantityOf(ctx, f, slip.referenceValue),
      };
      findings.push(
        ctx.finding({
          rule: "unit-slip",
          severity: "verify",
          at: f,
          record: info,
          indicator: f.indicator,
          expected: { kind: "figure", value: suggested },
          details,
          message: message(ctx.subject(f, info, f), details, rawText(ctx.rawAt(slip.entry))),
        }),
      );
    }
    return findings;
  },
};
