import { Button, makeStyles, mergeClasses, tokens, ToggleButton } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { ExplainedFinding, ExplanationCheck } from "../../core/explanations";
import { Severity, SEVERITIES } from "../../core/findings";
import { Counts, findingKey, groupFindings } from "../detect";
import { RULE_NAMES, severityName, useT } from "../i18n";
import { useLayout, useSeverityStyles } from "../styles";
import { FindingItem } from "./FindingItem";

/** Long lists render the first items of each rule; the rest on request (a sheet can have thousands of findings). */
export const FIRST_ITEMS = 50;

const useStyles = makeStyles({
  group: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  count: { color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightRegular },
});

export interface FindingsListProps {
  findings: readonly ExplainedFinding[];
  counts: Counts;
  busy?: boolean;
  /** The cell whose findings are highlighted; `reveal` changes when it was picked outside the list. */
  selected?: { cell: string; reveal: number } | null;
  onSelect(finding: ExplainedFinding): void;
  onExplain(finding: ExplainedFinding, text: string): Promise<ExplanationCheck>;
}

/** Findings grouped by severity, then by rule, with one toggle button per severity to show or hide it. */
export function FindingsList({ findings, counts, busy, selected, onSelect, onExplain }: FindingsListProps): JSX.Element {
  const { t, pick, lang } = useT();
  const layout = useLayout();
  const severity = useSeverityStyles();
  const styles = useStyles();
  const [shown, setShown] = useState<Record<Severity, boolean>>({ error: true, verify: true, info: true });
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const pickedCell = selected?.cell ?? null;
  // A picked cell's findings must be on screen: their severity shown and their rule's list expanded.
  useEffect(() => {
    if (!selected) return;
    const mine = findings.filter((f) => f.cell !== null && sameCell(f.cell, selected.cell));
    if (mine.length === 0) return;
    setShown((prev) => (mine.every((f) => prev[f.severity]) ? prev : { ...prev, ...Object.fromEntries(mine.map((f) => [f.severity, true])) }));
    setExpanded((prev) => {
      const keys = mine.map((f) => `${f.severity}:${f.rule}`).filter((k) => !prev.has(k));
      return keys.length === 0 ? prev : new Set([...prev, ...keys]);
    });
    // Only a new pick re-runs this; the list's own changes do not undo the user's filters.
  }, [selected?.reveal]);
  const groups = groupFindings(findings, shown);
  let revealed = false;
  const hasAny = findings.length > 0;

  return (
    <div className={layout.section}>
      {hasAny && (
        <div role="group" aria-label={t("filter")} className={layout.row}>
          {SEVERITIES.map((s) => (
            <ToggleButton
              key={s}
              size="small"
              checked={shown[s]}
              onClick={() => setShown((prev) => ({ ...prev, [s]: !prev[s] }))}
            >
              {severityName(s, lang)} {s === "verify" ? counts.verify + counts.explained : counts[s]}
            </ToggleButton>
          ))}
        </div>
      )}
      {hasAny && groups.length === 0 && <p className={layout.hint}>{t("allHidden")}</p>}
      {groups.map((g) => (
        <section key={g.severity} className={styles.group} aria-labelledby={`zs-sev-${g.severity}`}>
          <h3 id={`zs-sev-${g.severity}`} className={mergeClasses(layout.heading, severity[g.severity])}>
            {severityName(g.severity, lang)} <span className={styles.count}>({g.total})</span>
          </h3>
          {g.rules.map((r) => {
            const key = `${g.severity}:${r.rule}`;
            const all = expanded.has(key);
            const visible = all ? r.findings : r.findings.slice(0, FIRST_ITEMS);
            return (
              <div key={key} className={styles.group}>
                <h4 className={layout.subheading}>
                  {pick(RULE_NAMES[r.rule])} <span className={styles.count}>({r.findings.length})</span>
                </h4>
                <ul className={layout.list} aria-label={pick(RULE_NAMES[r.rule])}>
                  {visible.map((f) => {
                    const isPicked = pickedCell !== null && f.cell !== null && sameCell(f.cell, pickedCell);
                    // The first finding of the picked cell scrolls into view and takes the focus.
                    const reveal = isPicked && !revealed ? selected?.reveal : undefined;
                    if (isPicked) revealed = true;
                    return (
                      <FindingItem
                        key={findingKey(f)}
                        finding={f}
                        busy={busy}
                        selected={isPicked}
                        reveal={reveal}
                        onSelect={onSelect}
                        onExplain={onExplain}
                      />
                    );
                  })}
                </ul>
                {visible.length < r.findings.length && (
                  <div className={layout.row}>
                    <Button size="small" appearance="subtle" onClick={() => setExpanded((prev) => new Set([...prev, key]))}>
                      {t("showAll", { n: r.findings.length })}
                    </Button>
                  </div>
                )}
              </div>
            );
          })}
        </section>
      ))}
    </div>
  );
}

function sameCell(a: string, b: string): boolean {
  return a.replace(/\$/g, "").toUpperCase() === b.replace(/\$/g, "").toUpperCase();
}
