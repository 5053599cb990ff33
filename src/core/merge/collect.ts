import { IndicatorId, indicatorDef } from "../catalog";
import { ConfigInput, createRuleContext } from "../engine";
import { a1 } from "../sheet/a1";
import { amountOfField } from "../rules/helpers/field-figures";
import { DataRecord, FieldRef } from "../sheet/types";
import { UnitRecord, UnitRegistry } from "../units";
import { DuplicateSubmission, InputMeasure, MergeSubmission, UnitInputs, UnmergedRow } from "./types";

/** A unit's figures as one submission gives them. */
export interface UnitSubmission {
  unit: UnitRecord;
  file: string;
  sheet: string;
  inputs: Partial<Record<IndicatorId, UnitInputs>>;
}

export interface Collected {
  byUnit: Map<string, UnitSubmission>;
  duplicates: DuplicateSubmission[];
  unmerged: UnmergedRow[];
  /** Unit codes each submission gave, for the 来源 sheet. */
  unitsOf: Map<MergeSubmission, string[]>;
}

const INPUT_MEASURES: ReadonlySet<string> = new Set<InputMeasure>(["current", "previous", "target"]);

/**
 * Summable indicators only: a rate (开工率) of a district cannot be added into a city rate, so it is not merged
 * as a figure (the city's rate would have to be recomputed from its parts).
 */
export function isMergeable(indicator: IndicatorId): boolean {
  const kind = indicatorDef(indicator).kind;
  return kind === "count" || kind === "amount";
}

function readInputs(
  record: DataRecord,
  amount: (f: FieldRef) => number | null,
  file: string,
  sheet: string,
  origin: { row: number; col: number } | undefined,
): Partial<Record<IndicatorId, UnitInputs>> {
  const inputs: Partial<Record<IndicatorId, UnitInputs>> = {};
  for (const field of record.fields) {
    if (!INPUT_MEASURES.has(field.measure) || !isMergeable(field.indicator)) continue;
    const value = amount(field);
    // Blank, "—" and text that is not a number stay blank: the merged table never turns "not reported" into 0.
    if (value === null || !Number.isFinite(value)) continue;
    const entry = (inputs[field.indicator] ??= {});
    const measure = field.measure as InputMeasure;
    // The first column of a measure wins; a second one (a repeated header) is not added in.
    if (entry[measure] !== undefined) continue;
    entry[measure] = { value, source: { file, sheet, cell: a1(field, origin) } };
  }
  return inputs;
}

/**
 * Reads every unit record of the accepted submissions. A unit found twice (in two files, or twice in one) is a
 * duplicate: which figures are right cannot be told, so none is merged and every file is named.
 */
export function collectSubmissions(
  submissions: readonly MergeSubmission[],
  registry: UnitRegistry,
  presetUnits: readonly UnitRecord[],
  config: ConfigInput,
): Collected {
  const inPreset = new Set(presetUnits.map((u) => u.code));
  const found = new Map<string, UnitSubmission[]>();
  const unmerged: UnmergedRow[] = [];
  const unitsOf = new Map<MergeSubmission, string[]>();
  for (const s of submissions) {
    const ctx = createRuleContext(s.model, null, config, registry);
    const codes: string[] = [];
    for (const info of ctx.records) {
      const record = info.record;
      const amount = (f: FieldRef): number | null => amountOfField(ctx, info, f);
      if (record.kind !== "unit") continue;
      const r = record.resolution;
      if (r === undefined || r.status !== "ok" || !inPreset.has(r.unit.code)) {
        unmerged.push({ file: s.file, sheet: s.model.sheet, label: record.label });
        continue;
      }
      codes.push(r.unit.code);
      const entry: UnitSubmission = {
        unit: r.unit,
        file: s.file,
        sheet: s.model.sheet,
        inputs: readInputs(record, amount, s.file, s.model.sheet, s.model.grid.origin),
      };
      const list = found.get(r.unit.code);
      if (list) list.push(entry);
      else found.set(r.unit.code, [entry]);
    }
    unitsOf.set(s, codes);
  }

  const byUnit = new Map<string, UnitSubmission>();
  const duplicates: DuplicateSubmission[] = [];
  for (const unit of presetUnits) {
    const list = found.get(unit.code);
    if (list === undefined) continue;
    if (list.length === 1) byUnit.set(unit.code, list[0]);
    else duplicates.push({ unit, files: list.map((e) => e.file) });
  }
  return { byUnit, duplicates, unmerged, unitsOf };
}
