import { Period } from "./period";
import { RegistryPreset, UnitRegistry, asOfToIsoDate } from "./units";

/**
 * The one place that dates a sheet: which year and months it covers, the registry preset it is checked against
 * and the date its unit names are resolved at. The engine, the batch checks, the targets reader, the sheet reader
 * and the task pane's "preset detected" line used to decide this each on their own.
 */

/** The AsOf a period names: its last month ("2022-06"), or the year alone (read as its last day); none without a year. */
export function periodAsOf(year: number | undefined | null, endMonth: number | undefined | null): string | undefined {
  if (year === undefined || year === null) return undefined;
  if (endMonth === undefined || endMonth === null) return String(year);
  return `${year}-${String(endMonth).padStart(2, "0")}`;
}

/** The end of the period as an ISO date (a 2022年1-6月 sheet → 2022-06-30); null without a year or for one that is not a year (22). */
export function periodEndDate(year: number | undefined | null, endMonth: number | undefined | null): string | null {
  const asOf = periodAsOf(year, endMonth);
  if (asOf === undefined) return null;
  try {
    return asOfToIsoDate(asOf);
  } catch {
    return null;
  }
}

/**
 * The preset a sheet is checked against: the one chosen by id (an unknown id throws), or for "auto" the one
 * covering the sheet's date; a sheet without a date, or dated before any preset, takes the registry's first.
 */
export function choosePreset(registry: UnitRegistry, id: string, date: string | null): RegistryPreset {
  if (id !== "auto") return registry.preset(id);
  if (date !== null) {
    try {
      return registry.presetFor(date);
    } catch {
      // A year no preset covers (before the data begins): fall through to the default.
    }
  }
  return registry.presets()[0];
}

export interface SheetDating {
  /** The title's year, else the configured one; null when neither says. */
  year: number | null;
  /** Last month of the period (1–12), from the title or the configuration; null when unknown. */
  months: number | null;
  /** ISO end of the period; null without a year. */
  date: string | null;
  preset: RegistryPreset;
  /**
   * ISO date unit names are resolved at: the period's end, or — without a year — the edge of the preset's
   * validity (so 两江新区 reads as the preset's 两江新区); null when neither says anything.
   */
  asOf: string | null;
}

/** What a sheet's own period leaves open, and the preset id ("auto" or one of the registry's). */
export interface DatingInput {
  preset: string;
  year?: number | null;
  months?: number | null;
}

/** Dates a sheet: its period first, the configuration where the title does not say. */
export function dateSheet(period: Period | null, input: DatingInput, registry: UnitRegistry): SheetDating {
  const year = period?.year ?? input.year ?? null;
  const givenMonths = period?.endMonth ?? input.months ?? null;
  const months =
    givenMonths !== null && Number.isInteger(givenMonths) && givenMonths >= 1 && givenMonths <= 12 ? givenMonths : null;
  const date = year === null ? null : periodEndDate(year, months);
  const preset = choosePreset(registry, input.preset, date);
  // Without a year, units are resolved at the preset's own window so that a name shared across a reform
  // (两江新区 the zone, 两江新区 the district) reads as the preset's unit.
  const asOf = date ?? preset.validTo ?? preset.validFrom ?? null;
  return { year, months, date, preset, asOf };
}
