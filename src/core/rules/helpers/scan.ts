import * as codes from "./codes";
import { RuleContext } from "../context";
import * as context from "../context";

// Imported bindings are property getters under the CommonJS transform (jest, tsx): hot loops read local copies.
const { INDICATOR_DEFS, M } = codes;
const { KIND_UNIT } = context;

/** Cells that are not plain numbers, sorted by what they hold; entries of ctx.table. */
export interface CellScan {
  /** Excel error values (#REF! …). */
  errors: number[];
  /** Text, booleans and dates: anything a person typed that is not a plain number or a blank. */
  texts: number[];
  /** Blank 本期 cells of unit rows ("", "—", "无" …). */
  blankCurrents: number[];
  /** Negative figures of indicators that cannot be negative, outside 同比 and pace columns. */
  negatives: number[];
}

/** Growth and the gap to time progress are signed by nature; every other measure of a non-negative indicator is not. */
/**
 * 同比 and the gap to time progress are signed by nature. 完成率 and 占比 are derived from the 本期 figure: a negative
 * one follows from a negative 本期, which is reported there, and rate-mismatch checks the rate against its inputs.
 */
function mustBeNonNegative(indicator: number, measure: number): boolean {
  return (
    measure !== M.yoy &&
    measure !== M.pace &&
    measure !== M.completion &&
    measure !== M.share &&
    !INDICATOR_DEFS[indicator].canBeNegative
  );
}

/**
 * One pass over every figure of every record, shared by formula-error, text-number, blank-value and
 * negative-value: on a 100,000-row sheet a pass per rule would cost more than the checks themselves. It is also
 * where every cell is parsed (once; the context caches the result).
 */
export function scanCells(ctx: RuleContext): CellScan {
  return ctx.memo("cell-scan", () => {
    const scan: CellScan = { errors: [], texts: [], blankCurrents: [], negatives: [] };
    const t = ctx.table;
    for (let i = 0; i < t.n; i++) {
      const v = ctx.numberAt(i);
      if (v !== null && ctx.plainAt(i)) {
        if (v < 0 && mustBeNonNegative(t.indicator[i], t.measure[i])) scan.negatives.push(i);
        continue;
      }
      const raw = ctx.rawAt(i);
      const p = ctx.parsedAt(i);
      if (p.kind === "error") scan.errors.push(i);
      else if (p.kind === "blank") {
        if (t.kind[t.record[i]] === KIND_UNIT && t.measure[i] === M.current) scan.blankCurrents.push(i);
        continue;
      } else if (typeof raw === "string" || typeof raw === "boolean" || raw instanceof Date) scan.texts.push(i);
      if (v !== null && v < 0 && mustBeNonNegative(t.indicator[i], t.measure[i])) scan.negatives.push(i);
    }
    return scan;
  });
}
