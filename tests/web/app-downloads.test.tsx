/** @jest-environment jsdom */
import "./support/node-globals";
import fs from "fs";
import path from "path";
import ExcelJS from "exceljs";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/web/App";
import { blobBytes, captureDownloads, installBrowserStubs } from "./support/browser-stubs";

const EXAMPLE = path.join(__dirname, "../../examples/chongqing-2022-h1.xlsx");

beforeAll(installBrowserStubs);
jest.setTimeout(30_000);

function button(name: string): HTMLButtonElement {
  return screen.getByRole("button", { name }) as HTMLButtonElement;
}

async function openAndCheck(bytes: Uint8Array, name: string): Promise<void> {
  const user = userEvent.setup();
  await user.upload(screen.getByLabelText("选择要校验的工作簿（.xlsx 或 .xlsm）"), new File([bytes as unknown as BlobPart], name));
  const check = await screen.findByRole("button", { name: "一键校验" }, { timeout: 5000 });
  await waitFor(() => expect((check as HTMLButtonElement).disabled).toBe(false));
  await user.click(check);
  await screen.findByRole("heading", { name: "校验结果" }, { timeout: 5000 });
}

test("after 清除标记 the marks leave the preview but both downloads stay, with the last check's report", async () => {
  const downloads = captureDownloads();
  const user = userEvent.setup();
  render(<App lang="zh" />);
  await openAndCheck(new Uint8Array(fs.readFileSync(EXAMPLE)), "chongqing-2022-h1.xlsx");
  expect(document.querySelectorAll(".zs-grid td[data-severity]").length).toBeGreaterThan(0);

  await user.click(button("清除标记"));
  await waitFor(() => expect(document.querySelectorAll(".zs-grid td[data-severity]")).toHaveLength(0));
  expect(button("下载标注文件").disabled).toBe(false);
  expect(button("下载JSON报告").disabled).toBe(false);

  await user.click(button("下载标注文件"));
  await waitFor(() => expect(downloads.names).toHaveLength(1), { timeout: 5000 });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await blobBytes(downloads.blobs[0])) as unknown as ArrayBuffer);
  // Not an empty report: the findings of the check are in it.
  expect(wb.getWorksheet("校验结果")!.rowCount).toBeGreaterThan(1);
});

test("报送前固化 on the page: the frozen file is offered for download, with values where ZSTJ formulas were", async () => {
  const downloads = captureDownloads();
  const user = userEvent.setup();
  const source = new ExcelJS.Workbook();
  await source.xlsx.load(fs.readFileSync(EXAMPLE) as unknown as ArrayBuffer);
  const ws = source.worksheets[0];
  // A 完成率 figure computed with the add-in, as Excel saves it (office-js #2568): call text and cached value.
  const target = ws.getCell("Z5");
  target.value = { formula: "_xldudf_ZSTJ_COMPLETION(1,2)", result: 0.5 };
  const bytes = new Uint8Array(await source.xlsx.writeBuffer());

  render(<App lang="zh" />);
  await openAndCheck(bytes, "黔江区.xlsx");
  expect(screen.getAllByText(/本表有1个单元格使用加载项函数ZSTJ\.\*（Z5）/)[0]).toBeTruthy();
  expect(screen.queryByRole("button", { name: "下载固化后的文件" })).toBeNull();

  await user.click(button("报送前固化"));
  await user.click(button("固化 ZSTJ 公式…"));
  expect(screen.getByRole("alertdialog").textContent).toContain("不会改动您的原文件");
  await user.click(button("确认固化"));
  expect(await screen.findByText(/已固化 1 个单元格（1 张工作表：/)).toBeTruthy();

  // Checked again, the frozen sheet has no add-in formula left to report.
  await waitFor(() => expect(button("一键校验").disabled).toBe(false));
  await user.click(button("一键校验"));
  await screen.findByRole("heading", { name: "校验结果" }, { timeout: 5000 });
  expect(screen.queryByText(/使用加载项函数ZSTJ/)).toBeNull();

  await user.click(await screen.findByRole("button", { name: "下载固化后的文件" }));
  expect(downloads.names).toEqual(["黔江区-固化.xlsx"]);
  const frozen = new ExcelJS.Workbook();
  await frozen.xlsx.load((await blobBytes(downloads.blobs[0])) as unknown as ArrayBuffer);
  expect(frozen.worksheets[0].getCell("Z5").value).toBe(0.5);
  expect(frozen.getWorksheet("校验结果")).toBeUndefined();
});
