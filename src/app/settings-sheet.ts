import { DEFAULT_CONFIG } from "../core/config";
import { CheckSettings, DEFAULT_SETTINGS, normalizeSettings } from "../core/settings";
import { MappingOverride } from "../core/sheet/types";

/*
 * The check settings stored IN the workbook, in a very hidden sheet beside the explanations sheet, so that they
 * travel with the file: the ribbon, the page and zs-check at the city bureau check the way the district did. The
 * format is documented in src/app/README.md ("设置工作表"); every cell is text, one setting per row:
 *
 *   format     | zs-settings | 1
 *   preset     | auto
 *   scheme     | 2020
 *   period     | 2022年1-9月                 (blank: from the sheet's title)
 *   targets    | sheet       | 年度目标       (or: this-sheet / none)
 *   lang       | zh                          (blank: the reader's own language)
 *   only-present-units | true
 *   threshold  | behindScheduleVerify | 15   (one row per threshold that differs from the default)
 *   mapping    | 汇总表 | column | 正式合同额（亿元） | 3 | contract-amount | current | 亿元
 *
 * A mapping row names the sheet, "column" or "row", the header text (column) or label (row) the correction was
 * made on, where it was then (0-based index in the used range, a hint only), and the indicator, measure and unit
 * chosen ("none" = not an indicator / no measure / no unit; blank = decided by the reader). Keyed by the text, a
 * correction follows its column when the used range moves. Unknown rows are ignored, so a later version may add
 * rows without breaking this one.
 */

export const SETTINGS_SHEET = "_zs_settings";
export const SETTINGS_FORMAT = "zs-settings";
export const SETTINGS_FORMAT_VERSION = 1;

/** Excel compares sheet names case-insensitively, so "_ZS_Settings" is the same sheet. */
export function isSettingsSheet(name: string): boolean {
  return name.toLowerCase() === SETTINGS_SHEET.toLowerCase();
}

const NONE = "none";

function optional(value: string | null | undefined): string {
  if (value === undefined) return "";
  return value === null ? NONE : value;
}

function mappingRow(sheet: string, o: MappingOverride): string[] {
  return [
    "mapping",
    sheet,
    o.row === undefined ? "column" : "row",
    o.key ?? "",
    String(o.row ?? o.col),
    optional(o.indicator),
    optional(o.measure),
    optional(o.unit),
  ];
}

/** The rows to write: text only, so nothing in them can become a number or a formula. */
export function settingsRows(settings: CheckSettings): string[][] {
  const s = normalizeSettings(settings);
  const rows: string[][] = [
    ["format", SETTINGS_FORMAT, String(SETTINGS_FORMAT_VERSION)],
    ["preset", s.preset],
    ["scheme", s.scheme],
    ["period", s.period ?? ""],
    s.targets.kind === "sheet" ? ["targets", "sheet", s.targets.sheet] : ["targets", s.targets.kind],
    ["lang", s.lang ?? ""],
    ["only-present-units", s.onlyPresentUnits === true ? "true" : "false"],
  ];
  for (const [name, value] of Object.entries(s.thresholds)) {
    if (value !== (DEFAULT_CONFIG.thresholds as Record<string, number>)[name]) rows.push(["threshold", name, String(value)]);
  }
  for (const [sheet, list] of Object.entries(s.mapping)) for (const o of list) rows.push(mappingRow(sheet, o));
  return rows;
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  return String(v).trim();
}

/** "" → not given; "none" → null; else the text (checked by normalizeSettings and the sheet reader). */
function choice(text: string): string | null | undefined {
  if (text === "") return undefined;
  return text.toLowerCase() === NONE ? null : text;
}

function parseMapping(fields: string[]): { sheet: string; override: MappingOverride } | null {
  const [, sheet, kind, key, at, indicator, measure, unit] = fields;
  const index = Number(at);
  if (!sheet || (kind !== "column" && kind !== "row") || !Number.isInteger(index) || index < 0) return null;
  const chosen = choice(indicator ?? "");
  const override: MappingOverride = { col: kind === "column" ? index : 0, indicator: (chosen ?? null) as MappingOverride["indicator"] };
  if (kind === "row") override.row = index;
  if (key) override.key = key;
  const m = choice(measure ?? "");
  if (m !== undefined) override.measure = m as MappingOverride["measure"];
  const u = choice(unit ?? "");
  if (u !== undefined) override.unit = u as MappingOverride["unit"];
  return { sheet, override };
}

/**
 * The settings a settings sheet holds, or null when the rows are not one (no format row): a sheet of that name
 * that someone made by hand is not taken for ours. Partial or hand-edited rows are kept where well-formed.
 */
export function parseSettingsRows(rows: readonly (readonly unknown[])[]): CheckSettings | null {
  const lines = rows.map((r) => r.map(cellText)).filter((r) => r.some((c) => c !== ""));
  if (!lines.some((r) => r[0] === "format" && r[1] === SETTINGS_FORMAT)) return null;
  const raw: Record<string, unknown> = { version: 1 };
  const thresholds: Record<string, number> = {};
  const mapping: Record<string, MappingOverride[]> = {};
  for (const fields of lines) {
    const [name, a = "", b = ""] = fields;
    if (name === "preset" || name === "scheme") raw[name] = a;
    else if (name === "period") raw.period = a || null;
    else if (name === "targets") raw.targets = a === "sheet" ? { kind: "sheet", sheet: b } : { kind: a };
    else if (name === "lang") raw.lang = a || null;
    else if (name === "only-present-units") raw.onlyPresentUnits = a.toLowerCase() === "true";
    else if (name === "threshold" && b !== "" && Number.isFinite(Number(b))) thresholds[a] = Number(b);
    else if (name === "mapping") {
      const m = parseMapping(fields);
      if (m) (mapping[m.sheet] ??= []).push(m.override);
    }
  }
  raw.thresholds = { ...DEFAULT_SETTINGS.thresholds, ...thresholds };
  raw.mapping = mapping;
  return normalizeSettings(raw);
}
