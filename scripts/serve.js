#!/usr/bin/env node
"use strict";
/**
 * Serves the build output (dist/) over HTTPS on the loopback interface for sideloading the add-in.
 *
 *   node scripts/serve.js [--port 3000] [--dist dist] [--certs .certs] [--host 127.0.0.1] [--once]
 *
 * - Port: --port, else env PORT, else 3000. Binds to a loopback address only (127.0.0.1 by default).
 * - Certificates: .certs/{ca.crt,localhost.crt,localhost.key} in the project (git-ignored), generated when
 *   missing or about to expire with office-addin-dev-certs' generateCertificates() — offline (node-forge),
 *   and never installed into any trust store. If that package is unavailable or fails, falls back to
 *   `openssl req -x509` (self-signed localhost certificate, which then doubles as ca.crt).
 * - `/` serves index.html when the build has one, else taskpane.html. No directory listings, no path
 *   traversal (`..`, `%2e%2e`, backslashes, NUL → 403), anything else missing → 404.
 * - --once, or env ZS_SERVE_SMOKE=1: start, print the banner, fetch /taskpane.html from itself (verifying
 *   the certificate against ca.crt), then exit 0 (1 if that fails). For smoke tests.
 */
const fs = require("node:fs");
const path = require("node:path");
const https = require("node:https");
const crypto = require("node:crypto");
const { spawnSync } = require("node:child_process");
const { DEV_BASE_URL } = require("./base-url");

const REPO_ROOT = path.resolve(__dirname, "..");
const DEFAULT_PORT = 3000;
const CERT_DAYS = 30;
const CERT_FILES = { ca: "ca.crt", cert: "localhost.crt", key: "localhost.key" };
const GENERATE_TIMEOUT_MS = 60_000;

const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".htm": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
};

function contentTypeFor(file) {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] || "application/octet-stream";
}

function isLoopbackHost(host) {
  return host === "localhost" || host === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * Maps a raw request target to a file under root.
 * @returns {{ status: 200, file: string } | { status: 400|403|404 }}
 */
function resolveRequestPath(root, rawUrl) {
  const rawPath = String(rawUrl || "/").split(/[?#]/)[0];
  if (!rawPath.startsWith("/")) return { status: 400 };
  let decoded;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { status: 400 };
  }
  if (decoded.includes("\0") || decoded.includes("\\")) return { status: 403 };
  const segments = decoded.split("/");
  if (segments.some((s) => s === "..")) return { status: 403 };
  const rootReal = fs.realpathSync(root);
  let file = path.resolve(rootReal, "." + decoded);
  if (file !== rootReal && !file.startsWith(rootReal + path.sep)) return { status: 403 };

  const isFile = (p) => {
    try {
      return fs.statSync(p).isFile();
    } catch {
      return false;
    }
  };
  const isDir = (p) => {
    try {
      return fs.statSync(p).isDirectory();
    } catch {
      return false;
    }
  };
  if (decoded === "/" || decoded === "") {
    file = isFile(path.join(rootReal, "index.html")) ? path.join(rootReal, "index.html") : path.join(rootReal, "taskpane.html");
  } else if (isDir(file)) {
    file = path.join(file, "index.html");
  }
  if (!isFile(file)) return { status: 404 };
  // no escaping through symbolic links either
  const real = fs.realpathSync(file);
  if (real !== rootReal && !real.startsWith(rootReal + path.sep)) return { status: 403 };
  return { status: 200, file: real };
}

const STATUS_TEXT = {
  400: "400 错误的请求 / Bad Request",
  403: "403 禁止访问 / Forbidden",
  404: "404 未找到 / Not Found",
  405: "405 不支持的方法 / Method Not Allowed",
  500: "500 服务器错误 / Internal Server Error",
};

/**
 * The development manifest names https://localhost:3000/. Served on another port (`npm start -- --port 4000`, PORT),
 * the manifest must name that port or Excel would load the pane from a server that is not there: manifest.xml is
 * rewritten as it is served, and written back to the build folder for sideloading from disk. A production build
 * (ADDIN_BASE_URL) has no development URL in it and is left alone.
 */
function manifestForPort(xml, url) {
  return xml.split(DEV_BASE_URL).join(url);
}

function isManifest(file) {
  return path.basename(file).toLowerCase() === "manifest.xml";
}

function localizeManifest(root, url) {
  const file = path.join(root, "manifest.xml");
  if (!fs.existsSync(file)) return null;
  const xml = fs.readFileSync(file, "utf8");
  const rewritten = manifestForPort(xml, url);
  if (rewritten !== xml) fs.writeFileSync(file, rewritten);
  return rewritten.includes(url) ? file : null;
}

function createHandler(root, url) {
  return (req, res) => {
    const common = {
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-cache",
      // Excel (web) loads custom-function metadata and scripts from other origins during development.
      "Access-Control-Allow-Origin": "*",
    };
    const send = (status, extra = {}) => {
      const body = `${STATUS_TEXT[status] || status}\n`;
      res.writeHead(status, { ...common, "Content-Type": "text/plain; charset=utf-8", "Content-Length": Buffer.byteLength(body), ...extra });
      res.end(req.method === "HEAD" ? undefined : body);
    };
    if (req.method !== "GET" && req.method !== "HEAD") return send(405, { Allow: "GET, HEAD" });
    let r;
    try {
      r = resolveRequestPath(root, req.url);
    } catch {
      return send(500);
    }
    if (r.status !== 200) return send(r.status);
    fs.stat(r.file, (err, st) => {
      if (err) return send(404);
      if (url && isManifest(r.file) && url !== DEV_BASE_URL) {
        let body;
        try {
          body = Buffer.from(manifestForPort(fs.readFileSync(r.file, "utf8"), url), "utf8");
        } catch {
          return send(404);
        }
        res.writeHead(200, { ...common, "Content-Type": contentTypeFor(r.file), "Content-Length": body.length });
        return res.end(req.method === "HEAD" ? undefined : body);
      }
      res.writeHead(200, { ...common, "Content-Type": contentTypeFor(r.file), "Content-Length": st.size });
      if (req.method === "HEAD") return res.end();
      const stream = fs.createReadStream(r.file);
      stream.on("error", () => res.destroy());
      stream.pipe(res);
    });
  };
}

function certPaths(certDir) {
  return {
    ca: path.join(certDir, CERT_FILES.ca),
    cert: path.join(certDir, CERT_FILES.cert),
    key: path.join(certDir, CERT_FILES.key),
  };
}

function certIsUsable(paths) {
  try {
    const pem = fs.readFileSync(paths.cert);
    fs.readFileSync(paths.key);
    fs.readFileSync(paths.ca);
    const x = new crypto.X509Certificate(pem);
    const validTo = new Date(x.validTo).getTime();
    return validTo - Date.now() > 24 * 3600 * 1000 && x.checkHost("localhost") !== undefined;
  } catch {
    return false;
  }
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms / 1000} s`)), ms);
      timer.unref();
    }),
  ]).finally(() => clearTimeout(timer));
}

function generateWithOpenssl(paths, days) {
  const r = spawnSync(
    "openssl",
    [
      "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256",
      "-keyout", paths.key, "-out", paths.cert, "-days", String(days),
      "-subj", "/CN=localhost/O=ZS Stats Assistant development",
      "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1",
      "-addext", "basicConstraints=critical,CA:TRUE",
    ],
    { encoding: "utf8" },
  );
  if (r.error || r.status !== 0) {
    throw new Error(`openssl failed: ${r.error ? r.error.message : r.stderr.trim().split("\n").pop()}`);
  }
  // Self-signed: the certificate is its own issuer, so it is also the CA to trust.
  fs.copyFileSync(paths.cert, paths.ca);
}

/**
 * Makes sure certDir holds a usable development CA + localhost certificate; generates them when missing
 * or expiring within a day. Never installs anything into a trust store.
 * options.generator: "openssl" skips office-addin-dev-certs (default: env ZS_CERT_GENERATOR).
 * @returns {Promise<{ key: Buffer, cert: Buffer, ca: Buffer, paths: {ca:string,cert:string,key:string}, generated: string|null }>}
 */
async function ensureCertificates(
  certDir = path.join(REPO_ROOT, ".certs"),
  { days = CERT_DAYS, log = () => {}, generator = process.env.ZS_CERT_GENERATOR } = {},
) {
  const paths = certPaths(certDir);
  let generated = null;
  if (!certIsUsable(paths)) {
    fs.mkdirSync(certDir, { recursive: true });
    for (const p of Object.values(paths)) fs.rmSync(p, { force: true });
    try {
      if (generator === "openssl") throw new Error("openssl requested (ZS_CERT_GENERATOR=openssl)");
      const devCerts = require("office-addin-dev-certs");
      // generateCertificates only writes files (mkcert/node-forge, offline); it does not install anything.
      // Its own console message is replaced by ours.
      const consoleLog = console.log;
      console.log = () => {};
      try {
        await withTimeout(devCerts.generateCertificates(paths.ca, paths.cert, paths.key, days), GENERATE_TIMEOUT_MS, "office-addin-dev-certs");
      } finally {
        console.log = consoleLog;
      }
      if (!certIsUsable(paths)) throw new Error("office-addin-dev-certs wrote no usable certificate");
      generated = "office-addin-dev-certs";
    } catch (e) {
      log(`office-addin-dev-certs 不可用（${e.message}），改用 openssl / unavailable, falling back to openssl`);
      for (const p of Object.values(paths)) fs.rmSync(p, { force: true });
      generateWithOpenssl(paths, days);
      generated = "openssl";
    }
    log(`已生成开发证书 / development certificates generated (${generated}): ${certDir}`);
    try {
      fs.chmodSync(paths.key, 0o600);
    } catch {
      /* not fatal (e.g. on Windows) */
    }
  }
  return {
    key: fs.readFileSync(paths.key),
    cert: fs.readFileSync(paths.cert),
    ca: fs.readFileSync(paths.ca),
    paths,
    generated,
  };
}

/**
 * @param {{ root: string, port?: number, host?: string, certDir?: string, certs?: {key:Buffer,cert:Buffer} }} options
 * @returns {Promise<{ server: import("node:https").Server, port: number, host: string, url: string, close: () => Promise<void> }>}
 */
async function startServer(options) {
  const root = path.resolve(options.root);
  const host = options.host || "127.0.0.1";
  if (!isLoopbackHost(host)) throw new Error(`refusing to bind to ${host}: only loopback addresses are allowed`);
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) throw new Error(`folder ${root} does not exist`);
  const certs = options.certs || (await ensureCertificates(options.certDir));
  const handler = { current: createHandler(root, null) };
  const server = https.createServer({ key: certs.key, cert: certs.cert }, (req, res) => handler.current(req, res));
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? DEFAULT_PORT, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = /** @type {import("node:net").AddressInfo} */ (server.address()).port;
  const url = `https://localhost:${port}/`;
  // Known only now: with --port 0 the system picks the port.
  handler.current = createHandler(root, url);
  return {
    server,
    port,
    host,
    url,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function banner({ url, root, certPaths: p, generated, manifest = null }) {
  const rel = (f) => {
    const r = path.relative(process.cwd(), f);
    return r && !r.startsWith("..") ? r : f;
  };
  // On the default port the repository's manifest.xml is right; on another, the one rewritten for that port.
  const mf = manifest && url !== DEV_BASE_URL ? rel(manifest) : "manifest.xml";
  const ca = rel(p.ca);
  const caWin = ca.replace(/\//g, "\\");
  return [
    "",
    `招商统计助手 开发服务器已启动：${url}（目录 ${rel(root)}）`,
    `  证书：${rel(p.cert)} 是自签名的开发证书（由 ${ca} 签发${generated ? "，刚刚生成" : ""}），未安装到任何系统信任库。`,
    "  如果浏览器或 Excel 提示证书不受信任，可以手动信任该开发 CA（本脚本不会替你安装）：",
    `    Windows：certutil -user -addstore Root ${caWin}`,
    `    macOS：  security add-trusted-cert -r trustRoot -k ~/Library/Keychains/login.keychain-db ${ca}`,
    `    Linux / 浏览器：在浏览器的证书设置中把 ${ca} 导入为受信任的颁发机构，或先在浏览器中打开 ${url} 并选择继续访问。`,
    "  旁加载：",
    `    桌面版 Excel（Windows / macOS）：npx office-addin-debugging start ${mf}`,
    "      （npx 临时获取该工具，它不是本项目的依赖；请保持本服务器运行）",
    `    Excel 网页版：插入 → 加载项 → 上传我的加载项 → 选择 ${mf}（或下载 ${url}manifest.xml）`,
    "  按 Ctrl+C 停止。",
    "",
    `ZS Stats Assistant dev server: ${url} (serving ${rel(root)})`,
    `  Certificate: ${rel(p.cert)} is a self-signed development certificate (issued by ${ca}${generated ? ", just generated" : ""}); it is not installed in any trust store.`,
    "  If the browser or Excel says the certificate is not trusted, trust that development CA manually (this script never does):",
    `    Windows: certutil -user -addstore Root ${caWin}`,
    `    macOS:   security add-trusted-cert -r trustRoot -k ~/Library/Keychains/login.keychain-db ${ca}`,
    `    Linux / browsers: import ${ca} as a trusted authority in the browser's certificate settings, or open ${url} once and choose to proceed.`,
    "  Sideload:",
    `    Desktop Excel (Windows / macOS): npx office-addin-debugging start ${mf}`,
    "      (npx fetches the tool; it is not a project dependency. Keep this server running.)",
    `    Excel on the web: Insert → Add-ins → Upload My Add-in → choose ${mf} (or download ${url}manifest.xml)`,
    "  Press Ctrl+C to stop.",
    "",
  ].join("\n");
}

function selfCheck(port, ca) {
  return new Promise((resolve) => {
    const req = https.get(
      { host: "127.0.0.1", port, path: "/taskpane.html", servername: "localhost", ca, timeout: 10_000 },
      (res) => {
        res.resume();
        res.on("end", () => resolve({ ok: res.statusCode === 200, detail: `HTTP ${res.statusCode} ${res.headers["content-type"] || ""}` }));
      },
    );
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", (e) => resolve({ ok: false, detail: e.message }));
  });
}

function parseArgs(argv) {
  const args = { port: undefined, dist: undefined, certs: undefined, host: undefined, once: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === "--port") args.port = value();
    else if (a.startsWith("--port=")) args.port = a.slice(7);
    else if (a === "--dist") args.dist = value();
    else if (a === "--certs") args.certs = value();
    else if (a === "--host") args.host = value();
    else if (a === "--once") args.once = true;
    else if (a === "-h" || a === "--help") args.help = true;
    else throw new Error(`unknown argument ${a}`);
  }
  return args;
}

async function main(argv) {
  let args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    console.error(`serve: ${e.message}`);
    return 2;
  }
  if (args.help) {
    console.log("Usage: node scripts/serve.js [--port 3000] [--dist dist] [--certs .certs] [--host 127.0.0.1] [--once]");
    return 0;
  }
  const portText = args.port ?? process.env.PORT ?? String(DEFAULT_PORT);
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`端口无效 / invalid port: ${portText}`);
    return 2;
  }
  const root = path.resolve(args.dist ?? path.join(REPO_ROOT, "dist"));
  if (!fs.existsSync(root)) {
    console.error(`找不到构建目录 ${root}，请先运行 npm run build:dev / build folder ${root} not found: run npm run build:dev first`);
    return 1;
  }
  const once = args.once || process.env.ZS_SERVE_SMOKE === "1";
  const certDir = path.resolve(args.certs ?? path.join(REPO_ROOT, ".certs"));
  let certs;
  try {
    certs = await ensureCertificates(certDir, { log: (m) => console.log(m) });
  } catch (e) {
    console.error(`无法生成开发证书 / cannot create development certificates: ${e.message}`);
    return 1;
  }
  let srv;
  try {
    srv = await startServer({ root, port, host: args.host, certs });
  } catch (e) {
    if (e && e.code === "EADDRINUSE") {
      console.error(`端口 ${port} 已被占用（可用 --port 或 PORT 换一个）/ port ${port} is already in use (choose another with --port or PORT)`);
    } else {
      console.error(`无法启动服务器 / cannot start the server: ${e.message}`);
    }
    return 1;
  }
  let manifest = null;
  try {
    manifest = localizeManifest(root, srv.url);
  } catch (e) {
    console.error(`无法写入 ${path.join(root, "manifest.xml")} / cannot write it: ${e.message}`);
  }
  console.log(banner({ url: srv.url, root, certPaths: certs.paths, generated: certs.generated, manifest }));
  if (once) {
    const r = await selfCheck(srv.port, certs.ca);
    await srv.close();
    if (r.ok) {
      console.log(`自检通过 / self-check OK: GET /taskpane.html → ${r.detail}`);
      return 0;
    }
    console.error(`自检失败 / self-check failed: GET /taskpane.html → ${r.detail}`);
    return 1;
  }
  await new Promise((resolve) => {
    const stop = () => {
      console.log("\n正在停止 / stopping…");
      srv.close().then(resolve);
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  return 0;
}

module.exports = { startServer, ensureCertificates, resolveRequestPath, contentTypeFor, banner, manifestForPort, CONTENT_TYPES };

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
