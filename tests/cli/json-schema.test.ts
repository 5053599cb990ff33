/*
 * The JSON report is a published interface: every report zs-check writes for the example workbooks validates
 * against docs/report.schema.json, and every finding carries details of its own rule.
 */
import path from "node:path";
import { runCli } from "./fixtures";
import { allFindings, reportErrors } from "../support/report-schema";

const EXAMPLES = path.resolve(__dirname, "../../examples");

async function report(...args: string[]): Promise<unknown> {
  const { stdout } = await runCli([...args, "--format", "json"], EXAMPLES);
  return JSON.parse(stdout);
}

describe("the JSON report schema (docs/report.schema.json)", () => {
  test.each([
    ["the whole examples folder", ["."]],
    ["the anomalies sheet against its targets", ["chongqing-2022-h1.xlsx", "--targets", "targets-2022.xlsx"]],
    ["the two district forms as a batch (cross-file checks)", ["qianjiang-2022-h1-form.xlsx", "yubei-2022-form.xlsx"]],
    ["in English", ["chongqing-2022-h1.xlsx", "--lang", "en"]],
  ])("validates zs-check's output for %s", async (_name, args) => {
    const json = await report(...args);
    expect(reportErrors(json)).toEqual([]);
    expect(json).toMatchObject({ schemaVersion: 2 });
    const findings = allFindings(json);
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) expect(f.details?.rule).toBe(f.rule);
  });

  test("rejects a report whose finding names no rule of this version or tags expected with no kind", async () => {
    const json = (await report("chongqing-2022-h1.xlsx")) as { files: { sheets: { findings: Record<string, unknown>[] }[] }[] };
    const f = json.files[0].sheets[0].findings[0];
    expect(reportErrors({ ...json, files: [{ ...json.files[0], sheets: [{ ...json.files[0].sheets[0], findings: [{ ...f, rule: "no-such-rule" }] }] }] })).not.toEqual([]);
    expect(reportErrors({ ...json, files: [{ ...json.files[0], sheets: [{ ...json.files[0].sheets[0], findings: [{ ...f, expected: 12.5 }] }] }] })).not.toEqual([]);
  });
});
