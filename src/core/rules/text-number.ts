import { Finding } from "../findings";
import { Bilingual } from "../i18n";
import { ParsedNumber } from "../numbers";
import { Measure } from "../sheet/types";
import { RuleContext } from "./context";
import { DEF } from "./helpers/defs";
import { rawText } from "./helpers/format";
import { Quantity, quantityOf, quantityText } from "./quantity";
import { Rule } from "./rule";
import { scanCells } from "./helpers/scan";
import { declareRule } from "./declaration";

/** Columns holding a rate or a comparison, where statisticians write a word instead of a misleading number. */
const RATE_MEASURES: ReadonlySet<Measure> = new Set<Measure>(["yoy", "pace", "completion", "share", "rate"]);
/** 新增 (base 0), 扭亏/减亏/增亏 (negative base), 持平, 无目标 …: the wording domain.md asks for, not a typo. */
const RATE_WORDS: ReadonlySet<string> = new Set(["新增", "扭亏", "减亏", "增亏", "持平", "无目标", "不适用", "不计算"]);

/** How a text was read: a quantity of the column, or a rate as typed ("12.5%", "3个百分点", a bare "12.5"). */
export type ReadAs =
  | { kind: "quantity"; quantity: Quantity }
  | { kind: "rate"; value: number; unit: "%" | "个百分点" | "" };

/** What a text-number finding states. */
export interface Details {
  rule: "text-number";
  /**
   * read: text read as a number (提示性); the others cannot be read (强制性): a date, a logical value, text that
   * is no number, a number in a unit the column cannot take.
   */
  kind: "read" | "date" | "logical" | "not-a-number" | "unit-mismatch";
  /** How the text was read, when it was. */
  readAs: ReadAs | null;
  /** "约95.1": an approximation, read as its figure. */
  approximate: boolean;
}

function readAsText(r: ReadAs): Bilingual {
  if (r.kind === "quantity") return quantityText(r.quantity);
  if (r.unit === "个百分点") return { zh: `${r.value}个百分点`, en: `${r.value} percentage points` };
  return { zh: `${r.value}${r.unit}`, en: `${r.value}${r.unit}` };
}

/** `written`: the cell as typed; `why`: the number reader's own reason for text that is no number. */
function message(s: Bilingual, d: Details, written: Bilingual, why: Bilingual | null): Bilingual {
  switch (d.kind) {
    case "date":
      return { zh: `${s.zh}是日期，不是数值，请改为数值。`, en: `${s.en} is a date, not a number; enter a number.` };
    case "logical":
      return { zh: `${s.zh}是逻辑值，不是数值，请改为数值。`, en: `${s.en} is a logical value, not a number; enter a number.` };
    case "not-a-number":
      return { zh: `${s.zh}：${why?.zh ?? ""}，请改为数值。`, en: `${s.en}: ${why?.en ?? ""}; enter a number.` };
    case "unit-mismatch":
      return {
        zh: `${s.zh}填报${written.zh}，其单位与本列不符，无法按本列读取，请改为本列单位的数值。`,
        en: `${s.en} reads ${written.en}, whose unit does not fit the column; enter a number in the column's unit.`,
      };
    case "read": {
      const r = readAsText(d.readAs as ReadAs);
      const approx = d.approximate ? { zh: "（约数）", en: " (an approximation)" } : { zh: "", en: "" };
      return {
        zh: `${s.zh}以文本填报${written.zh}，已按${r.zh}读取${approx.zh}；Excel的SUM等函数会跳过文本，合计可能漏计，建议改为数值。`,
        en: `${s.en} is text ${written.en}, read as ${r.en}${approx.en}; Excel's SUM skips text, so totals may leave it out — enter it as a number.`,
      };
    }
  }
}

export const declaration = declareRule({
  id: "text-number",
  name: { zh: "文本型数字", en: "Number stored as text" },
  severities: ["error", "info"],
  settings: [],
  description: {
    zh: "以文本填写的数字：能识别（“约95.1”“389.76亿元”、全角数字）为提示，不能识别（“三十二”）为强制",
    en: "A figure typed as text: info when it can be read (\"约95.1\", \"389.76亿元\", full-width digits), an error when it cannot (\"三十二\").",
  },
});

/**
 * Figures typed as text. Readable ones ("约95.1", "389.76亿元", full-width "３３") are 提示性: the tool reads them,
 * but Excel's SUM skips text, so a total built on the sheet silently leaves them out. Unreadable ones are
 * 强制性, quoting the text. Deliberate blanks ("—", "/", "无") and "…" are not text-numbers, nor are the words a
 * rate column may hold instead of a number (新增, 扭亏). Rank columns are computed for display and not checked.
 */
export const textNumber: Rule = {
  id: declaration.id,
  run(ctx: RuleContext): Finding[] {
    const findings: Finding[] = [];
    for (const i of scanCells(ctx).texts) {
      const info = ctx.infoAt(i);
      const f = ctx.fieldAt(i);
      if (f.measure === "rank") continue;
      const raw = ctx.rawAt(i);
      if (typeof raw !== "string") {
        const kind = raw instanceof Date ? "date" : typeof raw === "boolean" ? "logical" : null;
        if (kind) findings.push(unreadable(ctx, info, i, kind, null));
        continue;
      }
      const p = ctx.parsedAt(i);
      if (p.kind === "not-a-number") {
        if (RATE_MEASURES.has(f.measure) && RATE_WORDS.has(raw.trim())) continue;
        findings.push(unreadable(ctx, info, i, "not-a-number", p.message));
        continue;
      }
      if (p.kind !== "number" || !p.fromText) continue;
      const readAs = readValue(ctx, i, p);
      if (readAs === null) {
        findings.push(unreadable(ctx, info, i, "unit-mismatch", null));
        continue;
      }
      const details: Details = { rule: "text-number", kind: "read", readAs: readAs.readAs, approximate: p.approximate };
      findings.push(
        ctx.finding({
          rule: "text-number",
          severity: "info",
          at: f,
          record: info,
          indicator: f.indicator,
          expected: { kind: "figure", value: readAs.value },
          details,
          message: message(ctx.subject(f, info, f), details, rawText(raw), null),
        }),
      );
    }
    return findings;
  },
};

/** 强制性: a figure the tool cannot read in this column. */
function unreadable(
  ctx: RuleContext,
  info: Parameters<RuleContext["subject"]>[1],
  i: number,
  kind: Exclude<Details["kind"], "read">,
  why: Bilingual | null,
): Finding {
  const details: Details = { rule: "text-number", kind, readAs: null, approximate: false };
  const f = ctx.fieldAt(i);
  const message_ = message(ctx.subject(f, info, f), details, rawText(ctx.rawAt(i)), why);
  return ctx.finding({ rule: "text-number", severity: "error", at: f, record: info, indicator: f.indicator, details, message: message_ });
}

/** How the figure is read in this column, in the column's own unit; null when it cannot be read there. */
function readValue(ctx: RuleContext, i: number, p: ParsedNumber): { value: number; readAs: ReadAs } | null {
  const f = ctx.fieldAt(i);
  const kind = DEF[f.indicator].kind;
  if (RATE_MEASURES.has(f.measure) || kind === "rate") {
    if (p.unit === "个百分点") return { value: p.value, readAs: { kind: "rate", value: p.value, unit: "个百分点" } };
    const readAs: ReadAs = p.percent
      ? { kind: "rate", value: round(p.value * 100), unit: "%" }
      : { kind: "rate", value: p.value, unit: "" };
    return { value: p.value, readAs };
  }
  const amount = ctx.amountAt(i);
  if (amount === null) return null;
  // Finding.expected is in the column's unit, like the value a clerk should type there.
  return { value: ctx.inColumnUnit(f, amount), readAs: { kind: "quantity", quantity: quantityOf(ctx, f, amount) } };
}

function round(x: number): number {
  return Number(x.toPrecision(12));
}
