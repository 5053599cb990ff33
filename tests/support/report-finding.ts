import { Finding } from "../../src/core/findings";

/**
 * Test support (not a test file): the 黔江区 完成率 finding the report-sheet tests of both adapters start from —
 * a part's rate copied from its whole, printed as 1.19% where 59.39% was due.
 */
export function reportFinding(extra: Partial<Finding> = {}): Finding {
  return {
    rule: "rate-mismatch",
    severity: "verify",
    sheet: "1-6月",
    cell: "F8",
    row: 8,
    column: "F",
    unit: "黔江区",
    indicator: "contract-amount",
    value: 0.011894,
    message: { zh: "消息", en: "message" },
    ...extra,
  };
}
