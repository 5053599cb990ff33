#!/usr/bin/env node
"use strict";
/**
 * Offline checks of an Office add-in only (XML) manifest.
 *
 *   node scripts/validate-manifest.js [manifest.xml] [--dist DIR] [--schemas DIR] [--base-url URL]
 *
 * With no manifest argument: checks ./manifest.xml against dist/, and dist/manifest.xml too when it exists.
 * Checks, each failure on its own line naming the element / resid:
 *   - well-formed XML (xmllint --noout when installed, else the small parser in scripts/lib/xml.js)
 *   - <Id> is a GUID, <Version> matches ^\d+(\.\d+){0,3}$
 *   - every resid is defined in <Resources>, in the right collection (bt:Images / bt:Urls / bt:ShortStrings /
 *     bt:LongStrings) where the referencing element says which; no duplicate resource ids
 *   - every URL in the manifest is https (attributes and text; xmlns declarations excepted)
 *   - icon lists have the mandatory sizes 16/32/80; ExecuteFunction has a FunctionFile
 *   - every localized string (DefaultValue with non-ASCII text) has an override for each locale the
 *     manifest uses anywhere (for this project: en-US)
 *   - every URL under the manifest's base URL names a file in the build output (--dist). The base URL is
 *     the folder of <DefaultSettings><SourceLocation> (https://localhost:3000/ here), or --base-url;
 *     e.g. https://localhost:3000/assets/icon-16.png → dist/assets/icon-16.png. PNG sizes are compared
 *     with the declared icon sizes (warning).
 *   - schema-valid against OfficeAppManifestV1_1.xsd (xmllint --nonet --schema), when both the schemas
 *     folder (--schemas, env ZS_SCHEMAS_DIR, default ../shared/schemas beside the repo) and xmllint exist.
 * A check that cannot run is reported as skipped, never silently. Exit code 0 when all ran checks pass, else 1.
 */
const fs = require("node:fs");
const path = require("node:path");
const { spawnSync } = require("node:child_process");
const { parseXml, allElements, resolveQName } = require("./lib/xml");

const NS = {
  OA: "http://schemas.microsoft.com/office/appforoffice/1.1",
  BT: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  XSI: "http://www.w3.org/2001/XMLSchema-instance",
};
const REPO_ROOT = path.resolve(__dirname, "..");
const DEFAULT_SCHEMAS_DIR = path.resolve(REPO_ROOT, "..", "shared", "schemas");
const SCHEMA_FILE = "OfficeAppManifestV1_1.xsd";
const GUID_RE = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const VERSION_RE = /^\d+(\.\d+){0,3}$/;
const URL_LIKE_RE = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//;
const MANDATORY_ICON_SIZES = [16, 32, 80];
const MAX_RESID_LENGTH = 32;

/** Resource collections under <Resources>: collection local name → { kind, item local name } */
const COLLECTIONS = {
  Images: { kind: "image", item: "Image", label: "bt:Images" },
  Urls: { kind: "url", item: "Url", label: "bt:Urls" },
  ShortStrings: { kind: "short", item: "String", label: "bt:ShortStrings" },
  LongStrings: { kind: "long", item: "String", label: "bt:LongStrings" },
};
const KIND_LABEL = { image: "bt:Images", url: "bt:Urls", short: "bt:ShortStrings", long: "bt:LongStrings" };
/** Which collection a resid on an element of this local name must point into. */
const REF_KIND = {
  Image: "image",
  SourceLocation: "url",
  FunctionFile: "url",
  LearnMoreUrl: "url",
  Runtime: "url",
  Label: "short",
  Title: "short",
  Namespace: "short",
  Description: "long",
};
/** Base-manifest elements whose DefaultValue / Override Value are URLs. */
const BASE_URL_ELEMENTS = new Set(["IconUrl", "HighResolutionIconUrl", "SupportUrl", "SourceLocation"]);
const EXPECTED_BASE_ICON_SIZE = { IconUrl: 32, HighResolutionIconUrl: 64 };

/** @returns {string|null} path of a runnable xmllint, or null */
function findXmllint(explicit) {
  if (explicit === false || explicit === "none") return null;
  const candidate = typeof explicit === "string" && explicit ? explicit : process.env.ZS_XMLLINT || "xmllint";
  if (candidate === "none") return null;
  const r = spawnSync(candidate, ["--version"], { encoding: "utf8" });
  return r.error ? null : candidate;
}

/** "1.10" < "1.2" is false: numeric part by part. */
function versionBelow(have, want) {
  const a = String(have).split(".").map(Number);
  const b = String(want).split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d < 0;
  }
  return false;
}

function describe(el) {
  let s = `<${el.name}`;
  if (el.attrs.id) s += ` id="${el.attrs.id}"`;
  else if (el.attrs.resid) s += ` resid="${el.attrs.resid}"`;
  s += ">";
  const parent = el.parent;
  if (el.local === "SourceLocation" && parent) s += ` in <${parent.name}>`;
  if (el.local === "Override" && parent) {
    const p = describe(parent).replace(/ \(line \d+\)$/, "");
    return `${p} override Locale="${el.attrs.Locale || "?"}" (line ${el.line})`;
  }
  return `${s} (line ${el.line})`;
}

/** A path for messages: relative to the working directory when below it, else absolute. */
function shownPath(p) {
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : p;
}

function pngSize(file) {
  try {
    const fd = fs.openSync(file, "r");
    const buf = Buffer.alloc(24);
    fs.readSync(fd, buf, 0, 24, 0);
    fs.closeSync(fd);
    if (buf.readUInt32BE(0) !== 0x89504e47 || buf.toString("ascii", 12, 16) !== "IHDR") return null;
    return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
  } catch {
    return null;
  }
}

function xmllintMessages(stderr, manifestPath) {
  return stderr
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !/ validates$/.test(l) && !/fails to validate$/.test(l) && !/^\^$/.test(l))
    .map((l) => l.replace(manifestPath + ":", "line "))
    .slice(0, 20);
}

/**
 * @param {string} manifestPath
 * @param {{ distDir?: string|null, distRequired?: boolean, schemasDir?: string|null,
 *           xmllint?: string|false, baseUrl?: string }} [options]
 *   distDir: build output to look URLs up in (null: skip that check);
 *   distRequired: fail (instead of skip) when distDir does not exist;
 *   schemasDir: folder holding OfficeAppManifestV1_1.xsd (default env ZS_SCHEMAS_DIR or ../shared/schemas);
 *   xmllint: path to xmllint, or false to act as if it were not installed.
 */
function validateManifest(manifestPath, options = {}) {
  const errors = [];
  const warnings = [];
  const skipped = [];
  const passed = [];
  const result = { manifest: manifestPath, ok: false, errors, warnings, skipped, passed, baseUrl: null };
  const finish = () => {
    result.ok = errors.length === 0;
    return result;
  };

  let src;
  try {
    src = fs.readFileSync(manifestPath, "utf8");
  } catch (e) {
    errors.push(`cannot read ${manifestPath}: ${e.message}`);
    return finish();
  }

  // 1. Well-formedness
  const xmllint = findXmllint(options.xmllint);
  if (xmllint) {
    const r = spawnSync(xmllint, ["--nonet", "--noout", manifestPath], { encoding: "utf8" });
    if (r.status !== 0) {
      errors.push(`malformed XML (xmllint): ${xmllintMessages(r.stderr, manifestPath).join(" | ")}`);
      return finish();
    }
  }
  let root;
  try {
    root = parseXml(src).root;
  } catch (e) {
    errors.push(`malformed XML${xmllint ? " (parser)" : ""}: ${e.message}`);
    return finish();
  }
  passed.push(xmllint ? "well-formed (xmllint)" : "well-formed (built-in parser; xmllint not found)");

  const els = allElements(root);
  if (root.local !== "OfficeApp" || root.ns !== NS.OA) {
    errors.push(`root element must be <OfficeApp xmlns="${NS.OA}">, found <${root.name}> in namespace ${root.ns}`);
  }
  const baseChild = (local) => root.children.find((c) => c.local === local && c.ns === NS.OA);

  // 2. Id, Version
  const idEl = baseChild("Id");
  const id = idEl ? idEl.text.trim() : "";
  if (!idEl) errors.push("<Id> is missing");
  else if (!GUID_RE.test(id)) errors.push(`<Id> "${id}" is not a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)`);
  else if (/^[0-]+$/.test(id)) errors.push(`<Id> "${id}" is the nil GUID`);
  const versionEl = baseChild("Version");
  const version = versionEl ? versionEl.text.trim() : "";
  if (!versionEl) errors.push("<Version> is missing");
  else if (!VERSION_RE.test(version)) errors.push(`<Version> "${version}" does not match ^\\d+(\\.\\d+){0,3}$ (e.g. 1.0.0.0)`);
  if (idEl && versionEl && GUID_RE.test(id) && VERSION_RE.test(version)) passed.push(`Id is a GUID, Version ${version}`);

  // 3. Resources
  /** @type {Map<string, {kind:string, el:any}>} */
  const resources = new Map();
  const errorsBefore = errors.length;
  for (const res of els.filter((e) => e.local === "Resources")) {
    for (const coll of res.children) {
      const spec = coll.ns === NS.BT ? COLLECTIONS[coll.local] : undefined;
      if (!spec) continue;
      for (const item of coll.children) {
        if (item.ns !== NS.BT || item.local !== spec.item) continue;
        const rid = item.attrs.id;
        if (!rid) {
          errors.push(`${describe(item)} in ${spec.label} has no id`);
          continue;
        }
        if (rid.length > MAX_RESID_LENGTH) {
          errors.push(`resource id "${rid}" is ${rid.length} characters long (at most ${MAX_RESID_LENGTH})`);
        }
        const prev = resources.get(rid);
        if (prev) {
          errors.push(`resource id "${rid}" is defined twice (${KIND_LABEL[prev.kind]} line ${prev.el.line}, ${spec.label} line ${item.line})`);
          continue;
        }
        resources.set(rid, { kind: spec.kind, el: item });
      }
    }
  }

  // 4. resid references
  const used = new Set();
  /** resid → declared icon sizes */
  const imageSizes = new Map();
  let refCount = 0;
  for (const el of els) {
    if (!("resid" in el.attrs)) continue;
    refCount++;
    const rid = el.attrs.resid;
    used.add(rid);
    const def = resources.get(rid);
    if (!def) {
      errors.push(`undefined resid "${rid}" referenced by ${describe(el)}: no such id in <Resources>`);
      continue;
    }
    const want = el.ns === NS.BT && el.local === "Image" ? "image" : REF_KIND[el.local];
    if (want && def.kind !== want) {
      errors.push(`resid "${rid}" referenced by ${describe(el)} is defined in ${KIND_LABEL[def.kind]}, expected ${KIND_LABEL[want]}`);
    }
    if (def.kind === "image" && el.attrs.size) {
      if (!imageSizes.has(rid)) imageSizes.set(rid, new Set());
      imageSizes.get(rid).add(Number(el.attrs.size));
    }
  }
  for (const [rid, def] of resources) {
    if (!used.has(rid)) warnings.push(`resource "${rid}" (${KIND_LABEL[def.kind]}, line ${def.el.line}) is never referenced`);
  }
  if (errors.length === errorsBefore) passed.push(`${refCount} resid references resolve to ${resources.size} resources`);

  // 5. Icon lists and function commands
  const structBefore = errors.length;
  for (const icon of els.filter((e) => e.local === "Icon" && e.children.some((c) => c.ns === NS.BT && c.local === "Image"))) {
    const sizes = new Set(icon.children.filter((c) => c.local === "Image").map((c) => Number(c.attrs.size)));
    const missing = MANDATORY_ICON_SIZES.filter((s) => !sizes.has(s));
    if (missing.length) {
      errors.push(`<Icon> of ${describe(icon.parent)} lacks the mandatory size(s) ${missing.join(", ")} (16, 32 and 80 are required)`);
    }
  }
  for (const action of els.filter((e) => e.local === "Action" && e.attrs["xsi:type"] !== undefined)) {
    const t = resolveQName(action, action.attrs["xsi:type"]).local;
    if (t === "ExecuteFunction") {
      let ff = action.parent;
      while (ff && !/FormFactor$/.test(ff.local)) ff = ff.parent;
      if (!ff || !ff.children.some((c) => c.local === "FunctionFile")) {
        errors.push(`ExecuteFunction action of ${describe(action.parent)} needs a <FunctionFile> in its form factor`);
      }
      const fn = action.children.find((c) => c.local === "FunctionName");
      if (!fn || !fn.text.trim()) errors.push(`ExecuteFunction action of ${describe(action.parent)} has no <FunctionName>`);
    }
  }
  if (errors.length === structBefore) passed.push("icon sizes 16/32/80 and function commands complete");

  // 5b. Requirements. The base manifest's <Requirements> decides where Office activates the add-in at all; one inside
  // VersionOverrides that a client does not meet makes Office ignore the whole <Hosts> override there, ribbon
  // buttons included ("Requirements element", learn.microsoft.com/javascript/api/manifest/requirements), so the
  // ribbon would be missing where the pane runs. Custom functions that return CustomFunctions.Error with a message
  // need CustomFunctionsRuntime 1.2, declared in the base manifest as Microsoft's custom-functions samples do.
  const reqBefore = errors.length;
  const baseSets = new Map();
  const baseReq = baseChild("Requirements");
  for (const set of baseReq ? allElements(baseReq).filter((e) => e.local === "Set") : []) {
    const sets = set.parent;
    baseSets.set(set.attrs.Name, set.attrs.MinVersion || (sets && sets.attrs.DefaultMinVersion) || "1.1");
  }
  for (const vo of els.filter((e) => e.local === "VersionOverrides")) {
    const inner = vo.children.find((c) => c.local === "Requirements");
    if (inner) {
      errors.push(`${describe(inner)} inside <VersionOverrides> hides every ribbon button on clients that lack it: declare requirements in the base manifest's <Requirements>`);
    }
  }
  const hasCustomFunctions = els.some((e) => e.local === "ExtensionPoint" && e.attrs["xsi:type"] !== undefined && resolveQName(e, e.attrs["xsi:type"]).local === "CustomFunctions");
  if (hasCustomFunctions) {
    const cf = baseSets.get("CustomFunctionsRuntime");
    if (!cf || versionBelow(cf, "1.2")) {
      errors.push(`custom functions need <Set Name="CustomFunctionsRuntime" MinVersion="1.2"/> (or later) in the base manifest's <Requirements>${cf ? `, found ${cf}` : ""}`);
    }
  }
  if (!baseSets.has("ExcelApi")) errors.push('the base manifest\'s <Requirements> names no ExcelApi set: the pane\'s minimum must be declared');
  if (errors.length === reqBefore) {
    passed.push(`requirements in the base manifest only (${[...baseSets].map(([n, v]) => `${n} ${v}`).join(", ")})`);
  }

  // 6. Localization: every localized string has an override for each locale used in the manifest
  const defaultLocaleEl = baseChild("DefaultLocale");
  const defaultLocale = defaultLocaleEl ? defaultLocaleEl.text.trim() : "";
  const overrides = els.filter((e) => e.local === "Override" && e.attrs.Locale);
  /** lower-case locale → spelling first seen */
  const localeNames = new Map();
  for (const o of overrides) {
    const key = o.attrs.Locale.toLowerCase();
    if (key !== defaultLocale.toLowerCase() && !localeNames.has(key)) localeNames.set(key, o.attrs.Locale);
  }
  const locales = [...localeNames.keys()];
  for (const o of overrides) {
    if (defaultLocale && o.attrs.Locale.toLowerCase() === defaultLocale.toLowerCase()) {
      warnings.push(`${describe(o)} repeats the DefaultLocale ${defaultLocale}`);
    }
  }
  const stringSlots = els.filter(
    (e) =>
      "DefaultValue" in e.attrs &&
      ((e.ns === NS.OA && (e.local === "DisplayName" || e.local === "Description")) ||
        (e.ns === NS.BT && e.local === "String")),
  );
  const l10nBefore = errors.length;
  for (const slot of stringSlots) {
    // eslint-disable-next-line no-control-regex
    if (/^[\x00-\x7f]*$/.test(slot.attrs.DefaultValue)) continue; // ASCII-only (e.g. the namespace "ZS"): same in all locales
    const have = new Set(slot.children.filter((c) => c.local === "Override").map((c) => (c.attrs.Locale || "").toLowerCase()));
    for (const loc of locales) {
      if (!have.has(loc)) errors.push(`${describe(slot)} "${slot.attrs.DefaultValue}" has no ${localeNames.get(loc)} override`);
    }
  }
  if (locales.length && errors.length === l10nBefore) passed.push(`strings localized (${defaultLocale} + ${[...localeNames.values()].join(", ")})`);

  // 7. https everywhere
  const httpsBefore = errors.length;
  let urlCount = 0;
  for (const el of els) {
    for (const a of el.attrList) {
      if (a.name === "xmlns" || a.name.startsWith("xmlns:")) continue;
      if (URL_LIKE_RE.test(a.value.trim())) {
        urlCount++;
        if (!/^https:\/\//i.test(a.value.trim())) {
          errors.push(`${describe(el)} ${a.name}="${a.value}" is not https: every URL must be https`);
        }
      }
    }
    const text = el.children.length === 0 ? el.text.trim() : "";
    if (text && URL_LIKE_RE.test(text)) {
      urlCount++;
      if (!/^https:\/\//i.test(text)) errors.push(`${describe(el)} "${text}" is not https: every URL must be https`);
    }
  }
  /** URL slots: {value, el, what, expectSize?} */
  const urlSlots = [];
  const addSlot = (el, value, expectSizes) => urlSlots.push({ el, value, expectSizes });
  for (const el of els) {
    const isBaseUrlEl = el.ns === NS.OA && BASE_URL_ELEMENTS.has(el.local) && "DefaultValue" in el.attrs;
    const isResUrl = el.ns === NS.BT && (el.local === "Url" || el.local === "Image") && el.parent && el.parent.ns === NS.BT;
    if (!isBaseUrlEl && !isResUrl) continue;
    let expect = null;
    if (isBaseUrlEl && EXPECTED_BASE_ICON_SIZE[el.local]) expect = [EXPECTED_BASE_ICON_SIZE[el.local]];
    if (isResUrl && el.local === "Image" && imageSizes.has(el.attrs.id)) expect = [...imageSizes.get(el.attrs.id)];
    addSlot(el, el.attrs.DefaultValue, expect);
    for (const o of el.children.filter((c) => c.local === "Override" && "Value" in c.attrs)) addSlot(o, o.attrs.Value, expect);
  }
  for (const s of urlSlots) {
    let ok = true;
    try {
      const u = new URL(s.value);
      if (u.protocol !== "https:") ok = false;
    } catch {
      ok = false;
    }
    if (!ok && !URL_LIKE_RE.test(s.value.trim())) errors.push(`${describe(s.el)} "${s.value}" is not an absolute https URL`);
  }
  if (errors.length === httpsBefore) passed.push(`${urlCount} URLs, all https`);

  // 8. Files in the build output
  const defaultSource = els.find(
    (e) => e.local === "SourceLocation" && e.parent && e.parent.local === "DefaultSettings" && e.parent.parent === root,
  );
  let baseUrl = options.baseUrl || null;
  if (!baseUrl && defaultSource && defaultSource.attrs.DefaultValue) {
    try {
      const u = new URL(defaultSource.attrs.DefaultValue);
      baseUrl = u.origin + u.pathname.replace(/[^/]*$/, "");
    } catch {
      /* reported above */
    }
  }
  result.baseUrl = baseUrl;

  // A manifest whose base URL is not loopback (a production copy) must not point at localhost anywhere.
  const isLoopback = (host) => host === "localhost" || host === "[::1]" || /^127\./.test(host);
  let baseHost = null;
  try {
    baseHost = baseUrl ? new URL(baseUrl).hostname : null;
  } catch {
    /* reported above */
  }
  if (baseHost && !isLoopback(baseHost)) {
    for (const el of els) {
      const values = el.attrList.filter((a) => !a.name.startsWith("xmlns")).map((a) => a.value);
      if (el.children.length === 0) values.push(el.text);
      for (const v of values.map((x) => x.trim()).filter((x) => URL_LIKE_RE.test(x))) {
        try {
          if (isLoopback(new URL(v).hostname)) errors.push(`${describe(el)} "${v}" still points at localhost, but the base URL is ${baseUrl}`);
        } catch {
          /* not a parsable URL: reported above */
        }
      }
    }
  }
  const distDir = options.distDir === undefined ? path.join(REPO_ROOT, "dist") : options.distDir;
  if (distDir === null) {
    skipped.push("build-output check: no dist folder given");
  } else if (!fs.existsSync(distDir) || !fs.statSync(distDir).isDirectory()) {
    const msg = `build-output check: dist folder ${distDir} does not exist (run npm run build first)`;
    if (options.distRequired) errors.push(msg);
    else skipped.push(msg);
  } else if (!baseUrl) {
    errors.push("build-output check: cannot tell the base URL (no valid <DefaultSettings><SourceLocation>; pass --base-url)");
  } else {
    const distBefore = errors.length;
    const checked = new Set();
    const external = new Set();
    for (const s of urlSlots) {
      const value = s.value.trim();
      if (!value.startsWith(baseUrl)) {
        if (URL_LIKE_RE.test(value)) external.add(value);
        continue;
      }
      let rel = value.slice(baseUrl.length).replace(/[?#].*$/, "");
      try {
        rel = decodeURIComponent(rel);
      } catch {
        errors.push(`${describe(s.el)} "${value}" has a malformed percent-encoding`);
        continue;
      }
      if (rel === "" || rel.endsWith("/")) rel += "index.html";
      if (rel.split("/").includes("..")) {
        errors.push(`${describe(s.el)} "${value}" leaves the base URL (..)`);
        continue;
      }
      const file = path.join(distDir, ...rel.split("/"));
      const shown = shownPath(file);
      if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
        errors.push(`${describe(s.el)} ${value} → ${shown} is missing from the build output`);
        continue;
      }
      checked.add(file);
      if (s.expectSizes && /\.png$/i.test(file)) {
        const dim = pngSize(file);
        if (dim) {
          for (const want of s.expectSizes) {
            if (dim.width !== want || dim.height !== want) {
              warnings.push(`${describe(s.el)} ${value} is ${dim.width}x${dim.height}, declared/expected ${want}x${want}`);
            }
          }
        }
      }
    }
    if (errors.length === distBefore) {
      passed.push(`${checked.size} files found in ${shownPath(distDir)}/ (base URL ${baseUrl})`);
    }
    if (external.size) skipped.push(`build-output check for ${external.size} URL(s) outside ${baseUrl}: ${[...external].join(", ")}`);
  }

  // 9. Schema
  const schemasDir = options.schemasDir || process.env.ZS_SCHEMAS_DIR || DEFAULT_SCHEMAS_DIR;
  const xsd = path.join(schemasDir, SCHEMA_FILE);
  if (!fs.existsSync(xsd)) {
    skipped.push(`schema check: ${xsd} not found (set ZS_SCHEMAS_DIR or --schemas)`);
  } else if (!xmllint) {
    skipped.push("schema check: xmllint not found (Debian: apt-get install libxml2-utils)");
  } else {
    const r = spawnSync(xmllint, ["--nonet", "--noout", "--schema", xsd, manifestPath], { encoding: "utf8" });
    if (r.status === 0) passed.push(`schema-valid (${SCHEMA_FILE})`);
    else if (r.status === 3) {
      for (const m of xmllintMessages(r.stderr, manifestPath)) errors.push(`schema violation: ${m}`);
      if (!xmllintMessages(r.stderr, manifestPath).length) errors.push("schema violation (xmllint gave no detail)");
    } else {
      errors.push(`schema check could not run (xmllint exit ${r.status}): ${xmllintMessages(r.stderr, manifestPath).join(" | ")}`);
    }
  }
  return finish();
}

function formatResult(r) {
  const lines = [`${shownPath(r.manifest)}:`];
  for (const e of r.errors) lines.push(`  ✗ ${e}`);
  for (const w of r.warnings) lines.push(`  ! ${w}`);
  for (const s of r.skipped) lines.push(`  - skipped: ${s}`);
  if (r.ok) lines.push(`  OK: ${r.passed.join("; ")}`);
  else lines.push(`  FAILED: ${r.errors.length} error(s)`);
  return lines.join("\n");
}

function parseArgs(argv) {
  const args = { manifests: [], dist: undefined, schemas: undefined, baseUrl: undefined, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === "--dist") args.dist = value();
    else if (a === "--schemas") args.schemas = value();
    else if (a === "--base-url") args.baseUrl = value();
    else if (a === "-h" || a === "--help") args.help = true;
    else if (a.startsWith("-")) throw new Error(`unknown option ${a}`);
    else args.manifests.push(a);
  }
  return args;
}

function main(argv) {
  let args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    console.error(`validate-manifest: ${e.message}`);
    return 2;
  }
  if (args.help) {
    console.log("Usage: node scripts/validate-manifest.js [manifest.xml ...] [--dist DIR] [--schemas DIR] [--base-url URL]");
    return 0;
  }
  const distDir = path.resolve(args.dist ?? path.join(REPO_ROOT, "dist"));
  const manifests = args.manifests.length
    ? args.manifests.map((m) => path.resolve(m))
    : [path.join(REPO_ROOT, "manifest.xml"), path.join(distDir, "manifest.xml")].filter(
        (m, i) => i === 0 || fs.existsSync(m),
      );
  let failed = 0;
  for (const m of manifests) {
    const r = validateManifest(m, {
      distDir,
      distRequired: args.dist !== undefined,
      schemasDir: args.schemas ? path.resolve(args.schemas) : undefined,
      baseUrl: args.baseUrl,
    });
    console.log(formatResult(r));
    if (!r.ok) failed++;
  }
  if (!args.manifests.length && manifests.length === 1) {
    console.log(`  (no ${shownPath(path.join(distDir, "manifest.xml"))} to check)`);
  }
  return failed ? 1 : 0;
}

module.exports = { validateManifest, formatResult, DEFAULT_SCHEMAS_DIR };

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
