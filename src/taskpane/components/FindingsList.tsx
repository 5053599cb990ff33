import { Button, makeStyles, mergeClasses, tokens, ToggleButton } from "@fluentui/react-components";
import { useState } from "react";
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
  onSelect(finding: ExplainedFinding): void;
  onExplain(finding: ExplainedFinding, text: string): Promise<ExplanationCheck>;
}

/** Findings grouped by severity, then by rule, with one toggle button per severity to show or hide it. */
export function FindingsList({ findings, counts, busy, onSelect, onExplain }: FindingsListProps): JSX.Element {
  const { t, pick, lang } = useT();
  const layout = useLayout();
  const severity = useSeverityStyles();
  const styles = useStyles();
  const [shown, setShown] = useState<Record<Severity, boolean>>({ error: true, verify: true, info: true });
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const groups = groupFindings(findings, shown);
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
                  {visible.map((f) => (
                    <FindingItem key={findingKey(f)} finding={f} busy={busy} onSelect={onSelect} onExplain={onExplain} />
                  ))}
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
