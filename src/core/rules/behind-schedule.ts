import { Finding } from "../findings";
import { Bilingual } from "../i18n";
import { completion, pace } from "../indicators";
import * as codes from "./helpers/codes";
import { RuleContext } from "./context";
import { fixed, pointsText } from "./helpers/format";
import { readPercentInColumn } from "./helpers/percent-scale";
import { PeriodUnknownDetails, periodUnknownNote } from "./helpers/period-unknown";
import { clean } from "./quantity";
import { Rule } from "./rule";
import { detectUnitSlips } from "./unit-slip";
import { declareRule } from "./declaration";

// Imported bindings are property getters under the CommonJS transform (jest, tsx): hot loops read local copies.
const { IS_RATE, M } = codes;

/** What a behind-schedule finding states: a completion behind time progress, or the note that months are unknown. */
export type Details = BehindDetails | PeriodUnknownDetails;

export interface BehindDetails {
  rule: "behind-schedule";
  kind: "behind";
  /** Completion and time progress in % (42.1 for 42.1%), and how far behind in 个百分点. */
  completion: number;
  timeProgress: number;
  gap: number;
  /** The completion is ours (本期 ÷ a target from another table), not a printed 完成率. */
  computed: boolean;
  /** The thresholds in 个百分点 (config.thresholds.behindScheduleInfo / …Verify). */
  infoThreshold: number;
  verifyThreshold: number;
}

function message(s: Bilingual, d: BehindDetails, verify: boolean): Bilingual {
  const rate = d.computed
    ? { zh: "按年度目标计算的完成率", en: "completion computed from the annual target" }
    : { zh: "完成率", en: "completion" };
  const g = pointsText(d.gap, 1);
  const c = fixed(d.completion, 1);
  const p = fixed(d.timeProgress, 1);
  return {
    zh: `${s.zh}：${rate.zh}${c}%，低于时序进度${p}%，欠${g.zh}${verify ? "，差距较大，请说明原因" : ""}。`,
    en: `${s.en}: ${rate.en} ${c}% is behind time progress ${p}% by ${g.en}${verify ? "; the gap is large — explain why" : ""}.`,
  };
}

export const declaration = declareRule({
  id: "behind-schedule",
  name: { zh: "落后时序进度", en: "Behind schedule" },
  severities: ["verify", "info"],
  settings: ["months", "year", "thresholds.behindScheduleInfo", "thresholds.behindScheduleVerify"],
  description: {
    zh: "落后时序进度：完成率低于时序进度超过 5 个百分点为提示，超过 20 个百分点为核实（阈值可设）；没有完成率列、按另表目标计算时称“按年度目标计算的完成率”；期间没有月份（标题只写年份）的成果表给出一条提示，说明未检查的内容",
    en: "Completion below time progress by more than 5 percentage points is info, by more than 20 verify (thresholds can be set); a results sheet whose period has no months gets one note saying what was not checked.",
  },
});

/**
 * 提示性 (核实性 past config.thresholds.behindScheduleVerify): completion of the annual target behind 时序进度
 * (months ÷ 12, so 1–6月 = 50%) by more than config.thresholds.behindScheduleInfo 百分点. Completion is computed
 * from 本期 and the target when both are there (unrounded, as bulletins do), else read from the printed 完成率.
 * Needs the period's months; a sheet whose months are unknown gets one 提示 saying what was not checked.
 */
export const behindSchedule: Rule = {
  id: declaration.id,
  run(ctx: RuleContext): Finding[] {
    const progress = ctx.timeProgress;
    if (progress === null) return periodUnknownNote(ctx);
    const { behindScheduleInfo, behindScheduleVerify } = ctx.config.thresholds;
    const findings: Finding[] = [];
    const slips = detectUnitSlips(ctx);
    const t = ctx.table;
    for (let i = 0; i < t.n; i++) {
      const m = t.measure[i];
      const ind = t.indicator[i];
      // One check per indicator: at its 本期, or at its printed 完成率 when the row has no 本期.
      if (m === M.completion) {
        if (ctx.sibling(i, ind, M.current) >= 0) continue;
      } else if (m !== M.current || IS_RATE[ind]) continue;
      const c = completionOf(ctx, i, slips);
      // A negative completion comes from a negative figure (negative-value, 强制性) and a slipped one from a unit
      // slip: those findings say what is wrong; "behind schedule" would only repeat them.
      if (c === null || c < 0) continue;
      // Behind schedule is a negative 超时序进度, in 百分点.
      const gap = -pace(c, progress);
      if (!(gap > behindScheduleInfo + 1e-9)) continue;
      const completion = ctx.sibling(i, ind, M.completion);
      const at = ctx.fieldAt(completion >= 0 ? completion : i);
      const info = ctx.infoAt(i);
      const verify = gap > behindScheduleVerify + 1e-9;
      // Without a 完成率 column (targets from another sheet) the rate is ours: named as computed, at the 本期 cell,
      // never as a column the sheet does not have.
      const computed = completion < 0;
      const s = ctx.subject(at, info, { indicator: at.indicator, measure: computed ? "current" : "completion" });
      const details: BehindDetails = {
        rule: "behind-schedule",
        kind: "behind",
        completion: clean(c * 100),
        timeProgress: clean(progress * 100),
        gap: clean(gap),
        computed,
        infoThreshold: behindScheduleInfo,
        verifyThreshold: behindScheduleVerify,
      };
      findings.push(
        ctx.finding({
          rule: "behind-schedule",
          severity: verify ? "verify" : "info",
          at,
          record: info,
          indicator: at.indicator,
          expected: { kind: "at-least", min: Number(fixed(progress * 100 - behindScheduleInfo, 1)), percent: true },
          details,
          message: message(s, details, verify),
        }),
      );
    }
    return findings;
  },
};

/** Completion as a fraction: 本期 ÷ target when the row has both, else the printed 完成率; null when neither. */
function completionOf(ctx: RuleContext, i: number, slips: ReadonlyMap<number, unknown>): number | null {
  const t = ctx.table;
  const ind = t.indicator[i];
  const current = t.measure[i] === M.current ? i : ctx.sibling(i, ind, M.current);
  if (current >= 0) {
    if (slips.size > 0 && (slips.has(current) || slips.has(ctx.sibling(current, ind, M.target)))) return null;
    const a = ctx.amountAt(current);
    const target = ctx.targetAt(current);
    if (a !== null && target !== null) {
      const rate = completion(a, target);
      if (rate.ok) return rate.value;
    }
  }
  const printed = t.measure[i] === M.completion ? i : ctx.sibling(i, ind, M.completion);
  if (printed < 0 || ctx.numberAt(printed) === null) return null;
  return readPercentInColumn(ctx, printed)?.fraction ?? null;
}
