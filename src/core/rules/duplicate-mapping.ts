import { IndicatorId } from "../catalog";
import { Finding } from "../findings";
import { Bilingual } from "../i18n";
import { CellPos, Measure } from "../sheet/types";
import { RuleContext } from "./context";
import { DEF } from "./helpers/defs";
import { fieldName } from "./helpers/format";
import { Rule } from "./rule";
import { declareRule } from "./declaration";

interface Place {
  /** The header cell (table) or label cell (transposed form) the user corrects. */
  at: CellPos;
  /** Row number or column letters as the user sees them: "6", "E". */
  line: string;
  text: string;
}

/** What a duplicate-mapping finding states. */
export interface Details {
  rule: "duplicate-mapping";
  /** Rows of a one-unit form, or columns of a table. */
  axis: "row" | "column";
  /** What both were read as: the indicator is Finding.indicator; the measure is null for a form's rows. */
  measure: Measure | null;
  /** This row's label or column's header (merged parents joined by " / "). */
  header: string;
  /** The row number ("6") or column letters ("E") that is checked, and its label or header. */
  first: { line: string; header: string };
  /** This row's number or column's letters. */
  line: string;
}

function place(axis: Details["axis"], line: string): Bilingual {
  return axis === "row" ? { zh: `第${line}行`, en: `row ${line}` } : { zh: `${line}列`, en: `column ${line}` };
}

function message(s: Bilingual, indicator: IndicatorId, d: Details): Bilingual {
  const what = d.measure === null ? DEF[indicator].name : fieldName(indicator, d.measure);
  const section = d.axis === "row" ? { zh: "行识别", en: "Rows" } : { zh: "列识别", en: "Columns" };
  const self = d.axis === "row" ? { zh: "本行", en: "this row" } : { zh: "本列", en: "this column" };
  const first = place(d.axis, d.first.line);
  return {
    zh: `${s.zh}：“${d.header}”与${first.zh}“${d.first.header}”都被识别为“${what.zh}”，只有${first.zh}参与校验，${self.zh}数据未经校验；请在“${section.zh}”中为${self.zh}指定指标。`,
    en: `${s.en}: “${d.header}” and ${first.en} (“${d.first.header}”) were both read as “${what.en}”; only ${first.en} is checked, ${self.en} is not — set ${self.en}'s indicator under “${section.en}”.`,
  };
}

export const declaration = declareRule({
  id: "duplicate-mapping",
  name: { zh: "指标重复识别", en: "Indicator read twice" },
  severities: ["verify"],
  settings: ["mapping"],
  description: {
    zh: "两行（单表）或两列（汇总表）识别为同一指标和数据项：只有第一行（列）参与校验，其余在“行识别/列识别”中指定指标",
    en: "Two rows (a one-unit form) or two columns (a table) read as the same indicator and measure: only the first is checked until the user maps the other.",
  },
});

/**
 * 核实性: two rows (a one-district form) or two columns (a table) read as the same indicator and measure. Rules
 * can use only one of them, so the other one's figures would go unchecked; the user says what the later one is
 * (列识别 / 行识别 in the pane and the page) or confirms it is a repeat. Reported at every later row or column,
 * naming the first one.
 */
export const duplicateMapping: Rule = {
  id: declaration.id,
  run(ctx: RuleContext): Finding[] {
    const groups = ctx.model.layout === "transposed" ? rowGroups(ctx) : columnGroups(ctx);
    const findings: Finding[] = [];
    for (const { indicator, measure, places, axis } of groups) {
      const [first, ...later] = places;
      for (const p of later) {
        const s = ctx.subject(p.at, null, null);
        const details: Details = {
          rule: "duplicate-mapping",
          axis,
          measure,
          header: p.text,
          first: { line: first.line, header: first.text },
          line: p.line,
        };
        findings.push(
          ctx.finding({
            rule: "duplicate-mapping",
            severity: "verify",
            at: p.at,
            indicator,
            value: p.text,
            related: [first.at],
            details,
            message: message(s, indicator, details),
          }),
        );
      }
    }
    return findings;
  },
};

interface Group {
  axis: "row" | "column";
  indicator: IndicatorId;
  measure: Measure | null;
  places: Place[];
}

/** Indicator rows of a one-district form: a row is one indicator, whatever its measures. */
function rowGroups(ctx: RuleContext): Group[] {
  const labelCol = ctx.model.nameColumn ?? 0;
  const originRow = ctx.model.grid.origin?.row ?? 0;
  const byIndicator = new Map<IndicatorId, Place[]>();
  const seen = new Set<number>();
  const labels = new Map(ctx.model.rows.map((r) => [r.row, r.label]));
  for (const record of ctx.model.records) {
    for (const f of record.fields) {
      if (seen.has(f.row)) continue;
      seen.add(f.row);
      const label = labels.get(f.row) ?? "";
      const n = originRow + f.row + 1;
      const place: Place = { at: { row: f.row, col: labelCol }, line: String(n), text: label };
      const places = byIndicator.get(f.indicator);
      if (places) places.push(place);
      else byIndicator.set(f.indicator, [place]);
    }
  }
  return [...byIndicator].filter(([, places]) => places.length > 1).map(([indicator, places]) => ({ axis: "row" as const, indicator, measure: null, places }));
}

/** Mapped columns of a table, by indicator and measure. */
function columnGroups(ctx: RuleContext): Group[] {
  const headerRow = ctx.model.headerRows[ctx.model.headerRows.length - 1] ?? 0;
  const byKey = new Map<string, Group>();
  for (const c of ctx.model.columns) {
    if (c.indicator === null || c.measure === null || c.col === ctx.model.nameColumn) continue;
    // Ranks are computed, not reported, and no rule checks them: a 片区排名 beside a 全市排名 (the 汇总表 zs-merge
    // writes, issue 12) leaves nothing unchecked.
    if (c.measure === "rank") continue;
    const key = `${c.indicator}|${c.measure}`;
    const at = { row: headerRow, col: c.col };
    const letter = ctx.cell(at).replace(/\d+$/, "");
    const place: Place = { at, line: letter, text: c.header.join(" / ") };
    const group = byKey.get(key);
    if (group === undefined) byKey.set(key, { axis: "column", indicator: c.indicator, measure: c.measure, places: [place] });
    else group.places.push(place);
  }
  return [...byKey.values()].filter((g) => g.places.length > 1);
}
