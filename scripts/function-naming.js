// Microsoft's naming rules for custom functions ("Custom functions naming and localization",
// https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-naming): a function's id and name both
// start with a letter and have at least three characters; an id uses only A–Z, 0–9, underscore and period; a name
// uses Unicode letters, underscore and period; neither may look like a cell reference (A1 … XFD1048576, R1C1 …).
// The build runs these checks on the English and the Chinese metadata, so a name Excel would refuse never ships.

const MAX_ROW = 1048576;
const MAX_COLUMN = 16384; // XFD

function columnNumber(letters) {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** "A1" … "XFD1048576" or "R1C1" … "R1048576C16384", in any letter case. */
function isCellReference(name) {
  const a1 = /^([A-Za-z]{1,3})(\d+)$/.exec(name);
  if (a1) {
    const row = Number(a1[2]);
    return row >= 1 && row <= MAX_ROW && columnNumber(a1[1]) <= MAX_COLUMN;
  }
  const r1c1 = /^[Rr](\d+)[Cc](\d+)$/.exec(name);
  return r1c1 !== null && Number(r1c1[1]) >= 1 && Number(r1c1[1]) <= MAX_ROW && Number(r1c1[2]) >= 1 && Number(r1c1[2]) <= MAX_COLUMN;
}

function commonProblems(kind, value) {
  const problems = [];
  if ([...value].length < 3) problems.push(`${kind} "${value}" 少于3个字符 / has fewer than 3 characters`);
  if (!/^\p{L}/u.test(value)) problems.push(`${kind} "${value}" 不以字母开头 / does not start with a letter`);
  if (isCellReference(value)) problems.push(`${kind} "${value}" 与单元格引用相同 / looks like a cell reference`);
  return problems;
}

function idProblems(id) {
  const problems = commonProblems("id", id);
  if (!/^[A-Z0-9_.]+$/.test(id)) problems.push(`id "${id}" 只能用 A–Z、0–9、_ 和 . / may use only A–Z, 0–9, _ and .`);
  return problems;
}

function nameProblems(name) {
  const problems = commonProblems("name", name);
  if (!/^[\p{L}_.]+$/u.test(name)) problems.push(`name "${name}" 只能用字母、_ 和 . / may use only letters, _ and .`);
  return problems;
}

/** Every rule broken by the functions of one metadata file (functions.json or a localized copy). */
function metadataNamingProblems(metadata) {
  return metadata.functions.flatMap((fn) => [...idProblems(fn.id), ...nameProblems(fn.name)]);
}

/**
 * The manifest's <Namespace> "should follow the naming guidelines" (same page, "Namespace configuration") and "can
 * be no more than 32 characters" (Namespace element reference). Reported as a warning: the manifest decides it.
 */
function namespaceProblems(namespace) {
  const problems = idProblems(namespace).map((p) => p.replace(/^id/, "namespace"));
  if (namespace.length > 32) problems.push(`namespace "${namespace}" 超过32个字符 / is longer than 32 characters`);
  return problems;
}

module.exports = { isCellReference, idProblems, nameProblems, metadataNamingProblems, namespaceProblems };
