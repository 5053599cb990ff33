import { columnLetters } from "../../core/sheet/a1";
import { DeflateRaw, zipOf } from "../zip-write";

/**
 * A small SpreadsheetML (ECMA-376 Part 1) writer for NEW workbooks: text as shared strings, numbers, native
 * formulas with their cached results, merged cells, internal hyperlinks, column widths, frozen panes and clustered
 * bar charts. exceljs cannot write charts, and a merged city table needs them; what is written here is only what
 * the 汇总 workbook uses.
 */

export type NumberStyle = "general" | "count" | "amount" | "percent" | "pp";
export type CellRole = "body" | "header" | "title" | "unit-line" | "note";

export interface CellStyle {
  format?: NumberStyle;
  bold?: boolean;
  role?: CellRole;
}

export type Cell =
  | { kind: "text"; text: string; style?: CellStyle }
  | { kind: "number"; value: number; style?: CellStyle }
  /** `formula` without "=", English function names; `cached` is the value Excel would compute ("" = empty text). */
  | { kind: "formula"; formula: string; cached: number | string; style?: CellStyle }
  /** An empty cell that still carries borders and a format. */
  | { kind: "empty"; style?: CellStyle };

export interface BarChart {
  title: string;
  seriesName: string;
  /** Absolute references with the sheet name: 'Sheet'!$B$4:$B$20. */
  categories: string;
  values: string;
  categoryCache: readonly string[];
  valueCache: readonly (number | null)[];
  valueFormat: string;
  /** 0-based cells of the chart's top-left and bottom-right corners. */
  from: { row: number; col: number };
  to: { row: number; col: number };
}

export interface SheetSpec {
  name: string;
  /** rows[r][c], 0-based; holes are cells not written. */
  rows: (Cell | undefined)[][];
  /** A1 ranges: "A1:H1". */
  merges: string[];
  /** Column widths in characters, by 0-based column. */
  widths?: (number | undefined)[];
  /** Internal links: the cell and the place it opens ("'来源'!A12"). */
  links?: { ref: string; location: string }[];
  charts?: BarChart[];
  /** Rows and columns kept in view (frozen above and left of this 0-based cell). */
  freeze?: { row: number; col: number };
}

const NUM_FMT: Record<NumberStyle, number> = { general: 0, count: 1, amount: 2, percent: 164, pp: 165 };
// 亿元 with two decimals (built-in 2), rates 0.0%, changes of rates in 个百分点 (domain.md).
const CUSTOM_FORMATS = [
  { id: 164, code: "0.0%" },
  { id: 165, code: '0.00"个百分点"' },
];

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    // Control characters other than tab and newlines are not allowed in XML 1.0.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "");
}

class Styles {
  private readonly keys: string[] = ["general|0|none"];

  id(style: CellStyle | undefined): number {
    if (style === undefined) return 0;
    const key = `${style.format ?? "general"}|${style.bold ? 1 : 0}|${style.role ?? "body"}`;
    let i = this.keys.indexOf(key);
    if (i < 0) {
      this.keys.push(key);
      i = this.keys.length - 1;
    }
    return i;
  }

  xml(): string {
    const xfs = this.keys.map((key) => {
      const [format, bold, role] = key.split("|") as [NumberStyle, string, CellRole | "none"];
      const font = role === "title" ? 2 : bold === "1" || role === "header" ? 1 : 0;
      const border = role === "body" || role === "header" ? 1 : 0;
      const align =
        role === "title" || role === "header"
          ? '<alignment horizontal="center" vertical="center" wrapText="1"/>'
          : role === "unit-line"
            ? '<alignment horizontal="right"/>'
            : "";
      const attrs = `numFmtId="${NUM_FMT[format]}" fontId="${font}" fillId="0" borderId="${border}" xfId="0"` +
        `${NUM_FMT[format] ? ' applyNumberFormat="1"' : ""}${font ? ' applyFont="1"' : ""}${border ? ' applyBorder="1"' : ""}`;
      return align ? `<xf ${attrs} applyAlignment="1">${align}</xf>` : `<xf ${attrs}/>`;
    });
    const numFmts = CUSTOM_FORMATS.map((f) => `<numFmt numFmtId="${f.id}" formatCode="${escapeXml(f.code)}"/>`).join("");
    const thin = '<left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/>';
    return (
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
      `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
      `<numFmts count="${CUSTOM_FORMATS.length}">${numFmts}</numFmts>` +
      `<fonts count="3"><font><sz val="11"/><name val="宋体"/><charset val="134"/></font>` +
      `<font><b/><sz val="11"/><name val="宋体"/><charset val="134"/></font>` +
      `<font><b/><sz val="16"/><name val="宋体"/><charset val="134"/></font></fonts>` +
      `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
      `<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border>${thin}</border></borders>` +
      `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
      `<cellXfs count="${xfs.length}">${xfs.join("")}</cellXfs>` +
      `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
      `</styleSheet>`
    );
  }
}

class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly list: string[] = [];
  private uses = 0;

  id(text: string): number {
    this.uses++;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(text);
      this.index.set(text, i);
    }
    return i;
  }

  xml(): string {
    // xml:space="preserve" keeps leading and trailing spaces of a label as written.
    const items = this.list.map((s) => `<si><t xml:space="preserve">${escapeXml(s)}</t></si>`).join("");
    return (
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
      `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.uses}" uniqueCount="${this.list.length}">${items}</sst>`
    );
  }
}

/** Shortest text that reads back as the same double. */
function numberText(n: number): string {
  return Number.isFinite(n) ? String(n) : "0";
}

function cellXml(ref: string, cell: Cell, styles: Styles, strings: SharedStrings): string {
  const s = styles.id(cell.style);
  const sAttr = s ? ` s="${s}"` : "";
  switch (cell.kind) {
    case "text":
      return `<c r="${ref}"${sAttr} t="s"><v>${strings.id(cell.text)}</v></c>`;
    case "number":
      return `<c r="${ref}"${sAttr}><v>${numberText(cell.value)}</v></c>`;
    case "formula":
      // A text result is t="str" with the text as its cached value (ECMA-376 §18.3.1.4, ST_CellType "str").
      return typeof cell.cached === "string"
        ? `<c r="${ref}"${sAttr} t="str"><f>${escapeXml(cell.formula)}</f><v>${escapeXml(cell.cached)}</v></c>`
        : `<c r="${ref}"${sAttr}><f>${escapeXml(cell.formula)}</f><v>${numberText(cell.cached)}</v></c>`;
    case "empty":
      return `<c r="${ref}"${sAttr}/>`;
  }
}

function sheetXml(sheet: SheetSpec, styles: Styles, strings: SharedStrings, drawingRel: string | null): string {
  let width = 1;
  for (const r of sheet.rows) if (r !== undefined) width = Math.max(width, r.length);
  // Rows and cells not written are holes: map skips them and join leaves nothing in their place.
  const rows = sheet.rows
    .map((cells, r) => {
      const xml = cells
        .map((cell, c) => (cell === undefined ? "" : cellXml(`${columnLetters(c)}${r + 1}`, cell, styles, strings)))
        .join("");
      return xml === "" ? "" : `<row r="${r + 1}">${xml}</row>`;
    })
    .join("");
  const cols = (sheet.widths ?? [])
    .map((w, c) => (w === undefined ? "" : `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`))
    .join("");
  const freeze = sheet.freeze;
  const pane =
    freeze && (freeze.row > 0 || freeze.col > 0)
      ? `<pane${freeze.col > 0 ? ` xSplit="${freeze.col}"` : ""}${freeze.row > 0 ? ` ySplit="${freeze.row}"` : ""} ` +
        `topLeftCell="${columnLetters(freeze.col)}${freeze.row + 1}" activePane="bottomRight" state="frozen"/>`
      : "";
  const merges = sheet.merges.length
    ? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>`
    : "";
  const links = sheet.links?.length
    ? `<hyperlinks>${sheet.links.map((l) => `<hyperlink ref="${l.ref}" location="${escapeXml(l.location)}"/>`).join("")}</hyperlinks>`
    : "";
  const last = `${columnLetters(width - 1)}${Math.max(1, sheet.rows.length)}`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ` +
    `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<dimension ref="A1:${last}"/>` +
    `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>` +
    (cols ? `<cols>${cols}</cols>` : "") +
    `<sheetData>${rows}</sheetData>${merges}${links}` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    (drawingRel ? `<drawing r:id="${drawingRel}"/>` : "") +
    `</worksheet>`
  );
}

function chartXml(chart: BarChart): string {
  const strPts = chart.categoryCache.map((c, i) => `<c:pt idx="${i}"><c:v>${escapeXml(c)}</c:v></c:pt>`).join("");
  const numPts = chart.valueCache
    .map((v, i) => (v === null ? "" : `<c:pt idx="${i}"><c:v>${numberText(v)}</c:v></c:pt>`))
    .join("");
  const n = chart.categoryCache.length;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" ` +
    `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ` +
    `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${escapeXml(chart.title)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
    `<c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:v>${escapeXml(chart.seriesName)}</c:v></c:tx>` +
    `<c:invertIfNegative val="0"/>` +
    `<c:cat><c:strRef><c:f>${escapeXml(chart.categories)}</c:f><c:strCache><c:ptCount val="${n}"/>${strPts}</c:strCache></c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${escapeXml(chart.values)}</c:f><c:numCache><c:formatCode>${escapeXml(chart.valueFormat)}</c:formatCode>` +
    `<c:ptCount val="${n}"/>${numPts}</c:numCache></c:numRef></c:val></c:ser>` +
    `<c:gapWidth val="60"/><c:axId val="1001"/><c:axId val="1002"/></c:barChart>` +
    // maxMin on the category axis: the first of the list (名次 1) is drawn at the top, as the list reads.
    `<c:catAx><c:axId val="1001"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="l"/><c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="1002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/>` +
    `<c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="1002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="b"/><c:majorGridlines/><c:numFmt formatCode="${escapeXml(chart.valueFormat)}" sourceLinked="0"/>` +
    `<c:tickLblPos val="nextTo"/><c:crossAx val="1001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

function drawingXml(charts: readonly BarChart[], firstId: number): string {
  const anchors = charts.map((chart, i) => {
    const corner = (tag: string, p: { row: number; col: number }): string =>
      `<xdr:${tag}><xdr:col>${p.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
    return (
      `<xdr:twoCellAnchor editAs="oneCell">${corner("from", chart.from)}${corner("to", chart.to)}` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${firstId + i + 1}" name="图表 ${firstId + i}"/>` +
      `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
      `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rId${i + 1}"/>` +
      `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    );
  });
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" ` +
    `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ` +
    `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${anchors.join("")}</xdr:wsDr>`
  );
}

function rels(items: readonly { id: string; type: string; target: string }[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    items.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${r.target}"/>`).join("") +
    `</Relationships>`
  );
}

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CT = "application/vnd.openxmlformats-officedocument";

/** Sheet names as Excel allows them: ≤ 31 characters, none of : \ / ? * [ ]. */
function checkSheetName(name: string): void {
  if (name.length === 0 || name.length > 31 || /[:\\/?*[\]]/.test(name)) throw new RangeError(`invalid sheet name: ${name}`);
}

/** The .xlsx package of the sheets, in order; the first is the active one. Entries are deflated with `deflateRaw` when given. */
export function writeSpreadsheet(sheets: readonly SheetSpec[], deflateRaw?: DeflateRaw): Uint8Array {
  const styles = new Styles();
  const strings = new SharedStrings();
  const files: { name: string; text: string }[] = [];
  const overrides: string[] = [];
  let chartNo = 0;
  let drawingNo = 0;
  sheets.forEach((sheet, i) => {
    checkSheetName(sheet.name);
    const n = i + 1;
    const charts = sheet.charts ?? [];
    let drawingRel: string | null = null;
    if (charts.length > 0) {
      drawingNo++;
      drawingRel = "rId1";
      files.push({
        name: `xl/worksheets/_rels/sheet${n}.xml.rels`,
        text: rels([{ id: "rId1", type: `${REL}/drawing`, target: `../drawings/drawing${drawingNo}.xml` }]),
      });
      const chartRels = charts.map((chart, k) => {
        chartNo++;
        files.push({ name: `xl/charts/chart${chartNo}.xml`, text: chartXml(chart) });
        overrides.push(`<Override PartName="/xl/charts/chart${chartNo}.xml" ContentType="${CT}.drawingml.chart+xml"/>`);
        return { id: `rId${k + 1}`, type: `${REL}/chart`, target: `../charts/chart${chartNo}.xml` };
      });
      files.push({ name: `xl/drawings/drawing${drawingNo}.xml`, text: drawingXml(charts, chartNo - charts.length + 1) });
      files.push({ name: `xl/drawings/_rels/drawing${drawingNo}.xml.rels`, text: rels(chartRels) });
      overrides.push(`<Override PartName="/xl/drawings/drawing${drawingNo}.xml" ContentType="${CT}.drawing+xml"/>`);
    }
    files.push({ name: `xl/worksheets/sheet${n}.xml`, text: sheetXml(sheet, styles, strings, drawingRel) });
    overrides.push(`<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="${CT}.spreadsheetml.worksheet+xml"/>`);
  });

  const workbook =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}">` +
    `<bookViews><workbookView activeTab="0"/></bookViews><sheets>` +
    sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("") +
    // fullCalcOnLoad: the application does a full calculation on load (ISO/IEC 29500-1 §18.2.2 calcPr, the same
    // attribute as sheetCalcPr's: learn.microsoft.com/en-us/previous-versions/office/developer/office-2010/cc822326),
    // so the cached values are only what a reader without a calculation engine shows.
    `</sheets><calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>`;
  const workbookRels = rels([
    ...sheets.map((_s, i) => ({ id: `rId${i + 1}`, type: `${REL}/worksheet`, target: `worksheets/sheet${i + 1}.xml` })),
    { id: `rId${sheets.length + 1}`, type: `${REL}/styles`, target: "styles.xml" },
    { id: `rId${sheets.length + 2}`, type: `${REL}/sharedStrings`, target: "sharedStrings.xml" },
  ]);
  const contentTypes =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/>` +
    `<Override PartName="/xl/workbook.xml" ContentType="${CT}.spreadsheetml.sheet.main+xml"/>` +
    `<Override PartName="/xl/styles.xml" ContentType="${CT}.spreadsheetml.styles+xml"/>` +
    `<Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.spreadsheetml.sharedStrings+xml"/>` +
    overrides.join("") +
    `</Types>`;
  const rootRels = rels([{ id: "rId1", type: `${REL}/officeDocument`, target: "xl/workbook.xml" }]);

  // Shared strings and styles are complete only once every sheet is written.
  const parts = [
    { name: "[Content_Types].xml", text: contentTypes },
    { name: "_rels/.rels", text: rootRels },
    { name: "xl/workbook.xml", text: workbook },
    { name: "xl/_rels/workbook.xml.rels", text: workbookRels },
    ...files,
    { name: "xl/styles.xml", text: styles.xml() },
    { name: "xl/sharedStrings.xml", text: strings.xml() },
  ];
  const encoder = new TextEncoder();
  return zipOf(parts.map((p) => ({ name: p.name, data: encoder.encode(p.text) })), deflateRaw);
}
