import { Bilingual, bi } from "../i18n";
import { NotNumberReason, ParsedNotNumber } from "./types";

const REASONS: Readonly<Record<NotNumberReason, Bilingual>> = {
  "no-digits": bi("不含数字", "no digits"),
  "bad-separators": bi("千位分隔符位置不对", "misplaced thousands separators"),
  "trailing-text": bi("含多余文字", "extra text"),
  "several-numbers": bi("含多个数字", "more than one number"),
  boolean: bi("是逻辑值", "a logical value"),
  date: bi("是日期", "a date"),
  "non-finite": bi("不是有限数值", "not a finite number"),
  "unknown-unit": bi("无法识别的单位", "unknown unit"),
};

/** Long cells (a pasted sentence) would swamp a review list; the full text stays in ParsedNotNumber.text. */
const QUOTE_LIMIT = 40;

function quote(text: string): string {
  const shown = text.length > QUOTE_LIMIT ? `${text.slice(0, QUOTE_LIMIT - 1)}…` : text;
  return `"${shown}"`;
}

/** `detail` names the offending part (the unknown unit, the extra text) when it is smaller than the whole cell. */
export function notANumber(reason: NotNumberReason, text: string, detail?: string): ParsedNotNumber {
  const why = REASONS[reason];
  const named = detail === undefined || detail === text ? "" : quote(detail);
  return {
    kind: "not-a-number",
    reason,
    text,
    message: bi(
      `无法识别的数值：${quote(text)}（${why.zh}${named}）`,
      `Not a number: ${quote(text)} (${why.en}${named === "" ? "" : ` ${named}`})`,
    ),
  };
}
