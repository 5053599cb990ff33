import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { SEVERITIES } from "../../core/findings";
import { Counts } from "../detect";
import { severityName, useT } from "../i18n";
import { useLayout, useSeverityStyles } from "../styles";

const useStyles = makeStyles({
  count: { fontWeight: tokens.fontWeightSemibold, whiteSpace: "nowrap" },
  explained: { color: tokens.colorNeutralForeground2 },
  separator: { color: tokens.colorNeutralForeground3 },
});

/** 强制性 N · 核实性 N · 提示性 N · 已说明 N — verify counts only the findings still open. */
export function SummaryBar({ counts }: { counts: Counts }): JSX.Element {
  const { t, lang } = useT();
  const layout = useLayout();
  const severity = useSeverityStyles();
  const styles = useStyles();
  const total = counts.error + counts.verify + counts.info + counts.explained;
  return (
    <div role="status" aria-live="polite" className={layout.row}>
      {total === 0 ? (
        <span className={styles.count}>{t("noFindings")}</span>
      ) : (
        <>
          {SEVERITIES.map((s) => (
            <span key={s} className={layout.row}>
              <span className={mergeClasses(styles.count, severity[s])}>
                {severityName(s, lang)} {counts[s]}
              </span>
              <span className={styles.separator} aria-hidden="true">
                ·
              </span>
            </span>
          ))}
          <span className={mergeClasses(styles.count, styles.explained)}>{t("explainedCount", { n: counts.explained })}</span>
        </>
      )}
    </div>
  );
}
