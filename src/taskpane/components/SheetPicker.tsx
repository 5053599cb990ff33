import { Field, Select } from "@fluentui/react-components";
import { useT } from "../i18n";
import { useLayout } from "../styles";

export interface SheetPickerProps {
  sheets: readonly string[];
  sheet: string | null;
  disabled?: boolean;
  onSelect(name: string): void;
}

/** The sheet to check; the active one is selected when the pane opens. Changing it re-runs detection. */
export function SheetPicker({ sheets, sheet, disabled, onSelect }: SheetPickerProps): JSX.Element {
  const { t } = useT();
  const layout = useLayout();
  return (
    <Field label={t("sheet")}>
      <Select className={layout.full} value={sheet ?? ""} disabled={disabled || sheets.length === 0} onChange={(_, data) => onSelect(data.value)}>
        {sheet === null && <option value="">…</option>}
        {sheets.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </Select>
    </Field>
  );
}
