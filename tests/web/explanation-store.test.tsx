/** @jest-environment jsdom */
import "./support/node-globals";
import fs from "fs";
import path from "path";
import { webcrypto, createHash } from "crypto";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { checkSheet } from "../../src/app/check";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { readWorkbook } from "../../src/xlsx";
import { App } from "../../src/web/App";
import {
  fileHash,
  KeyValueStore,
  loadStored,
  mergeExplanations,
  saveStored,
  storedLanguage,
} from "../../src/web/explanation-store";
import { pageLanguage } from "../../src/web/lang";
import { captureDownloads, installBrowserStubs } from "./support/browser-stubs";

const EXAMPLE = path.join(__dirname, "../../examples/chongqing-2022-h1.xlsx");
const exampleBytes = () => new Uint8Array(fs.readFileSync(EXAMPLE));

/** localStorage's contract over a Map, so a test sees exactly what the page kept. */
function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, String(v)),
    removeItem: (k) => void data.delete(k),
  };
}

/**
 * jsdom has no crypto.subtle; Node's is the same Web Crypto API the browser gives the page. Its digest refuses
 * jsdom's ArrayBuffer (another realm's), so the bytes are handed over as a Node Buffer.
 */
const nodeSubtle = {
  digest: (algorithm: AlgorithmIdentifier, data: Uint8Array) =>
    webcrypto.subtle.digest(algorithm, Buffer.from(data.buffer, data.byteOffset, data.byteLength)),
} as unknown as SubtleCrypto;

beforeAll(() => {
  installBrowserStubs();
  Object.defineProperty(globalThis.crypto, "subtle", { value: nodeSubtle, configurable: true });
});

test("the key of a file's explanations is the SHA-256 of its bytes, and none without Web Crypto", async () => {
  const bytes = exampleBytes();
  expect(await fileHash(bytes, nodeSubtle)).toBe(createHash("sha256").update(bytes).digest("hex"));
  expect(await fileHash(bytes, null)).toBeNull();
});

test("stored explanations come back for the same hash only, and an empty list is forgotten", () => {
  const store = memoryStore();
  const e = { sheet: "1-6月", cell: "E7", rule: "growth-outlier", text: "含市级直接招商项目两个" };
  expect(saveStored(store, "abc", { fileName: "a.xlsx", explanations: [e], unsaved: true })).toBe(true);
  expect(loadStored(store, "abc")).toMatchObject({ fileName: "a.xlsx", explanations: [e], unsaved: true });
  expect(loadStored(store, "other")).toBeNull();
  saveStored(store, "abc", { fileName: "a.xlsx", explanations: [], unsaved: false });
  expect(store.data.size).toBe(0);
});

test("a damaged or refused storage entry is no explanation, not an error", () => {
  const store = memoryStore();
  store.setItem("zs-explanations:abc", "{not json");
  expect(loadStored(store, "abc")).toBeNull();
  const refusing: KeyValueStore = {
    getItem: () => null,
    setItem: () => {
      throw new Error("QuotaExceededError");
    },
    removeItem: () => undefined,
  };
  expect(saveStored(refusing, "abc", { fileName: "a", explanations: [{ sheet: "s", cell: "A1", rule: "r", text: "说明文字足够长" }], unsaved: true })).toBe(false);
});

test("the browser's explanation replaces the file's for the same sheet, cell and rule; others are kept", () => {
  const file = [
    { sheet: "s", cell: "E7", rule: "r1", text: "文件中原有的说明" },
    { sheet: "s", cell: "E8", rule: "r1", text: "另一条原有说明" },
  ];
  const stored = [
    { sheet: "s", cell: "E7", rule: "r1", text: "在页面上改写的说明" },
    { sheet: "s", cell: "F9", rule: "r2", text: "页面上新写的说明" },
    { sheet: "s", cell: "E8", rule: "r1", text: "另一条原有说明" },
  ];
  const merged = mergeExplanations(file, stored);
  expect(merged.restored).toBe(2);
  expect(merged.explanations.map((e) => `${e.cell}:${e.text}`).sort()).toEqual(
    ["E7:在页面上改写的说明", "E8:另一条原有说明", "F9:页面上新写的说明"].sort(),
  );
});

test("the language chosen on the page is used next time unless the link asks for one", () => {
  const store = memoryStore();
  store.setItem("zs-lang", "en");
  expect(storedLanguage(store)).toBe("en");
  expect(pageLanguage("", { language: "zh-CN", languages: ["zh-CN"] }, storedLanguage(store))).toBe("en");
  expect(pageLanguage("?lang=zh", { language: "zh-CN", languages: ["zh-CN"] }, "en")).toBe("zh");
  expect(pageLanguage("", { language: "zh-CN", languages: ["zh-CN"] }, null)).toBe("zh");
});

test("switching the language on the page remembers it", async () => {
  const store = memoryStore();
  const user = userEvent.setup();
  render(<App lang="zh" store={store} />);
  await user.click(screen.getByRole("button", { name: "Switch to English" }));
  expect(store.getItem("zs-lang")).toBe("en");
});

async function openSampleAndCheck(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole("button", { name: "示例数据" }));
  const check = await screen.findByRole("button", { name: "一键校验" }, { timeout: 5000 });
  await waitFor(() => expect((check as HTMLButtonElement).disabled).toBe(false));
  await user.click(check);
  await screen.findByRole("heading", { name: "校验结果" }, { timeout: 5000 });
}

test("an explanation written on the page survives closing it and opening the same file again; downloading settles it", async () => {
  const data = await readWorkbook(exampleBytes());
  const verify = checkSheet(data.sheets[0], DEFAULT_SETTINGS).result.findings.find((f) => f.severity === "verify" && f.cell)!;
  const text = "全市数含市级直接招商项目，与区县口径不同";
  const store = memoryStore();
  const user = userEvent.setup();
  const first = render(<App lang="zh" store={store} fetchSample={async () => exampleBytes()} />);
  await openSampleAndCheck(user);
  await user.click(screen.getAllByRole("button", { name: `填写说明：${verify.cell}` })[0]);
  await user.type(screen.getByLabelText(`核实说明（${verify.cell}）`), text);
  await user.click(screen.getByRole("button", { name: "保存" }));
  await waitFor(() => expect(store.data.size).toBe(1));

  // Unsaved explanations: leaving the page asks first.
  const leave = new Event("beforeunload", { cancelable: true });
  window.dispatchEvent(leave);
  expect(leave.defaultPrevented).toBe(true);
  // … and so does opening another file (declined here: nothing changes).
  const confirm = jest.spyOn(window, "confirm").mockReturnValue(false);
  await user.upload(screen.getByLabelText("选择要校验的工作簿（.xlsx 或 .xlsm）"), new File([exampleBytes()], "另一个.xlsx"));
  expect(confirm).toHaveBeenCalledWith(expect.stringContaining("核实说明还没有写进下载的标注文件"));
  confirm.mockRestore();
  first.unmount();

  // The tab is gone; the same file opened again brings the explanation back.
  const second = render(<App lang="zh" store={store} fetchSample={async () => exampleBytes()} />);
  await openSampleAndCheck(user);
  expect(screen.getByText(/已恢复上次在本浏览器中为此文件填写的 1 条核实说明/)).toBeTruthy();
  expect(screen.getAllByText(text).length).toBeGreaterThan(0);
  const again = new Event("beforeunload", { cancelable: true });
  window.dispatchEvent(again);
  expect(again.defaultPrevented).toBe(true);

  // Once in a downloaded copy, leaving no longer asks (the browser keeps them still).
  const downloads = captureDownloads();
  await user.click(screen.getByRole("button", { name: "下载标注文件" }));
  await waitFor(() => expect(downloads.names).toHaveLength(1), { timeout: 5000 });
  const settled = new Event("beforeunload", { cancelable: true });
  window.dispatchEvent(settled);
  expect(settled.defaultPrevented).toBe(false);
  second.unmount();
}, 30_000);
