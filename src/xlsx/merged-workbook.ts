import { IndicatorId, indicatorDef } from "../core/catalog";
import { makeRanker } from "../core/indicators";
import type { IndicatorColumns, MeasureCells, MergedRow, MergedTable, UnitRow } from "../core/merge";
import { columnLetters, consecutiveRuns } from "../core/sheet/a1";
import { BarChart, Cell, CellStyle, NumberStyle, SheetSpec, writeSpreadsheet } from "./write/spreadsheet";
import type { DeflateRaw } from "./zip-write";

/**
 * The 汇总 workbook of a MergedTable: 汇总表 (the city table with native formulas and their cached values), 赛马榜
 * (ranking lists with a bar chart each) and 来源 (where every merged number came from). The workbook is written in
 * Chinese whatever the CLI's language: it is the table the bureau prints.
 */

export const SUMMARY_SHEET = "汇总表";
export const RANKING_SHEET = "赛马榜";
export const SOURCES_SHEET = "来源";

const FIRST_ROW = 5; // 1-based: title, unit line, two header rows
const NAME_COL = 1;

type Measure = keyof MeasureCells;

interface Column {
  measure: Measure;
  header: string;
  col: number;
  format: NumberStyle;
}

interface Block {
  info: IndicatorColumns;
  first: number;
  columns: Column[];
  at: Partial<Record<Measure, number>>;
}

const q = (sheet: string): string => `'${sheet.replace(/'/g, "''")}'`;
const ref = (col: number, row: number): string => `${columnLetters(col)}${row}`;
const abs = (col: number, row: number): string => `$${columnLetters(col)}$${row}`;

function indicatorTitle(info: IndicatorColumns): string {
  return `${indicatorDef(info.indicator).name.zh}（${info.kind === "count" ? "个" : "亿元"}）`;
}

function blocks(table: MergedTable): Block[] {
  let col = NAME_COL + 1;
  return table.indicators.map((info) => {
    const figure: NumberStyle = info.kind === "count" ? "count" : "amount";
    const plan: [Measure, string, NumberStyle, boolean][] = [
      ["current", "本期", figure, true],
      ["previous", "上年同期", figure, info.withPrevious],
      ["yoy", "同比", "percent", info.withPrevious],
      ["target", "年度目标", figure, info.withTarget],
      ["completion", "完成率", "percent", info.withTarget],
      ["pace", "超序时进度", "pp", info.withTarget && table.months !== null],
      ["share", "占全市比重", "percent", true],
      ["rankInGroup", "片区排名", "count", true],
      ["rankOverall", "全市排名", "count", true],
    ];
    const first = col;
    const columns: Column[] = [];
    const at: Partial<Record<Measure, number>> = {};
    for (const [measure, header, format, wanted] of plan) {
      if (!wanted) continue;
      at[measure] = col;
      columns.push({ measure, header, col: col++, format });
    }
    return { info, first, columns, at };
  });
}

/** Contiguous runs of sheet rows as range references inside one column: "D7:D15,D17". */
function runsOf(col: number, sheetRows: readonly number[]): string {
  return consecutiveRuns(sheetRows)
    .map(([first, last]) => (first === last ? ref(col, first) : `${ref(col, first)}:${ref(col, last)}`))
    .join(",");
}

const cachedOf = (v: number | null): number | string => (v === null ? "" : v);

interface SummaryLayout {
  sheet: SheetSpec;
  blocks: Block[];
  /** Sheet row (1-based) of table.rows[i]. */
  rowOf: (i: number) => number;
  /** For 来源: where each input number was written. */
  inputCells: { row: UnitRow; indicator: IndicatorId; measure: "current" | "previous" | "target"; ref: string }[];
}

function titleOf(table: MergedTable): string {
  return `${table.period?.label ?? ""}全市招商引资主要指标汇总表`;
}

function summarySheet(table: MergedTable): SummaryLayout {
  const plan = blocks(table);
  const lastCol = Math.max(NAME_COL, ...plan.flatMap((b) => b.columns.map((c) => c.col)));
  const rows: (Cell | undefined)[][] = [];
  const put = (row: number, col: number, cell: Cell): void => {
    (rows[row - 1] ??= [])[col] = cell;
  };
  const merges: string[] = [`A1:${ref(lastCol, 1)}`, `A2:${ref(lastCol, 2)}`, "A3:A4", "B3:B4"];
  put(1, 0, { kind: "text", text: titleOf(table), style: { role: "title" } });
  put(2, 0, { kind: "text", text: "单位：个、亿元", style: { role: "unit-line" } });
  const header: CellStyle = { role: "header" };
  put(3, 0, { kind: "text", text: "序号", style: header });
  put(3, 1, { kind: "text", text: "区县", style: header });
  put(4, 0, { kind: "empty", style: header });
  put(4, 1, { kind: "empty", style: header });
  for (const b of plan) {
    put(3, b.first, { kind: "text", text: indicatorTitle(b.info), style: header });
    const last = b.columns[b.columns.length - 1].col;
    for (let c = b.first + 1; c <= last; c++) put(3, c, { kind: "empty", style: header });
    if (last > b.first) merges.push(`${ref(b.first, 3)}:${ref(last, 3)}`);
    for (const c of b.columns) put(4, c.col, { kind: "text", text: c.header, style: header });
  }

  const rowOf = (i: number): number => FIRST_ROW + i;
  const lastRow = rowOf(table.rows.length - 1);
  const unitIndex = table.rows.map((r, i) => (r.kind === "unit" ? i : -1)).filter((i) => i >= 0);
  // Each unit's group occupies the contiguous unit rows after its subtotal row (layoutRows prints them so).
  const groupRange = new Map<string, { first: number; last: number }>();
  for (const i of unitIndex) {
    const g = (table.rows[i] as UnitRow).group;
    if (g === null) continue;
    const range = groupRange.get(g);
    if (range) range.last = rowOf(i);
    else groupRange.set(g, { first: rowOf(i), last: rowOf(i) });
  }
  const inputCells: SummaryLayout["inputCells"] = [];
  const cityRow = rowOf(0);

  /** For a subtotal: ",COUNT(its 本期 cells)<>COUNT(its base or target cells)"; nothing for a unit row. */
  const partial = (row: MergedRow, b: Block, measure: "previous" | "target"): string => {
    if (row.kind === "unit") return "";
    const members = row.members.map(rowOf);
    const current = runsOf(b.at.current as number, members);
    const other = runsOf(b.at[measure] as number, members);
    return current === "" ? "" : `,COUNT(${current})<>COUNT(${other})`;
  };

  table.rows.forEach((row, i) => {
    const r = rowOf(i);
    const aggregate = row.kind !== "unit";
    const style = (format: NumberStyle): CellStyle => ({ format, bold: aggregate });
    put(r, 0, row.kind === "unit" ? { kind: "number", value: row.seq, style: style("count") } : { kind: "empty", style: style("general") });
    put(r, NAME_COL, { kind: "text", text: row.kind === "unit" ? row.unit.name : row.label, style: style("general") });
    for (const b of plan) {
      const cells = row.cells[b.info.indicator] as MeasureCells;
      const at = (m: Measure): string => ref(b.at[m] as number, r);
      for (const c of b.columns) {
        const cached = cells[c.measure];
        const st = style(c.format);
        let cell: Cell;
        switch (c.measure) {
          case "current":
          case "previous":
          case "target":
            if (row.kind === "unit") {
              cell = cached === null ? { kind: "empty", style: st } : { kind: "number", value: cached, style: st };
              if (row.inputs[b.info.indicator]?.[c.measure] !== undefined) {
                inputCells.push({ row, indicator: b.info.indicator, measure: c.measure, ref: ref(c.col, r) });
              }
            } else {
              const members = runsOf(c.col, row.members.map(rowOf));
              // Blank when no member has a figure: a subtotal of nobody is not 0.
              cell = members === ""
                ? { kind: "empty", style: st }
                : { kind: "formula", formula: `IF(COUNT(${members})=0,"",SUM(${members}))`, cached: cachedOf(cached), style: st };
            }
            break;
          case "yoy":
            // Base blank, 0 or negative: no growth rate (domain.md: never print a misleading number); for a subtotal
            // also when fewer members give a base than give 本期 (consolidate's rule).
            cell = { kind: "formula", formula: `IF(OR(${at("current")}="",N(${at("previous")})<=0${partial(row, b, "previous")}),"",(${at("current")}-${at("previous")})/${at("previous")})`, cached: cachedOf(cached), style: st };
            break;
          case "completion":
            cell = { kind: "formula", formula: `IF(OR(${at("current")}="",N(${at("target")})<=0${partial(row, b, "target")}),"",${at("current")}/${at("target")})`, cached: cachedOf(cached), style: st };
            break;
          case "pace":
            cell = { kind: "formula", formula: `IF(${at("completion")}="","",(${at("completion")}-${table.months}/12)*100)`, cached: cachedOf(cached), style: st };
            break;
          case "share":
            cell = { kind: "formula", formula: `IF(${at("current")}="","",IFERROR(${at("current")}/${abs(b.at.current as number, cityRow)},""))`, cached: cachedOf(cached), style: st };
            break;
          case "rankInGroup": {
            const range = row.kind === "unit" && row.group !== null ? groupRange.get(row.group) : undefined;
            const col = columnLetters(b.at.current as number);
            cell = range === undefined
              ? { kind: "empty", style: st }
              : { kind: "formula", formula: `IF(${at("current")}="","",COUNTIF($${col}$${range.first}:$${col}$${range.last},">"&${at("current")})+1)`, cached: cachedOf(cached), style: st };
            break;
          }
          // Ranks by COUNTIF(S), not RANK.EQ: functions newer than Excel 2007 are stored with an _xlfn. prefix and
          // show #NAME? where they are unknown (support.microsoft.com/excel/issue-an-xlfn-prefix-is-displayed-in-front-
          // of-a-formula), as LibreOffice 7.4 does (toolchain.md). 1 + the count of larger values is competition ranking.
          case "rankOverall": {
            const col = columnLetters(b.at.current as number);
            // Only unit rows carry a 序号 in column A: subtotal rows are not competitors.
            cell = row.kind !== "unit"
              ? { kind: "empty", style: st }
              : { kind: "formula", formula: `IF(${at("current")}="","",COUNTIFS($A$${FIRST_ROW}:$A$${lastRow},">0",$${col}$${FIRST_ROW}:$${col}$${lastRow},">"&${at("current")})+1)`, cached: cachedOf(cached), style: st };
            break;
          }
        }
        put(r, c.col, cell);
      }
    }
  });

  let foot = lastRow + 2;
  for (const note of footnotes(table)) {
    put(foot, 0, { kind: "text", text: note, style: { role: "note" } });
    foot++;
  }
  const widths: number[] = [6, 14, ...Array.from({ length: lastCol - NAME_COL }, () => 11)];
  return {
    sheet: { name: SUMMARY_SHEET, rows, merges, widths, freeze: { row: FIRST_ROW - 1, col: NAME_COL + 1 }, links: [] },
    blocks: plan,
    rowOf,
    inputCells,
  };
}

function footnotes(table: MergedTable): string[] {
  const notes: string[] = [];
  const excluded = table.rows.filter((r): r is UnitRow => r.kind === "unit" && !r.unit.countsInCityTotal).map((r) => r.unit.name);
  if (excluded.length > 0) notes.push(`注：${excluded.join("、")}数据与所在区县重叠，不计入全市及片区合计。`);
  if (table.missing.length > 0) notes.push(`注：未报送（留空，不作0计）：${table.missing.map((u) => u.name).join("、")}。`);
  for (const d of table.duplicates) notes.push(`注：${d.unit.name}重复报送（${d.files.join("、")}），均未汇总。`);
  for (const u of table.unreadable) if (u.unit !== null) notes.push(`注：${u.unit.name}报送的文件无法读取（${u.file}），留空。`);
  notes.push("注：合计、同比、完成率、比重、排名均为公式，可在 Excel、WPS 中核对；每个报送数可点击查看来源。");
  return notes;
}

interface ListEntry {
  name: string;
  value: number;
  /** The 汇总表 cell the value is read from. */
  cell: string;
}

interface RankingList {
  title: string;
  valueHeader: string;
  format: NumberStyle;
  chartFormat: string;
  entries: ListEntry[];
}

function sortedList(entries: ListEntry[]): ListEntry[] {
  return entries.sort((a, b) => b.value - a.value);
}

function rankingLists(table: MergedTable, layout: SummaryLayout): RankingList[] {
  const lists: RankingList[] = [];
  const units = table.rows.map((r, i) => ({ r, i })).filter((x): x is { r: UnitRow; i: number } => x.r.kind === "unit");
  const entriesFor = (b: Block, measure: Measure, keep: (u: UnitRow) => boolean): ListEntry[] =>
    sortedList(
      units.flatMap(({ r, i }) => {
        const v = (r.cells[b.info.indicator] as MeasureCells)[measure];
        return v === null || !keep(r) ? [] : [{ name: r.unit.name, value: v, cell: `${q(SUMMARY_SHEET)}!${ref(b.at[measure] as number, layout.rowOf(i))}` }];
      }),
    );
  for (const b of layout.blocks) {
    const name = indicatorDef(b.info.indicator).name.zh;
    const amountFormat = b.info.kind === "count" ? "count" : "amount";
    lists.push({
      title: `${indicatorTitle(b.info)}排名`,
      valueHeader: indicatorTitle(b.info),
      format: amountFormat,
      chartFormat: b.info.kind === "count" ? "0" : "0.00",
      entries: entriesFor(b, "current", () => true),
    });
    if (b.info.withTarget) {
      lists.push({ title: `${name}完成率排名`, valueHeader: "完成率", format: "percent", chartFormat: "0.0%", entries: entriesFor(b, "completion", () => true) });
    }
  }
  // 综合榜: the 赛马榜 rule leaves out the units the registry flags (两江新区, 重庆高新区); they stay on the lists above.
  const main = layout.blocks.find((b) => b.info.kind === "amount") ?? layout.blocks[0];
  if (main !== undefined) {
    const byCompletion = main.info.withTarget;
    const name = indicatorDef(main.info.indicator).name.zh;
    lists.push({
      title: `综合排名（${name}${byCompletion ? "完成率" : ""}，不含${units.filter(({ r }) => !r.unit.rankedInOverall).map(({ r }) => r.unit.name).join("、") || "—"}）`,
      valueHeader: byCompletion ? "完成率" : indicatorTitle(main.info),
      format: byCompletion ? "percent" : "amount",
      chartFormat: byCompletion ? "0.0%" : "0.00",
      entries: entriesFor(main, byCompletion ? "completion" : "current", (u) => u.unit.rankedInOverall),
    });
  }
  return lists.filter((l) => l.entries.length > 0);
}

const CHART_ROWS = 18;

function rankingSheet(table: MergedTable, layout: SummaryLayout): SheetSpec {
  const rows: (Cell | undefined)[][] = [];
  const put = (row: number, col: number, cell: Cell): void => {
    (rows[row - 1] ??= [])[col] = cell;
  };
  const merges: string[] = [];
  const charts: BarChart[] = [];
  put(1, 0, { kind: "text", text: `${table.period?.label ?? ""}招商引资赛马榜`, style: { role: "title" } });
  merges.push("A1:L1");
  let r = 3;
  for (const list of rankingLists(table, layout)) {
    put(r, 0, { kind: "text", text: list.title, style: { bold: true, role: "note" } });
    merges.push(`A${r}:C${r}`);
    const head = r + 1;
    const header: CellStyle = { role: "header" };
    put(head, 0, { kind: "text", text: "名次", style: header });
    put(head, 1, { kind: "text", text: "单位", style: header });
    // "数值", not the indicator's name: a header naming an indicator would make zs-check read the lists as one
    // table of units listed many times. The list's title says what the figures are.
    put(head, 2, { kind: "text", text: "数值", style: header });
    const first = head + 1;
    const last = first + list.entries.length - 1;
    const ranks = makeRanker(list.entries.map((e) => e.value));
    list.entries.forEach((e, k) => {
      const row = first + k;
      const rank = ranks(e.value);
      put(row, 0, { kind: "formula", formula: `COUNTIF($C$${first}:$C$${last},">"&C${row})+1`, cached: rank.ok ? rank.value : "", style: { format: "count" } });
      put(row, 1, { kind: "text", text: e.name, style: {} });
      // The figure is read from the 汇总表, so the list can never disagree with the table.
      put(row, 2, { kind: "formula", formula: e.cell, cached: e.value, style: { format: list.format } });
    });
    charts.push({
      title: list.title,
      seriesName: list.valueHeader,
      categories: `${q(RANKING_SHEET)}!$B$${first}:$B$${last}`,
      values: `${q(RANKING_SHEET)}!$C$${first}:$C$${last}`,
      categoryCache: list.entries.map((e) => e.name),
      valueCache: list.entries.map((e) => e.value),
      valueFormat: list.chartFormat,
      from: { row: r - 1, col: 4 },
      to: { row: r - 1 + Math.max(CHART_ROWS, list.entries.length + 2), col: 12 },
    });
    r = Math.max(last, r - 1 + Math.max(CHART_ROWS, list.entries.length + 2)) + 3;
  }
  return { name: RANKING_SHEET, rows, merges, charts, widths: [6, 20, 14] };
}

const MEASURE_NAMES = { current: "本期", previous: "上年同期", target: "年度目标" } as const;

function sourcesSheet(table: MergedTable, layout: SummaryLayout): { sheet: SheetSpec; links: { ref: string; location: string }[] } {
  const rows: (Cell | undefined)[][] = [];
  const put = (row: number, col: number, cell: Cell): void => {
    (rows[row - 1] ??= [])[col] = cell;
  };
  const header: CellStyle = { role: "header" };
  const links: { ref: string; location: string }[] = [];
  put(1, 0, { kind: "text", text: `${titleOf(table)}：数据来源`, style: { role: "title" } });
  const heads = ["汇总表单元格", "单位", "指标", "项目", "数值", "报送文件", "工作表", "单元格"];
  heads.forEach((h, c) => put(3, c, { kind: "text", text: h, style: header }));
  let r = 4;
  for (const c of layout.inputCells) {
    const source = c.row.inputs[c.indicator]?.[c.measure];
    if (source === undefined) continue;
    const def = indicatorDef(c.indicator);
    put(r, 0, { kind: "text", text: c.ref, style: {} });
    put(r, 1, { kind: "text", text: c.row.unit.name, style: {} });
    put(r, 2, { kind: "text", text: def.name.zh, style: {} });
    put(r, 3, { kind: "text", text: MEASURE_NAMES[c.measure], style: {} });
    put(r, 4, { kind: "number", value: source.value, style: { format: def.kind === "count" ? "count" : "amount" } });
    put(r, 5, { kind: "text", text: source.source.file, style: {} });
    put(r, 6, { kind: "text", text: source.source.sheet, style: {} });
    put(r, 7, { kind: "text", text: source.source.cell ?? "", style: {} });
    links.push({ ref: c.ref, location: `${q(SOURCES_SHEET)}!A${r}` });
    r++;
  }

  r += 1;
  put(r, 0, { kind: "text", text: "报送文件检查情况", style: { bold: true, role: "note" } });
  r++;
  ["报送文件", "工作表", "单位", "强制性", "核实性", "提示性", "核实说明"].forEach((h, c) => put(r, c, { kind: "text", text: h, style: header }));
  r++;
  for (const s of table.submissions) {
    const names = s.units.map((code) => table.rows.find((x): x is UnitRow => x.kind === "unit" && x.unit.code === code)?.unit.name ?? code);
    put(r, 0, { kind: "text", text: s.file, style: {} });
    put(r, 1, { kind: "text", text: s.sheet, style: {} });
    put(r, 2, { kind: "text", text: names.join("、"), style: {} });
    put(r, 3, { kind: "number", value: s.summary.error, style: { format: "count" } });
    put(r, 4, { kind: "number", value: s.summary.verify, style: { format: "count" } });
    put(r, 5, { kind: "number", value: s.summary.info, style: { format: "count" } });
    put(r, 6, { kind: "number", value: s.explanations, style: { format: "count" } });
    r++;
  }
  for (const row of table.unmerged) {
    r++;
    put(r, 0, { kind: "text", text: `注：${row.file}（${row.sheet}）中的“${row.label}”不是本期的统计单位，未汇总。`, style: { role: "note" } });
  }
  return { sheet: { name: SOURCES_SHEET, rows, merges: ["A1:H1"], widths: [12, 14, 16, 10, 12, 28, 12, 10] }, links };
}

/** The three sheets of a merged table, as SheetSpecs (for tests and other writers) … */
export function mergedSheets(table: MergedTable): SheetSpec[] {
  const summary = summarySheet(table);
  const sources = sourcesSheet(table, summary);
  summary.sheet.links = sources.links;
  return [summary.sheet, rankingSheet(table, summary), sources.sheet];
}

/** … and as .xlsx bytes (deflated when the platform's raw deflate is handed in). */
export function writeMergedWorkbook(table: MergedTable, deflateRaw?: DeflateRaw): Uint8Array {
  return writeSpreadsheet(mergedSheets(table), deflateRaw);
}

export type { MergedRow };
