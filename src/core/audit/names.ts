import { INDICATORS, IndicatorId } from "../catalog";
import { FieldFn } from "./ast";

/**
 * Names of the rule language. Indicators are named as the catalog knows them, its header synonyms included
 * (合同额 = 正式合同额, 工业正式合同额 = 工业合同额), so that a rule reads like the sheets the city sends out.
 */

const BY_NAME = new Map<string, IndicatorId>();
for (const def of INDICATORS) {
  for (const word of [def.name.zh, ...def.synonyms]) {
    const key = compact(word);
    // The first indicator to claim a word keeps it: the catalog lists wholes before their parts.
    if (!BY_NAME.has(key)) BY_NAME.set(key, def.id);
  }
}

function compact(text: string): string {
  return text.replace(/\s+/g, "");
}

export function indicatorNamed(name: string): IndicatorId | null {
  return BY_NAME.get(compact(name)) ?? null;
}

/** Functions of one indicator: 同比(到位资金) … */
export const FIELD_FUNCTIONS: Readonly<Record<string, FieldFn>> = {
  同比: "yoy",
  完成率: "completion",
  年度目标: "target",
  上年同期: "lastYear",
  上期: "previous",
};

/** 时序进度 as statisticians write it; 序时进度 is the common variant of the same word. */
export const TIME_PROGRESS_NAMES: ReadonlySet<string> = new Set(["时序进度", "序时进度"]);

export const ABS_NAMES: ReadonlySet<string> = new Set(["abs", "ABS", "Abs", "绝对值"]);

/** A few names of the catalog, for the message about a name it does not know. */
export function someIndicatorNames(): string[] {
  return INDICATORS.slice(0, 8).map((d) => d.name.zh);
}
