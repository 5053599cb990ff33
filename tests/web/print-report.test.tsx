/** @jest-environment jsdom */
import "./support/node-globals";
import fs from "fs";
import path from "path";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { checkSheet } from "../../src/app/check";
import { summarize } from "../../src/core/findings";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { readWorkbook } from "../../src/xlsx";
import { App } from "../../src/web/App";
import { PRINT_CSS } from "../../src/web/PrintReport";
import { installBrowserStubs } from "./support/browser-stubs";

const EXAMPLE = path.join(__dirname, "../../examples/chongqing-2022-h1.xlsx");
const exampleBytes = () => new Uint8Array(fs.readFileSync(EXAMPLE));

beforeAll(installBrowserStubs);

test("打印 prints a report of the file, sheet, period, counts and every finding with its 核实说明", async () => {
  const data = await readWorkbook(exampleBytes());
  const findings = checkSheet(data.sheets[0], DEFAULT_SETTINGS).result.findings;
  const counts = summarize(findings);
  const verify = findings.find((f) => f.severity === "verify" && f.cell)!;
  const user = userEvent.setup();
  const print = jest.fn();
  window.print = print;
  render(<App lang="zh" store={null} fetchSample={async () => exampleBytes()} />);
  await user.click(screen.getByRole("button", { name: "示例数据" }));
  const check = await screen.findByRole("button", { name: "一键校验" }, { timeout: 5000 });
  expect((screen.getByRole("button", { name: "打印" }) as HTMLButtonElement).disabled).toBe(true);
  await waitFor(() => expect((check as HTMLButtonElement).disabled).toBe(false));
  await user.click(check);
  await screen.findByRole("heading", { name: "校验结果" }, { timeout: 5000 });
  await user.click(screen.getAllByRole("button", { name: `填写说明：${verify.cell}` })[0]);
  await user.type(screen.getByLabelText(`核实说明（${verify.cell}）`), "全市数含市级直接招商项目，与区县口径不同");
  await user.click(screen.getByRole("button", { name: "保存" }));

  // On screen each finding is in the document once: the report is made only for printing.
  expect(document.querySelector(".zs-print")).toBeNull();
  await user.click(screen.getByRole("button", { name: "打印" }));
  expect(print).toHaveBeenCalledTimes(1);
  const report = document.querySelector(".zs-print") as HTMLElement;
  expect(report.textContent).toContain("chongqing-2022-h1.xlsx");
  expect(report.textContent).toContain(data.sheets[0].name);
  expect(report.textContent).toContain("2022年1-6月");
  expect(report.querySelector(".zs-print-counts")!.textContent).toBe(
    `强制性 ${counts.error} 条，核实性 ${counts.verify} 条，提示性 ${counts.info} 条`,
  );
  const rows = [...report.querySelectorAll<HTMLElement>("tbody tr")];
  expect(rows).toHaveLength(findings.length);
  const printed = rows.map((r) => r.textContent ?? "");
  for (const f of findings) expect(printed.some((t) => t.includes(f.message.zh) && (f.cell === null || t.includes(f.cell)))).toBe(true);
  const explained = rows.find((r) => r.dataset.cell === verify.cell && r.dataset.severity === "verify")!;
  expect(explained.textContent).toContain("全市数含市级直接招商项目，与区县口径不同");
}, 30_000);

test("on paper only the report shows, on A4, with the table header repeated on every page", () => {
  expect(PRINT_CSS).toMatch(/@page\{size:A4/);
  expect(PRINT_CSS).toMatch(/\.zs-provider > \.zs-page\{display:none!important\}/);
  expect(PRINT_CSS).toMatch(/thead\{display:table-header-group\}/);
  // Not on screen.
  expect(PRINT_CSS.startsWith("\n.zs-print{display:none}")).toBe(true);
});
