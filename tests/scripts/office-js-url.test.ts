/*
 * The Office.js address is a build setting (OFFICE_JS_URL), because government networks often cannot reach
 * Microsoft's global CDN and 21Vianet-operated tenants in China use their own CDN ("Referencing the Office
 * JavaScript API library", CDN references for other Microsoft 365 environments).
 */
import fs from "fs";
import path from "path";
import { CHINA_OFFICE_JS, customFunctionsRuntimeUrl, GLOBAL_OFFICE_JS, officeJsUrl } from "../../scripts/office-js-url";

const root = path.resolve(__dirname, "../..");
// The templating html-webpack-plugin itself applies to .html templates (lodash's, its own dependency).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const template: (source: string) => (data: object) => string = require("lodash/template");

test("by default the pages load Office.js from Microsoft's global CDN", () => {
  expect(officeJsUrl(undefined)).toBe("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
  expect(officeJsUrl("  ")).toBe(GLOBAL_OFFICE_JS);
});

test("the China-operated (21Vianet) CDN documented by Microsoft is accepted as is", () => {
  expect(CHINA_OFFICE_JS).toBe("https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js");
  expect(officeJsUrl(CHINA_OFFICE_JS)).toBe(CHINA_OFFICE_JS);
});

test("a copy on the add-in's own host may be given as a path", () => {
  expect(officeJsUrl("/office-js/office.js")).toBe("/office-js/office.js");
});

test.each([
  ["http://intranet.example/office.js", "https"],
  ["https://intranet.example/office.js?v=1", "/office.js"],
  ["https://intranet.example/lib/", "office.js"],
  ["//cdn.example/office.js", "valid URL"],
  ["not a url/office.js", "valid URL"],
])("%p is refused at build time (%s)", (raw, reason) => {
  expect(() => officeJsUrl(raw)).toThrow(reason);
});

test("the custom-functions runtime script is taken from the same folder as office.js", () => {
  expect(customFunctionsRuntimeUrl(CHINA_OFFICE_JS)).toBe(
    "https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/custom-functions-runtime.js",
  );
});

function render(file: string, officeJs: string): string {
  const source = fs.readFileSync(path.join(root, file), "utf8");
  return template(source)({
    htmlWebpackPlugin: { options: { officeJs, customFunctionsRuntime: customFunctionsRuntimeUrl(officeJs) } },
  });
}

test.each(["src/taskpane/taskpane.html", "src/commands/commands.html"])(
  "%s loads office.js from the configured address and names no other Office.js host",
  (file) => {
    const html = render(file, CHINA_OFFICE_JS);
    expect(html).toContain(`<script src="${CHINA_OFFICE_JS}"`);
    expect(html).not.toContain("appsforoffice.microsoft.com");
  },
);

test("functions.html loads the custom-functions runtime from the configured address", () => {
  const html = render("src/functions/functions.html", CHINA_OFFICE_JS);
  expect(html).toContain(`<script src="${customFunctionsRuntimeUrl(CHINA_OFFICE_JS)}"`);
  expect(html).not.toContain("appsforoffice.microsoft.com");
});

test("webpack hands the setting to every page template", () => {
  const before = process.env.OFFICE_JS_URL;
  process.env.OFFICE_JS_URL = CHINA_OFFICE_JS;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const configs = [require("../../webpack.config.js")({}, { mode: "production" })].flat();
    const pages = configs
      .flatMap((c: { plugins: { constructor: { name: string }; userOptions?: Record<string, unknown> }[] }) => c.plugins)
      .filter((p) => p.constructor.name === "HtmlWebpackPlugin")
      .map((p) => p.userOptions ?? {});
    expect(pages.map((o) => o.filename).sort()).toEqual(
      ["commands.html", "functions.html", "index.html", "notice.html", "taskpane.html"].sort(),
    );
    for (const options of pages) expect(options.officeJs).toBe(CHINA_OFFICE_JS);
  } finally {
    if (before === undefined) delete process.env.OFFICE_JS_URL;
    else process.env.OFFICE_JS_URL = before;
  }
});
