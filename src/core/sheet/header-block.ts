import { UnitResolver } from "./resolver";
import { distinctTexts, firstLabel, hasNumericCell, isBlankRow, Merges, textOf, valueAt } from "./cells";
import { isMetaText } from "./preamble";
import { matchIndicator, matchMeasure, normaliseHeaderText } from "./vocabulary";
import { SheetGrid } from "./types";

/** Headers are found among the first rows; real sheets put at most a title, a unit line and 1–4 header rows there. */
export const HEADER_SCAN_ROWS = 30;
/** Real sheets use one to four header rows; a little slack for a units row or a column-number row. */
export const MAX_HEADER_ROWS = 6;

function hasIndicatorWord(texts: readonly string[]): boolean {
  return texts.some((t) => matchIndicator(normaliseHeaderText(t)) !== null);
}

function measureWordCount(texts: readonly string[]): number {
  return texts.filter((t) => {
    const n = normaliseHeaderText(t);
    return matchIndicator(n) === null && matchMeasure(n) !== null;
  }).length;
}

/** Two or more distinct texts, none a figure, none a unit line: the shape of a header row. */
function isHeaderShaped(grid: SheetGrid, row: number): boolean {
  const texts = distinctTexts(grid, row);
  return texts.length >= 2 && !hasNumericCell(grid, row) && !texts.some(isMetaText);
}

// A title sitting in a row with a date or a page number beside it still has the words of a title.
const TITLE_LIKE = /(表|情况|统计|通报|汇总|一览)(\([^()]*\))?$/;

// Real titles are long ("2022年1-6月全市招商引资主要指标完成情况表"); a header cell ending in 情况 is short.
const MIN_TITLE_LENGTH = 10;

function looksLikeTitleRow(grid: SheetGrid, row: number): boolean {
  const texts = distinctTexts(grid, row);
  return texts.length <= 2 && texts.some((t) => t.length >= MIN_TITLE_LENGTH && TITLE_LIKE.test(normaliseHeaderText(t)));
}

/**
 * The first header row of a table: the first header-shaped row that names an indicator, extended upwards over
 * header-shaped rows above it (a top row "区县 | 2022年1-6月" names no indicator itself).
 */
export function findTableHeaderStart(grid: SheetGrid): number | null {
  const limit = Math.min(grid.values.length, HEADER_SCAN_ROWS);
  for (let row = 0; row < limit; row++) {
    if (!isHeaderShaped(grid, row) || looksLikeTitleRow(grid, row) || !hasIndicatorWord(distinctTexts(grid, row))) continue;
    let start = row;
    while (start > 0 && row - start + 1 < MAX_HEADER_ROWS && isHeaderShaped(grid, start - 1) && !looksLikeTitleRow(grid, start - 1)) {
      start--;
    }
    return start;
  }
  return null;
}

/**
 * A row of 1, 2, 3 … under the headers (the 栏次 row of statistical forms, "甲 | 乙 | 1 | 2 | 3"): part of the
 * header, never a unit.
 */
export function isColumnNumberRow(grid: SheetGrid, row: number): boolean {
  const cells = grid.values[row] ?? [];
  let expected = 1;
  let numbers = 0;
  for (const value of cells) {
    const text = textOf(value);
    if (text === "") continue;
    if (/^(甲|乙|丙|栏次|序号|A|B|C)$/.test(text)) continue;
    if (Number(text) !== expected) return false;
    expected++;
    numbers++;
  }
  return numbers >= 3;
}

/**
 * Where the body begins: the first row with a figure, or whose leftmost label is a reporting unit or a total
 * (a unit with every figure blank, "万盛经开区 | — | —", has no figure). A header row has several labels, so a
 * lone aggregate word in one ("合计" over two sub-columns) does not end the header.
 */
function isBodyRow(grid: SheetGrid, row: number, resolver: UnitResolver): boolean {
  if (hasNumericCell(grid, row)) return true;
  const label = firstLabel(grid, row);
  if (label === null || distinctTexts(grid, row).length > 2) return false;
  const status = resolver.resolve(label.text).status;
  return status === "ok" || status === "invalid" || status === "aggregate";
}

export function findHeaderRows(grid: SheetGrid, start: number, resolver: UnitResolver): number[] {
  const rows = [start];
  for (let row = start + 1; row < grid.values.length && rows.length < MAX_HEADER_ROWS; row++) {
    if (isBlankRow(grid, row)) break;
    if (isColumnNumberRow(grid, row)) {
      rows.push(row);
      break;
    }
    if (isBodyRow(grid, row, resolver)) break;
    rows.push(row);
  }
  return rows;
}

/**
 * Every column's header texts, top to bottom, as a reader sees them. Merged areas give each covered cell the
 * area's text. Without merges (CSV-like sources) a blank cell that has sub-headers below it inherits the nearest
 * text to its left, but only inside the span of its parent in the row above: "正式合同额 | (blank)" over
 * "本期 | 同比" makes both columns 正式合同额, while a blank next to 签约项目数 under another parent stays blank,
 * so 签约项目数 never bleeds into 到位资金. Column-number rows (1, 2, 3 …) carry no header words and are skipped.
 */
export function headerTexts(grid: SheetGrid, headerRows: readonly number[], width: number, merges: Merges): string[][] {
  const rows = headerRows.filter((row) => !isColumnNumberRow(grid, row));
  const filled: string[][] = rows.map((row) => {
    const texts: string[] = [];
    for (let col = 0; col < width; col++) texts.push(textOf(valueAt(grid, row, col)));
    return texts;
  });
  if (rows.length === 0) return Array.from({ length: width }, () => []);

  if (merges.touchesRows(rows[0], rows[rows.length - 1])) {
    rows.forEach((row, i) => {
      for (let col = 0; col < width; col++) {
        if (filled[i][col] === "") filled[i][col] = textOf(merges.valueAt(grid, row, col));
      }
    });
  } else {
    inheritAcross(filled);
  }

  return Array.from({ length: width }, (_, col) => filled.map((texts) => texts[col]));
}

function inheritAcross(filled: string[][]): void {
  filled.forEach((texts, i) => {
    for (let col = 0; col < texts.length; col++) {
      if (texts[col] !== "" || !filled.slice(i + 1).some((below) => below[col] !== "")) continue;
      for (let left = col - 1; left >= 0; left--) {
        // Leaving the parent's span in the row above ends the search.
        if (i > 0 && filled[i - 1][left] !== filled[i - 1][col]) break;
        if (texts[left] !== "") {
          texts[col] = texts[left];
          break;
        }
      }
    }
  });
}

/**
 * The measure row of a transposed single-district form ("指标 | 本期 | 上年同期 | 同比 | 年度目标 | 完成年度目标"),
 * if it comes before any table header: at least two measure words, no indicator word, no figure, and at least two
 * of the rows below it labelled with indicators.
 */
export function findTransposedHeader(grid: SheetGrid): { start: number; firstDataRow: number; labelCol: number } | null {
  const limit = Math.min(grid.values.length, HEADER_SCAN_ROWS);
  for (let row = 0; row < limit; row++) {
    const texts = distinctTexts(grid, row);
    if (texts.length < 2 || hasNumericCell(grid, row) || hasIndicatorWord(texts) || measureWordCount(texts) < 2) continue;
    const labelled: { row: number; col: number }[] = [];
    for (let below = row + 1; below < Math.min(grid.values.length, row + 1 + MAX_HEADER_ROWS + 6); below++) {
      const label = firstLabel(grid, below);
      if (label !== null && matchIndicator(normaliseHeaderText(label.text)) !== null) labelled.push({ row: below, col: label.col });
    }
    if (labelled.length < 2) continue;
    return { start: row, firstDataRow: labelled[0].row, labelCol: mostCommon(labelled.map((l) => l.col)) };
  }
  return null;
}

function mostCommon(values: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = values[0];
  for (const [v, n] of counts) if (n > (counts.get(best) ?? 0)) best = v;
  return best;
}
