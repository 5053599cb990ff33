import { Finding, RuleId, Severity } from "./findings";

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, verify: 1, info: 2 };

/**
 * Sorts in place in the order of compareFindings (severity, row, column, rule) without calling localeCompare
 * for every comparison: column letters are upper-case ASCII of equal length when compared, where code-point
 * order is locale order, and rule ids are ranked once with localeCompare.
 */
export function sortFindings(findings: Finding[]): Finding[] {
  const ids = [...new Set(findings.map((f) => f.rule))].sort((a, b) => a.localeCompare(b));
  const rank = new Map<RuleId, number>(ids.map((id, i) => [id, i]));
  findings.sort((a, b) => {
    const d = SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (a.row ?? 0) - (b.row ?? 0);
    if (d !== 0) return d;
    const ca = a.column ?? "";
    const cb = b.column ?? "";
    if (ca.length !== cb.length) return ca.length - cb.length;
    if (ca !== cb) return ca < cb ? -1 : 1;
    return (rank.get(a.rule) as number) - (rank.get(b.rule) as number);
  });
  return findings;
}
