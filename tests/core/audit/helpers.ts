import { parseAuditRules } from "../../../src/core/audit";
import { AuditRule } from "../../../src/core/audit/ast";
import { validate } from "../../../src/core/engine";
import { Finding } from "../../../src/core/findings";
import { SheetGrid, readSheet } from "../../../src/core/sheet";

export const RULES_FILE = { zh: "rules.txt", en: "rules.txt" };

/** The rules of issue 11 §3, exactly as written there. */
export const ISSUE_EXAMPLE = `# 招商引资月报审核规则（示例）
[强制性] 正式合同额 >= 工业正式合同额 : 其中工业合同额不能大于正式合同额
[核实性] 签约项目数 = 正式合同项目数 + 框架协议项目数
[核实性] 到位资金 <= 正式合同额 * 1.5 : 到位资金超过合同额的1.5倍，请说明
[核实性] 同比(到位资金) <= 30% : 到位资金同比增幅超过30%，请说明原因
[核实性] 完成率(正式合同额) >= 时序进度 - 20% : 合同额完成进度明显落后
[强制性] 正式合同额 >= 上期(正式合同额) : 累计数不能小于上期累计数
`;

export function rules(text: string): AuditRule[] {
  const parsed = parseAuditRules(text, RULES_FILE);
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message.zh).join("\n"));
  return parsed.rules;
}

/** The findings of the audit rules alone (the built-in rules run too, as in every check). */
export function audit(grid: SheetGrid, text: string, previous?: SheetGrid): Finding[] {
  const model = readSheet(grid);
  const prev = previous === undefined ? null : readSheet(previous);
  const result = validate(model, null, { onlyPresentUnits: true }, undefined, { auditRules: rules(text), previous: prev });
  return result.findings.filter((f) => f.rule === "audit-rule" || f.rule === "audit-rule-skipped");
}

/** Line `n` of the issue's example (1 = the comment line), alone. */
export function exampleLine(n: number): string {
  return ISSUE_EXAMPLE.split("\n")[n - 1];
}
