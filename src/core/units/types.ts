import { Bilingual } from "../i18n";

/**
 * When a sheet's figures apply. Sheets are 1–N月 cumulative, so a period means its END:
 * "2022年1-6月" is 2022-06-30 and a bare year (2026, "2026", "2026年") is 2026-12-31.
 */
export type AsOf = Date | string | number;

export type UnitKind = "district" | "county" | "autonomous-county" | "functional-zone";

export interface FormerName {
  name: string;
  /** "YYYY", "YYYY-MM" or "YYYY-MM-DD": when the old name stopped being official. */
  until?: string;
  /** Shown to the user when a sheet still uses the old name; a rename note is generated when absent. */
  note?: Bilingual;
}

export interface UnitRecord {
  /** Stable ASCII id ("yubei"); never shown to users, safe to store in sheets and settings. */
  code: string;
  /** Official name as printed in bulletins: 渝北区. */
  name: string;
  kind: UnitKind;
  /** Other current spellings people type: 渝北, 石柱县, 高新区 … */
  aliases: string[];
  formerNames?: FormerName[];
  /** Grouping scheme id → name of the most specific group the unit belongs to in that scheme. */
  groups: Record<string, string>;
  /** The row is added when checking a 全市 total (false for zones that overlap the districts they lie in). */
  countsInCityTotal: boolean;
  /** The unit appears in the 赛马榜 overall ranking. */
  rankedInOverall: boolean;
  /** ISO date (YYYY-MM-DD), inclusive. Absent = valid since before anything we model. */
  validFrom?: string;
  /** ISO date (YYYY-MM-DD), inclusive. Absent = still valid. */
  validTo?: string;
  /** Where the unit's figures went when it stopped being a reporting unit. */
  successor?: { code: string; note: Bilingual };
}

export interface SchemeGroup {
  name: string;
  /** Name of the enclosing group in the same scheme (中心城区 → 主城都市区). */
  parent?: string;
  /** Short forms seen as subtotal row labels (渝东北 for 渝东北三峡库区城镇群). */
  aliases?: string[];
}

export interface GroupingScheme {
  id: string;
  name: Bilingual;
  /** In printing order; a parent is listed before its children. */
  groups: SchemeGroup[];
}

export interface RegistryPreset {
  id: string;
  name: Bilingual;
  validFrom?: string;
  validTo?: string;
  /** Unit codes in the order statisticians print them. */
  units: string[];
  defaultScheme: string;
}

export interface RegistryData {
  id: string;
  /** The city's own name (重庆市); a row label may carry it as a prefix (重庆市渝北区). */
  city: string;
  /** Display name of the area, used in messages ("…不是重庆市的统计单位"). */
  name: Bilingual;
  /** Sources and inferences behind the data, for whoever maintains it. Not used at runtime. */
  notes?: string[];
  schemes: GroupingScheme[];
  units: UnitRecord[];
  presets: RegistryPreset[];
  /**
   * The region's own names that head a total row (重庆市). The words every region shares (全市, 合计 …) are in
   * total-rows.ts; group names are aggregates without being listed.
   */
  aggregateNames: string[];
}

export type Resolution =
  | { status: "ok"; input: string; unit: UnitRecord; matched: "name" | "alias" | "former-name"; note?: Bilingual }
  | { status: "invalid"; input: string; unit: UnitRecord; message: Bilingual; successor?: UnitRecord }
  | { status: "aggregate"; input: string; kind: "total" | "group"; group?: string; scheme?: string }
  | { status: "unknown"; input: string; suggestions: UnitRecord[]; message: Bilingual };
