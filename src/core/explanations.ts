import { Finding } from "./findings";
import { Bilingual } from "./i18n";

/**
 * 核实说明: a verify finding is settled by a written explanation from the submitter. Explanations are stored in
 * the workbook (they travel with the file to the city bureau) and keyed by sheet, cell and rule, so they survive a
 * re-check as long as the finding is still there.
 */
export interface Explanation {
  sheet: string;
  cell: string | null;
  rule: string;
  text: string;
  author?: string;
  date?: string;
}

export function explanationKey(e: { sheet: string; cell: string | null; rule: string }): string {
  return `${e.sheet}\u0000${e.cell ?? ""}\u0000${e.rule}`;
}

/**
 * Phrases that say nothing: review practice does not accept "核实无误" (or "数据无误", "已核实", "OK") as an
 * explanation. Compared after removing spaces and punctuation, so "核实无误。" is refused too.
 */
const EMPTY_PHRASES = ["核实无误", "经核实无误", "已核实", "已核实无误", "数据无误", "数据准确", "无误", "属实", "正确", "ok", "确认", "已确认", "没问题", "无问题"];

export type ExplanationCheck = { ok: true; text: string } | { ok: false; message: Bilingual };

export function checkExplanation(text: string): ExplanationCheck {
  const trimmed = text.trim();
  const bare = trimmed.replace(/[\s\p{P}]/gu, "").toLowerCase();
  if (bare === "") return { ok: false, message: { zh: "请填写核实说明", en: "Please write an explanation" } };
  if (EMPTY_PHRASES.includes(bare)) {
    return {
      ok: false,
      message: {
        zh: `“${trimmed}”不能作为核实说明：请写明数据为什么是对的（例如口径、来源、特殊项目）`,
        en: `"${trimmed}" is not an explanation: say why the figure is right (scope, source, a particular project)`,
      },
    };
  }
  if (bare.length < 4) {
    return { ok: false, message: { zh: "核实说明太短，请写明原因", en: "The explanation is too short: give the reason" } };
  }
  return { ok: true, text: trimmed };
}

export interface ExplainedFinding extends Finding {
  /** The explanation of a verify finding, when one is stored; such a finding is "explained", not open. */
  explanation?: Explanation;
}

/** Attaches stored explanations to the verify findings they answer; others are returned unchanged. */
export function attachExplanations(findings: readonly Finding[], explanations: readonly Explanation[]): ExplainedFinding[] {
  const byKey = new Map(explanations.map((e) => [explanationKey(e), e]));
  return findings.map((f) => {
    if (f.severity !== "verify") return f;
    const e = byKey.get(explanationKey(f));
    return e && checkExplanation(e.text).ok ? { ...f, explanation: e } : f;
  });
}

/** Replaces or adds one explanation (same sheet, cell and rule → replaced). */
export function upsertExplanation(list: readonly Explanation[], next: Explanation): Explanation[] {
  const key = explanationKey(next);
  return [...list.filter((e) => explanationKey(e) !== key), next];
}
