import path from "path";
import fs from "fs";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { localizeMetadata } = require("../../scripts/localize-metadata");

interface Parameter {
  name: string;
  description?: string;
}
interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: Parameter[];
}
interface Metadata {
  functions: FunctionMetadata[];
}

const root = path.resolve(__dirname, "../..");
const table = JSON.parse(fs.readFileSync(path.join(root, "src/functions/metadata.zh-CN.json"), "utf8"));
let english: Metadata;

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata([path.join(root, "src/functions/functions.ts")]);
  expect(result.errors).toEqual([]);
  english = JSON.parse(result.metadataJson);
}, 60_000);

const EXPECTED: Record<string, string> = {
  COMPLETION: "完成率",
  YOY: "同比增速",
  PPCHANGE: "增减百分点",
  TIMEPROGRESS: "时序进度",
  PACE: "超序时进度",
  SHARE: "占全市比重",
  RANK: "排名位次",
  TIER: "规模档次",
  AMOUNT: "金额换算",
  DISTRICT: "区县全称",
  REGION: "所属片区",
};

test("the English metadata declares exactly the eleven ids, ASCII, with descriptions for every parameter", () => {
  expect(english.functions.map((f) => f.id).sort()).toEqual(Object.keys(EXPECTED).sort());
  for (const fn of english.functions) {
    expect(fn.id).toMatch(/^[A-Za-z0-9_.]+$/);
    expect(fn.description?.trim()).toBeTruthy();
    for (const p of fn.parameters) expect(p.description?.trim()).toBeTruthy();
  }
});

test("the Chinese metadata has the same ids and parameters, Chinese names and no missing descriptions", () => {
  const { metadata, problems } = localizeMetadata(english, table) as { metadata: Metadata; problems: string[] };
  expect(problems).toEqual([]);
  expect(metadata.functions.map((f) => f.id)).toEqual(english.functions.map((f) => f.id));
  for (const fn of metadata.functions) {
    expect(fn.name).toBe(EXPECTED[fn.id]);
    expect(fn.description).toMatch(/[\u4e00-\u9fff]/);
    const source = english.functions.find((f) => f.id === fn.id)!;
    expect(fn.parameters).toHaveLength(source.parameters.length);
    for (const p of fn.parameters) {
      expect(p.name).toMatch(/[\u4e00-\u9fff]/);
      expect(p.description).toMatch(/[\u4e00-\u9fff]/);
    }
  }
});

test("a missing or stray translation is reported, so the build fails", () => {
  const { COMPLETION: _dropped, ...withoutCompletion } = table;
  expect(localizeMetadata(english, withoutCompletion).problems.join("\n")).toContain("COMPLETION");
  const stray = { ...table, OBSOLETE: { name: "旧", description: "旧", parameters: {} } };
  expect(localizeMetadata(english, stray).problems.join("\n")).toContain("OBSOLETE");
  const noParam = { ...table, YOY: { ...table.YOY, parameters: { current: table.YOY.parameters.current } } };
  expect(localizeMetadata(english, noParam).problems.join("\n")).toContain("previous");
});
