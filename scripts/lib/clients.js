"use strict";
/**
 * The Excel clients the README names, as the requirement data Microsoft publishes for them. One source for three
 * things: the client-profile Office mock (tests/support/office-mock.ts runs every port method under each profile),
 * the README's supported-clients table (scripts/clients-table.js) and the manifest check (which profiles the
 * manifest's top-level <Requirements> lets install the add-in).
 *
 * Sources (2025 editions of the pages):
 *   - ExcelApi per client: "Excel JavaScript API requirement sets" (learn.microsoft.com/javascript/api/
 *     requirement-sets/excel/excel-api-requirement-sets): Office 2016 has only ExcelApi 1.1; Office 2019 (volume-
 *     licensed) reaches 1.7 ("Office 2019: Version 1801"); Office 2021 1.14; Office 2024 1.17; 1.18 and later are
 *     Microsoft 365 / web / Mac / iPad only.
 *   - CustomFunctionsRuntime per client: "Custom Functions requirement sets": 1.2 and 1.3 on Office 2021/2024
 *     (Version 2108 / 2311), 1.5 on current Microsoft 365, web and Mac; never on Office 2019 or earlier, never on iPad.
 *   - Webview per client: "Browsers and webview controls used by Office Add-ins": volume-licensed Office 2016 and
 *     2019 use Trident+ (Internet Explorer 11) whatever is installed; Office 2021 and later use WebView2; Microsoft
 *     365 from 16.0.13530.20424 (Version 2101, which installs the WebView2 control) uses WebView2; Mac and iPad use
 *     WKWebView (Safari); the web runs in the user's browser.
 * `modernWebview` is what the task pane needs (React 18, ES2020 syntax): no IE11, no EdgeHTML.
 */

const { excelApiSets, compareVersions } = require("./excel-api-sets");

/** "Current" Microsoft 365, web and Mac: the highest numbered ExcelApi set the installed @types/office-js knows. */
const LATEST_EXCEL_API = Object.values(excelApiSets())
  .flatMap((members) => Object.values(members))
  .filter((v) => /^\d/.test(v))
  .reduce((a, b) => (compareVersions(a, b) >= 0 ? a : b), "1.1");

const CLIENTS = [
  {
    id: "office-2016",
    name: { zh: "Office 2016（批量授权）", en: "Office 2016 (volume-licensed)" },
    excelApi: "1.1",
    customFunctions: null,
    webview: "Internet Explorer 11",
    modernWebview: false,
    web: false,
  },
  {
    id: "office-2019",
    name: { zh: "Office 2019（批量授权）", en: "Office 2019 (volume-licensed)" },
    excelApi: "1.7",
    customFunctions: null,
    webview: "Internet Explorer 11",
    modernWebview: false,
    web: false,
  },
  {
    id: "office-2021",
    name: { zh: "Office 2021 / LTSC 2021", en: "Office 2021 / LTSC 2021" },
    excelApi: "1.14",
    customFunctions: "1.3",
    webview: "WebView2",
    modernWebview: true,
    web: false,
  },
  {
    id: "office-2024",
    name: { zh: "Office 2024 / LTSC 2024", en: "Office 2024 / LTSC 2024" },
    excelApi: "1.17",
    customFunctions: "1.3",
    webview: "WebView2",
    modernWebview: true,
    web: false,
  },
  {
    id: "m365-windows",
    name: { zh: "Microsoft 365（Windows，当前版本）", en: "Microsoft 365 (Windows, current)" },
    excelApi: LATEST_EXCEL_API,
    customFunctions: "1.5",
    webview: "WebView2",
    modernWebview: true,
    web: false,
  },
  {
    id: "m365-mac",
    name: { zh: "Microsoft 365（Mac，当前版本）", en: "Microsoft 365 (Mac, current)" },
    excelApi: LATEST_EXCEL_API,
    customFunctions: "1.5",
    webview: "WKWebView (Safari)",
    modernWebview: true,
    web: false,
  },
  {
    id: "web",
    name: { zh: "Excel 网页版", en: "Excel on the web" },
    excelApi: LATEST_EXCEL_API,
    customFunctions: "1.5",
    webview: "浏览器 / browser",
    modernWebview: true,
    web: true,
  },
  {
    id: "ipad",
    name: { zh: "Excel iPad 版", en: "Excel on iPad" },
    excelApi: LATEST_EXCEL_API,
    customFunctions: null,
    webview: "WKWebView (Safari)",
    modernWebview: true,
    web: false,
  },
];

/** Office.context.requirements.isSetSupported as this client answers it (ExcelApiOnline only on the web). */
function clientSupports(client, name, version = "1.1") {
  if (name === "ExcelApi") return compareVersions(client.excelApi, version) >= 0;
  if (name === "CustomFunctionsRuntime") return client.customFunctions !== null && compareVersions(client.customFunctions, version) >= 0;
  if (name === "ExcelApiOnline") return client.web && compareVersions("1.1", version) >= 0;
  return false;
}

/**
 * The Sets of the manifest's top-level <Requirements> (the ones that decide whether Office activates the add-in at
 * all: learn.microsoft.com/javascript/api/manifest/requirements, "In the base manifest"). A Set without MinVersion
 * takes the Sets' DefaultMinVersion. Regex-based: the manifest is ours and validated against the XSD elsewhere.
 */
function manifestRequirements(manifestXml) {
  const withoutOverrides = manifestXml.replace(/<!--[\s\S]*?-->/g, "").replace(/<VersionOverrides[\s\S]*<\/VersionOverrides>/, "");
  const block = /<Requirements>([\s\S]*?)<\/Requirements>/.exec(withoutOverrides);
  if (!block) return [];
  const defaults = /<Sets[^>]*DefaultMinVersion="([^"]+)"/.exec(block[1]);
  const out = [];
  for (const m of block[1].matchAll(/<Set\s+([^>]*?)\/?>/g)) {
    const name = /Name="([^"]+)"/.exec(m[1]);
    const min = /MinVersion="([^"]+)"/.exec(m[1]);
    if (name) out.push({ name: name[1], minVersion: min ? min[1] : defaults ? defaults[1] : "1.1" });
  }
  return out;
}

/** Whether Office activates the add-in on this client, given the manifest's top-level requirements. */
function installable(client, requirements) {
  return requirements.every((r) => clientSupports(client, r.name, r.minVersion));
}

module.exports = { CLIENTS, LATEST_EXCEL_API, clientSupports, manifestRequirements, installable, compareVersions };
