/** @jest-environment jsdom */
/*
 * The standalone page's JSON download is the same published format as zs-check's: it validates against
 * docs/report.schema.json and carries each finding's details.
 */
import "./support/node-globals";
import fs from "fs";
import path from "path";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { MemoryWorkbookPort } from "../../src/web/memory-port";
import { pageJson } from "../../src/web/json-report";
import { openWorkbook } from "../../src/web/workbook-reader";
import { checkSheet } from "../../src/app/check";
import { allFindings, reportErrors } from "../support/report-schema";

const EXAMPLES = path.join(__dirname, "../../examples");

test.each(["chongqing-2022-h1.xlsx", "qianjiang-2022-h1-form.xlsx"])("the page's JSON export of %s validates against the schema", async (name) => {
  const bytes = new Uint8Array(fs.readFileSync(path.join(EXAMPLES, name)));
  const port = new MemoryWorkbookPort(await openWorkbook(bytes, name), { lang: "zh" });
  const sheets = await port.listSheets();
  // As the page does: the pane's findings are marked on the in-memory workbook, and the download reads them back.
  for (const sheet of sheets) {
    const grid = await port.readSheet(sheet);
    await port.applyHighlights(sheet, checkSheet(grid, DEFAULT_SETTINGS).result.findings);
  }
  const s = port.snapshot();
  const json = JSON.parse(pageJson({ fileName: s.fileName, results: s.results, settings: s.settings, lang: "zh", grid: (n) => port.grid(n) }));
  expect(reportErrors(json)).toEqual([]);
  expect(json.schemaVersion).toBe(2);
  const findings = allFindings(json);
  expect(findings.length).toBeGreaterThan(0);
  for (const f of findings) expect(f.details?.rule).toBe(f.rule);
});
