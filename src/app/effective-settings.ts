import { Bilingual } from "../core/i18n";
import { CheckSettings, DEFAULT_SETTINGS, normalizeSettings } from "../core/settings";

/*
 * A file checked outside Excel (zs-check, a re-check at the city bureau) is checked under the settings stored in
 * it — the district's period, preset, targets sheet, mapping corrections and thresholds — so that it gets the
 * district's answer. What the command line says explicitly wins, and the output says which was used.
 */

/** What a caller (the command line) chose explicitly; absent = not given, so the file's setting stands. */
export interface SettingFlags {
  /** A period label ("2022年1-9月"). */
  period?: string;
  preset?: string;
  /** Only "on" can be asked for. */
  onlyPresentUnits?: true;
  /** Targets come from elsewhere (zs-check --targets). */
  targets?: true;
}

export interface EffectiveSettings {
  settings: CheckSettings;
  /** What the output should say: the file's settings used, and which of them a flag replaced. */
  notes: Bilingual[];
}

function describeStored(s: CheckSettings): { zh: string[]; en: string[] } {
  const zh: string[] = [];
  const en: string[] = [];
  if (s.period) {
    zh.push(`期间 ${s.period}`);
    en.push(`period ${s.period}`);
  }
  if (s.preset !== DEFAULT_SETTINGS.preset) {
    zh.push(`预设 ${s.preset}`);
    en.push(`preset ${s.preset}`);
  }
  if (s.targets.kind === "sheet") {
    zh.push(`目标值取自工作表“${s.targets.sheet}”`);
    en.push(`targets from sheet ${s.targets.sheet}`);
  } else if (s.targets.kind === "none") {
    zh.push("不检查年度目标");
    en.push("no annual targets");
  }
  const corrections = Object.values(s.mapping).reduce((n, list) => n + list.length, 0);
  if (corrections > 0) {
    zh.push(`${corrections} 处列/行识别更正`);
    en.push(`${corrections} mapping correction${corrections === 1 ? "" : "s"}`);
  }
  const changed = Object.entries(s.thresholds).filter(([k, v]) => v !== (DEFAULT_SETTINGS.thresholds as Record<string, number>)[k]);
  if (changed.length > 0) {
    zh.push(`阈值 ${changed.map(([k, v]) => `${k}=${v}`).join("、")}`);
    en.push(`thresholds ${changed.map(([k, v]) => `${k}=${v}`).join(", ")}`);
  }
  if (s.onlyPresentUnits === true) {
    zh.push("只检查表中列出的单位");
    en.push("only the units listed");
  }
  return { zh, en };
}

/** The settings a file is checked under: the file's own (or the defaults), with the given flags on top. */
export function effectiveSettings(fromFile: CheckSettings | null, flags: SettingFlags, fileName: string): EffectiveSettings {
  const base = fromFile === null ? { ...DEFAULT_SETTINGS } : normalizeSettings(fromFile);
  const notes: Bilingual[] = [];
  if (fromFile !== null) {
    const stored = describeStored(base);
    if (stored.zh.length > 0) {
      notes.push({
        zh: `文件 ${fileName} 保存了校验设置，按其检查：${stored.zh.join("；")}`,
        en: `${fileName} carries check settings, which are used: ${stored.en.join("; ")}`,
      });
    }
  }
  const replaced = (flag: string, what: Bilingual, was: string, now: string): void => {
    if (fromFile === null || was === now) return;
    notes.push({
      zh: `命令行参数 ${flag} 覆盖了文件中保存的${what.zh}（${was} → ${now}）`,
      en: `${flag} overrides the ${what.en} saved in the file (${was} → ${now})`,
    });
  };
  const settings: CheckSettings = { ...base };
  if (flags.period !== undefined) {
    replaced("--period", { zh: "期间", en: "period" }, base.period ?? "—", flags.period);
    settings.period = flags.period;
  }
  if (flags.preset !== undefined) {
    replaced("--preset", { zh: "预设", en: "preset" }, base.preset, flags.preset);
    settings.preset = flags.preset;
  }
  if (flags.onlyPresentUnits) settings.onlyPresentUnits = true;
  if (flags.targets && base.targets.kind !== "this-sheet") {
    const was = base.targets.kind === "sheet" ? base.targets.sheet : "—";
    replaced("--targets", { zh: "目标值来源", en: "targets source" }, was, "--targets");
  }
  return { settings, notes };
}
