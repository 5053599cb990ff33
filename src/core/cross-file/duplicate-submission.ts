import { Finding } from "../findings";
import { columnLetters } from "../rules/helpers/address";
import { SheetModel } from "../sheet/types";
import { Submitted } from "./submissions";

function address(model: SheetModel, pos: { row: number; col: number }): { cell: string; row: number; column: string } {
  const origin = model.grid.origin ?? { row: 0, col: 0 };
  const column = columnLetters(origin.col + pos.col);
  const row = origin.row + pos.row + 1;
  return { cell: `${column}${row}`, row, column };
}

function externalRef(e: Submitted): string {
  const cell = e.record.labelCell ? address(e.submission.model, e.record.labelCell).cell : "";
  return `'[${e.submission.file}]${e.submission.sheet}'${cell ? `!${cell}` : ""}`;
}

/** How many other files a duplicate-submission message names before it counts the rest. */
const NAMED_DUPLICATES = 3;

/** 强制性: the same unit submitted in two files; each finding names the other files. */
export function duplicateFinding(e: Submitted, others: Submitted[]): Finding {
  const where = e.record.labelCell ? address(e.submission.model, e.record.labelCell) : null;
  // Five hundred copies of one form must not make five hundred 35 KB messages: name a few, count the rest
  // (every other file is still listed in `related`).
  const named = others.slice(0, NAMED_DUPLICATES);
  const more = others.length - named.length;
  const zhOthers =
    named.map((o) => `文件“${o.submission.file}”工作表“${o.submission.sheet}”`).join("、") + (more > 0 ? `等${others.length}份报表` : "");
  const enOthers =
    named.map((o) => `file "${o.submission.file}", sheet ${o.submission.sheet}`).join("; ") +
    (more > 0 ? ` and ${more} more submission(s)` : "");
  return {
    rule: "duplicate-submission",
    severity: "error",
    sheet: e.submission.sheet,
    cell: where?.cell ?? null,
    row: where?.row ?? null,
    column: where?.column ?? null,
    unit: e.name,
    indicator: null,
    value: e.record.label,
    file: e.submission.file,
    related: others.map(externalRef),
    message: {
      zh: `文件“${e.submission.file}”工作表“${e.submission.sheet}”与${zhOthers}重复报送${e.name}的数据，请确认以哪一份为准并撤回另一份。`,
      en: `File "${e.submission.file}", sheet ${e.submission.sheet} and ${enOthers} both submit ${e.name}; keep one and withdraw the other.`,
    },
  };
}
