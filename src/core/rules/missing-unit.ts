import { Finding } from "../findings";
import { Bilingual } from "../i18n";
import { UnitRecord } from "../units";
import { RuleContext } from "./context";
import { Rule } from "./rule";
import { declareRule } from "./declaration";

/** Words that make a table the whole city's: its title or its total row says so. */
const CITY_WIDE = /全市|全省|全区县|各区县|各区\(县\)|各区（县）/;

/** At most this many names are spelt out in a note about what was checked; the rest are counted. */
const NAMED_CHECKED = 12;

function nameList(names: readonly string[], limit = Infinity): Bilingual {
  if (names.length <= limit) return { zh: names.join("、"), en: names.join(", ") };
  const shown = names.slice(0, limit);
  return {
    zh: `${shown.join("、")}等${names.length}个`,
    en: `${shown.join(", ")} and ${names.length - limit} more`,
  };
}

/** What a missing-unit finding states. */
export interface Details {
  rule: "missing-unit";
  /**
   * How the table was read: the whole city's (absent units must be added), a partial table (absent units are not
   * treated as missing), or only the units listed, as set (config.onlyPresentUnits).
   */
  scope: "city-wide" | "partial" | "only-present";
  /** The units of the period's list absent from the table, in the list's order. */
  missing: string[];
  /** The units the table lists (official names where resolved), in sheet order. */
  checked: string[];
  /** The unit list checked against: its preset id and name. */
  preset: string;
  presetName: Bilingual;
}

function message(s: Bilingual, d: Details): Bilingual {
  const { missing, checked } = d;
  const preset = d.presetName;
  const absent = nameList(missing);
  if (d.scope === "only-present") {
    return {
      zh: `${s.zh}按设置只校验表中列出的${checked.length}个单位；名单中另有${missing.length}个单位未列出，未作缺报处理：${absent.zh}。对照名单：${preset.zh}。`,
      en: `${s.en}: as set, only the ${checked.length} units listed were checked; ${missing.length} units of the list are not listed and were not treated as missing: ${absent.en}. List: ${preset.en}.`,
    };
  }
  if (d.scope === "city-wide") {
    const zh =
      missing.length === 1
        ? `${s.zh}缺少统计单位“${missing[0]}”，请补充该单位的数据行。对照名单：${preset.zh}。`
        : `${s.zh}缺少${missing.length}个统计单位：${absent.zh}，请补充这些单位的数据行。对照名单：${preset.zh}。`;
    const en =
      missing.length === 1
        ? `${s.en} has no row for ${missing[0]}; add the unit's row. List: ${preset.en}.`
        : `${s.en} has no rows for ${missing.length} units: ${absent.en}; add their rows. List: ${preset.en}.`;
    return { zh, en };
  }
  const listed = nameList(checked, NAMED_CHECKED);
  return {
    zh: `${s.zh}只列出${checked.length}个单位（${listed.zh}），按部分单位表校验；名单中其余${missing.length}个单位未列出，未作缺报处理。如为全市汇总表，请补齐各单位。对照名单：${preset.zh}。`,
    en: `${s.en} lists only ${checked.length} units (${listed.en}) and was checked as a partial table; the other ${missing.length} units of the list are not listed and were not treated as missing. If it is the city-wide table, add their rows. List: ${preset.en}.`,
  };
}

export const declaration = declareRule({
  id: "missing-unit",
  name: { zh: "缺少单位", en: "Missing unit" },
  severities: ["error", "info"],
  settings: ["preset", "year", "onlyPresentUnits"],
  description: {
    zh: "该期间名单中的单位在表中缺失，合为一条并列出缺少的单位：全市表（标题或合计行写“全市”，或列出至少一半单位）为强制性；明显只含部分单位的表（片区表、几个区县）为提示性，写明检查了哪些单位；`--only-present` / “只校验表中列出的单位”时为提示性",
    en: "Units of the period's list absent from the table, as one finding listing them: an error on a city-wide table (its title or total row says 全市, or it lists at least half the units), info on a partial table or with `--only-present`.",
  },
});

/**
 * Coverage of the period's unit list, as ONE finding (a sheet of 3 districts would otherwise get 38 separate
 * errors that bury the real findings). Its level follows what the table is:
 * - a whole-city table (its title or total row names 全市/各区县, or it lists at least half the units) that leaves
 *   units out: 强制性, listing them;
 * - a table that is clearly a subset (one 片区, a few districts checked against a targets sheet): 提示性, naming
 *   what was checked and saying the others are not treated as missing;
 * - config.onlyPresentUnits (zs-check --only-present, the pane's setting): only the units present are checked;
 *   a 提示性 note still says how many were left out, so nothing passes silently.
 * A single district's form (transposed, or one unit row without a total) is not expected to list every unit.
 * A unit that an unknown label most likely means (壁山区 for 璧山区) is not reported again: the unknown-unit
 * finding already names it, and fixing the typo fixes both.
 */
export const missingUnit: Rule = {
  id: declaration.id,
  run(ctx: RuleContext): Finding[] {
    if (ctx.model.layout !== "table") return [];
    if (ctx.units.length < 2 && ctx.totals.length === 0) return [];
    let expected;
    let positions;
    try {
      expected = ctx.registry.unitsOf(ctx.preset.id);
      positions = ctx.registry.positionsIn(ctx.preset.id);
    } catch {
      return [];
    }
    // Positions in the list are marked, not codes collected: on a 100,000-row table a set of every code met was
    // the costliest step of the whole check.
    const present = new Uint8Array(expected.length);
    let covered = 0;
    const mark = (unit: UnitRecord): void => {
      // A suggestion the reader took from another registry is that registry's record: matched by code.
      let k = positions.get(unit);
      if (k === undefined) {
        const own = ctx.registry.byCode(unit.code);
        if (own !== undefined) k = positions.get(own);
      }
      if (k !== undefined && present[k] === 0) {
        present[k] = 1;
        covered++;
      }
    };
    for (const info of ctx.units) {
      if (info.unit !== null) mark(info.unit);
      if (info.likely !== null) mark(info.likely);
    }
    if (covered === expected.length) return [];
    const missing = expected.filter((_, k) => present[k] === 0).map((u) => u.name);
    // A Set, not an array searched per row: a 100,000-row table would make this quadratic.
    const checked = [...new Set(ctx.units.map((info) => info.name))];
    const scope: Details["scope"] = ctx.config.onlyPresentUnits
      ? "only-present"
      : isCityWide(ctx, covered, expected.length)
        ? "city-wide"
        : "partial";
    const details: Details = {
      rule: "missing-unit",
      scope,
      missing,
      checked,
      preset: ctx.preset.id,
      presetName: ctx.preset.name,
    };
    return [
      ctx.finding({
        rule: "missing-unit",
        severity: scope === "city-wide" ? "error" : "info",
        at: null,
        unit: missing.length === 1 ? missing[0] : null,
        details,
        message: message(ctx.subject(null), details),
      }),
    ];
  },
};

/** A whole-city table: the title or a total row names the city, or at least half the units are there. */
function isCityWide(ctx: RuleContext, covered: number, expected: number): boolean {
  if (covered * 2 >= expected) return true;
  if (ctx.model.title !== null && CITY_WIDE.test(ctx.model.title.text)) return true;
  return ctx.totals.some((t) => CITY_WIDE.test(t.record.label));
}
