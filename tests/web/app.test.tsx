/** @jest-environment jsdom */
import "./support/node-globals";
import fs from "fs";
import path from "path";
import ExcelJS from "exceljs";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { checkSheet } from "../../src/app/check";
import { summarize } from "../../src/core/findings";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { readWorkbook } from "../../src/xlsx";
import { App } from "../../src/web/App";
import { blobBytes, captureDownloads, installBrowserStubs } from "./support/browser-stubs";

const EXAMPLE = path.join(__dirname, "../../examples/chongqing-2022-h1.xlsx");
const exampleBytes = () => new Uint8Array(fs.readFileSync(EXAMPLE));

beforeAll(installBrowserStubs);

function fileInput(): HTMLInputElement {
  return screen.getByLabelText("选择要校验的工作簿（.xlsx 或 .xlsm）") as HTMLInputElement;
}

test("a file that is not .xlsx/.xlsm is refused by name, in Chinese, before anything is read", async () => {
  const user = userEvent.setup({ applyAccept: false });
  render(<App lang="zh" />);
  await user.upload(fileInput(), new File([new Uint8Array([0xd0, 0xcf, 0x11, 0xe0])], "渝北区.xls"));
  expect(await screen.findByText(/“渝北区.xls”不是 .xlsx 或 .xlsm 工作簿.*另存为” .xlsx/)).toBeTruthy();
  expect(screen.getByRole("button", { name: "示例数据" })).toBeTruthy();
});

test("dropping more than two files: the first is opened, the others are named in a warning", async () => {
  render(<App lang="zh" />);
  const zone = screen.getByText("把 .xlsx 工作簿拖到这里，或").parentElement!;
  const files = [new File(["a,b"], "汇总.csv"), new File(["x"], "另一个.xlsx"), new File(["y"], "第三个.xlsx")];
  fireEvent.dragOver(zone, { dataTransfer: { files } });
  expect(screen.getByText("松开鼠标即可打开")).toBeTruthy();
  fireEvent.drop(zone, { dataTransfer: { files } });
  expect(await screen.findByText(/“汇总.csv”不是 .xlsx 或 .xlsm 工作簿/)).toBeTruthy();
  expect(screen.getByText("一次只能校验一个文件（可另加一个年度目标工作簿），已打开前两个。")).toBeTruthy();
});

test("a sheet dropped with a targets workbook is checked against it, as zs-check --targets does", async () => {
  const targetsBytes = new Uint8Array(fs.readFileSync(path.join(__dirname, "../../examples/targets-2022.xlsx")));
  const user = userEvent.setup();
  render(<App lang="zh" />);
  const zone = screen.getByText("把 .xlsx 工作簿拖到这里，或").parentElement!;
  // The targets file first: its name, not the order, says which is which.
  const files = [new File([targetsBytes], "targets-2022.xlsx"), new File([exampleBytes()], "chongqing-2022-h1.xlsx")];
  fireEvent.drop(zone, { dataTransfer: { files } });
  const targetsData = await readWorkbook(targetsBytes);
  const source = targetsData.sheets.find((g) => g.name.includes("目标"))?.name ?? targetsData.sheets[0].name;
  const said = await screen.findByText(/^年度目标取自 targets-2022.xlsx 的工作表“/, undefined, { timeout: 5000 });
  expect(said.textContent).toContain(`工作表“${source}”`);
  const check = await screen.findByRole("button", { name: "一键校验" });
  await waitFor(() => expect((check as HTMLButtonElement).disabled).toBe(false));
  await user.click(check);
  await screen.findByRole("heading", { name: "校验结果" }, { timeout: 5000 });

  const data = await readWorkbook(exampleBytes());
  const settings = { ...DEFAULT_SETTINGS, targets: { kind: "sheet" as const, sheet: `${source}（targets-2022.xlsx）` } };
  const targetsGrid = targetsData.sheets.find((g) => g.name === source)!;
  const expected = summarize(checkSheet(data.sheets[0], settings, { targetsGrid }).result.findings);
  const withoutTargets = summarize(checkSheet(data.sheets[0], DEFAULT_SETTINGS).result.findings);
  // The targets change what is found (the example plants a unit the targets sheet lacks).
  expect(expected).not.toEqual(withoutTargets);
  const pane = screen.getByRole("region", { name: "校验" });
  const status = within(pane).getAllByRole("status").map((s) => s.textContent ?? "").join(" ");
  expect(status).toContain(`强制性 ${expected.error}`);
  expect(status).toContain(`核实性 ${expected.verify}`);
  expect(status).toContain(`提示性 ${expected.info}`);
});

test("an .xlsx that is not a workbook gets the limits check's message", async () => {
  const user = userEvent.setup();
  render(<App lang="zh" />);
  await user.upload(fileInput(), new File(["这不是工作簿"], "假的.xlsx"));
  expect(await screen.findByText(/文件 假的.xlsx 不是有效的 .xlsx 工作簿（不是 ZIP 格式）/)).toBeTruthy();
});

test("示例数据 → 一键校验 → the counts of the engine, marks in the preview, and both downloads", async () => {
  const downloads = captureDownloads();
  const user = userEvent.setup();
  render(<App lang="zh" fetchSample={async () => exampleBytes()} />);
  await user.click(screen.getByRole("button", { name: "示例数据" }));
  expect(await screen.findByRole("heading", { name: "预览：1-6月" }, { timeout: 5000 })).toBeTruthy();
  // Nothing to download before a check.
  expect((screen.getByRole("button", { name: "下载标注文件" }) as HTMLButtonElement).disabled).toBe(true);

  const check = await screen.findByRole("button", { name: "一键校验" });
  await waitFor(() => expect((check as HTMLButtonElement).disabled).toBe(false));
  await user.click(check);
  await screen.findByRole("heading", { name: "校验结果" }, { timeout: 5000 });

  const data = await readWorkbook(exampleBytes());
  const expected = summarize(checkSheet(data.sheets[0], DEFAULT_SETTINGS).result.findings);
  const pane = screen.getByRole("region", { name: "校验" });
  const status = within(pane).getAllByRole("status").map((s) => s.textContent ?? "").join(" ");
  expect(status).toContain(`强制性 ${expected.error}`);
  expect(status).toContain(`核实性 ${expected.verify}`);
  expect(status).toContain(`提示性 ${expected.info}`);
  const marked = document.querySelectorAll(".zs-grid td[data-severity]");
  expect(marked.length).toBeGreaterThan(0);

  await user.click(screen.getByRole("button", { name: "下载JSON报告" }));
  expect(downloads.names).toEqual(["chongqing-2022-h1-校验.json"]);
  const json = JSON.parse(new TextDecoder().decode(await blobBytes(downloads.blobs[0])));
  expect(json.files[0].file).toBe("chongqing-2022-h1.xlsx");
  expect(json.files[0].sheets[0].summary).toEqual(expected);

  await user.click(screen.getByRole("button", { name: "下载标注文件" }));
  await waitFor(() => expect(downloads.names).toHaveLength(2), { timeout: 5000 });
  expect(downloads.names[1]).toBe("chongqing-2022-h1-校验.xlsx");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await blobBytes(downloads.blobs[1])) as unknown as ArrayBuffer);
  expect(wb.getWorksheet("校验结果")).toBeDefined();
}, 20_000);

test("a sheet dropped with last month's workbook is compared with it, as zs-check --previous does", async () => {
  const read = (name: string) => new Uint8Array(fs.readFileSync(path.join(__dirname, "../../examples", name)));
  const user = userEvent.setup();
  render(<App lang="zh" />);
  const zone = screen.getByText("把 .xlsx 工作簿拖到这里，或").parentElement!;
  // The names give the periods: the earlier one is last month's.
  const files = [new File([read("chongqing-2022-05.xlsx")], "2022年1-5月.xlsx"), new File([read("chongqing-2022-h1-clean.xlsx")], "2022年1-6月.xlsx")];
  fireEvent.drop(zone, { dataTransfer: { files } });
  expect(await screen.findByText("上期报表取自 2022年1-5月.xlsx 的工作表“1-5月”（已在“上期报表”中选用），校验时与上期对比。", undefined, { timeout: 5000 })).toBeTruthy();
  const check = await screen.findByRole("button", { name: "一键校验" });
  await waitFor(() => expect((check as HTMLButtonElement).disabled).toBe(false));
  await user.click(check);
  await screen.findByRole("heading", { name: "校验结果" }, { timeout: 5000 });
  // The clean sheet alone has no findings; against its predecessor, the planted 核减 and target change (examples/README.md).
  const pane = screen.getByRole("region", { name: "校验" });
  const status = within(pane).getAllByRole("status").map((s) => s.textContent ?? "").join(" ");
  expect(status).toContain("强制性 0");
  expect(status).toContain("核实性 4");
}, 30_000);
