import { Finding } from "../findings";
import { columnLetters } from "../rules/helpers/address";
import { SheetModel } from "../sheet/types";
import { DuplicateSubmissionDetails, duplicateSubmissionMessage } from "../rules/submission-rules";
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

/** 强制性: the same unit submitted in two files; each finding names the other files. */
export function duplicateFinding(e: Submitted, others: Submitted[]): Finding {
  const where = e.record.labelCell ? address(e.submission.model, e.record.labelCell) : null;
  const ref = (x: Submitted) => ({ file: x.submission.file, sheet: x.submission.sheet });
  const details: DuplicateSubmissionDetails = {
    rule: "duplicate-submission",
    unit: e.name,
    submission: ref(e),
    others: others.map(ref),
  };
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
    details,
    message: duplicateSubmissionMessage(details),
  };
}
