import { IndicatorId } from "../../catalog";
import { Measure, DataRecord, SheetModel } from "../../sheet/types";
import * as targets from "../../targets";
import { Resolution, UnitRecord, UnitRegistry } from "../../units";
import * as units from "../../units";
import { aggregateStem } from "../../units/total-rows";

// Imported bindings are property getters under the CommonJS transform (jest, tsx): hot loops read local copies.
const { unitKey } = targets;
const { normalizeUnitName } = units;

/** A record of the sheet with what the rules need to know about its unit, worked out once. */
export interface RecordInfo {
  record: DataRecord;
  /** Position in model.records (and ctx.records). */
  index: number;
  resolution: Resolution | null;
  /** Unit code, or the normalised label when the registry does not know it: 渝北, 渝北区 and "渝北区 " share one key. */
  key: string;
  /** The unit the label names (ok, or invalid at the sheet's date). */
  unit: UnitRecord | null;
  /** The registry's first suggestion for an unknown label (壁山区 → 璧山区): used to place the row, never as fact. */
  likely: UnitRecord | null;
  /** Official name where resolved, else the label as written. */
  name: string;
  /** For group rows: the group the label names, in `groupScheme`. */
  group: string | null;
  groupScheme: string | null;
  hidden: boolean;
  /**
   * Another unit row has the same key (duplicate-unit, 强制性). Which of the rows is that unit cannot be told, so
   * none of them is looked up in a targets table: a row must not inherit another row's target.
   */
  duplicated: boolean;
}

/** The sheet's records as the rules see them: all in sheet order, and the same split by kind. */
export interface SheetRecords {
  readonly records: readonly RecordInfo[];
  readonly units: readonly RecordInfo[];
  readonly totals: readonly RecordInfo[];
  readonly groups: readonly RecordInfo[];
}

export interface RecordsInput {
  model: SheetModel;
  registry: UnitRegistry;
  scheme: string;
  asOf: string | null;
  /** Year the sheet is resolved at; the reader's resolutions are reused only when they were made for this year. */
  year: number | null;
  hiddenRows: ReadonlySet<number>;
}

/** Resolves every record's label to its unit (or group) once, and marks unit rows that name the same unit. */
export function indexRecords(o: RecordsInput): SheetRecords {
  const { model, registry, scheme } = o;
  // The reader resolved labels at the sheet's own period; when the engine settles on another year (config.year,
  // or the default preset for a sheet without one) they are resolved again, once per distinct label.
  const readerYear = model.period?.year ?? null;
  const trustReader = readerYear !== null && readerYear === o.year;
  const cache = new Map<string, Resolution>();
  const resolve = (label: string): Resolution => {
    let r = cache.get(label);
    if (r === undefined) {
      r = registry.resolve(label, o.asOf ?? undefined);
      cache.set(label, r);
    }
    return r;
  };
  const groupLabels = schemeGroupLabels(registry, scheme);
  const all: RecordInfo[] = [];
  const unitRows: RecordInfo[] = [];
  const totals: RecordInfo[] = [];
  const groups: RecordInfo[] = [];
  const source = model.records;
  const checked = withoutRepeats(model);
  for (let index = 0; index < source.length; index++) {
    const record = checked(source[index]);
    let resolution: Resolution | null = record.resolution ?? null;
    if (resolution === null || !trustReader || !fromRegistry(registry, resolution)) resolution = resolve(record.label);
    const unit = resolution.status === "ok" || resolution.status === "invalid" ? resolution.unit : null;
    const likely = resolution.status === "unknown" ? (resolution.suggestions[0] ?? null) : null;
    const info: RecordInfo = {
      record,
      index,
      resolution,
      key: unitKey(resolution, record.label),
      unit,
      likely,
      name: unit?.name ?? record.label,
      group: null,
      groupScheme: null,
      hidden: record.labelCell !== null && o.hiddenRows.has(record.labelCell.row),
      duplicated: false,
    };
    if (record.kind === "group") {
      const label = normalizeUnitName(record.label);
      const own = groupLabels.get(aggregateStem(label)) ?? groupLabels.get(label);
      if (own !== undefined) {
        info.group = own;
        info.groupScheme = scheme;
      } else if (resolution.status === "aggregate" && resolution.kind === "group" && resolution.group !== undefined) {
        info.group = resolution.group;
        info.groupScheme = resolution.scheme ?? scheme;
      }
    }
    all.push(info);
    if (record.kind === "unit") unitRows.push(info);
    else if (record.kind === "total") totals.push(info);
    else groups.push(info);
  }
  const firstOf = new Map<string, RecordInfo>();
  for (const info of unitRows) {
    if (info.key === "") continue;
    const first = firstOf.get(info.key);
    if (first === undefined) firstOf.set(info.key, info);
    else first.duplicated = info.duplicated = true;
  }
  return { records: all, units: unitRows, totals, groups };
}

/** Names and aliases of the groups of a scheme, for subtotal rows. */
function schemeGroupLabels(registry: UnitRegistry, schemeId: string): Map<string, string> {
  const labels = new Map<string, string>();
  const scheme = registry.schemes().find((s) => s.id === schemeId);
  for (const g of scheme?.groups ?? []) {
    for (const label of [g.name, ...(g.aliases ?? [])]) labels.set(normalizeUnitName(label), g.name);
  }
  return labels;
}

function fromRegistry(registry: UnitRegistry, r: Resolution): boolean {
  if (r.status === "ok" || r.status === "invalid") return registry.byCode(r.unit.code) === r.unit;
  return true;
}

/**
 * A record as the rules see it: a later field with the same indicator and measure as an earlier one (a second row
 * read as 正式合同额 on a one-district form, a second 到位资金本期 column) is left out. Its sibling lookups would
 * reach the first field's inputs, so checking it would compare one row's rate with another row's figures;
 * duplicate-mapping reports it as unchecked until the user maps it. A table without repeated columns (nearly all)
 * keeps its records as they are.
 */
function withoutRepeats(model: SheetModel): (record: DataRecord) => DataRecord {
  const keyOf = (f: { indicator: IndicatorId; measure: Measure }) => `${f.indicator}|${f.measure}`;
  if (model.layout === "table") {
    const seen = new Set<string>();
    const repeated = new Set<number>();
    for (const c of model.columns) {
      if (c.indicator === null || c.measure === null) continue;
      const key = keyOf({ indicator: c.indicator, measure: c.measure });
      if (seen.has(key)) repeated.add(c.col);
      else seen.add(key);
    }
    if (repeated.size === 0) return (record) => record;
    return (record) => ({ ...record, fields: record.fields.filter((f) => !repeated.has(f.col)) });
  }
  return (record) => {
    const seen = new Set<string>();
    const fields = record.fields.filter((f) => {
      const key = keyOf(f);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    return fields.length === record.fields.length ? record : { ...record, fields };
  };
}

/** Group paths of units in a registry's schemes, looked up once each (a total row asks for every unit). */
export class GroupPaths {
  private readonly paths = new Map<string, readonly string[]>();

  constructor(
    private readonly registry: UnitRegistry,
    private readonly scheme: string,
  ) {}

  groupPath(unit: UnitRecord, scheme: string = this.scheme): readonly string[] {
    const key = `${scheme}\u0000${unit.code}`;
    let path = this.paths.get(key);
    if (path === undefined) {
      try {
        path = this.registry.groupPath(unit, scheme);
      } catch {
        path = [];
      }
      this.paths.set(key, path);
    }
    return path;
  }
}
