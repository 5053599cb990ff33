import path from "path";
import { ESLint } from "eslint";

/**
 * The one-way layering is enforced by lint (eslint.config.js): each case lints a line of code as if it were in the
 * named file, and the rule must fire exactly where an import goes against core ← app ← adapters ← faces
 * (functions → core only; a face never imports another face, except the page hosting the pane).
 */
// The config is handed over as an object: ESLint would otherwise import() the file, which jest's module system refuses.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require("../../eslint.config.js");
const eslint = new ESLint({ cwd: path.resolve(__dirname, "../.."), overrideConfigFile: true, overrideConfig: config });

async function restricted(file: string, code: string): Promise<boolean> {
  const [result] = await eslint.lintText(`${code}\nexport const used = x;\n`, { filePath: file });
  return result.messages.some((m) => m.ruleId === "no-restricted-imports" || m.ruleId === "no-restricted-globals");
}

describe("lint keeps the layers pointing one way", () => {
  test.each([
    ["src/core/rules/some-rule.ts", 'import { x } from "../../excel/office-port";'],
    ["src/core/engine.ts", 'import { x } from "../xlsx/read";'],
    ["src/core/engine.ts", 'import { x } from "../cli/report";'],
    ["src/core/engine.ts", 'import { x } from "../app/report";'],
    ["src/app/check.ts", 'import { x } from "../excel/office-port";'],
    ["src/app/check.ts", 'import { x } from "../xlsx/read";'],
    ["src/app/pipeline/run.ts", 'import { x } from "../../taskpane/i18n";'],
    ["src/app/check.ts", 'import x from "exceljs";'],
    ["src/app/check.ts", 'import x from "node:path";'],
    ["src/app/check.ts", "const x = Office.context;"],
    ["src/app/check.ts", "const x = document.body;"],
    ["src/functions/functions.ts", 'import { x } from "../app/check";'],
    ["src/core/engine.ts", 'import x from "exceljs";'],
    ["src/core/engine.ts", 'import x from "node:fs";'],
    ["src/core/engine.ts", "const x = Office.context;"],
    ["src/functions/functions.ts", 'import { x } from "../taskpane/i18n";'],
    ["src/excel/read.ts", 'import { x } from "../taskpane/i18n";'],
    ["src/xlsx/read.ts", 'import { x } from "../cli/report";'],
    ["src/xlsx/read.ts", 'import { x } from "../web/text";'],
    ["src/excel/office-port.ts", 'import { x } from "../taskpane/port";'],
    // The two adapters share only what src/app defines (marks, notes, sheet names), never each other's code.
    ["src/xlsx/sheet-marks.ts", 'import { x } from "../excel/marks";'],
    ["src/excel/report.ts", 'import { x } from "../xlsx/sheet-names";'],
    ["src/web/json-report.ts", 'import { x } from "../cli/json-format";'],
    ["src/web/intake.ts", 'import { x } from "../cli/sheet-selection";'],
    ["src/cli/main.ts", 'import { x } from "../web/text";'],
    ["src/commands/commands.ts", 'import { x } from "../taskpane/usePaneState";'],
  ])("refuses, in %s: %s", async (file, code) => {
    expect(await restricted(file, code)).toBe(true);
  });

  test.each([
    ["src/core/rules/some-rule.ts", 'import { x } from "../findings";'],
    ["src/excel/read.ts", 'import { x } from "../core/findings";'],
    ["src/excel/office-port.ts", 'import { x } from "../app/port";'],
    ["src/xlsx/read.ts", 'import { x } from "../app/settings-sheet";'],
    ["src/app/check.ts", 'import { x } from "../core/engine";'],
    ["src/web/json-report.ts", 'import { x } from "../app/json-format";'],
    ["src/web/App.tsx", 'import { x } from "../taskpane/Pane";'],
    ["src/commands/commands.ts", 'import { x } from "../app/one-click";'],
    ["src/cli/main.ts", 'import { x } from "../xlsx/read";'],
    ["src/taskpane/Pane.tsx", 'import { x } from "../excel/ui-language";'],
    ["src/functions/functions.ts", 'import { x } from "../core/indicators";'],
  ])("allows, in %s: %s", async (file, code) => {
    expect(await restricted(file, code)).toBe(false);
  });
});
