import { parseAuditRules } from "../../../src/core/audit";
import { AuditParse } from "../../../src/core/audit/ast";
import { ISSUE_EXAMPLE, RULES_FILE } from "./helpers";

function parse(text: string): AuditParse {
  return parseAuditRules(text, RULES_FILE);
}

function firstError(text: string) {
  const p = parse(text);
  if (p.ok) throw new Error(`expected a syntax error in: ${text}`);
  return p.errors[0];
}

describe("reading a rules file", () => {
  test("the issue's example: six rules, severity, message and line numbers as written; the comment is skipped", () => {
    const p = parse(ISSUE_EXAMPLE);
    if (!p.ok) throw new Error(p.errors[0].message.zh);
    expect(p.rules.map((r) => [r.source.line, r.severity, r.text, r.message])).toEqual([
      [2, "error", "正式合同额 >= 工业正式合同额", "其中工业合同额不能大于正式合同额"],
      [3, "verify", "签约项目数 = 正式合同项目数 + 框架协议项目数", null],
      [4, "verify", "到位资金 <= 正式合同额 * 1.5", "到位资金超过合同额的1.5倍，请说明"],
      [5, "verify", "同比(到位资金) <= 30%", "到位资金同比增幅超过30%，请说明原因"],
      [6, "verify", "完成率(正式合同额) >= 时序进度 - 20%", "合同额完成进度明显落后"],
      [7, "error", "正式合同额 >= 上期(正式合同额)", "累计数不能小于上期累计数"],
    ]);
  });

  test("names are resolved through the catalog: 合同额 is 正式合同额, 工业正式合同额 is the 工业 sub-indicator", () => {
    const p = parse("[核实性] 合同额 >= 工业正式合同额");
    if (!p.ok) throw new Error(p.errors[0].message.zh);
    const c = p.rules[0].condition;
    expect(c).toMatchObject({
      kind: "compare",
      left: { kind: "field", fn: "value", indicator: "contract-amount" },
      right: { kind: "field", fn: "value", indicator: "industrial-contract-amount" },
    });
  });

  test("a rule typed with a Chinese IME (full-width brackets, operators, colon and ≥) reads like its ASCII twin", () => {
    const a = parse("【强制性】正式合同额＞＝工业合同额＋１％：全角");
    const b = parse("［强制性］ 正式合同额 ≥ 工业合同额 + 1% : 全角");
    if (!a.ok || !b.ok) throw new Error("not parsed");
    expect(a.rules[0].condition).toMatchObject({ kind: "compare", op: ">=" });
    expect(b.rules[0].condition).toMatchObject({ kind: "compare", op: ">=" });
    expect(a.rules[0].message).toBe("全角");
    expect(a.rules[0].severity).toBe("error");
  });

  test("precedence: * before +, 且 before 或, parentheses group; a percent literal is a fraction", () => {
    const p = parse("[核实性] 到位资金 <= 正式合同额 * 1.5 + 2 或 签约项目数 > 0 且 同比(到位资金) <= 30%");
    if (!p.ok) throw new Error(p.errors[0].message.zh);
    expect(p.rules[0].condition).toMatchObject({
      kind: "or",
      left: { kind: "compare", right: { kind: "arith", op: "+", left: { kind: "arith", op: "*" } } },
      right: { kind: "and", right: { kind: "compare", right: { kind: "number", value: 0.3, percent: true } } },
    });
  });

  test("`= … ± tol` carries its tolerance; a percent tolerance is a fraction", () => {
    const p = parse("[核实性] 签约项目数 = 正式合同项目数 + 框架协议项目数 ± 1\n[提示性] 同比(到位资金) = 同比(正式合同额) ± 5%");
    if (!p.ok) throw new Error(p.errors[0].message.zh);
    expect(p.rules.map((r) => (r.condition.kind === "compare" ? r.condition.tolerance : "?"))).toEqual([1, 0.05]);
  });

  test("a line without a severity is 核实性; a # after the rule starts a comment, a # inside the message is text", () => {
    const p = parse("正式合同额 >= 0 # 合同额非负\n[提示] 到位资金 >= 0 ：见通知 #3");
    if (!p.ok) throw new Error(p.errors[0].message.zh);
    expect(p.rules.map((r) => [r.severity, r.message])).toEqual([
      ["verify", null],
      ["info", "见通知 #3"],
    ]);
  });

  test("blank lines, comment lines, CRLF line ends and a BOM are fine", () => {
    const p = parse("\uFEFF# 注释\r\n\r\n   \r\n[核实性] 到位资金 >= 0\r\n");
    expect(p.ok && p.rules.map((r) => r.source.line)).toEqual([4]);
  });
});

describe("a rules file with a mistake is refused with its line and column, in Chinese and English", () => {
  /** Column of `at` in the line (its last occurrence), counting characters as a person does; "end": past the end. */
  function columnOf(line: string, at: string): number {
    return [...(at === "end" ? line : line.slice(0, line.lastIndexOf(at)))].length + 1;
  }

  test.each([
    ["[核实性] 正式合同额 >=", "end", "公式不完整"],
    ["[核实性] 正式合同额 >= 工业合同额 )", ")", "这里不应出现“)”"],
    ["[严重] 正式合同额 >= 0", "严重", "未知的审核级别“严重”"],
    ["[核实性] 0 <= 到位资金 <= 正式合同额", "<=", "比较不能连写"],
    ["[核实性] 正式合同额", "正式", "必须是一个比较"],
    ["[核实性] 正式合同额 = 工业合同额 ± 1 + 2", "+", "这里不应出现“+”"],
    ["[核实性] 正式合同额 >= 工业合同额 ± 1%", "±", "容差“±”只能用于“=”"],
    ["[核实性] 同比(正式合同额 + 1) <= 30%", "+", "同比( ) 的括号里只能有一个指标名称"],
    ["[核实性] 同比(1) <= 30%", "1", "括号里需要一个指标名称"],
    ["[核实性] 增速(正式合同额) <= 30%", "增速", "未知的函数“增速”"],
    ["[核实性] 到位资金 <= 正式合同额 * 1.5倍", "倍", "缺少运算符"],
    ["[核实性] (到位资金 <= 正式合同额", "end", "缺少与第7列“(”配对的“)”"],
    ["[核实性] 到位资金 且 正式合同额 > 0", "到位", "“且”“或”两边必须是比较"],
    ["[核实性] (到位资金 > 0) + 1 > 0", "(", "比较的结果不能再参与运算"],
    ["：只有提示", "：", "提示信息前缺少审核公式"],
  ])("%p is refused at %p", (text, at, problem) => {
    const e = firstError(text);
    const column = columnOf(text, at);
    expect([e.line, e.column]).toEqual([1, column]);
    expect(e.problem.zh).toContain(problem);
    expect(e.message.zh).toBe(`审核规则 rules.txt 第1行第${column}列：${e.problem.zh}`);
    expect(e.message.en).toMatch(new RegExp(`^audit rules rules\\.txt, line 1, column ${column}: .+`));
  });

  test("an unknown name on line 2 is refused at its line and column", () => {
    const e = firstError("# 注释\n[核实性] 正式合同额 >= 合同金额X");
    expect([e.line, e.column, e.problem.zh]).toEqual([2, 16, expect.stringContaining("未知的指标名称“合同金额X”")]);
  });

  test("every bad line is reported at once, each with its own line", () => {
    const p = parse("[核实性] 到位资金 >=\n[核实性] 到位资金 >= 0\n[核实性] )");
    expect(p.ok ? [] : p.errors.map((e) => e.line)).toEqual([1, 3]);
  });

  test("nesting is bounded: five hundred parentheses are refused, not a stack overflow", () => {
    const e = firstError(`[核实性] ${"(".repeat(500)}到位资金${")".repeat(500)} >= 0`);
    expect(e.problem.zh).toContain("嵌套层数过多");
  });

  test("an overlong line and an oversized file are refused before parsing", () => {
    expect(firstError(`[核实性] 到位资金 >= ${"1+".repeat(1500)}1`).problem.zh).toContain("一行超过");
    expect(firstError("#".repeat(1_000_001)).problem.zh).toContain("超过 1000000 个字符");
  });
});
