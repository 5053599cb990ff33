import { Dirent, promises as fs } from "node:fs";
import path from "node:path";

/**
 * A small glob matcher: `*` (any characters but "/"), `?` (one character but "/"), `**` (any number of folders,
 * none included). Enough for "报送/*.xlsx" and "2022/**\/*.xlsx" typed in quotes or in a Windows shell, which
 * expands nothing itself. No dependency and no fs.glob (not stable on Node 20).
 *
 * Shell conventions kept on purpose: a wildcard does not match a name starting with "." (.git, .cache), and `**`
 * does not follow symbolic links to folders (a link back up the tree would never end).
 */

export function hasGlob(text: string): boolean {
  return /[*?]/.test(text);
}

/** Windows and macOS file systems ignore case, so a pattern should too ("*.XLSX" files exist there). */
export function defaultCaseInsensitive(platform: NodeJS.Platform = process.platform): boolean {
  return platform === "win32" || platform === "darwin";
}

/** One path segment's pattern as an anchored regular expression. */
export function segmentRegExp(segment: string, caseInsensitive: boolean): RegExp {
  let source = "";
  for (const ch of segment) {
    if (ch === "*") source += "[^/]*";
    else if (ch === "?") source += "[^/]";
    else source += ch.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${source}$`, caseInsensitive ? "iu" : "u");
}

function matchesSegment(name: string, segment: string, caseInsensitive: boolean): boolean {
  if (name.startsWith(".") && !segment.startsWith(".")) return false;
  return segmentRegExp(segment, caseInsensitive).test(name);
}

async function readDir(dir: string): Promise<Dirent[]> {
  try {
    return await fs.readdir(dir, { withFileTypes: true });
  } catch {
    // An unreadable folder (permissions) simply contributes nothing, as in a shell.
    return [];
  }
}

async function isFile(p: string, entry?: Dirent): Promise<boolean> {
  if (entry && entry.isFile()) return true;
  if (entry && !entry.isSymbolicLink()) return false;
  try {
    return (await fs.stat(p)).isFile();
  } catch {
    return false;
  }
}

async function isDirectory(p: string): Promise<boolean> {
  try {
    return (await fs.stat(p)).isDirectory();
  } catch {
    return false;
  }
}

async function walk(dir: string, segments: readonly string[], ci: boolean, out: Set<string>): Promise<void> {
  if (segments.length === 0) return;
  const [segment, ...rest] = segments;

  if (segment === "**") {
    // Zero folders: the rest applies here; then one more folder and "**" again.
    await walk(dir, rest, ci, out);
    for (const entry of await readDir(dir)) {
      if (entry.isDirectory() && !entry.name.startsWith(".")) await walk(path.join(dir, entry.name), segments, ci, out);
    }
    return;
  }

  if (!hasGlob(segment)) {
    const p = path.join(dir, segment);
    if (rest.length === 0) {
      if (await isFile(p)) out.add(p);
    } else if (await isDirectory(p)) {
      await walk(p, rest, ci, out);
    }
    return;
  }

  for (const entry of await readDir(dir)) {
    if (!matchesSegment(entry.name, segment, ci)) continue;
    const p = path.join(dir, entry.name);
    if (rest.length === 0) {
      if (await isFile(p, entry)) out.add(p);
    } else if (entry.isDirectory()) {
      await walk(p, rest, ci, out);
    }
  }
}

interface ParsedPattern {
  /** The folder the walk starts from: the pattern's longest literal prefix ("报送/2022" of "报送/2022/*.xlsx"). */
  base: string;
  segments: string[];
}

function parsePattern(pattern: string, cwd: string): ParsedPattern {
  // Backslashes are separators only on Windows; elsewhere they are (rare) characters of a name.
  const normalised = path.sep === "\\" ? pattern.replace(/\\/g, "/") : pattern;
  const absolute = path.isAbsolute(normalised);
  const root = absolute ? path.parse(normalised).root : cwd;
  const body = absolute ? normalised.slice(root.length) : normalised;
  const segments = body.split("/").filter((s) => s !== "" && s !== ".");
  if (segments[segments.length - 1] === "**") segments.push("*");
  let base = root;
  let i = 0;
  while (i < segments.length - 1 && !hasGlob(segments[i])) base = path.join(base, segments[i++]);
  return { base: path.resolve(base), segments: segments.slice(i) };
}

/** The absolute folder a pattern's search starts from. */
export function globBase(pattern: string, cwd: string): string {
  return parsePattern(pattern, cwd).base;
}

/**
 * The files a pattern matches, as absolute paths, unsorted. Relative patterns are taken from `cwd`. A trailing
 * `**` means every file below ("2022/**" = "2022/**\/*"). The walk starts from the literal prefix, so
 * "报送/2022/*.xlsx" lists one folder, not the whole disk.
 */
export async function expandGlob(pattern: string, cwd: string, caseInsensitive = defaultCaseInsensitive()): Promise<string[]> {
  const { base, segments } = parsePattern(pattern, cwd);
  const out = new Set<string>();
  await walk(base, segments, caseInsensitive, out);
  return [...out];
}
