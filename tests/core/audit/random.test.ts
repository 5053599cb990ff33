import { parseAuditRules } from "../../../src/core/audit";
import { validate } from "../../../src/core/engine";
import { readSheet } from "../../../src/core/sheet";
import { mulberry32, pickFrom } from "../numbers/mulberry32";
import { RULES_FILE } from "./helpers";
import { CITY_ROWS, cityGrid } from "./sheets";

/**
 * The rules parser fuzzed the way the number parser is (tests/core/numbers/random.test.ts): seeded random input,
 * invariants that must hold whatever it is. A rules file comes from outside; no line may crash the parser, make it
 * run away, or slip through as something other than a rule or a refusal naming its line and column.
 */

const PIECES = [
  ..."+-*/()=<>!%±:#[]（）＋－＝＜＞％：【】≤≥≠×÷,.0123456789０１２３４５６７８９ 　\t",
  "且",
  "或",
  ">=",
  "<=",
  "!=",
  "==",
  "<>",
  "+-",
  "1.5",
  "30%",
  "正式合同额",
  "合同额",
  "工业正式合同额",
  "签约项目数",
  "到位资金",
  "实际使用外资",
  "开工率",
  "同比",
  "完成率",
  "年度目标",
  "上年同期",
  "上期",
  "时序进度",
  "abs",
  "[强制性]",
  "[核实性]",
  "[提示]",
  "[严重]",
  "请说明",
  "\u200b",
  "\u00a0",
  "\ud83d\ude00",
  "\\",
  '"',
  "'",
  "$",
  "eval",
  "constructor",
  "__proto__",
  "1e308",
  "NaN",
  "Infinity",
];

function randomLine(random: () => number, maxPieces: number): string {
  let text = "";
  const n = Math.floor(random() * (maxPieces + 1));
  for (let i = 0; i < n; i++) text += pickFrom(random, PIECES);
  return text;
}

const MODEL = readSheet(cityGrid(CITY_ROWS.map((r, i) => (i === 1 ? { ...r, industrial: 200, funds: 0 } : r))));

function evaluate(text: string) {
  const parsed = parseAuditRules(text, RULES_FILE);
  if (!parsed.ok) return null;
  return validate(MODEL, null, { onlyPresentUnits: true }, undefined, { auditRules: parsed.rules, previous: MODEL });
}

describe("the rules parser on random input", () => {
  test("never throws; refusals name a line and a column inside the text; rules evaluate without NaN", () => {
    const random = mulberry32(20261206);
    let refused = 0;
    let accepted = 0;
    for (let k = 0; k < 2000; k++) {
      const lines = Array.from({ length: 1 + Math.floor(random() * 3) }, () => randomLine(random, 12));
      const text = lines.join("\n");
      const parsed = parseAuditRules(text, RULES_FILE);
      if (!parsed.ok) {
        refused++;
        for (const e of parsed.errors) {
          expect(e.line).toBeGreaterThanOrEqual(1);
          expect(e.line).toBeLessThanOrEqual(lines.length);
          expect(e.column).toBeGreaterThanOrEqual(1);
          expect(e.column).toBeLessThanOrEqual([...lines[e.line - 1]].length + 1);
          expect(e.message.zh).toContain(`第${e.line}行第${e.column}列：`);
          expect(e.message.en).toContain(`line ${e.line}, column ${e.column}: `);
        }
        continue;
      }
      accepted++;
      const result = evaluate(text);
      for (const f of result?.findings ?? []) {
        expect(f.message.zh).not.toMatch(/NaN|Infinity|undefined/);
        expect(f.message.en).not.toMatch(/NaN|Infinity|undefined/);
      }
    }
    // The alphabet produces both: the test exercises refusals and evaluation alike.
    expect(refused).toBeGreaterThan(500);
    expect(accepted).toBeGreaterThan(50);
  });

  test("rules built from the grammar always parse, and evaluate without throwing", () => {
    const random = mulberry32(7);
    const names = ["正式合同额", "合同额", "工业合同额", "到位资金", "签约项目数", "框架协议项目数"];
    const fns = ["同比", "完成率", "年度目标", "上年同期", "上期"];
    const ops = ["=", "!=", "<", "<=", ">", ">=", "≥", "≤", "＝"];
    const expr = (depth: number): string => {
      const roll = random();
      if (depth <= 0 || roll < 0.3) {
        const leaf = random();
        if (leaf < 0.3) return pickFrom(random, names);
        if (leaf < 0.55) return `${pickFrom(random, fns)}(${pickFrom(random, names)})`;
        if (leaf < 0.65) return "时序进度";
        return random() < 0.5 ? `${Math.floor(random() * 200)}%` : (random() * 100).toFixed(Math.floor(random() * 3));
      }
      if (roll < 0.4) return `abs(${expr(depth - 1)})`;
      if (roll < 0.5) return `-${expr(depth - 1)}`;
      if (roll < 0.6) return `(${expr(depth - 1)})`;
      return `${expr(depth - 1)} ${pickFrom(random, ["+", "-", "*", "/", "＋", "×", "÷"])} ${expr(depth - 1)}`;
    };
    const cond = (depth: number): string => {
      if (depth > 0 && random() < 0.3) return `(${cond(depth - 1)}) ${pickFrom(random, ["且", "或"])} ${cond(depth - 1)}`;
      const op = pickFrom(random, ops);
      const tol = (op === "=" || op === "＝") && random() < 0.3 ? ` ± ${random() < 0.5 ? "1" : "5%"}` : "";
      return `${expr(3)} ${op} ${expr(3)}${tol}`;
    };
    for (let k = 0; k < 600; k++) {
      const line = `${pickFrom(random, ["[强制性]", "[核实性]", "【提示性】", ""])} ${cond(2)}${random() < 0.5 ? " : 请说明" : ""}`;
      const parsed = parseAuditRules(line, RULES_FILE);
      if (!parsed.ok) throw new Error(`${line}\n${parsed.errors[0].message.zh}`);
      expect(() => evaluate(line)).not.toThrow();
    }
  });
});
