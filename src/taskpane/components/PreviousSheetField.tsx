import { Field, Select } from "@fluentui/react-components";
import { useT } from "../i18n";
import { useLayout } from "../styles";

export interface PreviousSheetFieldProps {
  /** The 上期报表 sheet, or undefined for no comparison. */
  value: string | undefined;
  /** Sheets that may hold the previous period (every sheet but the one checked). */
  sheets: readonly string[];
  disabled?: boolean;
  onChange(sheet: string | undefined): void;
}

/** 上期报表: 不与上期对比 / a sheet of this workbook (last month's sheet, or on the page a dropped file's). */
export function PreviousSheetField({ value, sheets, disabled, onChange }: PreviousSheetFieldProps): JSX.Element {
  const { t } = useT();
  const layout = useLayout();
  return (
    <Field label={t("previousSheet")} hint={t("previousSheetHint")}>
      <Select
        className={layout.full}
        value={value ?? ""}
        disabled={disabled}
        onChange={(_, data) => onChange(data.value === "" ? undefined : data.value)}
      >
        <option value="">{t("previousNone")}</option>
        {sheets.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </Select>
    </Field>
  );
}
