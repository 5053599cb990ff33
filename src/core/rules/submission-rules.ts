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
