import { Badge, Button, mergeClasses } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { ExplainedFinding, ExplanationCheck } from "../../core/explanations";
import { useT } from "../i18n";
import { useItemStyles, useLayout } from "../styles";
import { ExplanationEditor } from "./ExplanationEditor";

export interface FindingItemProps {
  finding: ExplainedFinding;
  busy?: boolean;
  /** Its cell is the one picked (in the page's preview or the list): shown highlighted. */
  selected?: boolean;
  /** A new value brings this item into view and focuses it (the first finding of a cell picked elsewhere). */
  reveal?: number;
  onSelect(finding: ExplainedFinding): void;
  onExplain(finding: ExplainedFinding, text: string): Promise<ExplanationCheck>;
}

/**
 * One finding: cell, unit and message in a button (click, Enter or Space selects the cell in the workbook). A
 * verify finding has an explain action; once explained it shows 已说明 with the text, which stays editable.
 */
export function FindingItem({ finding, busy, selected, reveal, onSelect, onExplain }: FindingItemProps): JSX.Element {
  const { t, pick } = useT();
  const layout = useLayout();
  const styles = useItemStyles();
  const [editing, setEditing] = useState(false);
  const item = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (reveal === undefined) return;
    item.current?.scrollIntoView?.({ block: "nearest" });
    item.current?.querySelector<HTMLElement>("button")?.focus({ preventScroll: true });
  }, [reveal]);
  const where = finding.cell ?? t("wholeSheet");
  const explained = finding.severity === "verify" && finding.explanation !== undefined;
  const accent = explained ? styles.explained : styles[finding.severity];
  const body = (
    <>
      <span className={styles.cell}>{where}</span>
      {finding.unit && <span className={styles.unit}>{finding.unit}</span>}
      <span className={styles.message}>{pick(finding.message)}</span>
    </>
  );
  return (
    <li ref={item} className={mergeClasses(styles.item, accent, selected && styles.selected)} aria-current={selected || undefined} data-cell={finding.cell ?? undefined}>
      {finding.cell !== null ? (
        <button type="button" className={styles.locate} onClick={() => onSelect(finding)}>
          {body}
        </button>
      ) : (
        <div className={styles.locate}>{body}</div>
      )}
      {explained && !editing && (
        <div className={layout.row}>
          <Badge appearance="tint" color="success" size="small">
            {t("explained")}
          </Badge>
          <p className={styles.explanation}>{finding.explanation?.text}</p>
        </div>
      )}
      {finding.severity === "verify" && !editing && (
        <div className={layout.row}>
          <Button
            size="small"
            appearance="subtle"
            aria-label={explained ? t("editExplanationFor", { cell: where }) : t("explainFor", { cell: where })}
            onClick={() => setEditing(true)}
          >
            {explained ? t("editExplanation") : t("explain")}
          </Button>
        </div>
      )}
      {editing && (
        <ExplanationEditor
          where={where}
          initial={finding.explanation?.text ?? ""}
          busy={busy}
          onSave={(text) => onExplain(finding, text)}
          onDone={() => setEditing(false)}
        />
      )}
    </li>
  );
}
