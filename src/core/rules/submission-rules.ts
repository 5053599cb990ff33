import { Bilingual } from "../i18n";
import { declareRule } from "./declaration";

/**
 * Checks across the files of one zs-check run (engine.checkSubmissions): declared here, beside the sheet rules,
 * so that they appear in RuleId, the README's table and the JSON schema like every other rule.
 */

export const duplicateSubmission = declareRule({
  id: "duplicate-submission",
  name: { zh: "重复报送", en: "Duplicate submission" },
  severities: ["error"],
  settings: ["preset", "year"],
  description: {
    zh: "zs-check 一次检查多个单表时：同一单位出现在两份文件中，每份各报一条并指出另一份",
    en: "zs-check over several one-unit files: the same unit submitted in two files, reported in each and naming the other.",
  },
});

export const missingSubmission = declareRule({
  id: "missing-submission",
  name: { zh: "漏报", en: "Missing submission" },
  severities: ["verify", "info"],
  settings: ["preset", "year", "onlyPresentUnits"],
  description: {
    zh: "zs-check 一次检查多个单表时：名单中没有报送的单位合为一条；大多数单位已报送时为核实性，否则为提示性",
    en: "zs-check over several one-unit files: the units of the list with no submission, as one finding; verify when most units submitted, else info.",
  },
});

/** A submission (file and sheet) as a cross-file finding names it. */
export interface SubmissionRef {
  file: string;
  sheet: string;
}

/** How many other files a duplicate-submission message names before it counts the rest. */
const NAMED_DUPLICATES = 3;

/** What a duplicate-submission finding states. */
export interface DuplicateSubmissionDetails {
  rule: "duplicate-submission";
  /** The unit submitted twice, this submission, and every other submission of the same unit. */
  unit: string;
  submission: SubmissionRef;
  others: SubmissionRef[];
}

export function duplicateSubmissionMessage(d: DuplicateSubmissionDetails): Bilingual {
  // Five hundred copies of one form must not make five hundred 35 KB messages: name a few, count the rest
  // (every other file is still listed in `related`).
  const named = d.others.slice(0, NAMED_DUPLICATES);
  const more = d.others.length - named.length;
  const zhOthers = named.map((o) => `文件“${o.file}”工作表“${o.sheet}”`).join("、") + (more > 0 ? `等${d.others.length}份报表` : "");
  const enOthers =
    named.map((o) => `file "${o.file}", sheet ${o.sheet}`).join("; ") + (more > 0 ? ` and ${more} more submission(s)` : "");
  const { file, sheet } = d.submission;
  return {
    zh: `文件“${file}”工作表“${sheet}”与${zhOthers}重复报送${d.unit}的数据，请确认以哪一份为准并撤回另一份。`,
    en: `File "${file}", sheet ${sheet} and ${enOthers} both submit ${d.unit}; keep one and withdraw the other.`,
  };
}

/** What a missing-submission finding states. */
export interface MissingSubmissionDetails {
  rule: "missing-submission";
  /**
   * How the batch was read: most units submitted (the others may be missing or late), a partial batch, or only
   * the units submitted, as set (config.onlyPresentUnits).
   */
  scope: "most-submitted" | "partial" | "only-present";
  /** The units of the list with no submission, in the list's order. */
  missing: string[];
  /** The units that submitted, in the list's order, and how many files the batch has. */
  submitted: string[];
  files: number;
  /** Files that could not be read: their units (by the file's name, when it names one) are not counted as missing. */
  unchecked: { file: string; unit: string | null; reason: Bilingual }[];
  /** The unit list checked against: its preset id and name. */
  preset: string;
  presetName: Bilingual;
}

export function missingSubmissionMessage(d: MissingSubmissionDetails): Bilingual {
  const n = d.files;
  const { missing, submitted } = d;
  const list = (names: readonly string[]): Bilingual => ({ zh: names.join("、"), en: names.join(", ") });
  const absent = list(missing);
  const files = d.unchecked.map((u) => ({
    zh: u.unit === null ? `${u.file}：${u.reason.zh}` : `${u.file}（按文件名为${u.unit}）：${u.reason.zh}`,
    en: u.unit === null ? `${u.file}: ${u.reason.en}` : `${u.file} (by its name, ${u.unit}): ${u.reason.en}`,
  }));
  const uncheckedText: Bilingual =
    files.length === 0
      ? { zh: "", en: "" }
      : {
          zh: `另有${files.length}份文件未检查，其单位未计为漏报：${files.map((f) => f.zh).join("；")}。`,
          en: ` ${files.length} file(s) were not checked and their units are not counted as missing: ${files.map((f) => f.en).join("; ")}.`,
        };
  const listNote: Bilingual = { zh: `对照名单：${d.presetName.zh}。`, en: ` List: ${d.presetName.en}.` };
  if (d.scope === "only-present") {
    return {
      zh: `按设置只校验本批${n}份报表中的单位；名单中另有${missing.length}个单位没有报表，未作漏报处理：${absent.zh}。${uncheckedText.zh}${listNote.zh}`,
      en: `As set, only the units of the ${n} files were checked; ${missing.length} units of the list have no file and were not treated as missing: ${absent.en}.${uncheckedText.en}${listNote.en}`,
    };
  }
  if (d.scope === "most-submitted") {
    return {
      zh: `本批${n}份报表中没有以下${missing.length}个单位的报表：${absent.zh}，请核实是否漏报或迟报。${uncheckedText.zh}${listNote.zh}`,
      en: `None of the ${n} files in this batch is from these ${missing.length} units: ${absent.en}; check whether they are missing or late.${uncheckedText.en}${listNote.en}`,
    };
  }
  return {
    zh: `本批只有${n}份报表，来自${submitted.length}个单位（${list(submitted).zh}），按部分单位校验；名单中其余${missing.length}个单位没有报表，未作漏报处理。${uncheckedText.zh}${listNote.zh}`,
    en: `This batch has only ${n} files, from ${submitted.length} units (${list(submitted).en}), and was checked as a partial batch; the other ${missing.length} units of the list have no file and were not treated as missing.${uncheckedText.en}${listNote.en}`,
  };
}
