import { Finding } from "../findings";
import { ParsedNumber } from "../numbers";
import { FieldRef, Measure } from "../sheet/types";
import { RuleContext } from "./context";
import { DEF } from "./defs";
import { rawText } from "./format";
import { Rule } from "./rule";
import { scanCells } from "./scan";
import { declareRule } from "./declaration";

/** Columns holding a rate or a comparison, where statisticians write a word instead of a misleading number. */
const RATE_MEASURES: ReadonlySet<Measure> = new Set<Measure>(["yoy", "pace", "completion", "share", "rate"]);
/** 新增 (base 0), 扭亏/减亏/增亏 (negative base), 持平, 无目标 …: the wording domain.md asks for, not a typo. */
const RATE_WORDS: ReadonlySet<string> = new Set(["新增", "扭亏", "减亏", "增亏", "持平", "无目标", "不适用", "不计算"]);

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
      const raw = ctx.raw(f);
      if (typeof raw !== "string") {
        const what = raw instanceof Date ? { zh: "是日期", en: "a date" } : typeof raw === "boolean" ? { zh: "是逻辑值", en: "a logical value" } : null;
        if (what) findings.push(unreadable(ctx, info, f, (s) => ({ zh: `${s.zh}${what.zh}，不是数值，请改为数值。`, en: `${s.en} is ${what.en}, not a number; enter a number.` })));
        continue;
      }
      const p = ctx.parsed(f);
      if (p.kind === "not-a-number") {
        if (RATE_MEASURES.has(f.measure) && RATE_WORDS.has(raw.trim())) continue;
        findings.push(unreadable(ctx, info, f, (s) => ({ zh: `${s.zh}：${p.message.zh}，请改为数值。`, en: `${s.en}: ${p.message.en}; enter a number.` })));
        continue;
      }
      if (p.kind !== "number" || !p.fromText) continue;
      const readAs = readValue(ctx, f, p);
      const s = ctx.subject(f, info, f);
      const w = rawText(raw);
      if (readAs === null) {
        findings.push(
          unreadable(ctx, info, f, () => ({
            zh: `${s.zh}填报${w.zh}，其单位与本列不符，无法按本列读取，请改为本列单位的数值。`,
            en: `${s.en} reads ${w.en}, whose unit does not fit the column; enter a number in the column's unit.`,
          })),
        );
        continue;
      }
      const approx = p.approximate ? { zh: "（约数）", en: " (an approximation)" } : { zh: "", en: "" };
      findings.push(
        ctx.finding({
          rule: "text-number",
          severity: "info",
          at: f,
          record: info,
          indicator: f.indicator,
          expected: { kind: "figure", value: readAs.value },
          message: {
            zh: `${s.zh}以文本填报${w.zh}，已按${readAs.text.zh}读取${approx.zh}；Excel的SUM等函数会跳过文本，合计可能漏计，建议改为数值。`,
            en: `${s.en} is text ${w.en}, read as ${readAs.text.en}${approx.en}; Excel's SUM skips text, so totals may leave it out — enter it as a number.`,
          },
        }),
      );
    }
    return findings;
  },
};

/** 强制性: a figure the tool cannot read in this column; `message` words it from the cell's subject. */
function unreadable(
  ctx: RuleContext,
  info: Parameters<RuleContext["subject"]>[1],
  f: FieldRef,
  message: (subject: { zh: string; en: string }) => { zh: string; en: string },
): Finding {
  return ctx.finding({ rule: "text-number", severity: "error", at: f, record: info, indicator: f.indicator, message: message(ctx.subject(f, info, f)) });
}

/** How the figure is read in this column, in the column's own unit; null when it cannot be read there. */
function readValue(
  ctx: RuleContext,
  f: FieldRef,
  p: ParsedNumber,
): { value: number; text: { zh: string; en: string } } | null {
  const kind = DEF[f.indicator].kind;
  if (RATE_MEASURES.has(f.measure) || kind === "rate") {
    if (p.unit === "个百分点")
      return { value: p.value, text: { zh: `${p.value}个百分点`, en: `${p.value} percentage points` } };
    const shown = p.percent ? `${round(p.value * 100)}%` : String(p.value);
    return { value: p.value, text: { zh: shown, en: shown } };
  }
  const amount = ctx.amount(f);
  if (amount === null) return null;
  // Finding.expected is in the column's unit, like the value a clerk should type there.
  return { value: ctx.inColumnUnit(f, amount), text: ctx.display(f, amount) };
}

function round(x: number): number {
  return Number(x.toPrecision(12));
}
