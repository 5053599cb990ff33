import Ajv from "ajv";
import fs from "fs";
import path from "path";

/** The published schema of the JSON report (docs/report.schema.json), compiled once. */
const schema: object = JSON.parse(fs.readFileSync(path.join(__dirname, "../../docs/report.schema.json"), "utf8"));
// ajv 6 speaks draft-07, the schema's $schema; allErrors so that a failure lists every offending path.
const validate = new Ajv({ allErrors: true }).compile(schema);

interface Finding {
  rule: string;
  details: { rule: string } | null;
}
interface Report {
  files: { sheets: { findings: Finding[] }[] }[];
  batch: { findings: Finding[] };
}

/** The schema's errors for a report (empty: valid), plus any finding whose details belong to another rule. */
export function reportErrors(report: unknown): string[] {
  const errors = validate(report) ? [] : (validate.errors ?? []).map((e) => `${e.dataPath} ${e.message ?? ""}`);
  const r = report as Report;
  const findings = [...(r.files ?? []).flatMap((f) => f.sheets.flatMap((s) => s.findings)), ...(r.batch?.findings ?? [])];
  for (const f of findings) if (f.details !== null && f.details?.rule !== f.rule) errors.push(`details of ${f.rule} say ${f.details?.rule}`);
  return errors;
}

/** Every finding of a report, sheets and batch together. */
export function allFindings(report: unknown): Finding[] {
  const r = report as Report;
  return [...r.files.flatMap((f) => f.sheets.flatMap((s) => s.findings)), ...r.batch.findings];
}
