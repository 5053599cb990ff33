import { Badge, Button, Field, makeStyles, Select, tokens } from "@fluentui/react-components";
import { INDICATORS, IndicatorId } from "../../core/catalog";
import { MappingOverride, Measure, SheetModel } from "../../core/sheet/types";
import { columnLetter, editableColumns, editableRows, rowNumber } from "../detect";
import { MEASURE_NAMES, useT } from "../i18n";
import { useLayout } from "../styles";

const MEASURES = Object.keys(MEASURE_NAMES) as Measure[];

/** The choices of an indicator select: "not recognised", then every indicator of the catalog in the pane's language. */
function IndicatorOptions() {
  const { t, pick } = useT();
  return (
    <>
      <option value="">{t("mappingUnrecognised")}</option>
      {INDICATORS.map((d) => (
        <option key={d.id} value={d.id}>
          {pick(d.name)}
        </option>
      ))}
    </>
  );
}

const useStyles = makeStyles({
  entry: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  letter: {
    fontFamily: tokens.fontFamilyMonospace,
    fontWeight: tokens.fontWeightSemibold,
  },
  header: {
    color: tokens.colorNeutralForeground2,
    minWidth: 0,
  },
});

export interface MappingEditorProps {
  model: SheetModel;
  /** The user has corrections for this sheet (offer to drop them). */
  hasOverrides: boolean;
  disabled?: boolean;
  onChange(override: MappingOverride): void;
  onReset(): void;
}

/**
 * The detected mapping as a compact editable list: per column its letter, header text, indicator and measure. On a
 * one-district form (indicators in rows) the rows are listed too, each with its indicator, and the columns with
 * their measure only: there the rows name the indicators.
 */
export function MappingEditor({ model, hasOverrides, disabled, onChange, onReset }: MappingEditorProps): JSX.Element {
  const { t, pick } = useT();
  const layout = useLayout();
  const styles = useStyles();
  const columns = editableColumns(model);
  const rows = editableRows(model);
  const transposed = model.layout === "transposed";
  const labelCol = model.nameColumn ?? 0;
  if (columns.length === 0 && rows.length === 0) return <p className={layout.hint}>{t("mappingEmpty")}</p>;
  return (
    <div className={layout.section}>
      {transposed && <p className={layout.hint}>{t("mappingRowsHint")}</p>}
      {transposed && (
        <ul className={layout.list} aria-label={t("mappingRowsTitle")}>
          {rows.map((r) => {
            const row = rowNumber(model, r.row);
            return (
              <li key={`row-${r.row}`} className={styles.entry}>
                <div className={layout.row}>
                  <span className={styles.letter}>{t("mappingRow", { row })}</span>
                  <span className={styles.header}>{r.label}</span>
                  {r.source === "user" && (
                    <Badge appearance="outline" size="small">
                      {t("mappingByUser")}
                    </Badge>
                  )}
                </div>
                <Field label={t("mappingRowIndicator", { row })} size="small">
                  <Select
                    size="small"
                    className={layout.full}
                    value={r.indicator ?? ""}
                    disabled={disabled}
                    onChange={(_, data) =>
                      onChange({
                        row: r.row,
                        col: labelCol,
                        indicator: data.value === "" ? null : (data.value as IndicatorId),
                      })
                    }
                  >
                    <IndicatorOptions />
                  </Select>
                </Field>
              </li>
            );
          })}
        </ul>
      )}
      <ul className={layout.list}>
        {columns.map((c) => {
          const letter = columnLetter(model, c.col);
          return (
            <li key={c.col} className={styles.entry}>
              <div className={layout.row}>
                <span className={styles.letter}>{t("mappingColumn", { letter })}</span>
                <span className={styles.header}>{c.header.filter((h) => h.trim() !== "").join(" / ")}</span>
                {c.source === "user" && (
                  <Badge appearance="outline" size="small">
                    {t("mappingByUser")}
                  </Badge>
                )}
              </div>
              <div className={layout.row}>
                {!transposed && (
                  <Field className={layout.grow} label={t("mappingIndicator", { letter })} size="small">
                    <Select
                      size="small"
                      className={layout.full}
                      value={c.indicator ?? ""}
                      disabled={disabled}
                      onChange={(_, data) =>
                        onChange(
                          data.value === ""
                            ? { col: c.col, indicator: null }
                            : {
                                col: c.col,
                                indicator: data.value as IndicatorId,
                                measure: c.measure ?? "current",
                              },
                        )
                      }
                    >
                      <IndicatorOptions />
                    </Select>
                  </Field>
                )}
                <Field className={layout.grow} label={t("mappingMeasure", { letter })} size="small">
                  <Select
                    size="small"
                    className={layout.full}
                    value={c.measure ?? ""}
                    disabled={disabled || (c.indicator === null && !transposed)}
                    onChange={(_, data) =>
                      onChange({
                        col: c.col,
                        indicator: c.indicator,
                        measure: data.value === "" ? null : (data.value as Measure),
                      })
                    }
                  >
                    <option value="">{t("mappingMeasureNone")}</option>
                    {MEASURES.map((m) => (
                      <option key={m} value={m}>
                        {pick(MEASURE_NAMES[m])}
                      </option>
                    ))}
                  </Select>
                </Field>
              </div>
            </li>
          );
        })}
      </ul>
      {hasOverrides && (
        <div className={layout.row}>
          <Button size="small" disabled={disabled} onClick={onReset}>
            {t("mappingReset")}
          </Button>
        </div>
      )}
      {model.notes.length > 0 && (
        <div className={layout.section}>
          <h4 className={layout.subheading}>{t("modelNotes")}</h4>
          <ul className={layout.list}>
            {model.notes.map((n, i) => (
              <li key={i} className={layout.hint}>
                {pick(n)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
