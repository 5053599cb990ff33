/*
 * npm run examples:merge — writes examples/merge-2022-h1/: the 41 one-district forms of seed 000's 2022 1–6月
 * figures (报送/, duplicates and omissions as printed) and the workbook zs-merge makes of them with the example
 * targets (汇总.xlsx). Run from the project folder: file names in the 来源 sheet are relative to it.
 */
import fs from "fs";
import path from "path";
import { runMerge } from "../src/cli/merge-main";
import { writeSeedForms } from "../tests/support/seed-forms";

const ROOT = path.resolve(__dirname, "..");
const DIR = path.join(ROOT, "examples", "merge-2022-h1");
const FORMS = path.join(DIR, "报送");

async function main(): Promise<void> {
  fs.rmSync(DIR, { recursive: true, force: true });
  fs.mkdirSync(FORMS, { recursive: true });
  await writeSeedForms(FORMS);
  let out = "";
  const code = await runMerge(
    ["examples/merge-2022-h1/报送", "--targets", "examples/targets-2022.xlsx", "--out", "examples/merge-2022-h1/汇总.xlsx"],
    { stdout: { write: (s: string) => (out += s) }, stderr: process.stderr, isTTY: false, cwd: ROOT, env: {} },
  );
  fs.writeFileSync(path.join(DIR, "zs-merge-output.txt"), out);
  process.stdout.write(out + `exit ${code}\n`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
