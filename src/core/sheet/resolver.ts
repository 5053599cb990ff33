import { AsOf, Resolution, UnitRegistry } from "../units";

// "一、主城都市区", "（一）渝东北", "1.渝中区": outline numbering in front of a label is not part of the name.
const ORDINAL_PREFIX = /^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d{1,3}[、.．](?!\d))\s*/;

export function withoutOrdinal(label: string): string {
  return label.replace(ORDINAL_PREFIX, "");
}

/**
 * Resolves row labels against the registry at the sheet's date, each distinct label once: a 100,000-row sheet
 * repeats the same few dozen names, and resolving an unknown one scores it against every unit.
 */
export class UnitResolver {
  private readonly cache = new Map<string, Resolution>();

  constructor(
    private readonly registry: UnitRegistry,
    private readonly asOf: AsOf | undefined,
  ) {}

  resolve(label: string): Resolution {
    let resolution = this.cache.get(label);
    if (resolution === undefined) {
      resolution = this.registry.resolve(withoutOrdinal(label), this.asOf);
      this.cache.set(label, resolution);
    }
    return resolution;
  }

  /**
   * A bare 小计 is the subtotal of the group above it, so a group row; the registry files it with the totals
   * because to it a label is either a unit or an aggregate.
   */
  isSubtotal(label: string): boolean {
    return withoutOrdinal(label).trim() === "小计";
  }

  /** Every name, alias and former name the registry knows, longest first: for finding a district inside a title. */
  knownNames(): string[] {
    const names = this.registry.allUnits().flatMap((u) => [u.name, ...u.aliases, ...(u.formerNames ?? []).map((f) => f.name)]);
    return [...new Set(names)].sort((a, b) => b.length - a.length);
  }
}
