import { normalizeUnitName } from "./normalize";
import { UnitRecord } from "./types";

/**
 * The unit a free text names, such as a file name ("黔江区2022年1-6月招商情况.xls", "渝北 半年报.et"): the longest
 * official name, alias or former name (two characters or more) it contains. Null when it names none, or when two
 * different units tie for the longest match: a guess would then say the wrong district was (not) submitted.
 */
export function unitNamedIn(text: string, units: readonly UnitRecord[]): UnitRecord | null {
  const hay = normalizeUnitName(text);
  let best: UnitRecord | null = null;
  let bestLength = 0;
  let tie = false;
  for (const unit of units) {
    const names = [unit.name, ...unit.aliases, ...(unit.formerNames ?? []).map((f) => f.name)];
    for (const raw of names) {
      const name = normalizeUnitName(raw);
      if (name.length < 2 || name.length < bestLength || !hay.includes(name)) continue;
      if (name.length > bestLength) {
        best = unit;
        bestLength = name.length;
        tie = false;
      } else if (best !== null && best.code !== unit.code) {
        tie = true;
      }
    }
  }
  return tie ? null : best;
}
