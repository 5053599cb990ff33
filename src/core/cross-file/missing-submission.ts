import { Bilingual } from "../i18n";
import { Finding, Severity } from "../findings";
import { UnitRegistry } from "../units";
import { unitNamedIn } from "../units/in-text";
import { Submission, Submitted, UncheckedFile } from "./submissions";

/** The units of the preset with no submission, as one finding (see checkSubmissions). */
export function missingFinding(
  submissions: Submission[],
  submitted: Submitted[],
  unchecked: readonly UncheckedFile[],
  presetId: string,
  onlyPresent: boolean,
  registry: UnitRegistry,
): Finding | null {
  const id = presetId !== "auto" ? presetId : mostCommon(submissions.map((s) => s.result.preset));
  let units;
  try {
    units = registry.unitsOf(id);
  } catch {
    return null;
  }
  const present = new Set<string>();
  const checkedNames = new Set<string>();
  for (const e of submitted) {
    const r = e.resolution;
    if (r.status === "ok" || r.status === "invalid") present.add(r.unit.code);
    // A misspelt unit (壁山区) was still submitted: the sheet's own unknown-unit finding says so.
    else if (r.status === "unknown" && r.suggestions.length > 0) present.add(r.suggestions[0].code);
    checkedNames.add(e.name);
  }
  // A Set while collecting: a batch of a thousand one-row files must not search a list per row.
  const checked = [...checkedNames];
  // Named in the list's printing order, as a statistician reads them; names outside the list last.
  const order = new Map(units.map((u, i) => [u.name, i]));
  checked.sort((a, b) => (order.get(a) ?? units.length) - (order.get(b) ?? units.length));
  // A file that could not be read is not a unit that did not report: what its name says is kept apart.
  const notChecked = unchecked.map((u) => ({ ...u, unit: unitNamedIn(u.file.replace(/^.*[\\/]/, ""), units) }));
  const uncheckedCodes = new Set(notChecked.flatMap((u) => (u.unit === null ? [] : [u.unit.code])));
  const missing = units.filter((u) => !present.has(u.code) && !uncheckedCodes.has(u.code)).map((u) => u.name);
  // Everything accounted for: the unreadable files are already listed as 未检查 on their own.
  if (missing.length === 0) return null;

  const preset = registry.preset(id).name;
  const n = submissions.length;
  const list = (names: readonly string[]): Bilingual => ({ zh: names.join("、"), en: names.join(", ") });
  const absent = list(missing);
  const files = notChecked.map((u) => ({
    zh: u.unit === null ? `${u.file}：${u.reason.zh}` : `${u.file}（按文件名为${u.unit.name}）：${u.reason.zh}`,
    en: u.unit === null ? `${u.file}: ${u.reason.en}` : `${u.file} (by its name, ${u.unit.name}): ${u.reason.en}`,
  }));
  const uncheckedText: Bilingual =
    files.length === 0
      ? { zh: "", en: "" }
      : {
          zh: `另有${files.length}份文件未检查，其单位未计为漏报：${files.map((f) => f.zh).join("；")}。`,
          en: ` ${files.length} file(s) were not checked and their units are not counted as missing: ${files.map((f) => f.en).join("; ")}.`,
        };
  const listNote: Bilingual = { zh: `对照名单：${preset.zh}。`, en: ` List: ${preset.en}.` };

  let severity: Severity;
  let message: Bilingual;
  if (onlyPresent) {
    severity = "info";
    message = {
      zh: `按设置只校验本批${n}份报表中的单位；名单中另有${missing.length}个单位没有报表，未作漏报处理：${absent.zh}。${uncheckedText.zh}${listNote.zh}`,
      en: `As set, only the units of the ${n} files were checked; ${missing.length} units of the list have no file and were not treated as missing: ${absent.en}.${uncheckedText.en}${listNote.en}`,
    };
  } else if ((units.length - missing.length) * 2 >= units.length) {
    severity = "verify";
    message = {
      zh: `本批${n}份报表中没有以下${missing.length}个单位的报表：${absent.zh}，请核实是否漏报或迟报。${uncheckedText.zh}${listNote.zh}`,
      en: `None of the ${n} files in this batch is from these ${missing.length} units: ${absent.en}; check whether they are missing or late.${uncheckedText.en}${listNote.en}`,
    };
  } else {
    severity = "info";
    message = {
      zh: `本批只有${n}份报表，来自${checked.length}个单位（${list(checked).zh}），按部分单位校验；名单中其余${missing.length}个单位没有报表，未作漏报处理。${uncheckedText.zh}${listNote.zh}`,
      en: `This batch has only ${n} files, from ${checked.length} units (${list(checked).en}), and was checked as a partial batch; the other ${missing.length} units of the list have no file and were not treated as missing.${uncheckedText.en}${listNote.en}`,
    };
  }
  return {
    rule: "missing-submission",
    severity,
    sheet: "",
    cell: null,
    row: null,
    column: null,
    unit: missing.length === 1 ? missing[0] : null,
    indicator: null,
    value: null,
    message,
  };
}

function mostCommon(ids: string[]): string {
  const counts = new Map<string, number>();
  let best = ids[0];
  for (const id of ids) {
    const n = (counts.get(id) ?? 0) + 1;
    counts.set(id, n);
    if (n > (counts.get(best) ?? 0)) best = id;
  }
  return best;
}
