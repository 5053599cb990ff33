import { IndicatorId } from "../../catalog";
import { TargetTable, TargetValue } from "../../targets";
import * as units from "../../units";
import * as codes from "../helpers/codes";
import { CellCache } from "./cells";
import { FieldIndex, KIND_UNIT } from "./field-table";
import { RecordInfo } from "./records";

const { normalizeUnitName } = units;
const { INDICATOR_DEFS, M } = codes;

/** What rules read of the targets a completion is computed against. */
export interface TargetLookupView {
  /**
   * The targets table in use: the one given to validate(), or else the sheet's own target columns (built on first
   * access; rules read a row's own 年度目标 cell directly and need it only for a given table).
   */
  readonly targets: TargetTable | null;
  /** Targets come from a separate table (looked up by unit), not from the sheet's own columns. */
  readonly targetsGiven: boolean;
  /** The target of the targets table in use for this unit; none for a duplicated unit row (see RecordInfo). */
  targetFor(info: RecordInfo, indicator: IndicatorId): TargetValue | undefined;
  /** The target entry i's indicator is compared with: the record's own 年度目标 cell, else the targets table. */
  targetAt(i: number): number | null;
}

/**
 * Targets by unit. A target is a figure set by the city, not a measurement rounded for print: it carries no
 * rounding allowance of its own.
 */
export class TargetLookup implements TargetLookupView {
  readonly targetsGiven: boolean;
  private table: TargetTable | null;
  /** targets.byUnit entry per record index (null: none), looked up once. */
  private readonly entries: (Partial<Record<IndicatorId, TargetValue>> | null | undefined)[] = [];

  constructor(
    given: TargetTable | null,
    private readonly ownTargets: () => TargetTable,
    private readonly records: readonly RecordInfo[],
    private readonly fields: FieldIndex,
    private readonly cells: CellCache,
  ) {
    this.table = given;
    this.targetsGiven = given !== null;
  }

  get targets(): TargetTable | null {
    if (this.table === null) this.table = this.ownTargets();
    return this.table;
  }

  targetFor(info: RecordInfo, indicator: IndicatorId): TargetValue | undefined {
    const table = this.targets;
    if (table === null || table.byUnit.size === 0 || info.duplicated) return undefined;
    let entry = this.entries[info.index];
    if (entry === undefined) {
      // By unit code first; a table keyed by labels the registry does not know falls back to the label.
      entry = table.byUnit.get(info.key) ?? table.byUnit.get(normalizeUnitName(info.record.label)) ?? null;
      this.entries[info.index] = entry;
    }
    return entry === null ? undefined : entry[indicator];
  }

  targetAt(i: number): number | null {
    const t = this.fields.table;
    const own = this.fields.sibling(i, t.indicator[i], M.target);
    if (own >= 0) return this.cells.amountAt(own);
    // The sheet's own targets are its rows' own cells: only a separate table is looked up by unit.
    if (t.kind[t.record[i]] !== KIND_UNIT || !this.targetsGiven) return null;
    return this.targetFor(this.records[t.record[i]], INDICATOR_DEFS[t.indicator[i]].id)?.value ?? null;
  }
}
