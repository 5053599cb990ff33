import { parseAuditRules } from "../src/core/audit";
import { evaluateAuditRules } from "../src/core/audit/evaluate";
import { createRuleContext } from "../src/core/engine";
import { RULES } from "../src/core/rules";
import { SheetModel, readSheet } from "../src/core/sheet";
import { UnitRegistry } from "../src/core/units";
import { Figure, MIN_SAMPLES, fromSamples } from "./figure";
import { bigGrid, bigRegistry } from "./big-sheet";

const ROWS = 100_000;

/**
 * Twenty rules of the kinds a city writes, over the big sheet's columns: parts and wholes, sums, ratios at printed
 * precision (which hold only within rounding, so their allowance is worked out on every row), 且/或, abs. All hold
 * on the sheet, so the figure is the cost of checking, not of wording findings.
 */
export const BENCH_RULES = `
[强制性] 正式合同额 >= 工业合同额
[强制性] 正式合同额 >= 制造业合同额
[核实性] 签约项目数 = 正式合同项目数 + 框架协议项目数
[核实性] 到位资金 <= 正式合同额 * 1.5 : 到位资金超过合同额的1.5倍
[强制性] 市外到位资金 <= 到位资金
[强制性] 新开工项目数 <= 签约项目数
[核实性] 开工率 <= 100%
[核实性] 资金到位率 <= 100%
[核实性] 资金到位率 = 到位资金 / 正式合同额
[核实性] 开工率 = 新开工项目数 / 签约项目数
[核实性] abs(工业合同额 - 制造业合同额) <= 正式合同额
[提示性] 实际使用外资 >= 0
[核实性] 正式合同额 > 0 且 签约项目数 > 0
[核实性] 到位资金 >= 0 或 正式合同额 = 0
[核实性] 工业合同额 + 制造业合同额 <= 正式合同额 * 2
[核实性] 正式合同项目数 >= 框架协议项目数 或 签约项目数 < 10
[核实性] 市外到位资金 >= 到位资金 * 10%
[核实性] 签约项目数 <= 1000
[核实性] 正式合同额 / 签约项目数 <= 100
[核实性] 到位资金 - 市外到位资金 >= 0
`;

/** 上期 reads the previous period's sheet, whose context is built when a rule first asks for it. */
const PREVIOUS_RULE = "[强制性] 正式合同额 >= 上期(正式合同额) : 累计数不能小于上期累计数";

/**
 * The rules' cost on top of the built-in check: each sample builds a fresh context and runs the built-in rules
 * untimed (so cells are parsed as in a real run), then times the rules alone.
 */
export function auditFigures(): Figure[] {
  const registry = bigRegistry(ROWS);
  const model = readSheet({ name: "big", values: bigGrid(ROWS) }, { registry });
  const previous = readSheet({ name: "previous", values: bigGrid(ROWS) }, { registry });
  const how = "in-process, median of 5 after a warm-up; the built-in rules run first, untimed";
  const twenty = timeRules(BENCH_RULES, model, null, registry);
  const previousRule = timeRules(PREVIOUS_RULE, model, previous, registry);
  const s = (x: number) => x / 1000;
  return [
    fromSamples({ name: "审核公式: 20 rules on 100,000 rows, on top of the built-in check", unit: "s", target: 1, how }, twenty.wall, s, 2),
    // On a shared machine the wall time measures the neighbours too; the CPU time is this process's own work.
    fromSamples(
      { name: "审核公式: 20 rules on 100,000 rows, CPU time", unit: "s", target: 1, how: `${how}; process.cpuUsage (user + system)` },
      twenty.cpu,
      s,
      2,
    ),
    fromSamples(
      {
        name: "审核公式: one 上期 rule on 100,000 rows, reading the previous sheet",
        unit: "s",
        target: null,
        how: `${how}; includes building the previous sheet's rule context`,
      },
      previousRule.wall,
      s,
      2,
    ),
  ];
}

/** Wall and CPU milliseconds of each sample. */
function timeRules(
  text: string,
  model: SheetModel,
  previous: SheetModel | null,
  registry: UnitRegistry,
): { wall: number[]; cpu: number[] } {
  const parsed = parseAuditRules(text, { zh: "bench", en: "bench" });
  if (!parsed.ok) throw new Error(parsed.errors[0].message.en);
  const rules = parsed.rules;
  const config = { onlyPresentUnits: true };
  const wall: number[] = [];
  const cpu: number[] = [];
  let findings = 0;
  for (let k = 0; k <= MIN_SAMPLES; k++) {
    const ctx = createRuleContext(model, null, config, registry);
    for (const rule of RULES) rule.run(ctx);
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    const out = evaluateAuditRules(rules, { model, previous, targets: null, period: ctx.period }, {
      ctx,
      contextOf: (m) => createRuleContext(m, null, config, registry),
    });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const used = process.cpuUsage(c0);
    findings = out.length;
    // The first run warms the JIT up.
    if (k > 0) {
      wall.push(ms);
      cpu.push((used.user + used.system) / 1000);
    }
  }
  if (findings !== 0) throw new Error(`the bench rules should hold on the bench sheet; ${findings} findings`);
  return { wall, cpu };
}
