import { Button, Field, Radio, RadioGroup, Spinner } from "@fluentui/react-components";
import { useState } from "react";
import { useT } from "../i18n";
import { useLayout } from "../styles";

export interface FreezeSectionProps {
  /** The sheet in the picker, offered as the smaller scope; null before one is chosen. */
  sheet: string | null;
  /** Excel can take the whole conversion back with one Undo (ExcelApi 1.20). */
  undo: boolean;
  /** The standalone page: the user's file is not changed, the frozen file is a download. */
  fileMode: boolean;
  /** False in an Excel without Range.copyFrom (ExcelApi 1.9): the section says how to do it by hand instead. */
  available?: boolean;
  busy?: boolean;
  disabled?: boolean;
  onFreeze(scope: "workbook" | "sheet"): Promise<unknown>;
}

/**
 * 报送前固化: ZSTJ.* formulas become the values they show, so the file reads the same where the add-in is not
 * loaded. Values replace formulas, so the button first asks, saying whether one Undo brings them back.
 */
export function FreezeSection({ sheet, undo, fileMode, available = true, busy, disabled, onFreeze }: FreezeSectionProps): JSX.Element {
  const { t } = useT();
  const layout = useLayout();
  if (!available) {
    return (
      <div className={layout.section}>
        <p className={layout.hint}>{t("freezeIntro")}</p>
        <p className={layout.hint}>{t("freezeUnavailable")}</p>
      </div>
    );
  }
  const [scope, setScope] = useState<"workbook" | "sheet">("workbook");
  const [confirming, setConfirming] = useState(false);
  const effective = sheet === null ? "workbook" : scope;
  const consequence = fileMode ? t("freezeFileMode") : undo ? t("freezeUndo") : t("freezeNoUndo");
  return (
    <div className={layout.section}>
      <p className={layout.hint}>{t("freezeIntro")}</p>
      <Field label={t("freezeScope")}>
        <RadioGroup
          layout="vertical"
          value={effective}
          disabled={disabled || busy}
          onChange={(_, data) => {
            setScope(data.value === "sheet" ? "sheet" : "workbook");
            setConfirming(false);
          }}
        >
          <Radio value="workbook" label={t("freezeWorkbook")} />
          {sheet !== null && <Radio value="sheet" label={t("freezeSheet", { sheet })} />}
        </RadioGroup>
      </Field>
      {!confirming ? (
        <div className={layout.row}>
          <Button disabled={disabled || busy} icon={busy ? <Spinner size="tiny" /> : undefined} onClick={() => setConfirming(true)}>
            {t("freezeStart")}
          </Button>
        </div>
      ) : (
        <div role="alertdialog" aria-labelledby="zs-freeze-confirm" className={layout.section}>
          <p id="zs-freeze-confirm" className={layout.hint}>
            {effective === "sheet" ? t("freezeConfirmSheet", { sheet: sheet ?? "" }) : t("freezeConfirmWorkbook")} {consequence}
          </p>
          <div className={layout.row}>
            <Button
              appearance="primary"
              disabled={disabled || busy}
              onClick={() => {
                setConfirming(false);
                void onFreeze(effective);
              }}
            >
              {t("freezeConfirm")}
            </Button>
            <Button onClick={() => setConfirming(false)}>{t("cancel")}</Button>
          </div>
        </div>
      )}
    </div>
  );
}
