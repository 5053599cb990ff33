/*
 * The shipped bundle is what Excel runs: build the functions entry in production mode, load functions.js in a
 * fresh context with a stand-in CustomFunctions global, and call the functions by id as Excel does. This proves
 * the metadata plugin injected the associate calls and that the minified bundle works.
 */
import fs from "fs";
import os from "os";
import path from "path";
import vm from "vm";
import { buildEntries } from "../../bench/build";
import { installCustomFunctionsStandIn, StandIn, StandInError } from "../support/custom-functions-standin";

let outDir: string;
let standIn: StandIn;

beforeAll(async () => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), "zs-bundle-test-"));
  await buildEntries(["functions"], outDir);
  standIn = installCustomFunctionsStandIn();
  const context = vm.createContext({ CustomFunctions: standIn, console });
  vm.runInContext(fs.readFileSync(path.join(outDir, "functions.js"), "utf8"), context);
}, 120_000);

afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

function call(id: string, ...args: unknown[][][]): unknown {
  const fn = standIn.registry.get(id);
  expect(fn).toBeDefined();
  return (fn!(...args) as unknown[][])[0][0];
}

test("every id in functions.json is associated with a function", () => {
  const metadata = JSON.parse(fs.readFileSync(path.join(outDir, "functions.json"), "utf8"));
  const ids = metadata.functions.map((f: { id: string }) => f.id).sort();
  expect([...standIn.registry.keys()].sort()).toEqual(ids);
});

test("neither shipped metadata file enables data types (office-js #3504: #VALUE! everywhere on retail Office 2021)", () => {
  for (const file of ["functions.json", "functions.zh-CN.json"]) {
    const metadata = JSON.parse(fs.readFileSync(path.join(outDir, file), "utf8"));
    expect(metadata).not.toHaveProperty("allowCustomDataForDataTypeAny");
    expect(metadata).not.toHaveProperty("allowErrorForDataTypeAny");
  }
});

test("the Chinese metadata shipped beside it has the same ids", () => {
  const en = JSON.parse(fs.readFileSync(path.join(outDir, "functions.json"), "utf8"));
  const zh = JSON.parse(fs.readFileSync(path.join(outDir, "functions.zh-CN.json"), "utf8"));
  expect(zh.functions.map((f: { id: string }) => f.id)).toEqual(en.functions.map((f: { id: string }) => f.id));
  expect(zh.functions.find((f: { id: string }) => f.id === "COMPLETION").name).toBe("完成率");
});

test("functions called by id give the published figures and Chinese errors", () => {
  expect(Math.round((call("COMPLETION", [[95.03]], [[160]]) as number) * 10000)).toBe(5939);
  expect(Math.round((call("YOY", [[12.59]], [[8.14]]) as number) * 10000)).toBe(5467);
  expect(call("DISTRICT", [["石柱县"]])).toBe("石柱土家族自治县");
  expect(call("TIER", [[100]])).toBe("百亿级");
  const error = call("YOY", [[5]], [[0]]) as StandInError;
  expect(error).toBeInstanceOf(StandInError);
  expect(error.message).toBe("上年同期为0或空白，不计算增速");
});
