import { DEFAULT_CONFIG } from "../../src/core/config";
import { RULE_NAMES, SEVERITIES } from "../../src/core/findings";
import { DECLARATIONS, RULES } from "../../src/core/rules";
import { END, expectedReadme, expectedSchema, rulesTable, START, withTable } from "../../scripts/rules-table";

describe("the README's rules table (scripts/rules-table.ts)", () => {
  it("is what the rules' declarations give: regenerate it with npx tsx scripts/rules-table.ts when this fails", () => {
    const { current, expected } = expectedReadme();
    expect(current).toBe(expected);
  });

  it("and the JSON report schema's rule ids are what the declarations give: regenerate them the same way", () => {
    const { current, expected } = expectedSchema();
    expect(current).toBe(expected);
    expect(JSON.parse(current).definitions.ruleId.enum).toEqual(DECLARATIONS.map((d) => d.id));
  });

  it("has one row per declared rule, naming its severities and the settings it reads", () => {
    const table = rulesTable();
    for (const d of DECLARATIONS) expect(table).toContain(`| \`${d.id}\` | ${d.name.zh} · ${d.name.en} |`);
    const outlier = table.split("\n").find((l) => l.startsWith("| `outlier`"))!;
    expect(outlier).toContain("| 提示性 info | `thresholds.outlierZ`、`thresholds.outlierMinValues` |");
  });

  it("escapes a vertical bar inside a description so that the row keeps its columns", () => {
    const table = rulesTable([
      { id: "x", name: { zh: "甲", en: "A" }, severities: ["info"], settings: [], description: { zh: "a|b", en: "c" } },
    ]);
    expect(table).toContain("a\\|b<br>c");
  });

  it("replaces only what lies between the markers", () => {
    expect(withTable(`a\n${START}\nold\n${END}\nb`, "new")).toBe(`a\n${START}\nnew\n${END}\nb`);
    expect(() => withTable("no markers", "x")).toThrow(/markers/);
  });
});

/** The checks against the previous period's file (src/core/previous): declared, but not run sheet by sheet. */
const PREVIOUS_PERIOD_RULES = ["cumulative-decrease", "target-changed", "unit-dropped", "month-mismatch", "quarters-mismatch"];
/** 审核公式 (src/core/audit): declared, but the rules come as input. */
const AUDIT_RULES = ["audit-rule", "audit-rule-skipped"];

describe("rule declarations", () => {
  it("give every rule the engine runs, the cross-file and the previous-period checks exactly one declaration", () => {
    const ids = DECLARATIONS.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of RULES) expect(ids).toContain(rule.id);
    const others = ["duplicate-submission", "missing-submission", ...PREVIOUS_PERIOD_RULES, ...AUDIT_RULES];
    expect(ids).toEqual(expect.arrayContaining(others));
    expect(ids).toHaveLength(RULES.length + others.length);
  });

  it("are where RULE_NAMES comes from", () => {
    expect(Object.keys(RULE_NAMES)).toEqual(DECLARATIONS.map((d) => d.id));
    for (const d of DECLARATIONS) expect(RULE_NAMES[d.id]).toEqual(d.name);
  });

  it("name only settings that exist, and severities most severe first", () => {
    for (const d of DECLARATIONS) {
      for (const s of d.settings) {
        const [top, sub] = s.split(".");
        const value = (DEFAULT_CONFIG as unknown as Record<string, Record<string, unknown>>)[top];
        expect(sub === undefined ? value !== undefined : value?.[sub] !== undefined).toBe(true);
      }
      const ranks = d.severities.map((s) => SEVERITIES.indexOf(s));
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      expect(d.description.zh).not.toBe("");
      expect(d.description.en).not.toBe("");
    }
  });
});
