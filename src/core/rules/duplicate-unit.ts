import { Finding } from "../findings";
import { Bilingual } from "../i18n";
import { RecordInfo, RuleContext } from "./context";
import { Rule } from "./rule";
import { declareRule } from "./declaration";

/**
 * A unit listed more often than this names the first few other rows and counts the rest: a reviewer needs to see
 * that rows repeat and where, not a list of thousands.
 */
const MAX_NAMED = 10;

interface Group {
  rows: RecordInfo[];
  /** What every row past the first MAX_NAMED + 1 says about the others (they all name the same first rows). */
  shared: Named | null;
  tails: Map<string, Bilingual>;
  seen: number;
}

interface Named {
  /** Frozen: shared by every finding of the group's later rows, so none may change them. */
  others: Details["others"];
  cells: readonly string[];
}

/** What a duplicate-unit finding states. */
export interface Details {
  rule: "duplicate-unit";
  /** The row's label as written, and the unit it names (渝北 → 渝北区). */
  label: string;
  unit: string;
  /** The other rows of the same unit (at most MAX_NAMED): their label cells and labels as written. */
  others: readonly { cell: string; label: string }[];
  /** How many more rows repeat the unit beyond `others`. */
  more: number;
}

/** Everything after "工作表“汇总”A7": the same for every row of a group with the same label. */
export function message(d: Details): Bilingual {
  const zh = d.others.map((o) => `${o.cell}“${o.label}”`).join("、");
  const en = d.others.map((o) => `${o.cell} "${o.label}"`).join(", ");
  return {
    zh: `：单位“${d.label}”与${zh}${d.more > 0 ? `等另${d.more}处` : ""}重复（均为${d.unit}），同一单位只能填报一行，请删除或合并。`,
    en: `: unit "${d.label}" duplicates ${en}${d.more > 0 ? ` and ${d.more} more` : ""} (all ${d.unit}); a unit may appear only once — delete or merge the rows.`,
  };
}

export const declaration = declareRule({
  id: "duplicate-unit",
  name: { zh: "单位重复", en: "Duplicate unit" },
  severities: ["error"],
  settings: ["preset", "year"],
  description: {
    zh: "同一单位出现两次（渝北、渝北区、“渝北区 ”视为同一单位），每行都报告并指出另一行；无法判断哪一行是该单位，所以这几行都不按目标表核算完成率，不产生连带问题",
    en: "The same unit on two rows (渝北, 渝北区 and \"渝北区 \" are one unit): each row is reported and names the others; none of them is looked up in a targets table, so no follow-on findings.",
  },
});

/**
 * 强制性: a unit appears twice. Labels are compared after resolution (渝北, 渝北区 and "渝北区 " are one unit;
 * 开县 and 开州区 too), unknown labels after removing spaces. Each row is reported and names the others
 * (related = their cells), since the submitter has to decide which one to keep.
 *
 * A sheet can repeat units by the thousand (a pasted block, a 100,000-row export): every row past the first
 * MAX_NAMED + 1 names the same first rows, so that part of the finding is built once per group and shared.
 * Findings are produced in sheet order, which the engine's sort then only has to confirm.
 */
export const duplicateUnit: Rule = {
  id: declaration.id,
  run(ctx: RuleContext): Finding[] {
    // The kit marked the rows whose key repeats while indexing the records: a clean sheet builds no map at all.
    // First sighting of each key only; a group from the second one on.
    const first = new Map<string, RecordInfo>();
    const groups = new Map<string, Group>();
    for (const info of ctx.units) {
      if (!info.duplicated) continue;
      const seen = first.get(info.key);
      if (seen === undefined) first.set(info.key, info);
      else {
        const group = groups.get(info.key);
        if (group === undefined) groups.set(info.key, { rows: [seen, info], shared: null, tails: new Map(), seen: 0 });
        else group.rows.push(info);
      }
    }
    const findings: Finding[] = [];
    if (groups.size === 0) return findings;
    for (const info of ctx.units) {
      const group = info.duplicated ? groups.get(info.key) : undefined;
      if (group === undefined) continue;
      const i = group.seen++;
      const label = info.record.label;
      let named: Named;
      let tail: Bilingual | undefined;
      let details: Details;
      if (i <= MAX_NAMED) {
        named = describe(
          ctx,
          group.rows.slice(0, MAX_NAMED + 1).filter((o) => o !== info),
        );
        details = { rule: "duplicate-unit", label, unit: info.name, others: named.others, more: group.rows.length - 1 - named.others.length };
        tail = message(details);
      } else {
        named = group.shared ??= describe(ctx, group.rows.slice(0, MAX_NAMED));
        details = { rule: "duplicate-unit", label, unit: info.name, others: named.others, more: group.rows.length - 1 - named.others.length };
        tail = group.tails.get(label);
        if (tail === undefined) group.tails.set(label, (tail = message(details)));
      }
      const s = ctx.subject(info.record.labelCell, null);
      const f = ctx.finding({
        rule: "duplicate-unit",
        severity: "error",
        at: info.record.labelCell,
        record: info,
        details,
        message: { zh: s.zh + tail.zh, en: s.en + tail.en },
      });
      if (named.cells.length > 0) f.related = named.cells as string[];
      findings.push(f);
    }
    return findings;
  },
};

function describe(ctx: RuleContext, others: readonly RecordInfo[]): Named {
  const cells: string[] = [];
  const named: { cell: string; label: string }[] = [];
  for (const o of others) {
    const cell = o.record.labelCell ? ctx.cell(o.record.labelCell) : "";
    if (cell !== "") cells.push(cell);
    named.push({ cell, label: o.record.label });
  }
  return { others: Object.freeze(named), cells: Object.freeze(cells) };
}
