import * as fs from "node:fs";
import * as https from "node:https";
import * as os from "node:os";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import { ensureCertificates, startServer, resolveRequestPath, contentTypeFor, type Certificates, type RunningServer } from "../../scripts/serve";

const REPO = path.resolve(__dirname, "..", "..");
const SCRIPT = path.join(REPO, "scripts", "serve.js");

let tmp: string;
let root: string;
let certDir: string;
let certs: Certificates;
let srv: RunningServer;

interface Reply {
  status: number;
  type: string | undefined;
  body: string;
}

/** GET (or another method) with the raw path sent as is; certificate verification off for this request only. */
function request(rawPath: string, options: { method?: string; verifyWith?: Buffer } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        host: "127.0.0.1",
        port: srv.port,
        path: rawPath,
        method: options.method || "GET",
        servername: "localhost",
        ...(options.verifyWith ? { ca: options.verifyWith } : { rejectUnauthorized: false }),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode || 0, type: res.headers["content-type"], body: Buffer.concat(chunks).toString("utf8") }),
        );
      },
    );
    req.on("error", reject);
    req.end();
  });
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "zs-serve-"));
  root = path.join(tmp, "dist");
  certDir = path.join(tmp, "certs");
  fs.mkdirSync(path.join(root, "assets"), { recursive: true });
  fs.writeFileSync(path.join(root, "taskpane.html"), "<!doctype html><title>任务窗格</title>");
  fs.writeFileSync(path.join(root, "functions.json"), '{"functions":[]}');
  fs.writeFileSync(path.join(root, "taskpane.js"), "console.log(1)");
  fs.writeFileSync(path.join(root, "sample.xlsx"), "PK");
  fs.writeFileSync(path.join(root, "manifest.xml"), '<OfficeApp><SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/></OfficeApp>');
  fs.copyFileSync(path.join(REPO, "assets", "icon-16.png"), path.join(root, "assets", "icon-16.png"));
  fs.writeFileSync(path.join(tmp, "secret.txt"), "TOP-SECRET");
  certs = await ensureCertificates(certDir);
  srv = await startServer({ root, port: 0, certs });
}, 30_000);

afterAll(async () => {
  if (srv) await srv.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe("scripts/serve.js", () => {
  test("serves taskpane.html over https with the right content type", async () => {
    const r = await request("/taskpane.html");
    expect(r.status).toBe(200);
    expect(r.type).toBe("text/html; charset=utf-8");
    expect(r.body).toContain("任务窗格");
  });

  test("the certificate is valid for localhost when checked against the generated CA", async () => {
    const r = await request("/taskpane.html", { verifyWith: certs.ca });
    expect(r.status).toBe(200);
  });

  test("reuses existing certificates instead of regenerating them", async () => {
    const again = await ensureCertificates(certDir);
    expect(again.generated).toBeNull();
    expect(again.cert.equals(certs.cert)).toBe(true);
  });

  test.each([
    ["/functions.json", "application/json; charset=utf-8"],
    ["/taskpane.js", "text/javascript; charset=utf-8"],
    ["/assets/icon-16.png", "image/png"],
    ["/sample.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    ["/manifest.xml", "application/xml; charset=utf-8"],
    ["/taskpane.html?_host_Info=Excel$Win32$16.01$zh-CN", "text/html; charset=utf-8"],
  ])("%s → %s", async (p, type) => {
    const r = await request(p);
    expect(r.status).toBe(200);
    expect(r.type).toBe(type);
  });

  test("/ serves taskpane.html, or index.html once the build has one", async () => {
    const before = await request("/");
    expect(before.status).toBe(200);
    expect(before.body).toContain("任务窗格");
    fs.writeFileSync(path.join(root, "index.html"), "<!doctype html><title>index</title>");
    try {
      const after = await request("/");
      expect(after.body).toContain("index");
    } finally {
      fs.rmSync(path.join(root, "index.html"));
    }
  });

  test.each([
    "/../secret.txt",
    "/assets/../../secret.txt",
    "/%2e%2e/secret.txt",
    "/%2E%2E/secret.txt",
    "/assets/%2e%2e/%2e%2e/secret.txt",
    "/..%2fsecret.txt",
    "/..%5csecret.txt",
    "/assets/..\\..\\secret.txt",
    "/taskpane.html%00.png",
  ])("refuses traversal %s", async (p) => {
    const r = await request(p);
    expect([400, 403, 404]).toContain(r.status);
    expect(r.body).not.toContain("TOP-SECRET");
  });

  test("unknown paths and directories are 404, other methods 405", async () => {
    expect((await request("/nope.html")).status).toBe(404);
    expect((await request("/assets/")).status).toBe(404);
    expect((await request("/assets")).status).toBe(404);
    expect((await request("/taskpane.html", { method: "POST" })).status).toBe(405);
  });

  test("resolveRequestPath and contentTypeFor", () => {
    expect(resolveRequestPath(root, "/%E0%A4%A")).toEqual({ status: 400 });
    expect(resolveRequestPath(root, "/../secret.txt")).toEqual({ status: 403 });
    expect(resolveRequestPath(root, "/taskpane.html")).toEqual({ status: 200, file: fs.realpathSync(path.join(root, "taskpane.html")) });
    expect(contentTypeFor("a.map")).toBe("application/json; charset=utf-8");
    expect(contentTypeFor("a.css")).toBe("text/css; charset=utf-8");
    expect(contentTypeFor("a.bin")).toBe("application/octet-stream");
  });

  test("binds only to loopback addresses", async () => {
    await expect(startServer({ root, port: 0, certs, host: "0.0.0.0" })).rejects.toThrow(/loopback/);
    expect(srv.server.address()).toMatchObject({ address: "127.0.0.1" });
  });

  test("--once: prints the bilingual banner, checks itself and exits 0", () => {
    const r = spawnSync(process.execPath, [SCRIPT, "--once", "--port", "0", "--dist", root, "--certs", certDir], {
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(r.status).toBe(0);
    const zh = r.stdout.indexOf("开发服务器已启动");
    const en = r.stdout.indexOf("ZS Stats Assistant dev server");
    expect(zh).toBeGreaterThanOrEqual(0);
    expect(en).toBeGreaterThan(zh);
    expect(r.stdout).toMatch(/npx office-addin-debugging start \S*manifest\.xml/);
    expect(r.stdout).toContain("上传我的加载项");
    expect(r.stdout).toMatch(/self-check OK/);
  });

  test("serves a manifest that names the port it is served on, not 3000", async () => {
    fs.writeFileSync(path.join(root, "manifest.xml"), '<OfficeApp><SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/></OfficeApp>');
    const r = await request("/manifest.xml");
    expect(r.status).toBe(200);
    expect(r.body).toContain(`https://localhost:${srv.port}/taskpane.html`);
    expect(r.body).not.toContain("localhost:3000");
  });

  test("--port N: the printed sideload steps name a manifest rewritten for that port", () => {
    const dist = path.join(tmp, "dist-port");
    fs.mkdirSync(dist, { recursive: true });
    fs.writeFileSync(path.join(dist, "taskpane.html"), "<!doctype html>");
    fs.writeFileSync(path.join(dist, "manifest.xml"), '<OfficeApp><SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/></OfficeApp>');
    const r = spawnSync(process.execPath, [SCRIPT, "--once", "--port", "0", "--dist", dist, "--certs", certDir], {
      encoding: "utf8",
      timeout: 20_000,
      cwd: tmp,
    });
    expect(r.status).toBe(0);
    const port = /https:\/\/localhost:(\d+)\//.exec(r.stdout)?.[1];
    expect(port).toBeDefined();
    expect(fs.readFileSync(path.join(dist, "manifest.xml"), "utf8")).toContain(`https://localhost:${port}/taskpane.html`);
    expect(r.stdout).toContain(`npx office-addin-debugging start ${path.join("dist-port", "manifest.xml")}`);
    expect(r.stdout).not.toContain("localhost:3000");
  });

  test("--once fails when the build has no taskpane.html", () => {
    const empty = path.join(tmp, "empty-dist");
    fs.mkdirSync(empty, { recursive: true });
    const r = spawnSync(process.execPath, [SCRIPT, "--port", "0", "--dist", empty, "--certs", certDir], {
      encoding: "utf8",
      timeout: 20_000,
      env: { ...process.env, ZS_SERVE_SMOKE: "1" },
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/self-check failed.*404/);
  });
});
