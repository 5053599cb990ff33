/*
 * The standalone page (index.html) must work with no internet: it loads no Office.js and nothing remote. Its
 * template carries no script tag (webpack injects only same-origin chunks) and a Content-Security-Policy that lets
 * scripts, styles, fonts and fetches come from its own origin only, so even a future import of a remote script
 * would be blocked by the browser rather than hang the page offline.
 */
import fs from "fs";
import path from "path";

const html = fs.readFileSync(path.resolve(__dirname, "../../src/web/index.html"), "utf8");
const withoutComments = html.replace(/<!--[\s\S]*?-->/g, "");

test("the standalone page template references no remote resource and no Office.js", () => {
  expect(withoutComments).not.toMatch(/https?:\/\//i);
  expect(withoutComments).not.toMatch(/\/\/[a-z0-9.-]+\.[a-z]{2,}\//i);
  expect(withoutComments).not.toMatch(/office\.js|custom-functions-runtime|htmlWebpackPlugin\.options\.officeJs/i);
  expect(withoutComments).not.toMatch(/<script\b/i);
});

test("its Content-Security-Policy allows scripts and fetches from its own origin only", () => {
  const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(withoutComments)?.[1] ?? "";
  const directives = new Map(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0] !== "")
      .map((parts): [string, string[]] => [parts[0], parts.slice(1)]),
  );
  expect(directives.get("default-src")).toEqual(["'self'"]);
  expect(directives.get("script-src")).toEqual(["'self'"]);
  expect(directives.get("connect-src")).toEqual(["'self'"]);
});
