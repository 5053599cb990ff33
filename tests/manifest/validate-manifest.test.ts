import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import { validateManifest, DEFAULT_SCHEMAS_DIR, type ValidateOptions } from "../../scripts/validate-manifest";
import { CLIENTS, installable, manifestRequirements } from "../../scripts/lib/clients";

const REPO = path.resolve(__dirname, "..", "..");
const MANIFEST = path.join(REPO, "manifest.xml");
const SCRIPT = path.join(REPO, "scripts", "validate-manifest.js");
const SCHEMAS_DIR = process.env.ZS_SCHEMAS_DIR || DEFAULT_SCHEMAS_DIR;
const HAS_XMLLINT = !spawnSync("xmllint", ["--version"]).error;
const HAS_SCHEMAS = fs.existsSync(path.join(SCHEMAS_DIR, "OfficeAppManifestV1_1.xsd"));
const withSchema = HAS_XMLLINT && HAS_SCHEMAS ? test : test.skip;
const withXmllint = HAS_XMLLINT ? test : test.skip;

/** Files the build puts in dist/ that the manifest names. */
const DIST_FILES = [
  "taskpane.html",
  "commands.html",
  "functions.html",
  "functions.js",
  "functions.json",
  "functions.zh-CN.json",
  "assets/support.html",
];
const ICONS = ["icon-16.png", "icon-32.png", "icon-64.png", "icon-80.png"];

let tmp: string;
let dist: string;
const original = fs.readFileSync(MANIFEST, "utf8");

function makeDist(dir: string, omit: string[] = []): void {
  fs.mkdirSync(path.join(dir, "assets"), { recursive: true });
  for (const f of DIST_FILES) if (!omit.includes(f)) fs.writeFileSync(path.join(dir, f), "x");
  for (const icon of ICONS) {
    if (!omit.includes(`assets/${icon}`)) fs.copyFileSync(path.join(REPO, "assets", icon), path.join(dir, "assets", icon));
  }
}

let counter = 0;
function variant(edit: (xml: string) => string): string {
  const edited = edit(original);
  expect(edited).not.toBe(original); // the edit must have matched something
  const file = path.join(tmp, `manifest-${++counter}.xml`);
  fs.writeFileSync(file, edited);
  return file;
}

function check(file: string, extra: ValidateOptions = {}) {
  return validateManifest(file, { distDir: dist, schemasDir: SCHEMAS_DIR, ...extra });
}

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "zs-manifest-"));
  dist = path.join(tmp, "dist");
  makeDist(dist);
});

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe("the real manifest.xml", () => {
  test("passes every check against a complete build output", () => {
    const r = check(MANIFEST);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.baseUrl).toBe("https://localhost:3000/");
    const passed = r.passed.join("\n");
    expect(passed).toMatch(/Id is a GUID, Version 1\.0\.0\.0/);
    expect(passed).toMatch(/resid references resolve/);
    expect(passed).toMatch(/all https/);
    expect(passed).toMatch(/strings localized \(zh-CN \+ en-US, en-GB\)/);
    expect(passed).toMatch(/files found in/);
    if (HAS_XMLLINT && HAS_SCHEMAS) {
      expect(passed).toMatch(/schema-valid/);
      expect(r.skipped).toEqual([]);
    } else {
      expect(r.skipped.join("\n")).toMatch(/schema check/);
    }
  });

  test("the production copy (base URL replaced) passes too", () => {
    const file = path.join(tmp, "prod-manifest.xml");
    fs.writeFileSync(file, original.split("https://localhost:3000/").join("https://zs.example.com/addin/"));
    const r = check(file);
    expect(r.errors).toEqual([]);
    expect(r.baseUrl).toBe("https://zs.example.com/addin/");
  });

  test("a production copy that still points at localhost somewhere fails", () => {
    const file = path.join(tmp, "half-prod-manifest.xml");
    fs.writeFileSync(
      file,
      original
        .split("https://localhost:3000/")
        .join("https://zs.example.com/addin/")
        .replace('Value="https://zs.example.com/addin/functions.json"', 'Value="https://localhost:3000/functions.json"'),
    );
    const r = check(file);
    expect(r.errors.join("\n")).toMatch(/<bt:Url id="Functions.Metadata.Url"> override Locale="en-US".*still points at localhost/);
  });

  test("gives every English display language (en-US, en-GB) the same English override, other languages the zh-CN default", () => {
    const overrides = (locale: string) => [...original.matchAll(new RegExp(`Override Locale="${locale}" Value="([^"]*)"`, "g"))].map((m) => m[1]);
    expect(overrides("en-US").length).toBeGreaterThan(5);
    expect(overrides("en-GB")).toEqual(overrides("en-US"));
    expect(original.match(/Override Locale="(?!en-US|en-GB)/g)).toBeNull();
  });

  test("declares the JavaScript-only custom functions runtime and localized metadata", () => {
    const withoutComments = original.replace(/<!--[\s\S]*?-->/g, "");
    expect(withoutComments).not.toMatch(/<Runtimes/);
    expect(withoutComments).not.toMatch(/SharedRuntime/);
    expect(original).toMatch(/<ExtensionPoint xsi:type="CustomFunctions">/);
    expect(original).toMatch(
      /<bt:Url id="Functions.Metadata.Url" DefaultValue="https:\/\/localhost:3000\/functions.zh-CN.json">\s*<bt:Override Locale="en-US" Value="https:\/\/localhost:3000\/functions.json"\/>/,
    );
    expect(original).toMatch(/<DefaultLocale>zh-CN<\/DefaultLocale>/);
    expect(original).toMatch(/<FunctionName>runValidation<\/FunctionName>/);
  });

  test("reports skipped checks instead of passing silently", () => {
    const r = check(MANIFEST, { schemasDir: path.join(tmp, "no-schemas"), distDir: path.join(tmp, "no-dist") });
    expect(r.ok).toBe(true);
    expect(r.skipped.join("\n")).toMatch(/schema check: .*OfficeAppManifestV1_1\.xsd not found/);
    expect(r.skipped.join("\n")).toMatch(/build-output check: dist folder .* does not exist/);

    const noLint = check(MANIFEST, { xmllint: false });
    expect(noLint.ok).toBe(true);
    expect(noLint.passed.join("\n")).toMatch(/built-in parser/);
    if (HAS_SCHEMAS) expect(noLint.skipped.join("\n")).toMatch(/schema check: xmllint not found/);
  });

  test("a missing dist folder is an error when it was asked for explicitly", () => {
    const r = check(MANIFEST, { distDir: path.join(tmp, "no-dist"), distRequired: true });
    expect(r.ok).toBe(false);
    expect(r.errors.join("\n")).toMatch(/dist folder .* does not exist/);
  });
});

describe("the manifest's requirements (learn.microsoft.com/javascript/api/manifest/requirements)", () => {
  const baseSets = (xml: string) => manifestRequirements(xml);

  test("the base manifest asks for the pane's minimum ExcelApi and CustomFunctionsRuntime 1.2, nothing inside VersionOverrides", () => {
    expect(baseSets(original)).toEqual([
      { name: "ExcelApi", minVersion: "1.13" },
      { name: "CustomFunctionsRuntime", minVersion: "1.2" },
    ]);
    const overrides = /<VersionOverrides[\s\S]*<\/VersionOverrides>/.exec(original.replace(/<!--[\s\S]*?-->/g, ""));
    expect(overrides?.[0]).not.toMatch(/<Requirements/);
    expect(check(MANIFEST).passed.join("\n")).toMatch(/requirements in the base manifest only \(ExcelApi 1\.13, CustomFunctionsRuntime 1\.2\)/);
  });

  test("clients whose webview cannot run the pane (IE11, EdgeHTML) are refused; every other named client but iPad installs", () => {
    const sets = baseSets(original);
    const byId = Object.fromEntries(CLIENTS.map((c) => [c.id, installable(c, sets)]));
    expect(byId).toEqual({
      "office-2016": false,
      "office-2019": false,
      "office-2021": true,
      "office-2024": true,
      "m365-windows": true,
      "m365-mac": true,
      web: true,
      ipad: false, // no custom functions on iPad (Custom Functions requirement sets)
    });
    for (const c of CLIENTS.filter((x) => installable(x, sets))) expect(c.modernWebview).toBe(true);
  });

  test("a Requirements element inside VersionOverrides fails: it would hide the ribbon where it is unmet", () => {
    const r = check(
      variant((x) =>
        x.replace(
          '<Hosts>\n      <Host xsi:type="Workbook">',
          '<Requirements>\n      <bt:Sets DefaultMinVersion="1.1">\n        <bt:Set Name="CustomFunctionsRuntime" MinVersion="1.2"/>\n      </bt:Sets>\n    </Requirements>\n    <Hosts>\n      <Host xsi:type="Workbook">',
        ),
      ),
    );
    expect(r.errors.join("\n")).toMatch(/<Requirements.* inside <VersionOverrides> hides every ribbon button/);
  });

  test("custom functions without CustomFunctionsRuntime 1.2 in the base manifest fail", () => {
    const r = check(variant((x) => x.replace('<Set Name="CustomFunctionsRuntime" MinVersion="1.2"/>', '<Set Name="CustomFunctionsRuntime" MinVersion="1.1"/>')));
    expect(r.errors.join("\n")).toMatch(/custom functions need <Set Name="CustomFunctionsRuntime" MinVersion="1.2"\/>.*found 1\.1/);
  });
});

describe("broken copies fail with a message naming the culprit", () => {
  test("undefined resid", () => {
    const r = check(variant((x) => x.replace('<Label resid="Group.Label"/>', '<Label resid="Group.Missing"/>')));
    expect(r.ok).toBe(false);
    expect(r.errors.join("\n")).toMatch(/undefined resid "Group.Missing" referenced by <Label resid="Group.Missing"> \(line \d+\)/);
  });

  test("resid of the wrong kind", () => {
    const r = check(variant((x) => x.replace('<Label resid="Group.Label"/>', '<Label resid="TaskpaneButton.Tooltip"/>')));
    expect(r.errors.join("\n")).toMatch(/resid "TaskpaneButton.Tooltip" referenced by <Label.* is defined in bt:LongStrings, expected bt:ShortStrings/);
  });

  test("duplicate resource id", () => {
    const r = check(
      variant((x) =>
        x.replace(
          '<bt:String id="Functions.Namespace" DefaultValue="ZSTJ"/>',
          '<bt:String id="Functions.Namespace" DefaultValue="ZSTJ"/>\n        <bt:String id="Functions.Namespace" DefaultValue="XX"/>',
        ),
      ),
    );
    expect(r.errors.join("\n")).toMatch(/resource id "Functions.Namespace" is defined twice/);
  });

  test("http:// URL", () => {
    const r = check(
      variant((x) =>
        x.replace('id="Taskpane.Url" DefaultValue="https://localhost:3000/taskpane.html"', 'id="Taskpane.Url" DefaultValue="http://localhost:3000/taskpane.html"'),
      ),
    );
    expect(r.ok).toBe(false);
    expect(r.errors.join("\n")).toMatch(/<bt:Url id="Taskpane.Url"> \(line \d+\) DefaultValue="http:\/\/localhost:3000\/taskpane.html" is not https/);
  });

  test("http:// in an override and in the base manifest", () => {
    const r = check(
      variant((x) =>
        x
          .replace('Value="https://localhost:3000/functions.json"', 'Value="http://localhost:3000/functions.json"')
          .replace('<SupportUrl DefaultValue="https://', '<SupportUrl DefaultValue="http://'),
      ),
    );
    const text = r.errors.join("\n");
    expect(text).toMatch(/<bt:Url id="Functions.Metadata.Url"> override Locale="en-US" \(line \d+\) Value="http:.*is not https/);
    expect(text).toMatch(/<SupportUrl> \(line \d+\) DefaultValue="http:.*is not https/);
  });

  test("bad GUID", () => {
    const r = check(variant((x) => x.replace(/<Id>[^<]*<\/Id>/, "<Id>not-a-guid</Id>")));
    expect(r.errors.join("\n")).toMatch(/<Id> "not-a-guid" is not a GUID/);
  });

  test("bad version", () => {
    const r = check(variant((x) => x.replace("<Version>1.0.0.0</Version>", "<Version>1.0.0.0.1</Version>")));
    expect(r.errors.join("\n")).toMatch(/<Version> "1.0.0.0.1" does not match/);
  });

  test.each([
    ["xmllint", undefined],
    ["built-in parser", false as const],
  ])("malformed XML (%s)", (name, xmllint) => {
    if (name === "xmllint" && !HAS_XMLLINT) return;
    const r = check(variant((x) => x.replace("</DisplayName>", "</DisplayNam>")), { xmllint });
    expect(r.ok).toBe(false);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(/^malformed XML/);
    expect(r.errors[0]).toMatch(/DisplayNam/);
  });

  test("malformed XML: unclosed attribute quote (built-in parser)", () => {
    const r = check(variant((x) => x.replace('<Label resid="Group.Label"/>', '<Label resid="Group.Label/>')), { xmllint: false });
    expect(r.errors[0]).toMatch(/^malformed XML/);
  });

  withSchema("schema violation: an unknown element", () => {
    const r = check(
      variant((x) => x.replace("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>ReadWriteDocument</Permissions>\n  <Unknown/>")),
    );
    expect(r.ok).toBe(false);
    const text = r.errors.join("\n");
    expect(text).toMatch(/schema violation: .*Unknown/);
    // the reference checks alone would not have caught it
    expect(r.errors.every((e) => e.startsWith("schema violation"))).toBe(true);
  });

  withSchema("schema violation: elements out of order", () => {
    const r = check(
      variant((x) =>
        x.replace(
          '<Title resid="TaskpaneButton.Label"/>\n                    <Description resid="TaskpaneButton.Tooltip"/>',
          '<Description resid="TaskpaneButton.Tooltip"/>\n                    <Title resid="TaskpaneButton.Label"/>',
        ),
      ),
    );
    expect(r.errors.join("\n")).toMatch(/schema violation: .*Description/);
  });

  test("a URL whose file is missing from dist", () => {
    const partial = path.join(tmp, "dist-partial");
    makeDist(partial, ["commands.html", "assets/icon-80.png"]);
    const r = check(MANIFEST, { distDir: partial });
    expect(r.ok).toBe(false);
    const text = r.errors.join("\n");
    expect(text).toMatch(/<bt:Url id="Commands.Url"> \(line \d+\) https:\/\/localhost:3000\/commands.html → .*commands.html is missing from the build output/);
    expect(text).toMatch(/<bt:Image id="Icon.80x80">.*icon-80.png is missing/);
    expect(r.errors).toHaveLength(2);
  });

  test("an icon of the wrong size is a warning", () => {
    const odd = path.join(tmp, "dist-odd-icon");
    makeDist(odd);
    fs.copyFileSync(path.join(REPO, "assets", "icon-32.png"), path.join(odd, "assets", "icon-16.png"));
    const r = check(MANIFEST, { distDir: odd });
    expect(r.ok).toBe(true);
    expect(r.warnings.join("\n")).toMatch(/<bt:Image id="Icon.16x16">.*is 32x32, declared\/expected 16x16/);
  });

  test("a user-visible string without its en-US override", () => {
    const r = check(variant((x) => x.replace(/\s*<bt:Override Locale="en-US" Value="Validate"\/>/, "")));
    expect(r.errors.join("\n")).toMatch(/<bt:String id="ValidateButton.Label"> \(line \d+\) "一键校验" has no en-US override/);
  });

  test("an icon list without a mandatory size", () => {
    const r = check(variant((x) => x.replace('<bt:Image size="80" resid="Icon.80x80"/>', "")));
    expect(r.errors.join("\n")).toMatch(/<Icon> of <Group id="ZS.Group">.*lacks the mandatory size\(s\) 80/);
  });

  test("ExecuteFunction without a FunctionFile", () => {
    const r = check(variant((x) => x.replace('<FunctionFile resid="Commands.Url"/>', "")));
    expect(r.errors.join("\n")).toMatch(/ExecuteFunction action of <Control id="ZS.ValidateButton">.*needs a <FunctionFile>/);
  });
});

describe("command line", () => {
  function run(args: string[]) {
    return spawnSync(process.execPath, [SCRIPT, ...args], { encoding: "utf8", cwd: tmp, env: { ...process.env, ZS_SCHEMAS_DIR: SCHEMAS_DIR } });
  }

  test("exits 1 on a broken manifest and names the problem", () => {
    const broken = variant((x) => x.replace('<Label resid="Group.Label"/>', '<Label resid="Nope"/>'));
    const r = run([broken, "--dist", dist]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/✗ undefined resid "Nope"/);
    expect(r.stdout).toMatch(/FAILED/);
  });

  test("exits 0 and prints an OK summary on the real manifest", () => {
    const r = run([MANIFEST, "--dist", dist]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/OK: well-formed/);
  });

  withXmllint("exits 1 on malformed XML", () => {
    const broken = variant((x) => x.replace("</OfficeApp>", ""));
    const r = run([broken, "--dist", dist]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/✗ malformed XML/);
  });

  test("rejects unknown options", () => {
    const r = run(["--frobnicate"]);
    expect(r.status).toBe(2);
  });
});
