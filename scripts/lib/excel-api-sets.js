"use strict";
/**
 * Which Excel JavaScript API requirement set each class (and interface: RunOptions) member belongs to, read from the `[Api set: ExcelApi x.y]`
 * tags of @types/office-js (the typings Microsoft generates from the same source as the API reference). Used by the
 * client-profile Office mock (tests/support) so that a member an Excel does not have fails as it fails there, and
 * checked against src/excel/requirements.ts so that the runtime feature checks name the right sets.
 *
 * Result: { Range: { getRangeByIndexes: "1.7", … }, Worksheet: { notes: "1.18", … }, … }. A member tagged only with
 * ExcelApiOnline / ExcelApiDesktop gets "online" / "desktop"; a member with no tag (load, toJSON, track, …: the
 * OfficeExtension plumbing every version has) is left out and treated as always present. Overloads keep the lowest
 * set. Parsing the 9 MB file takes ~0.2 s; the result is cached per process.
 */
const fs = require("node:fs");
const path = require("node:path");

const TYPES_FILE = path.resolve(__dirname, "..", "..", "node_modules", "@types", "office-js", "index.d.ts");

/** "1.10" > "1.9": compares numerically, part by part. */
function compareVersions(a, b) {
  const x = String(a).split(".").map(Number);
  const y = String(b).split(".").map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

const SPECIAL = { ExcelApiOnline: "online", ExcelApiDesktop: "desktop" };

function lower(a, b) {
  if (a === undefined) return b;
  if (b === undefined) return a;
  const numeric = (v) => /^\d/.test(v);
  if (numeric(a) && numeric(b)) return compareVersions(a, b) <= 0 ? a : b;
  return numeric(a) ? a : b;
}

function parseExcelApiSets(source) {
  const lines = source.split("\n");
  const start = lines.findIndex((l) => l.startsWith("declare namespace Excel {"));
  const out = {};
  let cls = null;
  let pending = undefined;
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i];
    if (line === "}") break;
    const head = /^ {4}(?:class|interface) (\w+)\b/.exec(line);
    if (head) {
      cls = head[1];
      out[cls] = out[cls] ?? {};
      pending = undefined;
      continue;
    }
    if (/^ {4}\S/.test(line)) {
      // another top-level declaration (interface, enum, function): members of classes only
      if (!/^ {4}\/?\*/.test(line)) cls = null;
      continue;
    }
    if (cls === null) continue;
    const tag = /\[Api set: (ExcelApi(?:Online|Desktop)?) ([\d.]+)/.exec(line);
    if (tag) {
      const v = SPECIAL[tag[1]] ?? tag[2];
      pending = lower(pending, v);
      continue;
    }
    const member = /^ {8}(?:readonly |static )?([A-Za-z_$][\w$]*)\??[(:<]/.exec(line);
    if (member) {
      if (pending !== undefined) out[cls][member[1]] = lower(out[cls][member[1]], pending);
      pending = undefined;
    }
  }
  return out;
}

let cached = null;

function excelApiSets(file = TYPES_FILE) {
  if (file === TYPES_FILE && cached) return cached;
  const sets = parseExcelApiSets(fs.readFileSync(file, "utf8"));
  if (file === TYPES_FILE) cached = sets;
  return sets;
}

module.exports = { excelApiSets, parseExcelApiSets, compareVersions, TYPES_FILE };
