// The root manifest always carries the development URLs; a production build swaps this prefix for the URL a
// bureau hosts dist/ at (ADDIN_BASE_URL), so the built manifest points at their intranet server.
const DEV_BASE_URL = "https://localhost:3000/";

function productionBaseUrl(raw) {
  if (raw === undefined || raw.trim() === "") return DEV_BASE_URL;
  let url;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new Error(`ADDIN_BASE_URL 不是有效网址 / is not a valid URL: "${raw}"`);
  }
  if (url.protocol !== "https:") {
    throw new Error(`ADDIN_BASE_URL 必须使用 https（Office 只加载 https 加载项）/ must be https: "${raw}"`);
  }
  if (url.search || url.hash) {
    throw new Error(`ADDIN_BASE_URL 不能带查询参数或锚点 / must not have a query or hash: "${raw}"`);
  }
  const href = url.href;
  return href.endsWith("/") ? href : `${href}/`;
}

module.exports = { DEV_BASE_URL, productionBaseUrl };
