import { Bilingual } from "../i18n";
import { asOfToIsoDate } from "./asOf";
import { formerNameNote, invalidUnitMessage, unknownUnitMessage } from "./messages";
import { normalizeUnitName } from "./normalize";
import { aggregateStem, isTotalRowKey } from "./total-rows";
import { lookAlikesOf } from "./confusables";
import { similarity, stripAdminSuffix } from "./similarity";
import { AsOf, FormerName, GroupingScheme, RegistryData, RegistryPreset, Resolution, UnitRecord } from "./types";
import { isValidAt, windowOf } from "./validity";

/** One way of writing a unit's name, as indexed for lookup. */
interface NameEntry {
  unit: UnitRecord;
  matched: "name" | "alias" | "former-name";
  former?: FormerName;
}

interface GroupLabel {
  scheme: string;
  group: string;
}

const MAX_SUGGESTIONS = 3;
// Below this a "suggestion" is noise: two-character names share one character by chance.
const MIN_SUGGESTION_SCORE = 0.5;
// Following successors this far is plenty; the bound only guards against a cycle in hand-edited data.
const MAX_SUCCESSOR_HOPS = 5;

/**
 * The reporting units of one city, loaded from data. All lookup maps are built once here so that resolving a
 * known name is a Map lookup; similarity scoring only runs for names that did not resolve.
 */
export class UnitRegistry {
  readonly id: string;
  readonly city: string;
  readonly name: Bilingual;

  private readonly data: RegistryData;
  private readonly unitsByCode = new Map<string, UnitRecord>();
  /** Normalised label → entries, oldest validity first (one label may name different records over time). */
  private readonly namesIndex = new Map<string, NameEntry[]>();
  /** The region's own names that head a total row (重庆市), beside the shared vocabulary of total-rows.ts. */
  private readonly totalLabels = new Set<string>();
  private readonly groupLabels = new Map<string, GroupLabel[]>();
  private readonly presetsById = new Map<string, RegistryPreset>();
  private readonly presetUnits = new Map<string, UnitRecord[]>();
  /** Per preset: unit record → position in unitsOf(preset). */
  private readonly presetPositions = new Map<string, ReadonlyMap<UnitRecord, number>>();
  private readonly schemesById = new Map<string, GroupingScheme>();
  /** Every normalised label of each unit, for suggestions. */
  private readonly labelsOf = new Map<UnitRecord, string[]>();
  private readonly cityPrefixes: string[];

  /**
   * Builds the lookup maps over data already known to be consistent: the bundled registries (checked by
   * tests/core/units, so the custom-functions runtime does not re-check them at every load), or data that went
   * through loadRegistry(), which checks anything else.
   */
  static fromCheckedData(data: RegistryData): UnitRegistry {
    return new UnitRegistry(data);
  }

  private constructor(source: RegistryData) {
    // A private frozen copy: records handed out to callers cannot be edited into an inconsistent registry.
    this.data = deepFreeze(JSON.parse(JSON.stringify(source)) as RegistryData);
    this.id = this.data.id;
    this.city = this.data.city;
    this.name = this.data.name;
    for (const unit of this.data.units) this.unitsByCode.set(unit.code, unit);
    this.indexNames();
    this.indexAggregates();
    for (const scheme of this.data.schemes) this.schemesById.set(scheme.id, scheme);
    for (const preset of this.data.presets) {
      this.presetsById.set(preset.id, preset);
      const units = preset.units.map((code) => this.unitsByCode.get(code) as UnitRecord);
      this.presetUnits.set(preset.id, units);
      this.presetPositions.set(preset.id, new Map(units.map((unit, k) => [unit, k])));
    }
    const city = normalizeUnitName(this.city);
    const bareCity = city.replace(/[市省]$/, "");
    this.cityPrefixes = [...new Set([city, bareCity])].filter((p) => p !== "");
  }

  private indexNames(): void {
    for (const unit of this.data.units) {
      const entries: [string, NameEntry][] = [
        [unit.name, { unit, matched: "name" }],
        ...unit.aliases.map((alias): [string, NameEntry] => [alias, { unit, matched: "alias" }]),
        ...(unit.formerNames ?? []).map((former): [string, NameEntry] => [former.name, { unit, matched: "former-name", former }]),
      ];
      const labels: string[] = [];
      for (const [label, entry] of entries) {
        const key = normalizeUnitName(label);
        labels.push(key);
        const list = this.namesIndex.get(key) ?? [];
        list.push(entry);
        list.sort((a, b) => compareStrings(windowOf(a.unit).from, windowOf(b.unit).from));
        this.namesIndex.set(key, list);
      }
      this.labelsOf.set(unit, labels);
    }
  }

  private indexAggregates(): void {
    for (const name of this.data.aggregateNames) this.totalLabels.add(normalizeUnitName(name));
    for (const scheme of this.data.schemes) {
      for (const group of scheme.groups) {
        for (const label of [group.name, ...(group.aliases ?? [])]) {
          const key = normalizeUnitName(label);
          const list = this.groupLabels.get(key) ?? [];
          list.push({ scheme: scheme.id, group: group.name });
          this.groupLabels.set(key, list);
        }
      }
    }
  }

  presets(): RegistryPreset[] {
    return [...this.data.presets];
  }

  preset(id: string): RegistryPreset {
    const preset = this.presetsById.get(id);
    if (!preset) throw new Error(`Unknown preset "${id}" in registry "${this.id}"; known presets: ${[...this.presetsById.keys()].join(", ")}`);
    return preset;
  }

  /** The first preset (in data order) whose validity covers the date. */
  presetFor(asOf: AsOf): RegistryPreset {
    const iso = asOfToIsoDate(asOf);
    const preset = this.data.presets.find((p) => isValidAt(p, iso));
    if (!preset) {
      const known = this.data.presets.map((p) => `${p.id} (${p.validFrom ?? "…"} – ${p.validTo ?? "…"})`).join(", ");
      throw new Error(`No preset of registry "${this.id}" covers ${iso}; presets: ${known}`);
    }
    return preset;
  }

  unitsOf(presetId: string): UnitRecord[] {
    this.preset(presetId);
    return [...(this.presetUnits.get(presetId) as UnitRecord[])];
  }

  /**
   * Where each unit record of this registry stands in unitsOf(presetId); indexed once at load, so that a coverage
   * check of a 100,000-row sheet marks positions instead of building a set of every code it meets. Keyed by the
   * record itself (resolve() hands out these same records): no string is hashed or compared.
   */
  positionsIn(presetId: string): ReadonlyMap<UnitRecord, number> {
    this.preset(presetId);
    return this.presetPositions.get(presetId) as ReadonlyMap<UnitRecord, number>;
  }

  /** The reporting set at a date = the units of presetFor(asOf), in printing order. */
  unitsAt(asOf: AsOf): UnitRecord[] {
    return this.unitsOf(this.presetFor(asOf).id);
  }

  /** Every record, including those no longer valid, in data order. */
  allUnits(): UnitRecord[] {
    return [...this.data.units];
  }

  byCode(code: string): UnitRecord | undefined {
    return this.unitsByCode.get(code);
  }

  schemes(): GroupingScheme[] {
    return [...this.data.schemes];
  }

  /**
   * Reads a row label. With asOf, a unit outside its validity is "invalid" (naming its successor), and
   * suggestions come only from units valid then. Without asOf validity is ignored and the latest record wins.
   * Throws if asOf names no readable period: guessing would check the sheet against the wrong unit list.
   */
  resolve(name: string, asOf?: AsOf): Resolution {
    const iso = asOf === undefined ? undefined : asOfToIsoDate(asOf);
    // Most labels are already clean: try the raw text before paying for normalisation.
    let entries = this.namesIndex.get(name);
    let key = name;
    let viaCityPrefix = false;
    if (entries === undefined) {
      key = normalizeUnitName(name);
      entries = this.namesIndex.get(key);
    }
    if (entries === undefined) {
      entries = this.withoutCityPrefix(key);
      viaCityPrefix = entries !== undefined;
    }
    if (entries !== undefined) return this.fromEntries(name, entries, iso, viaCityPrefix);
    return this.asAggregate(name, key, iso) ?? this.unknown(name, key, iso);
  }

  groupOf(unit: UnitRecord | string, schemeId: string): string | undefined {
    this.scheme(schemeId);
    return this.unitFrom(unit)?.groups[schemeId];
  }

  /** The unit's groups in a scheme from the outermost down: ["主城都市区", "中心城区"]. */
  groupPath(unit: UnitRecord | string, schemeId: string): string[] {
    const scheme = this.scheme(schemeId);
    const path: string[] = [];
    let current = this.unitFrom(unit)?.groups[schemeId];
    while (current !== undefined) {
      path.unshift(current);
      current = scheme.groups.find((g) => g.name === current)?.parent;
    }
    return path;
  }

  isAggregateName(name: string): boolean {
    return this.asAggregate(name, normalizeUnitName(name), undefined) !== undefined;
  }

  private scheme(schemeId: string): GroupingScheme {
    const scheme = this.schemesById.get(schemeId);
    if (!scheme) throw new Error(`Unknown grouping scheme "${schemeId}" in registry "${this.id}"; known schemes: ${[...this.schemesById.keys()].join(", ")}`);
    return scheme;
  }

  private unitFrom(unit: UnitRecord | string): UnitRecord | undefined {
    if (typeof unit !== "string") return unit;
    const r = this.resolve(unit);
    return r.status === "ok" || r.status === "invalid" ? r.unit : undefined;
  }

  private withoutCityPrefix(key: string): NameEntry[] | undefined {
    for (const prefix of this.cityPrefixes) {
      if (key.length > prefix.length && key.startsWith(prefix)) {
        const entries = this.namesIndex.get(key.slice(prefix.length));
        if (entries !== undefined) return entries;
      }
    }
    return undefined;
  }

  private fromEntries(input: string, entries: NameEntry[], iso: string | undefined, viaCityPrefix: boolean): Resolution {
    const entry = iso === undefined ? entries[entries.length - 1] : entries.find((e) => isValidAt(e.unit, iso));
    if (entry === undefined) return this.invalid(input, entries, iso as string);
    // "重庆市渝北区" is not the printed name, so it counts as an alias.
    const matched = viaCityPrefix && entry.matched === "name" ? "alias" : entry.matched;
    if (entry.former !== undefined) {
      return { status: "ok", input, unit: entry.unit, matched, note: formerNameNote(entry.unit, entry.former) };
    }
    return { status: "ok", input, unit: entry.unit, matched };
  }

  private invalid(input: string, entries: NameEntry[], iso: string): Resolution {
    // The record nearest before the date is the one the sheet most likely means (the last one to expire).
    const expired = entries.filter((e) => e.unit.validTo !== undefined && e.unit.validTo < iso);
    const unit = (expired.length > 0 ? expired[expired.length - 1] : entries[0]).unit;
    const successor = this.successorAt(unit, iso);
    const message = invalidUnitMessage(unit, iso, successor);
    return successor ? { status: "invalid", input, unit, message, successor } : { status: "invalid", input, unit, message };
  }

  /** Follows successor links to the first record valid at the date (or the last one known). */
  private successorAt(unit: UnitRecord, iso: string): UnitRecord | undefined {
    let next = unit.successor ? this.unitsByCode.get(unit.successor.code) : undefined;
    for (let hop = 0; next !== undefined && !isValidAt(next, iso) && next.successor && hop < MAX_SUCCESSOR_HOPS; hop++) {
      next = this.unitsByCode.get(next.successor.code);
    }
    return next;
  }

  private asAggregate(input: string, key: string, iso: string | undefined): Resolution | undefined {
    // Subtotal rows wrap a total or group label: "其中：主城都市区", "主城都市区合计", "全市小计".
    if (isTotalRowKey(key, this.totalLabels)) {
      return { status: "aggregate", input, kind: "total" };
    }
    const labels = this.groupLabels.get(key) ?? this.groupLabels.get(aggregateStem(key));
    if (labels === undefined) return undefined;
    const preferred = this.preferredScheme(iso);
    const label = labels.find((l) => l.scheme === preferred) ?? labels[0];
    return { status: "aggregate", input, kind: "group", group: label.group, scheme: label.scheme };
  }

  /** A label such as 渝东北 exists in several schemes; report it in the scheme the sheet's period uses. */
  private preferredScheme(iso: string | undefined): string {
    const presets = this.data.presets;
    const preset = iso === undefined
      ? presets.find((p) => p.validTo === undefined) ?? presets[presets.length - 1]
      : presets.find((p) => isValidAt(p, iso)) ?? presets[presets.length - 1];
    return preset.defaultScheme;
  }

  private unknown(input: string, key: string, iso: string | undefined): Resolution {
    const suggestions = key === "" ? [] : this.suggest(key, iso);
    return { status: "unknown", input, suggestions, message: unknownUnitMessage(key, this.name, suggestions) };
  }

  private suggest(key: string, iso: string | undefined): UnitRecord[] {
    const candidates = this.data.units.filter((u) => iso === undefined || isValidAt(u, iso));
    // A label that shares no character of its name proper (suffix aside, look-alikes counted) with the input scores
    // below any suggestion: skipping it keeps a sheet of many unknown labels (a project list) from costing seconds.
    const keyChars = coreCharacters(key);
    const related = (label: string) => [...stripAdminSuffix(label)].some((c) => keyChars.has(c));
    const scored = candidates
      .map((unit, order) => {
        const labels = (this.labelsOf.get(unit) as string[]).filter(related);
        return { unit, order, score: labels.length === 0 ? 0 : Math.max(...labels.map((l) => similarity(key, l))) };
      })
      .filter((s) => s.score >= MIN_SUGGESTION_SCORE)
      .sort((a, b) => b.score - a.score || a.order - b.order);
    // Records of one unit over time (两江新区 zone, then district) share a name: suggest the name once.
    const seen = new Set<string>();
    const result: UnitRecord[] = [];
    for (const { unit } of scored) {
      if (seen.has(unit.name)) continue;
      seen.add(unit.name);
      result.push(this.latestNamed(unit.name, candidates));
      if (result.length === MAX_SUGGESTIONS) break;
    }
    return result;
  }

  private latestNamed(name: string, candidates: UnitRecord[]): UnitRecord {
    const same = candidates.filter((u) => u.name === name);
    return same.reduce((latest, u) => (windowOf(u).from > windowOf(latest).from ? u : latest));
  }
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as object)) deepFreeze(child);
  }
  return value;
}

/** The characters of a name without its administrative suffix, with their look-alikes (壁 brings 璧). */
function coreCharacters(name: string): Set<string> {
  const chars = new Set<string>();
  for (const c of stripAdminSuffix(name)) {
    chars.add(c);
    for (const alike of lookAlikesOf(c)) chars.add(alike);
  }
  return chars;
}
