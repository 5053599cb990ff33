import { IndicatorId } from "../../catalog";
import { Expected, Finding, FindingDetails, RuleId, Severity } from "../../findings";
import { Bilingual } from "../../i18n";
import { AmountUnit } from "../../numbers";
import { CellPos, FieldRef, Measure, SheetModel } from "../../sheet/types";
import * as address from "../helpers/address";
import { DEF } from "../helpers/defs";
import * as format from "../helpers/format";
import * as precision from "../helpers/precision";
import { CellCache } from "./cells";
import { ColumnUnits } from "./column-units";
import { RecordInfo } from "./records";

const { columnLetters } = address;
const { amountText, fieldName, findingValue, fixed } = format;
const { decimalsOf, formatInfo } = precision;

export interface FindingInput {
  rule: RuleId;
  severity: Severity;
  /** The cell the finding is about; null for the sheet as a whole (a missing unit). */
  at: CellPos | null;
  record?: RecordInfo | null;
  /** Overrides the unit name taken from `record`. */
  unit?: string | null;
  indicator?: IndicatorId | null;
  /** Overrides the cell's value as written. */
  value?: string | number | boolean | null;
  expected?: Expected;
  /** The rule's facts as data (numbers with their units, names, cells): what the message is rendered from. */
  details: FindingDetails;
  message: Bilingual;
  related?: readonly CellPos[];
}

/** How rules say where a finding is and build it. */
export interface FindingBuilderView {
  /** A1 address, respecting grid.origin. */
  cell(pos: CellPos): string;
  /** "工作表“汇总”C7（渝北区，正式合同额本期）" — where a finding is, for the start of its message. */
  subject(
    pos: CellPos | null,
    info?: RecordInfo | null,
    field?: { indicator: IndicatorId; measure: Measure } | null,
  ): Bilingual;
  /** A value in the indicator's default unit shown in the column's unit: "389760.00万元", "38.98亿元", "29个". */
  display(field: FieldRef, value: number): Bilingual;
  finding(input: FindingInput): Finding;
}

export class FindingBuilder implements FindingBuilderView {
  private readonly sheet: string;
  /** "工作表“汇总”" and "汇总!", the start of every message. */
  private readonly sheetZh: string;
  private readonly sheetEn: string;
  private readonly formats: (string | null | undefined)[][] | undefined;
  private readonly originRow: number;
  private readonly originCol: number;
  private lastRow = -1;
  private lastCol = -1;
  private lastCell = "";

  constructor(
    model: SheetModel,
    private readonly hiddenRows: ReadonlySet<number>,
    private readonly cells: CellCache,
    private readonly units: ColumnUnits,
  ) {
    this.sheet = model.sheet;
    this.sheetZh = `工作表“${this.sheet}”`;
    this.sheetEn = `${this.sheet}!`;
    this.formats = model.grid.numberFormats;
    this.originRow = model.grid.origin?.row ?? 0;
    this.originCol = model.grid.origin?.col ?? 0;
  }

  cell(pos: CellPos): string {
    // A finding asks twice for its own cell (message and Finding.cell): the last address is kept.
    if (pos.row === this.lastRow && pos.col === this.lastCol) return this.lastCell;
    this.lastRow = pos.row;
    this.lastCol = pos.col;
    this.lastCell = `${columnLetters(this.originCol + pos.col)}${this.originRow + pos.row + 1}`;
    return this.lastCell;
  }

  subject(
    pos: CellPos | null,
    info?: RecordInfo | null,
    field?: { indicator: IndicatorId; measure: Measure } | null,
  ): Bilingual {
    // Built by plain concatenation: this runs once per finding, and 100,000-row sheets can have that many.
    const cell = pos === null ? "" : this.cell(pos);
    let zh = pos === null ? this.sheetZh : this.sheetZh + cell;
    let en = pos === null ? `Sheet ${this.sheet}` : this.sheetEn + cell;
    let zhParts = "";
    let enParts = "";
    if (info) {
      zhParts = info.name;
      enParts = info.name;
    }
    if (field) {
      const name = fieldName(field.indicator, field.measure);
      zhParts = zhParts === "" ? name.zh : `${zhParts}，${name.zh}`;
      enParts = enParts === "" ? name.en : `${enParts}, ${name.en}`;
    }
    if (pos !== null && this.hiddenRows.size > 0 && this.hiddenRows.has(pos.row)) {
      zhParts = zhParts === "" ? "隐藏行" : `${zhParts}，隐藏行`;
      enParts = enParts === "" ? "hidden row" : `${enParts}, hidden row`;
    }
    if (zhParts !== "") {
      zh = `${zh}（${zhParts}）`;
      en = `${en} (${enParts})`;
    }
    return { zh, en };
  }

  display(field: FieldRef, value: number): Bilingual {
    const def = DEF[field.indicator];
    if (def.kind === "count") return amountText(value, "个", decimalsOf(value) === 0 ? 0 : 2);
    if (def.kind === "rate") return { zh: `${fixed(value * 100, 2)}%`, en: `${fixed(value * 100, 2)}%` };
    return amountText(this.units.inColumnUnit(field, value), this.units.amountUnit(field) as AmountUnit, 2);
  }

  finding(input: FindingInput): Finding {
    const at = input.at;
    const f: Finding = {
      rule: input.rule,
      severity: input.severity,
      sheet: this.sheet,
      cell: at === null ? null : this.cell(at),
      row: at === null ? null : this.originRow + at.row + 1,
      column: at === null ? null : columnLetters(this.originCol + at.col),
      unit: input.unit !== undefined ? input.unit : (input.record?.name ?? null),
      indicator: input.indicator ?? null,
      value: input.value !== undefined ? input.value : at === null ? null : findingValue(this.cells.raw(at)),
      message: input.message,
      details: input.details,
    };
    if (input.expected !== undefined) f.expected = input.expected;
    // Only for the cell's own value: the report prints it (and 应为) with the sheet's format.
    const format = at === null || input.value !== undefined ? null : this.formats?.[at.row]?.[at.col];
    if (typeof format === "string" && formatInfo(format) !== null) f.valueFormat = format;
    if (input.related !== undefined && input.related.length > 0) f.related = input.related.map((p) => this.cell(p));
    return f;
  }
}
