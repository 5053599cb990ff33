import { normalizeUnitName } from "./normalize";
import { TOTAL_ROW_LABELS } from "./total-rows";
import { RegistryData, UnitKind, UnitRecord } from "./types";
import { covers, isIsoDate, overlaps, Window, windowOf } from "./validity";

const UNIT_KINDS: readonly UnitKind[] = ["district", "county", "autonomous-county", "functional-zone"];
const CODE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const PARTIAL_DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

/**
 * Checks a registry before anything is built from it, and reports every problem at once: whoever edits a city's
 * JSON should be able to fix it in one pass. Throws an Error listing the problems.
 */
export function validateRegistryData(data: RegistryData): void {
  const problems: string[] = [];
  if (!data || typeof data !== "object") throw new Error("Invalid unit registry: data is not an object");
  if (!nonEmpty(data.id)) problems.push("registry id is missing");
  if (typeof data.city !== "string") problems.push("city is missing");
  for (const field of ["schemes", "units", "presets", "aggregateNames"] as const) {
    if (!Array.isArray(data[field])) problems.push(`"${field}" must be an array`);
  }
  if (problems.length === 0) {
    const groupNamesByScheme = checkSchemes(data, problems);
    const codes = checkUnits(data, groupNamesByScheme, problems);
    checkNameClaims(data, problems);
    checkPresets(data, codes, groupNamesByScheme, problems);
  }
  if (problems.length > 0) {
    throw new Error(`Invalid unit registry "${String(data.id)}":\n  - ${problems.join("\n  - ")}`);
  }
}

function checkSchemes(data: RegistryData, problems: string[]): Map<string, Set<string>> {
  const result = new Map<string, Set<string>>();
  for (const scheme of data.schemes) {
    if (!nonEmpty(scheme.id)) {
      problems.push("a grouping scheme has no id");
      continue;
    }
    if (result.has(scheme.id)) problems.push(`grouping scheme "${scheme.id}" is defined twice`);
    const names = new Set<string>();
    const labels = new Set<string>();
    for (const group of scheme.groups ?? []) {
      // A parent listed first rules out cycles and lets printers walk groups in order.
      if (group.parent !== undefined && !names.has(group.parent)) {
        problems.push(`scheme "${scheme.id}": group "${group.name}" has parent "${group.parent}", which is not listed before it`);
      }
      for (const label of [group.name, ...(group.aliases ?? [])]) {
        const key = normalizeUnitName(label);
        if (labels.has(key)) problems.push(`scheme "${scheme.id}": group label "${label}" is used twice`);
        labels.add(key);
      }
      names.add(group.name);
    }
    if (names.size === 0) problems.push(`scheme "${scheme.id}" has no groups`);
    result.set(scheme.id, names);
  }
  return result;
}

function checkUnits(data: RegistryData, groupNamesByScheme: Map<string, Set<string>>, problems: string[]): Set<string> {
  const codes = new Set<string>();
  for (const unit of data.units) {
    const label = `unit "${unit.code}" (${unit.name})`;
    if (typeof unit.code !== "string" || !CODE.test(unit.code)) {
      problems.push(`${label}: code must be lower-case ASCII words joined by "-"`);
    }
    if (codes.has(unit.code)) problems.push(`duplicate unit code "${unit.code}"`);
    codes.add(unit.code);
    if (!nonEmpty(unit.name)) problems.push(`${label}: name is missing`);
    if (!UNIT_KINDS.includes(unit.kind)) problems.push(`${label}: kind "${unit.kind}" is not one of ${UNIT_KINDS.join(", ")}`);
    if (!Array.isArray(unit.aliases)) problems.push(`${label}: aliases must be an array`);
    if (typeof unit.countsInCityTotal !== "boolean") problems.push(`${label}: countsInCityTotal must be true or false`);
    if (typeof unit.rankedInOverall !== "boolean") problems.push(`${label}: rankedInOverall must be true or false`);
    checkWindow(label, unit, problems);
    for (const former of unit.formerNames ?? []) {
      if (former.until !== undefined && !PARTIAL_DATE.test(former.until)) {
        problems.push(`${label}: former name "${former.name}" has until "${former.until}", expected YYYY, YYYY-MM or YYYY-MM-DD`);
      }
    }
    checkUnitGroups(label, unit, groupNamesByScheme, problems);
  }
  for (const unit of data.units) {
    if (unit.successor === undefined) continue;
    if (!codes.has(unit.successor.code)) problems.push(`unit "${unit.code}": successor "${unit.successor.code}" is not a known unit code`);
    if (unit.successor.code === unit.code) problems.push(`unit "${unit.code}" names itself as successor`);
  }
  return codes;
}

function checkUnitGroups(label: string, unit: UnitRecord, groupNamesByScheme: Map<string, Set<string>>, problems: string[]): void {
  const groups = unit.groups ?? {};
  for (const [schemeId, groupNames] of groupNamesByScheme) {
    const group = groups[schemeId];
    if (group === undefined) problems.push(`${label}: has no group in scheme "${schemeId}"`);
    else if (!groupNames.has(group)) problems.push(`${label}: group "${group}" is not a group of scheme "${schemeId}"`);
  }
  for (const schemeId of Object.keys(groups)) {
    if (!groupNamesByScheme.has(schemeId)) problems.push(`${label}: refers to unknown scheme "${schemeId}"`);
  }
}

function checkWindow(label: string, item: { validFrom?: string; validTo?: string }, problems: string[]): void {
  if (item.validFrom !== undefined && !isIsoDate(item.validFrom)) problems.push(`${label}: validFrom "${item.validFrom}" is not a YYYY-MM-DD date`);
  if (item.validTo !== undefined && !isIsoDate(item.validTo)) problems.push(`${label}: validTo "${item.validTo}" is not a YYYY-MM-DD date`);
  if (item.validFrom !== undefined && item.validTo !== undefined && item.validFrom > item.validTo) {
    problems.push(`${label}: validFrom ${item.validFrom} is after validTo ${item.validTo}`);
  }
}

interface Claim {
  code: string;
  how: string;
  window: Window;
}

/**
 * A label must point at one unit at any date, or resolve() would have to guess. The same label may name
 * different records at different times (两江新区 the zone, then the district).
 */
function checkNameClaims(data: RegistryData, problems: string[]): void {
  const claims = new Map<string, Claim[]>();
  const reserved = reservedLabels(data);
  for (const unit of data.units) {
    const window = windowOf(unit);
    const labels: [string, string][] = [
      [unit.name, "name"],
      ...(unit.aliases ?? []).map((a): [string, string] => [a, "alias"]),
      ...(unit.formerNames ?? []).map((f): [string, string] => [f.name, "former name"]),
    ];
    for (const [label, how] of labels) {
      const key = normalizeUnitName(label ?? "");
      if (key === "") continue;
      const aggregate = reserved.get(key);
      if (aggregate !== undefined) problems.push(`"${label}" (${how} of ${unit.code}) is also ${aggregate}`);
      const previous = claims.get(key) ?? [];
      for (const other of previous) {
        if (other.code === unit.code) problems.push(`"${label}" is listed twice for ${unit.code} (${other.how} and ${how})`);
        else if (overlaps(other.window, window)) {
          problems.push(`"${label}" is claimed by both ${other.code} (${other.how}) and ${unit.code} (${how}) at the same time`);
        }
      }
      claims.set(key, [...previous, { code: unit.code, how, window }]);
    }
  }
}

function reservedLabels(data: RegistryData): Map<string, string> {
  const reserved = new Map<string, string>();
  for (const name of [...TOTAL_ROW_LABELS, ...data.aggregateNames]) reserved.set(normalizeUnitName(name), "an aggregate row name");
  for (const scheme of data.schemes) {
    for (const group of scheme.groups ?? []) {
      for (const label of [group.name, ...(group.aliases ?? [])]) {
        reserved.set(normalizeUnitName(label), `a group of scheme "${scheme.id}"`);
      }
    }
  }
  return reserved;
}

function checkPresets(data: RegistryData, codes: Set<string>, schemes: Map<string, Set<string>>, problems: string[]): void {
  const ids = new Set<string>();
  const byCode = new Map(data.units.map((u) => [u.code, u]));
  for (const preset of data.presets) {
    const label = `preset "${preset.id}"`;
    if (!nonEmpty(preset.id)) problems.push("a preset has no id");
    if (ids.has(preset.id)) problems.push(`duplicate preset id "${preset.id}"`);
    ids.add(preset.id);
    if (!schemes.has(preset.defaultScheme)) problems.push(`${label}: default scheme "${preset.defaultScheme}" is not defined`);
    checkWindow(label, preset, problems);
    const seen = new Set<string>();
    for (const code of preset.units ?? []) {
      if (seen.has(code)) problems.push(`${label}: unit "${code}" is listed twice`);
      seen.add(code);
      const unit = byCode.get(code);
      if (!codes.has(code) || unit === undefined) {
        problems.push(`${label}: unknown unit code "${code}"`);
        continue;
      }
      // A preset row that expires half-way through the preset would make a valid sheet fail its own check.
      if (!covers(windowOf(unit), windowOf(preset))) {
        problems.push(`${label}: unit "${code}" (${unit.name}) is not valid for the whole preset period`);
      }
    }
    if (seen.size === 0) problems.push(`${label} has no units`);
  }
  if (ids.size === 0) problems.push("no presets defined");
}

function nonEmpty(text: unknown): text is string {
  return typeof text === "string" && text.trim() !== "";
}
