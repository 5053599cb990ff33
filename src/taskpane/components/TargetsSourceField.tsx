import { Button, Field, Radio, RadioGroup, Select } from "@fluentui/react-components";
import { TargetsSource } from "../../core/settings";
import { useT } from "../i18n";
import { useLayout } from "../styles";

export interface TargetsSourceFieldProps {
  value: TargetsSource;
  /** Sheets the targets may come from (every sheet but the one checked). */
  sheets: readonly string[];
  disabled?: boolean;
  /** Set when "this sheet" finds no target columns (detect.targetsAdvice): warned, and a named sheet offered. */
  advice?: { missing: true; offer: string | null } | null;
  onChange(value: TargetsSource): void;
}

/** 本表年度目标列 / 其他工作表 [choose] / 不使用目标; warns when 本表 has no target columns and offers a 年度目标 sheet. */
export function TargetsSourceField({ value, sheets, disabled, advice, onChange }: TargetsSourceFieldProps): JSX.Element {
  const { t } = useT();
  const layout = useLayout();
  const chosen = value.kind === "sheet" ? value.sheet : "";
  const offer = advice?.offer ?? null;
  const warning = advice ? (offer !== null ? t("targetsNoneHereOffer", { sheet: offer }) : t("targetsNoneHere")) : undefined;
  return (
    <div className={layout.section}>
      <Field label={t("targets")} validationState={warning ? "warning" : "none"} validationMessage={warning}>
        <RadioGroup
          layout="vertical"
          value={value.kind}
          disabled={disabled}
          onChange={(_, data) => {
            if (data.value === "sheet") onChange({ kind: "sheet", sheet: chosen || offer || (sheets[0] ?? "") });
            else if (data.value === "none") onChange({ kind: "none" });
            else onChange({ kind: "this-sheet" });
          }}
        >
          <Radio value="this-sheet" label={t("targetsThisSheet")} />
          <Radio value="sheet" label={t("targetsSheet")} />
          <Radio value="none" label={t("targetsNone")} />
        </RadioGroup>
      </Field>
      {offer !== null && (
        <Button size="small" disabled={disabled} onClick={() => onChange({ kind: "sheet", sheet: offer })}>
          {t("targetsUseSheet", { sheet: offer })}
        </Button>
      )}
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
