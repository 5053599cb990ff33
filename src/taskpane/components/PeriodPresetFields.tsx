import { Field, Input, Select } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { parsePeriodInput, periodEcho, periodRefusal } from "../../core/period-input";
import { SheetModel } from "../../core/sheet/types";
import { REGISTRY } from "../detect";
import { useT } from "../i18n";
import { useLayout } from "../styles";

export interface PeriodPresetFieldsProps {
  model: SheetModel | null;
  /** The user's period (settings.period), null = from the title. */
  period: string | null;
  preset: string;
  /** Name of the preset the check will use. */
  effectivePresetName: string;
  disabled?: boolean;
  onPeriod(label: string | null): void;
  onPreset(id: string): void;
}

/**
 * The detected period and registry preset, both editable. The period text is applied when it parses (on blur or
 * Enter) and said back as understood; an unreadable one is refused with the forms accepted and not applied.
 * Empty = use the title's.
 */
export function PeriodPresetFields(props: PeriodPresetFieldsProps): JSX.Element {
  const { t, pick } = useT();
  const layout = useLayout();
  const [text, setText] = useState(props.period ?? "");
  const [invalid, setInvalid] = useState<string | null>(null);
  useEffect(() => {
    setText(props.period ?? "");
    setInvalid(null);
  }, [props.period]);

  const commit = () => {
    const trimmed = text.trim();
    if (trimmed === "") {
      setInvalid(null);
      if (props.period !== null) props.onPeriod(null);
      return;
    }
    const parsed = parsePeriodInput(trimmed);
    if (parsed === null) {
      setInvalid(trimmed);
      return;
    }
    setInvalid(null);
    setText(parsed.label);
    if (parsed.label !== props.period) props.onPeriod(parsed.label);
  };

  const detected = props.model?.period?.label;
  // A typed period is said back as understood (label, 时序进度), the way zs-check --period does.
  const typed = props.period !== null ? parsePeriodInput(props.period) : null;
  const hint =
    typed !== null
      ? pick(periodEcho(typed))
      : detected
        ? t("periodFromTitle", { label: detected })
        : t("periodNotFound");

  return (
    <div className={layout.section}>
      <Field
        label={t("period")}
        validationState={invalid !== null ? "error" : "none"}
        validationMessage={invalid !== null ? pick(periodRefusal(invalid)) : undefined}
        hint={invalid === null ? hint : undefined}
      >
        <Input
          className={layout.full}
          value={text}
          placeholder={detected ?? t("periodPlaceholder")}
          disabled={props.disabled}
          onChange={(_, data) => setText(data.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === "Enter") commit();
          }}
        />
      </Field>
      <Field label={t("preset")} hint={t("presetDetected", { name: props.effectivePresetName })}>
        <Select className={layout.full} value={props.preset} disabled={props.disabled} onChange={(_, data) => props.onPreset(data.value)}>
          <option value="auto">{t("presetAuto")}</option>
          {REGISTRY.presets().map((p) => (
            <option key={p.id} value={p.id}>
              {pick(p.name)}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}
