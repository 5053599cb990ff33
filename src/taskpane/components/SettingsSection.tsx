import { Button, Checkbox, Field, Input, Select, Spinner } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { Lang } from "../../core/i18n";
import { CheckSettings } from "../../core/settings";
import { REGISTRY } from "../detect";
import { MessageId, useT } from "../i18n";
import { useLayout } from "../styles";

type Threshold = "behindScheduleInfo" | "behindScheduleVerify" | "outlierZ" | "yoySwing";
const THRESHOLDS: { key: Threshold; label: MessageId; step: string }[] = [
  { key: "behindScheduleInfo", label: "behindInfo", step: "1" },
  { key: "behindScheduleVerify", label: "behindVerify", step: "1" },
  { key: "outlierZ", label: "outlierZ", step: "0.5" },
  { key: "yoySwing", label: "yoySwing", step: "5" },
];

export interface SettingsSectionProps {
  settings: CheckSettings;
  dirty: boolean;
  busy?: boolean;
  onChange(patch: Partial<CheckSettings>): void;
  onSave(): void;
}

function problemOf(key: Threshold, text: string, settings: CheckSettings): MessageId | null {
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || value < 0) return "thresholdInvalid";
  if (key === "behindScheduleVerify" && value <= settings.thresholds.behindScheduleInfo) return "thresholdOrder";
  if (key === "behindScheduleInfo" && value >= settings.thresholds.behindScheduleVerify) return "thresholdOrder";
  return null;
}

/**
 * Thresholds (behind schedule in 百分点, outlier z), grouping scheme and language; saved in the workbook, where
 * the ribbon's 一键校验 reads them too. Preset, period, targets and mapping are edited in the main view.
 */
export function SettingsSection({ settings, dirty, busy, onChange, onSave }: SettingsSectionProps): JSX.Element {
  const { t, pick } = useT();
  const layout = useLayout();
  const fromSettings = () => Object.fromEntries(THRESHOLDS.map(({ key }) => [key, String(settings.thresholds[key])])) as Record<Threshold, string>;
  const [texts, setTexts] = useState<Record<Threshold, string>>(fromSettings);
  // Settings loaded from the workbook (or reset) replace what is typed.
  useEffect(() => setTexts(fromSettings()), [settings.thresholds]);

  const edit = (key: Threshold, text: string) => {
    setTexts((prev) => ({ ...prev, [key]: text }));
    if (problemOf(key, text, settings) === null) onChange({ thresholds: { ...settings.thresholds, [key]: Number(text) } });
  };
  const problems = THRESHOLDS.map(({ key }) => problemOf(key, texts[key], settings));

  return (
    <div className={layout.section}>
      <p className={layout.hint}>{t("settingsUsedHint")}</p>
      {THRESHOLDS.map(({ key, label, step }, i) => (
        <Field
          key={key}
          label={t(label)}
          validationState={problems[i] !== null ? "error" : "none"}
          validationMessage={problems[i] !== null ? t(problems[i] as MessageId) : undefined}
        >
          <Input className={layout.full} type="number" inputMode="decimal" min={0} step={step} value={texts[key]} onChange={(_, data) => edit(key, data.value)} />
        </Field>
      ))}
      <Checkbox
        checked={settings.onlyPresentUnits === true}
        label={t("onlyPresentUnits")}
        onChange={(_, data) => onChange({ onlyPresentUnits: data.checked === true })}
      />
      <Field label={t("scheme")}>
        <Select className={layout.full} value={settings.scheme} onChange={(_, data) => onChange({ scheme: data.value })}>
          {REGISTRY.schemes().map((s) => (
            <option key={s.id} value={s.id}>
              {pick(s.name)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("language")}>
        <Select
          className={layout.full}
          value={settings.lang ?? ""}
          onChange={(_, data) => onChange({ lang: data.value === "" ? null : (data.value as Lang) })}
        >
          <option value="">{t("langAuto")}</option>
          <option value="zh">{t("langZh")}</option>
          <option value="en">{t("langEn")}</option>
        </Select>
      </Field>
      <div className={layout.row}>
        <Button
          appearance={dirty ? "primary" : "secondary"}
          disabled={busy || problems.some((p) => p !== null)}
          icon={busy ? <Spinner size="tiny" /> : undefined}
          onClick={onSave}
        >
          {t("saveSettings")}
        </Button>
      </div>
    </div>
  );
}
