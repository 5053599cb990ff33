import { normalizeFullWidth } from "../numbers";
import { Resolution } from "../units";
import { firstLabel, isBlankRow, Merges, textOf } from "./cells";
import { UnitResolver } from "./resolver";
import { RowInfo, RowKind, SheetGrid } from "./types";
import { isPartText, withoutPartPrefix } from "./vocabulary";

/**
 * Footer lines: who filled, checked and signed the sheet, and when. Long words may be followed by anything
 * ("填表人张三"); short ones only by a colon, so that no unit name is ever taken for a footer.
 */
const FOOTER = /^(?:(?:单位|统计)?负责人|填表人|填报人|制表人|审核人|复核人|联系人|联系电话|分管领导|填表日期|填报日期|报送日期|制表日期|(?:制表|审核|电话|手机|日期|签字|盖章)\s*[:：])/;
/** Notes under a table: 注：…, 说明：…, 注1：…, 数据来源：… */
const NOTE = /^(?:注|附注|说明|备注|数据来源|资料来源)\s*(?:\d+|[一二三四五六七八九十]+)?\s*[:：、.．]/;
export function isFooterText(text: string): boolean {
  return FOOTER.test(text);
}

export function isNoteText(text: string): boolean {
  return NOTE.test(text);
}

export interface BodyContext {
  grid: SheetGrid;
  merges: Merges;
  nameColumn: number | null;
  resolver: UnitResolver;
  hidden: ReadonlySet<number>;
}

/** The text that starts a row, wherever it sits: footers are often typed in column A, left of the name column. */
export function leadText(grid: SheetGrid, row: number): string {
  const cells = grid.values[row] ?? [];
  for (const value of cells) {
    const text = textOf(value);
    if (text !== "") return text;
  }
  return "";
}

function kindOfResolution(resolution: Resolution): RowKind {
  if (resolution.status !== "aggregate") return "unit";
  return resolution.kind === "total" ? "total" : "group";
}

type LabelKind = "footer" | "note" | "part" | "resolved";

/** What a label says on its own; the same few dozen labels repeat down a long sheet, so this is cached. */
function labelKind(label: string): LabelKind {
  if (FOOTER.test(label)) return "footer";
  if (NOTE.test(label)) return "note";
  if (label.startsWith("其中")) return "part";
  return "resolved";
}

/**
 * Classifies every row from `firstRow` down. A footer line ends the table: everything after it is footer (or
 * note, or blank), so signatures and dates are never read as units; likewise after a note. An unknown label between
 * units is still a unit row, so that the rules report it instead of skipping it.
 */
export function classifyBody(context: BodyContext, firstRow: number): RowInfo[] {
  const { grid, merges, nameColumn, resolver, hidden } = context;
  const rows: RowInfo[] = [];
  const kinds = new Map<string, LabelKind>();
  const kindOf = (text: string): LabelKind => {
    let kind = kinds.get(text);
    if (kind === undefined) kinds.set(text, (kind = labelKind(text)));
    return kind;
  };
  let trailer: "footer" | "note" | null = null;
  let lastRecordRow: number | undefined;

  for (let row = firstRow; row < grid.values.length; row++) {
    let label = nameColumn === null ? "" : textOf(merges.valueAt(grid, row, nameColumn));
    if (label === "") {
      // A label typed in another column (合计 in the 序号 column) still names the row.
      label = firstLabel(grid, row)?.text ?? "";
      if (label === "" && isBlankRow(grid, row)) {
        rows.push({ row, kind: "blank", label, hidden: hidden.has(row) });
        continue;
      }
    }
    const info: RowInfo = { row, kind: "unit", label, hidden: hidden.has(row) };
    // Footers are often typed in column A, left of the name column: the row's first text counts too.
    const lead = leadText(grid, row);
    const ownKind = kindOf(label);
    const leadKind = lead === label ? ownKind : kindOf(lead);

    if (ownKind === "footer" || leadKind === "footer") {
      trailer = "footer";
      info.kind = "footer";
    } else if (ownKind === "note" || leadKind === "note") {
      trailer ??= "note";
      info.kind = "note";
    } else if (trailer !== null) {
      info.kind = trailer;
    } else if (ownKind === "part") {
      classifyPart(info, resolver, lastRecordRow);
    } else {
      const resolution = resolver.resolve(label);
      info.resolution = resolution;
      info.kind = resolver.isSubtotal(label) ? "group" : kindOfResolution(resolution);
    }
    if (info.kind === "unit" || info.kind === "total" || info.kind === "group") lastRecordRow = row;
    rows.push(info);
  }
  return rows;
}

/**
 * A 其中 row is a part of the record above it ("其中：两江新区直管区" under 渝北区). "其中：主城都市区" under 全市 is a
 * group subtotal written as a part, and is kept as a group so that it gets a record.
 */
function classifyPart(info: RowInfo, resolver: UnitResolver, partOf: number | undefined): void {
  const normalised = normalizeFullWidth(info.label).replace(/\s+/g, "");
  const rest = isPartText(normalised) ? withoutPartPrefix(normalised) : normalised.slice(2);
  const resolution = rest === "" ? undefined : resolver.resolve(rest);
  if (resolution?.status === "aggregate" && resolution.kind === "group") {
    info.kind = "group";
    info.resolution = resolution;
    return;
  }
  info.kind = "part";
  if (resolution !== undefined && (resolution.status === "ok" || resolution.status === "invalid")) info.resolution = resolution;
  if (partOf !== undefined) info.partOf = partOf;
}
