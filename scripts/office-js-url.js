// Where the pages load Office.js from, fixed at build time (OFFICE_JS_URL). Government networks often cannot
// reach Microsoft's global CDN, and tenants operated by 21Vianet in China use their own CDN (Microsoft's page
// "Referencing the Office JavaScript API library", section "CDN references for other Microsoft 365
// environments"). The custom-functions runtime script is taken from the same folder as office.js.
const GLOBAL_OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const CHINA_OFFICE_JS = "https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js";

/**
 * The office.js URL to build with: https (an add-in page is https, and a plain-http script would be blocked as
 * mixed content) or a path on the add-in's own host ("/office-js/office.js"), ending in office.js.
 */
function officeJsUrl(raw) {
  const value = raw === undefined ? "" : String(raw).trim();
  if (value === "") return GLOBAL_OFFICE_JS;
  if (!/\/office\.js$/.test(value)) {
    throw new Error(`OFFICE_JS_URL 应以 /office.js 结尾 / must end in /office.js: "${value}"`);
  }
  if (value.startsWith("/") && !value.startsWith("//")) return value;
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`OFFICE_JS_URL 不是有效网址 / is not a valid URL: "${value}"`);
  }
  if (url.protocol !== "https:") {
    throw new Error(`OFFICE_JS_URL 必须使用 https 或本站路径 / must be https or a path on this host: "${value}"`);
  }
  if (url.search || url.hash) {
    throw new Error(`OFFICE_JS_URL 不能带查询参数或锚点 / must not have a query or hash: "${value}"`);
  }
  return url.href;
}

/** The custom-functions runtime script that Microsoft publishes beside office.js. */
function customFunctionsRuntimeUrl(officeJs) {
  return officeJs.replace(/office\.js$/, "custom-functions-runtime.js");
}

module.exports = { GLOBAL_OFFICE_JS, CHINA_OFFICE_JS, officeJsUrl, customFunctionsRuntimeUrl };
