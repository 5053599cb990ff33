/*
 * Microsoft's naming rules for custom functions (learn.microsoft.com/office/dev/add-ins/excel/custom-functions-naming):
 * id and name start with a letter and have at least three characters; ids use A–Z 0–9 _ . only; names use letters,
 * _ and . only; neither looks like a cell reference. Both shipped metadata files are checked.
 */
import fs from "fs";
import path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import {
  idProblems,
  isCellReference,
  metadataNamingProblems,
  nameProblems,
  namespaceProblems,
} from "../../scripts/function-naming";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { localizeMetadata, manifestNamespace, withoutDataTypeFlags } = require("../../scripts/localize-metadata");

interface Metadata {
  allowCustomDataForDataTypeAny?: boolean;
  functions: { id: string; name: string }[];
}

const root = path.resolve(__dirname, "../..");
const table = JSON.parse(fs.readFileSync(path.join(root, "src/functions/metadata.zh-CN.json"), "utf8"));
let generated: Metadata;

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata([path.join(root, "src/functions/functions.ts")]);
  expect(result.errors).toEqual([]);
  generated = JSON.parse(result.metadataJson);
}, 60_000);

test("the English functions.json breaks no naming rule", () => {
  expect(metadataNamingProblems(generated)).toEqual([]);
});

test("the Chinese functions.zh-CN.json breaks no naming rule: every name has at least three characters", () => {
  const { metadata, problems } = localizeMetadata(generated, table) as { metadata: Metadata; problems: string[] };
  expect(problems).toEqual([]);
  expect(metadataNamingProblems(metadata)).toEqual([]);
  for (const fn of metadata.functions) expect([...fn.name].length).toBeGreaterThanOrEqual(3);
});

test("a two-character Chinese name such as 同比 is refused, so the build fails on it", () => {
  const twoChars = { ...table, YOY: { ...table.YOY, name: "同比" } };
  expect(localizeMetadata(generated, twoChars).problems.join("\n")).toContain("同比");
});

test.each([
  ["YOY", []],
  ["PPCHANGE", []],
  ["ZS", ["fewer than 3 characters"]],
  ["Yoy", ["only A–Z"]],
  ["1ST", ["start with a letter"]],
  ["XFD1", ["cell reference"]],
])("id %p → problems %p", (id, expected) => {
  const problems = idProblems(id).join("\n");
  if (expected.length === 0) expect(problems).toBe("");
  for (const part of expected) expect(problems).toContain(part);
});

test.each([
  ["同比增速", []],
  ["占全市比重", []],
  ["排名", ["fewer than 3 characters"]],
  ["增速%", ["only letters"]],
  ["R1C1", ["cell reference"]],
])("name %p → problems %p", (name, expected) => {
  const problems = nameProblems(name).join("\n");
  if (expected.length === 0) expect(problems).toBe("");
  for (const part of expected) expect(problems).toContain(part);
});

test("cell references are recognised up to XFD1048576 and R1048576C16384, not beyond", () => {
  expect(isCellReference("A1")).toBe(true);
  expect(isCellReference("xfd1048576")).toBe(true);
  expect(isCellReference("XFE1")).toBe(false);
  expect(isCellReference("A1048577")).toBe(false);
  expect(isCellReference("R1048576C16384")).toBe(true);
  expect(isCellReference("YOY")).toBe(false);
});

test("the manifest's namespace follows the same guideline (ZSTJ), and a two-letter one like ZS would fail the build", () => {
  const namespace = manifestNamespace(fs.readFileSync(path.join(root, "manifest.xml"), "utf8"));
  expect(namespace).toBe("ZSTJ");
  expect(namespaceProblems(namespace as string)).toEqual([]);
  expect(namespaceProblems("ZS").join("\n")).toContain("fewer than 3 characters");
  expect(namespaceProblems("ZSTJ")).toEqual([]);
  expect(namespaceProblems("A".repeat(33)).join("\n")).toContain("32");
});

test("the data-type flags the generator always writes are dropped (CustomFunctionsRuntime 1.4; office-js #3504)", () => {
  expect(generated.allowCustomDataForDataTypeAny).toBe(true);
  expect(withoutDataTypeFlags(generated)).not.toHaveProperty("allowCustomDataForDataTypeAny");
  const { metadata } = localizeMetadata(generated, table);
  expect(metadata).not.toHaveProperty("allowCustomDataForDataTypeAny");
});
