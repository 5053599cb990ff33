import { ADDIN_NAMESPACE, addinFormulaCells } from "../addin-formulas";
import { Finding } from "../findings";
import { Bilingual } from "../i18n";
import { RuleContext } from "./context";
import { Rule } from "./rule";
import { declareRule } from "./declaration";

/** How many cells the message names before "…": enough to find the column, short enough to read. */
const FIRST_CELLS = 3;

/** What an addin-formula finding states. */
export interface Details {
  rule: "addin-formula";
  /** Every cell of the sheet whose formula calls a ZSTJ function, in sheet order. */
  cells: string[];
}

function message(d: Details): Bilingual {
  const shown = d.cells.slice(0, FIRST_CELLS);
  const more = d.cells.length > FIRST_CELLS;
  const n = d.cells.length;
  const list = { zh: `${shown.join("、")}${more ? "等" : ""}`, en: `${shown.join(", ")}${more ? " …" : ""}` };
  return {
    zh: `本表有${n}个单元格使用加载项函数${ADDIN_NAMESPACE}.*（${list.zh}），未安装加载项的电脑（市局、WPS）会显示#NAME?：报送前请在加载项中执行“报送前固化”，将其转为数值。`,
    en: `${n} cell${n === 1 ? "" : "s"} of this sheet use the add-in's ${ADDIN_NAMESPACE}.* functions (${list.en}); without the add-in (the city's Excel, WPS) they show #NAME?. Before sending, run "Freeze before sending" in the add-in to turn them into values.`,
  };
}

export const declaration = declareRule({
  id: "addin-formula",
  name: { zh: "含加载项公式（需报送前固化）", en: "Add-in formulas (freeze before sending)" },
  severities: ["info"],
  settings: [],
  description: {
    zh: "表中有调用加载项函数 `ZSTJ.*` 的公式（文件中保存为 `_xldudf_ZSTJ_…`）：每表一条，给出个数和前几个单元格，提示报送前执行“报送前固化”",
    en: "Formulas calling the add-in's `ZSTJ.*` functions (saved as `_xldudf_ZSTJ_…`): one per sheet with their count and first cells, asking to run 报送前固化 before sending.",
  },
});

/**
 * 提示性, one per sheet: cells whose formula calls a ZSTJ custom function. Wherever the add-in is not loaded (the
 * city's Excel, WPS, a colleague's PC) they show #NAME?, so the sender should run 报送前固化 (the pane turns them into
 * their values) before the file leaves the district. Not a finding per cell: the action is one click for the sheet.
 */
export const addinFormula: Rule = {
  id: declaration.id,
  run(ctx: RuleContext): Finding[] {
    const cells = addinFormulaCells(ctx.model.grid);
    if (cells.length === 0) return [];
    const details: Details = { rule: "addin-formula", cells: [...cells] };
    return [ctx.finding({ rule: "addin-formula", severity: "info", at: null, unit: null, details, message: message(details) }),
    ];
  },
};
