import { ValidationConfig, withDefaults, DEFAULT_CONFIG } from "./config";
import { Lang } from "./i18n";
import { MappingOverride } from "./sheet/types";

/** Where a sheet's annual targets come from. */
export type TargetsSource =
  | { kind: "this-sheet" } // the checked sheet's own 年度目标 columns
  | { kind: "sheet"; sheet: string } // another sheet of the same workbook
  | { kind: "none" };

/**
 * What a user chooses in the pane, saved in the workbook (so the ribbon's 一键校验 and the next person who opens
 * the file check the same way). Plain JSON: it is stored as a document setting / a hidden sheet cell.
 */
export interface CheckSettings {
  version: 1;
  /** Registry preset id or "auto" (from the sheet's period). */
  preset: string;
  scheme: string;
  /** A period label ("2022年1-6月") when the title's is wrong or missing; null = from the title. */
  period: string | null;
  targets: TargetsSource;
  thresholds: ValidationConfig["thresholds"];
  /** Column-mapping corrections, per sheet name. */
  mapping: Record<string, MappingOverride[]>;
  /** null = follow Office's display language. */
  lang: Lang | null;
  /** Check only the units a sheet lists (config.onlyPresentUnits): absent units are one 提示, not 缺少单位 errors. */
  onlyPresentUnits?: boolean;
  /**
   * 上期报表: the sheet holding the previous period's figures (last month's sheet kept in the workbook, or a dropped
   * file's sheet on the page); the checked sheet is compared with it (core/previous). Absent: no comparison.
   */
  previousSheet?: string;
}

export const DEFAULT_SETTINGS: CheckSettings = {
  version: 1,
  preset: DEFAULT_CONFIG.preset,
  scheme: DEFAULT_CONFIG.scheme,
  period: null,
  targets: { kind: "this-sheet" },
  thresholds: DEFAULT_CONFIG.thresholds,
  mapping: {},
  lang: null,
};

/** A stored correction of a column, or of a row of a one-district form (`row` a row index). */
function isOverride(o: unknown): o is MappingOverride {
  if (typeof o !== "object" || o === null) return false;
  const { col, row } = o as { col?: unknown; row?: unknown };
  return typeof col === "number" && (row === undefined || (Number.isInteger(row) && (row as number) >= 0));
}

/**
 * Settings read back from a workbook may be old, partial or hand-edited: keep what is well-formed, default the
 * rest, never throw.
 */
export function normalizeSettings(raw: unknown): CheckSettings {
  if (typeof raw !== "object" || raw === null) return { ...DEFAULT_SETTINGS };
  const r = raw as Partial<Record<keyof CheckSettings, unknown>>;
  const str = (v: unknown, d: string) => (typeof v === "string" && v.trim() !== "" ? v : d);
  const thresholds = { ...DEFAULT_SETTINGS.thresholds };
  if (typeof r.thresholds === "object" && r.thresholds !== null) {
    for (const [k, v] of Object.entries(r.thresholds)) {
      if (k in thresholds && typeof v === "number" && Number.isFinite(v)) (thresholds as Record<string, number>)[k] = v;
    }
  }
  const t = r.targets as Partial<TargetsSource> | undefined;
  const targets: TargetsSource =
    t?.kind === "sheet" && typeof (t as { sheet?: unknown }).sheet === "string"
      ? { kind: "sheet", sheet: (t as { sheet: string }).sheet }
      : t?.kind === "none"
        ? { kind: "none" }
        : { kind: "this-sheet" };
  const mapping: Record<string, MappingOverride[]> = {};
  if (typeof r.mapping === "object" && r.mapping !== null) {
    for (const [sheet, list] of Object.entries(r.mapping)) {
      if (Array.isArray(list)) mapping[sheet] = list.filter(isOverride);
    }
  }
  return {
    version: 1,
    preset: str(r.preset, DEFAULT_SETTINGS.preset),
    scheme: str(r.scheme, DEFAULT_SETTINGS.scheme),
    period: typeof r.period === "string" && r.period.trim() !== "" ? r.period : null,
    targets,
    thresholds,
    mapping,
    lang: r.lang === "zh" || r.lang === "en" ? r.lang : null,
    ...(r.onlyPresentUnits === true ? { onlyPresentUnits: true } : {}),
    ...(typeof r.previousSheet === "string" && r.previousSheet.trim() !== "" ? { previousSheet: r.previousSheet } : {}),
  };
}

/** The engine's configuration for one sheet under these settings. */
export function configFor(settings: CheckSettings, sheet: string, lang: Lang): ValidationConfig {
  return withDefaults({
    preset: settings.preset,
    scheme: settings.scheme,
    thresholds: settings.thresholds,
    mapping: settings.mapping[sheet] ?? [],
    onlyPresentUnits: settings.onlyPresentUnits === true,
    lang,
  });
}
