import { Field, Radio, RadioGroup, Select } from "@fluentui/react-components";
import { TargetsSource } from "../../core/settings";
import { useT } from "../i18n";
import { useLayout } from "../styles";

export interface TargetsSourceFieldProps {
  value: TargetsSource;
  /** Sheets the targets may come from (every sheet but the one checked). */
  sheets: readonly string[];
  disabled?: boolean;
  onChange(value: TargetsSource): void;
}

/** 本表年度目标列 / 其他工作表 [choose] / 不使用目标. */
export function TargetsSourceField({ value, sheets, disabled, onChange }: TargetsSourceFieldProps): JSX.Element {
  const { t } = useT();
  const layout = useLayout();
  const chosen = value.kind === "sheet" ? value.sheet : "";
  return (
    <div className={layout.section}>
      <Field label={t("targets")}>
        <RadioGroup
          layout="vertical"
          value={value.kind}
          disabled={disabled}
          onChange={(_, data) => {
            if (data.value === "sheet") onChange({ kind: "sheet", sheet: chosen || (sheets[0] ?? "") });
            else if (data.value === "none") onChange({ kind: "none" });
            else onChange({ kind: "this-sheet" });
          }}
        >
          <Radio value="this-sheet" label={t("targetsThisSheet")} />
          <Radio value="sheet" label={t("targetsSheet")} />
          <Radio value="none" label={t("targetsNone")} />
        </RadioGroup>
      </Field>
      {value.kind === "sheet" && (
        <Field
          label={t("targetsSheetPick")}
          validationState={chosen === "" ? "error" : "none"}
          validationMessage={chosen === "" ? t("targetsSheetNeeded") : undefined}
        >
          <Select className={layout.full} value={chosen} disabled={disabled} onChange={(_, data) => onChange({ kind: "sheet", sheet: data.value })}>
            <option value="">{t("targetsSheetChoose")}</option>
            {sheets.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </Select>
        </Field>
      )}
    </div>
  );
}
