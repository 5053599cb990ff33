import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { discover, displayPath, isInside, isLockFile, isWorkbookName } from "../../src/cli/discover";
import { expandGlob, globBase, hasGlob, segmentRegExp } from "../../src/cli/glob";
import { tempDir } from "./fixtures";

describe("glob matcher", () => {
  it("recognises glob characters", () => {
    expect(hasGlob("报送/*.xlsx")).toBe(true);
    expect(hasGlob("a?.xlsx")).toBe(true);
    expect(hasGlob("报送/渝中区.xlsx")).toBe(false);
  });

  it("matches * and ? within one segment, everything else literally", () => {
    const star = segmentRegExp("*.xlsx", false);
    expect(star.test("渝中区.xlsx")).toBe(true);
    expect(star.test("渝中区.xlsm")).toBe(false);
    expect(star.test("a/b.xlsx")).toBe(false);
    const q = segmentRegExp("第?批.xlsx", false);
    expect(q.test("第1批.xlsx")).toBe(true);
    expect(q.test("第12批.xlsx")).toBe(false);
    expect(segmentRegExp("a+(b).xlsx", false).test("a+(b).xlsx")).toBe(true);
    expect(segmentRegExp("*.XLSX", true).test("a.xlsx")).toBe(true);
    expect(segmentRegExp("*.XLSX", false).test("a.xlsx")).toBe(false);
  });

  describe("on disk", () => {
    let dir: string;
    let cleanup: () => void;
    beforeAll(() => {
      ({ dir, cleanup } = tempDir());
      for (const f of ["a.xlsx", "b.xlsx", "c.txt", ".hidden.xlsx", "sub/d.xlsx", "sub/deep/e.xlsx", ".git/f.xlsx"]) {
        mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
        writeFileSync(path.join(dir, f), "x");
      }
    });
    afterAll(() => cleanup());

    const rel = (paths: string[]): string[] => paths.map((p) => path.relative(dir, p).split(path.sep).join("/")).sort();

    it("expands * in the given folder only, skipping dot files", async () => {
      expect(rel(await expandGlob("*.xlsx", dir, false))).toEqual(["a.xlsx", "b.xlsx"]);
    });

    it("expands ** to any depth, zero folders included, not into dot folders", async () => {
      expect(rel(await expandGlob("**/*.xlsx", dir, false))).toEqual(["a.xlsx", "b.xlsx", "sub/d.xlsx", "sub/deep/e.xlsx"]);
      expect(rel(await expandGlob("sub/**", dir, false))).toEqual(["sub/d.xlsx", "sub/deep/e.xlsx"]);
    });

    it("expands ? and globs in folder names, absolute patterns too", async () => {
      expect(rel(await expandGlob("?.xlsx", dir, false))).toEqual(["a.xlsx", "b.xlsx"]);
      expect(rel(await expandGlob(path.join(dir, "s*", "*.xlsx"), "/", false))).toEqual(["sub/d.xlsx"]);
    });

    it("starts the walk from the literal prefix", () => {
      expect(globBase("sub/deep/*.xlsx", dir)).toBe(path.join(dir, "sub", "deep"));
      expect(globBase("**/*.xlsx", dir)).toBe(dir);
    });
  });
});

describe("discover", () => {
  let dir: string;
  let cleanup: () => void;
  beforeAll(() => {
    ({ dir, cleanup } = tempDir());
    for (const f of [
      "报送/渝中区.xlsx",
      "报送/江北区.xlsm",
      "报送/旧格式.xls",
      "报送/二进制.xlsb",
      "报送/~$渝中区.xlsx",
      "报送/说明.docx",
      "报送/子文件夹/北碚区.xlsx",
      "报送/已标注/渝中区.xlsx",
      "空/readme.txt",
      "2022#2.xlsx",
      "targets.xlsx",
    ]) {
      mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      writeFileSync(path.join(dir, f), "x");
    }
  });
  afterAll(() => cleanup());

  const shown = (d: { files: { display: string }[] }): string[] => d.files.map((f) => f.display.split(path.sep).join("/"));

  it("searches a folder one level deep for workbooks, skipping lock files and other documents", async () => {
    const d = await discover(["报送"], { cwd: dir, caseInsensitive: false });
    expect(shown(d).sort()).toEqual(["报送/二进制.xlsb", "报送/旧格式.xls", "报送/江北区.xlsm", "报送/渝中区.xlsx"].sort());
    expect(d.problems).toEqual([]);
  });

  it("skips a lock file named on the command line (a shell's *.xlsx expands to it)", async () => {
    const d = await discover(["报送/~$渝中区.xlsx", "报送/渝中区.xlsx"], { cwd: dir });
    expect(shown(d)).toEqual(["报送/渝中区.xlsx"]);
    expect(d.skippedLockFiles).toEqual(["报送/~$渝中区.xlsx"]);
  });

  it("checks a file reached twice only once", async () => {
    symlinkSync(path.join(dir, "报送/渝中区.xlsx"), path.join(dir, "link.xlsx"));
    const d = await discover(["报送/渝中区.xlsx", "报送/*.xlsx", "link.xlsx"], { cwd: dir });
    expect(shown(d)).toEqual(["报送/渝中区.xlsx"]);
  });

  it("takes an existing name literally even when it has glob or # characters", async () => {
    const d = await discover(["2022#2.xlsx"], { cwd: dir });
    expect(shown(d)).toEqual(["2022#2.xlsx"]);
  });

  it("reports a missing path, a glob matching nothing and a folder without workbooks", async () => {
    const d = await discover(["无此文件.xlsx", "报送/*.csv", "空"], { cwd: dir });
    expect(d.files).toEqual([]);
    expect(d.problems.map((p) => p.reason)).toEqual(["not-found", "no-match", "empty-folder"]);
    expect(d.problems[0].message.zh).toContain("无此文件.xlsx");
    expect(d.problems[2].message.zh).toContain("**/*.xlsx");
  });

  it("leaves the targets workbook out of folders and globs", async () => {
    const d = await discover(["*.xlsx"], { cwd: dir, excludeFile: path.join(dir, "targets.xlsx") });
    expect(shown(d)).toContain("2022#2.xlsx");
    expect(shown(d)).not.toContain("targets.xlsx");
    expect(shown(await discover(["*.xlsx"], { cwd: dir }))).toContain("targets.xlsx");
  });

  it("leaves last run's --out copies out of a ** search that contains the --out folder", async () => {
    const out = path.join(dir, "报送/已标注");
    const withOut = await discover(["报送/**/*.xlsx"], { cwd: dir, outDir: out });
    expect(shown(withOut)).toEqual(["报送/渝中区.xlsx", "报送/子文件夹/北碚区.xlsx"]);
    const without = await discover(["报送/**/*.xlsx"], { cwd: dir });
    expect(shown(without)).toContain("报送/已标注/渝中区.xlsx");
  });
});

describe("path helpers", () => {
  it("names workbooks and lock files", () => {
    expect(isWorkbookName("a.XLSX")).toBe(true);
    expect(isWorkbookName("a.xlsm")).toBe(true);
    // Other spreadsheet formats are found so that they can be listed as 未检查 (not read), never silently skipped.
    expect(isWorkbookName("黔江区.et")).toBe(true);
    expect(isWorkbookName("a.csv")).toBe(true);
    expect(isWorkbookName("a.txt")).toBe(false);
    expect(isWorkbookName("说明.docx")).toBe(false);
    expect(isLockFile("/x/~$a.xlsx")).toBe(true);
    expect(isLockFile("/x/a~$.xlsx")).toBe(false);
  });

  it("shows paths relative to cwd when below it", () => {
    expect(displayPath(path.join("/w", "a", "b.xlsx"), "/w")).toBe(path.join("a", "b.xlsx"));
    expect(displayPath("/elsewhere/b.xlsx", "/w")).toBe("/elsewhere/b.xlsx");
  });

  it("tells whether a path is inside a folder", () => {
    expect(isInside("/a/b/c", "/a/b")).toBe(true);
    expect(isInside("/a/b", "/a/b")).toBe(true);
    expect(isInside("/a/bc", "/a/b")).toBe(false);
  });
});
