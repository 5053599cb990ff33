import { Button, Checkbox, Spinner, useId } from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import { SheetModel } from "../../core/sheet/types";
import { FormulaOption, formulaOptions } from "../detect";
import { useT } from "../i18n";
import { FormulaColumnRequest } from "../../app/port";
import { useLayout } from "../styles";

export interface FormulaColumnsSectionProps {
  model: SheetModel;
  busy?: boolean;
  disabled?: boolean;
  onInsert(columns: FormulaColumnRequest[]): Promise<boolean>;
}

/**
 * 插入公式列, for Excels without custom functions: 完成率 / 同比 / 超序时进度 columns for each amount indicator
 * whose inputs the mapping found. Kinds the sheet already has are offered but not pre-selected.
 */
export function FormulaColumnsSection({ model, busy, disabled, onInsert }: FormulaColumnsSectionProps): JSX.Element {
  const { t, lang } = useT();
  const layout = useLayout();
  const options = useMemo(() => formulaOptions(model, lang), [model, lang]);
  const groupId = useId("zs-formulas");
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    setChosen(new Set(options.filter((o) => !o.exists).map((o) => o.id)));
  }, [options]);

  if (options.length === 0) {
    return (
      <div className={layout.section}>
        <p className={layout.hint}>{t("formulaIntro")}</p>
        <p className={layout.hint}>{t("formulaNone")}</p>
      </div>
    );
  }
  const requests = options.filter((o) => chosen.has(o.id)).map((o) => o.request);
  const optionLabel = (o: FormulaOption): string => {
    const inputs = [...o.request.inputs, ...(o.request.months !== undefined ? [t("formulaMonths", { n: o.request.months })] : [])];
    const text = t("formulaOption", { header: o.request.header, inputs: inputs.join(t("listSeparator")) });
    return o.exists ? `${text} · ${t("formulaExists")}` : text;
  };
  return (
    <div className={layout.section}>
      <p className={layout.hint}>{t("formulaIntro")}</p>
      <div role="group" aria-labelledby={groupId} className={layout.section}>
        <span id={groupId} className={layout.subheading}>
          {t("formulaChoices")}
        </span>
        {options.map((o) => (
          <Checkbox
            key={o.id}
            label={optionLabel(o)}
            checked={chosen.has(o.id)}
            disabled={disabled}
            onChange={(_, data) =>
              setChosen((prev) => {
                const next = new Set(prev);
                if (data.checked === true) next.add(o.id);
                else next.delete(o.id);
                return next;
              })
            }
          />
        ))}
      </div>
      <div className={layout.row}>
        <Button
          disabled={disabled || busy || requests.length === 0}
          icon={busy ? <Spinner size="tiny" /> : undefined}
          onClick={() => void onInsert(requests)}
        >
          {t("formulaInsert")}
        </Button>
      </div>
    </div>
  );
}
