import { readFile } from "node:fs/promises";
import path from "node:path";
import { AuditRule, parseAuditRules } from "../core/audit";
import { Bilingual } from "../core/i18n";
import { displayPath } from "./discover";

export type LoadedRules = { ok: true; rules: AuditRule[]; file: string } | { ok: false; messages: Bilingual[] };

/** A rules file is a few kilobytes of text; anything this large is the wrong file. */
const MAX_BYTES = 4 * 1024 * 1024;

/**
 * Reads and parses --rules before any workbook is opened: a rules file with a mistake refuses the whole run
 * (exit 2), every syntax error named with its line and column, so that no sheet is checked against half a file.
 */
export async function loadRules(file: string, cwd: string): Promise<LoadedRules> {
  const full = path.resolve(cwd, file);
  const shown = displayPath(full, cwd);
  let bytes: Buffer;
  try {
    bytes = await readFile(full);
  } catch (err) {
    const detail = (err as NodeJS.ErrnoException).code === "ENOENT" ? { zh: "文件不存在", en: "no such file" } : { zh: String(err), en: String(err) };
    return { ok: false, messages: [{ zh: `无法读取审核规则文件 ${shown}：${detail.zh}`, en: `cannot read the rules file ${shown}: ${detail.en}` }] };
  }
  if (bytes.length > MAX_BYTES) {
    return { ok: false, messages: [{ zh: `审核规则文件 ${shown} 过大，不像规则文件`, en: `the rules file ${shown} is too large to be a rules file` }] };
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return {
      ok: false,
      messages: [{ zh: `审核规则文件 ${shown} 不是 UTF-8 文本（请另存为 UTF-8 编码）`, en: `the rules file ${shown} is not UTF-8 text (save it as UTF-8)` }],
    };
  }
  const parsed = parseAuditRules(text, { zh: shown, en: shown });
  if (!parsed.ok) return { ok: false, messages: parsed.errors.map((e) => e.message) };
  return { ok: true, rules: parsed.rules, file: full };
}
