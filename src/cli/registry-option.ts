import { promises as fs } from "node:fs";
import path from "node:path";
import { Bilingual } from "../core/i18n";
import { loadRegistry as checkedRegistry, RegistryData, UnitRegistry } from "../core/units";

export type LoadedRegistry = { ok: true; registry: UnitRegistry } | { ok: false; message: Bilingual };

/**
 * --registry FILE.json: another city's (or a test's) list of reporting units, in the same JSON format as the
 * bundled src/core/units/data/chongqing.json. loadRegistry checks it and names every problem at once.
 */
export async function loadRegistry(file: string, cwd: string): Promise<LoadedRegistry> {
  const full = path.resolve(cwd, file);
  let text: string;
  try {
    text = await fs.readFile(full, "utf8");
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return { ok: false, message: { zh: `无法读取单位名录 ${file}：${detail}`, en: `cannot read the unit registry ${file}: ${detail}` } };
  }
  try {
    // Parsed here for the registry alone: handed over, frozen in place rather than copied.
    return { ok: true, registry: checkedRegistry(JSON.parse(text) as RegistryData, { handOver: true }) };
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return { ok: false, message: { zh: `单位名录 ${file} 有误：${detail}`, en: `the unit registry ${file} is not valid: ${detail}` } };
  }
}
