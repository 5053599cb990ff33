/*
 * Excel runs the custom functions in its JavaScript-only runtime, which supports ECMAScript 2016
 * (office-js-docs-pr #4496). A syntax error there registers no function (every =ZSTJ.* shows #NAME?), and a missing
 * library member throws at load or at call time. So the built functions.js must parse as ES2016, build no
 * regular expression newer than ES2016 at run time, and work in an engine without ES2017+ library members.
 */
import fs from "fs";
import os from "os";
import path from "path";
import vm from "vm";
import { Parser } from "acorn";
import { buildEntries } from "../../bench/build";
import { installCustomFunctionsStandIn, StandInError } from "../support/custom-functions-standin";

let outDir: string;
let bundle: string;

beforeAll(async () => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), "zs-es2016-test-"));
  await buildEntries(["functions"], outDir);
  bundle = fs.readFileSync(path.join(outDir, "functions.js"), "utf8");
}, 120_000);

afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

/** acorn checks syntax and regular-expression literals (lookbehind, named groups, the s flag, \p{…}) per version. */
function parseAs2016(code: string): void {
  Parser.parse(code, { ecmaVersion: 2016, sourceType: "script" });
}

test("the built functions.js parses as ECMAScript 2016 (office-js-docs-pr #4496)", () => {
  expect(() => parseAs2016(bundle)).not.toThrow();
});

test("the ES2016 parse check itself rejects what the runtime cannot parse", () => {
  for (const newer of ["a?.b", "a ?? b", "({ ...a })", "async function f() {}", "/(?<!\\d)1/", "/(?<y>\\d)/", "/./s"]) {
    expect(() => parseAs2016(newer)).toThrow();
  }
});

/**
 * Library members added after ES2016, as (owner, name). The bundle is loaded in a fresh context with all of them
 * removed, as an ES2016 engine would be.
 */
const NEWER_MEMBERS: [string, string][] = [
  ["Object", "values"],
  ["Object", "entries"],
  ["Object", "getOwnPropertyDescriptors"],
  ["Object", "fromEntries"],
  ["Object", "hasOwn"],
  ["String.prototype", "padStart"],
  ["String.prototype", "padEnd"],
  ["String.prototype", "trimStart"],
  ["String.prototype", "trimEnd"],
  ["String.prototype", "matchAll"],
  ["String.prototype", "replaceAll"],
  ["String.prototype", "at"],
  ["Array.prototype", "flat"],
  ["Array.prototype", "flatMap"],
  ["Array.prototype", "at"],
  ["Array.prototype", "findLast"],
  ["Array.prototype", "findLastIndex"],
  ["Promise.prototype", "finally"],
];

const STRIP = `(() => {
  const members = ${JSON.stringify(NEWER_MEMBERS)};
  for (const [owner, name] of members) {
    const target = owner.split(".").reduce((o, k) => o[k], globalThis);
    delete target[name];
  }
  delete globalThis.globalThis;
})();`;

function loadLikeES2016() {
  const standIn = installCustomFunctionsStandIn();
  const dynamicPatterns: string[] = [];
  const context = vm.createContext({ CustomFunctions: standIn, console });
  // Every RegExp the bundle builds from a string, recorded so it can be checked against ES2016 too.
  vm.runInContext(
    `(() => {
      const Native = RegExp;
      const record = __record;
      function Checked(pattern, flags) {
        const re = new Native(pattern, flags);
        record("/" + re.source + "/" + re.flags);
        return re;
      }
      Checked.prototype = Native.prototype;
      globalThis.RegExp = Checked;
    })();`,
    Object.assign(context, { __record: (literal: string) => dynamicPatterns.push(literal) }),
  );
  vm.runInContext(STRIP, context);
  vm.runInContext(bundle, context);
  const call = (id: string, ...args: unknown[][][]): unknown => {
    const fn = standIn.registry.get(id);
    if (!fn) throw new Error(`${id} was not associated`);
    return (fn(...args) as unknown[][])[0][0];
  };
  return { standIn, call, dynamicPatterns };
}

test("with no ES2017+ library members the bundle still registers and computes every function", () => {
  const { standIn, call } = loadLikeES2016();
  const metadata = JSON.parse(fs.readFileSync(path.join(outDir, "functions.json"), "utf8"));
  expect([...standIn.registry.keys()].sort()).toEqual(metadata.functions.map((f: { id: string }) => f.id).sort());
  expect(call("COMPLETION", [["约95.03"]], [[160]])).toBeCloseTo(0.5939375, 7);
  expect(call("YOY", [[12.59]], [[8.14]])).toBeCloseTo(12.59 / 8.14 - 1, 12);
  expect(call("PPCHANGE", [["53.9%"]], [["38.7%"]])).toBeCloseTo(15.2, 10);
  expect(call("TIMEPROGRESS", [["2022年1—6月"]])).toBe(0.5);
  expect(call("TIMEPROGRESS", [["2022Q3"]])).toBe(0.75);
  expect(call("PACE", [[58.6]], [[100]], [["上半年"]])).toBeCloseTo(8.6, 10);
  expect(call("SHARE", [[60]], [[100], [60], [30]], [["全市"], ["渝中区"], ["江北区"]])).toBeCloseTo(60 / 90, 12);
  expect(call("RANK", [[30]], [[10], [30], [20]])).toBe(1);
  expect(call("TIER", [["389.76亿元"]])).toBe("百亿级");
  expect(call("AMOUNT", [["1.08万亿元"]])).toBeCloseTo(10800, 8);
  expect(call("DISTRICT", [["石柱县"]], [["2026-06"]])).toBe("石柱土家族自治县");
  expect(call("DISTRICT", [["渝北区"]], [[2026]])).toBeInstanceOf(StandInError);
  expect(call("REGION", [["渝北"]], [["2024"]])).toBe("中心城区");
});

test("every regular expression the bundle builds from a string is valid ES2016", () => {
  const { call, dynamicPatterns } = loadLikeES2016();
  call("TIMEPROGRESS", [["2022年第3季度"]]);
  call("DISTRICT", [["两江"]], [["2026-01-25"]]);
  expect(dynamicPatterns.length).toBeGreaterThan(0);
  for (const literal of dynamicPatterns) expect(() => parseAs2016(literal)).not.toThrow();
});
