import { Finding } from "../../findings";
import { Bilingual } from "../../i18n";
import * as codes from "./codes";
import { RuleContext } from "../context";

const { IS_RATE, M } = codes;

/**
 * What a results sheet with no months in its period loses, said once as a 提示 instead of silently: without the
 * months (a title "2022年招商引资完成情况表" names only the year) there is no 时序进度, so no completion can be
 * compared with it and no printed 超（欠）时序进度 can be checked. Nothing is said when the sheet has nothing that
 * needs the months (a targets-only sheet, a sheet without targets or completion rates).
 */
export function periodUnknownNote(ctx: RuleContext): Finding[] {
  const t = ctx.table;
  const indicators = new Set<number>();
  let pace = false;
  for (let i = 0; i < t.n; i++) {
    const m = t.measure[i];
    if (m === M.pace && ctx.numberAt(i) !== null) pace = true;
    if (IS_RATE[t.indicator[i]]) continue;
    const completion = m === M.completion && ctx.numberAt(i) !== null;
    const computed = m === M.current && ctx.numberAt(i) !== null && (ctx.targetAt(i) ?? 0) > 0;
    if (completion || computed) indicators.add(t.indicator[i]);
  }
  if (indicators.size === 0 && !pace) return [];

  const title = ctx.model.title?.text ?? "";
  const details: PeriodUnknownDetails = {
    rule: "behind-schedule",
    kind: "period-unknown",
    yearKnown: (ctx.period?.year ?? null) !== null || /(?:19|20)\d{2}\s*年/.test(title),
    completion: indicators.size > 0,
    pace,
  };
  return [
    ctx.finding({
      rule: "behind-schedule",
      severity: "info",
      at: null,
      details,
      message: periodUnknownMessage(ctx.subject(null), details),
    }),
  ];
}

/** behind-schedule's note for a sheet whose period has no months: what could not be checked. */
export interface PeriodUnknownDetails {
  rule: "behind-schedule";
  kind: "period-unknown";
  /** The title or settings name a year (only the months are missing). */
  yearKnown: boolean;
  /** What was not checked: completion against time progress, the printed 超（欠）时序进度 figures. */
  completion: boolean;
  pace: boolean;
}

function periodUnknownMessage(s: Bilingual, d: PeriodUnknownDetails): Bilingual {
  const why = d.yearKnown
    ? {
        zh: `标题只写了年份，没有写月份（如“1-6月”）`,
        en: "the title names the year but no months (such as 1-6月)",
      }
    : { zh: "标题和表注中没有统计期间（如“2022年1-6月”）", en: "neither the title nor a note gives the period (such as 2022年1-6月)" };
  const skipped = {
    zh: [d.completion ? "各单位完成率是否落后序时进度" : "", d.pace ? "“超（欠）时序进度”列的数值" : ""]
      .filter((x) => x !== "")
      .join("，以及"),
    en: [d.completion ? "whether completion rates are behind time progress" : "", d.pace ? "the figures of the pace column" : ""]
      .filter((x) => x !== "")
      .join(", nor "),
  };
  return {
    zh: `${s.zh}${why.zh}，时序进度无法确定，未检查${skipped.zh}。请在标题或表注中写明统计期间，或在“期间”设置（zs-check --period）中指定。`,
    en: `${s.en}: ${why.en}, so time progress is unknown and this was not checked: ${skipped.en}. Write the period in the title or a note, or set it (zs-check --period).`,
  };
}
