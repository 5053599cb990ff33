import { PLAIN } from "../../src/cli/color";
import { CliIO } from "../../src/cli/io";
import { Report } from "../../src/app/report";
import { say } from "../../src/cli/say";
import { capLength, escapeControls, shortenMiddle } from "../../src/cli/terminal-text";
import { formatText } from "../../src/cli/text-format";
import { displayWidth } from "../../src/cli/width";
import { ExplainedFinding } from "../../src/core/explanations";

/** Any byte a terminal would act on rather than draw (C0, DEL, C1, bidi overrides); \n ends our own lines. */
// eslint-disable-next-line no-control-regex
const TERMINAL_ACTIVE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function explained(text: string, extra: Partial<ExplainedFinding> = {}): ExplainedFinding {
  return {
    rule: "unit-slip",
    severity: "verify",
    sheet: "汇总表",
    cell: "C11",
    row: 11,
    column: "C",
    unit: "南岸区",
    indicator: null,
    value: null,
    message: { zh: "疑似以万元填入亿元列", en: "looks like 万元 in a 亿元 column" },
    explanation: { sheet: "汇总表", cell: "C11", rule: "unit-slip", text },
    ...extra,
  };
}

function report(findings: ExplainedFinding[], fileName = "a.xlsx"): Report {
  return {
    files: [
      {
        file: fileName,
        sheets: [{ sheet: "汇总表", period: null, preset: null, mapping: [], findings, summary: { error: 0, verify: findings.length, info: 0 }, explained: findings.length, notes: [] }],
        error: null,
        notes: [],
        annotatedCopy: null,
      },
    ],
    batch: [],
  };
}

describe("workbook text on a terminal", () => {
  it("shows a 核实说明 holding ESC[2J and a fake all-clear as visible text, never as a command", () => {
    const text = formatText(report([explained("已核实\u001b[2J\u001b[H全部通过\r\n合计：0 个问题")]), "zh", PLAIN);
    expect(text).not.toMatch(TERMINAL_ACTIVE);
    expect(text).toContain("已核实\\e[2J\\e[H全部通过\\r\\n合计：0 个问题");
  });

  it("escapes control characters and bidi overrides in file and sheet names too", () => {
    const r = report([explained("原因见附件")], "渝北\u202e区.xlsx");
    r.files[0].sheets[0].sheet = "表\u0007一";
    const text = formatText(r, "en", PLAIN);
    expect(text).not.toMatch(TERMINAL_ACTIVE);
    expect(text).toContain("渝北\\u202E区.xlsx");
    expect(text).toContain("表\\x07一");
  });

  it("escapes diagnostics on stderr as well", () => {
    let err = "";
    const io = { stdout: { write: () => true }, stderr: { write: (s: string) => ((err += s), true) } } as unknown as CliIO;
    say(io, "zh", { zh: "无法读取 坏\u001b[31m.xlsx", en: "" });
    expect(err).toBe("zs-check: 无法读取 坏\\e[31m.xlsx\n");
  });

  it("keeps ordinary Chinese text, full-width punctuation and emoji as they are", () => {
    expect(escapeControls("渝北区：约95.1亿元（同比+22.05%）✓")).toBe("渝北区：约95.1亿元（同比+22.05%）✓");
  });
});

describe("long text in tables", () => {
  it("shortens a very long file name in the middle to 40 columns, keeping both ends", () => {
    const name = `报送/${"渝北区招商投资局".repeat(20)}第3次修改.xlsx`;
    const short = shortenMiddle(name, 40);
    expect(displayWidth(short)).toBeLessThanOrEqual(40);
    expect(short.startsWith("报送/渝北")).toBe(true);
    expect(short.endsWith("改.xlsx")).toBe(true);
    expect(short).toContain("…");
  });

  it("cuts one message at 400 characters and says how long it was", () => {
    const capped = capLength("很".repeat(5000), 400, "zh");
    expect(Array.from(capped).length).toBeLessThan(440);
    expect(capped).toContain("共5000字");
    expect(capLength("short", 400, "en")).toBe("short");
  });

  it("prints no line longer than a few hundred characters for a huge explanation", () => {
    const text = formatText(report([explained("说明".repeat(20000))]), "zh", PLAIN);
    const longest = Math.max(...text.split("\n").map((l) => Array.from(l).length));
    expect(longest).toBeLessThan(500);
  });
});
