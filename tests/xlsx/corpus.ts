import ExcelJS from "exceljs";
import { makeZip, ZipInput } from "./helpers";

/**
 * Test support, not a test file: workbooks made by different writers for the annotated-copy tests. Each holds
 * the features issue 9 lists as lost by a read→write round trip through a spreadsheet model.
 */

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_R = "http://schemas.openxmlformats.org/package/2006/relationships";
const CT = "http://schemas.openxmlformats.org/package/2006/content-types";
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** A 1×1 red PNG: an image part in the exceljs and LibreOffice workbooks. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

/** exceljs: merged title, a note, the user's own fills and conditional format, validation, names, an image. */
export async function exceljsWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("1-6月");
  ws.mergeCells("A1:D1");
  ws.getCell("A1").value = "2022年1-6月招商引资统计";
  ws.addRow([]);
  ws.getRow(3).values = ["单位", "正式合同额", "到位资金", "完成率"];
  const rows: [string, number, number][] = [
    ["渝中区", 12.5, 8.25],
    ["江北区", 17.5, 9.1],
    ["'0012", 3, 1.5],
  ];
  rows.forEach(([unit, a, b], i) => {
    const r = 4 + i;
    ws.getCell(`A${r}`).value = unit;
    ws.getCell(`B${r}`).value = a;
    ws.getCell(`C${r}`).value = b;
    ws.getCell(`D${r}`).value = { formula: `C${r}/B${r}`, result: b / a };
    ws.getCell(`D${r}`).numFmt = "0.00%";
  });
  ws.getCell("B4").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF00B050" } };
  ws.getCell("C5").note = "原有批注";
  ws.addConditionalFormatting({
    ref: "C4:C6",
    rules: [{ type: "cellIs", operator: "lessThan", formulae: ["0"], priority: 1, style: { font: { color: { argb: "FFFF0000" } } } }],
  });
  ws.getCell("B7").dataValidation = { type: "decimal", operator: "greaterThanOrEqual", formulae: [0], allowBlank: true };
  wb.definedNames.add("'1-6月'!$B$4:$B$6", "合同额");
  const img = wb.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: "png" });
  ws.addImage(img, "F3:G5");
  wb.addWorksheet("说明").getCell("A1").value = "填报说明";
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export interface HandOptions {
  /** Prefix every SpreadsheetML element (`x:`), as the OpenXML SDK does. */
  prefixed?: boolean;
}

/**
 * Hand-written SpreadsheetML: dynamic-array formula with its metadata part, an external link, x14 validation and
 * sparklines in extLst, formula/constant/sheet-local/hidden defined names, workbook protection, quote prefixes,
 * control characters and CRs in text, custom document properties, a self-closing <dxfs/>, a row style, a table
 * without a style and a chart.
 */
export function handWrittenWorkbook(opts: HandOptions = {}): Uint8Array {
  const p = opts.prefixed ? "x:" : "";
  const ns = opts.prefixed ? `xmlns:x="${MAIN}"` : `xmlns="${MAIN}"`;
  const el = (xml: string): string => xml.replace(/<(\/?)([a-zA-Z]+)(?=[\s/>])/g, (_m, slash: string, name: string) => `<${slash}${p}${name}`);
  const workbook =
    HEAD +
    `<workbook ${ns} xmlns:r="${R}">`.replace("<workbook", `<${p}workbook`) +
    el(
      '<workbookPr defaultThemeVersion="124226"/><workbookProtection lockStructure="1"/>' +
        '<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="16000" windowHeight="9000"/></bookViews>' +
        '<sheets><sheet name="1-6月" sheetId="1" r:id="rId1"/><sheet name="Data" sheetId="2" r:id="rId2"/></sheets>' +
        '<externalReferences><externalReference r:id="rId5"/></externalReferences>' +
        "<definedNames>" +
        '<definedName name="Rate">0.05</definedName>' +
        "<definedName name=\"Total\">SUM('1-6月'!$B$2:$B$4)</definedName>" +
        "<definedName name=\"Local\" localSheetId=\"0\">'1-6月'!$A$2</definedName>" +
        "<definedName name=\"Secret\" hidden=\"1\">'Data'!$A$1</definedName>" +
        "</definedNames>" +
        '<calcPr calcId="191029"/>',
    ) +
    `</${p}workbook>`;
  const workbookRels =
    HEAD +
    `<Relationships xmlns="${PKG_R}">` +
    `<Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/>` +
    `<Relationship Id="rId2" Type="${R}/worksheet" Target="worksheets/sheet2.xml"/>` +
    `<Relationship Id="rId3" Type="${R}/sharedStrings" Target="sharedStrings.xml"/>` +
    `<Relationship Id="rId5" Type="${R}/externalLink" Target="externalLinks/externalLink1.xml"/>` +
    (opts.prefixed ? "" : `<Relationship Id="rId4" Type="${R}/styles" Target="styles.xml"/>`) +
    `<Relationship Id="rId6" Type="${R}/sheetMetadata" Target="metadata.xml"/>` +
    "</Relationships>";
  const sheet1 =
    HEAD +
    `<worksheet ${ns} xmlns:r="${R}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" mc:Ignorable="x14ac">`.replace("<worksheet", `<${p}worksheet`) +
    el(
      '<dimension ref="A1:E5"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>' +
        "<sheetData>" +
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>' +
        '<row r="2" s="1" customFormat="1"><c r="A2" t="s"><v>3</v></c><c r="B2" s="2"><v>95.03</v></c><c r="C2" cm="1"><f t="array" ref="C2:C4">_xlfn._xlws.SORT(B2:B4)</f><v>12.5</v></c></row>' +
        '<row r="3"><c r="A3" s="1" t="s"><v>4</v></c><c r="B3"><v>12.5</v></c><c r="C3"><v>17.5</v></c><c r="D3"><f>[1]Sheet1!$A$1</f><v>7</v></c></row>' +
        '<row r="4"><c r="A4" t="inlineStr"><is><t xml:space="preserve">CR_x000D_here and esc_x001B_[2J</t></is></c><c r="B4"><v>17.5</v></c><c r="C4"><v>95.03</v></c><c r="E4"><f>Total*Rate</f><v>6.25</v></c></row>' +
        "</sheetData>" +
        '<sheetProtection sheet="1" objects="1" scenarios="1"/>' +
        '<dataValidations count="1"><dataValidation type="decimal" operator="greaterThan" allowBlank="1" sqref="B2:B4"><formula1>0</formula1></dataValidation></dataValidations>' +
        '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>',
    ) +
    `<${p}extLst><${p}ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">` +
    '<x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list" allowBlank="1"><x14:formula1><xm:f>Data!$A$1:$A$3</xm:f></x14:formula1><xm:sqref>A2:A4</xm:sqref></x14:dataValidation></x14:dataValidations>' +
    `</${p}ext><${p}ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">` +
    '<x14:sparklineGroups xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:sparklineGroup displayEmptyCellsAs="gap"><x14:colorSeries rgb="FF376092"/><x14:sparklines><x14:sparkline><xm:f>\'1-6月\'!B2:C2</xm:f><xm:sqref>D2</xm:sqref></x14:sparkline></x14:sparklines></x14:sparklineGroup></x14:sparklineGroups>' +
    `</${p}ext></${p}extLst></${p}worksheet>`;
  // A table without tableStyleInfo, as LibreOffice writes one (exceljs failed on it: "reading 'theme'").
  const sheet2 =
    HEAD +
    `<worksheet ${ns} xmlns:r="${R}">`.replace("<worksheet", `<${p}worksheet`) +
    el('<sheetData><row r="1"><c r="A1" t="s"><v>5</v></c></row><row r="2"><c r="A2"><v>1</v></c></row></sheetData><drawing r:id="rId2"/><tableParts count="1"><tablePart r:id="rId1"/></tableParts>') +
    `</${p}worksheet>`;
  const table =
    HEAD +
    `<table xmlns="${MAIN}" id="1" name="数据表" displayName="数据表" ref="A1:A2" headerRowCount="1"><autoFilter ref="A1:A2"/><tableColumns count="1"><tableColumn id="1" name="甲"/></tableColumns></table>`;
  const sheet2Rels =
    HEAD +
    `<Relationships xmlns="${PKG_R}"><Relationship Id="rId1" Type="${R}/table" Target="../tables/table1.xml"/><Relationship Id="rId2" Type="${R}/drawing" Target="../drawings/drawing1.xml"/></Relationships>`;
  // A column chart over the table, in a drawing: the parts a spreadsheet model used to drop.
  const C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
  const drawing =
    HEAD +
    '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">' +
    "<xdr:twoCellAnchor><xdr:from><xdr:col>2</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>" +
    "<xdr:to><xdr:col>8</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>" +
    '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="图表 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>' +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">' +
    `<c:chart xmlns:c="${C}" xmlns:r="${R}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`;
  const drawingRels = HEAD + `<Relationships xmlns="${PKG_R}"><Relationship Id="rId1" Type="${R}/chart" Target="../charts/chart1.xml"/></Relationships>`;
  const chart =
    HEAD +
    `<c:chartSpace xmlns:c="${C}" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${R}"><c:chart><c:plotArea><c:layout/>` +
    '<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/>' +
    "<c:val><c:numRef><c:f>Data!$A$2:$A$2</c:f></c:numRef></c:val></c:ser>" +
    '<c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx>' +
    '<c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>';
  const strings = ["单位", "正式合同额", "排序", "渝中区", "=1+1", "甲"];
  const shared =
    HEAD +
    `<sst ${ns} count="${strings.length}" uniqueCount="${strings.length}">`.replace("<sst", `<${p}sst`) +
    strings.map((s) => el(`<si><t>${s}</t></si>`)).join("") +
    `</${p}sst>`;
  const styles =
    HEAD +
    `<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy/m/d"/></numFmts>` +
    '<fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0"/></styleSheet>';
  const metadata =
    HEAD +
    `<metadata xmlns="${MAIN}" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray"><metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes>` +
    '<futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata>' +
    '<cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>';
  const external =
    HEAD +
    `<externalLink xmlns="${MAIN}" xmlns:r="${R}"><externalBook r:id="rId1"><sheetNames><sheetName val="Sheet1"/></sheetNames><sheetDataSet><sheetData sheetId="0"><row r="1"><cell r="A1"><v>7</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>`;
  const externalRels =
    HEAD +
    `<Relationships xmlns="${PKG_R}"><Relationship Id="rId1" Type="${R}/externalLinkPath" Target="file:///C:/data/%E4%B8%8A%E6%9C%88.xlsx" TargetMode="External"/></Relationships>`;
  const custom =
    HEAD +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="填报单位"><vt:lpwstr>渝中区</vt:lpwstr></property></Properties>';
  const types =
    HEAD +
    `<Types xmlns="${CT}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
    '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
    (opts.prefixed ? "" : '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>') +
    '<Override PartName="/xl/metadata.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml"/>' +
    '<Override PartName="/xl/externalLinks/externalLink1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"/>' +
    '<Override PartName="/xl/tables/table1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>' +
    '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>' +
    '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>' +
    '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>' +
    "</Types>";
  const rootRels =
    HEAD +
    `<Relationships xmlns="${PKG_R}"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="${R}/custom-properties" Target="docProps/custom.xml"/></Relationships>`;
  const parts: ZipInput[] = [
    { name: "[Content_Types].xml", data: types },
    { name: "_rels/.rels", data: rootRels },
    { name: "docProps/custom.xml", data: custom },
    { name: "xl/workbook.xml", data: workbook },
    { name: "xl/_rels/workbook.xml.rels", data: workbookRels },
    { name: "xl/worksheets/sheet1.xml", data: sheet1 },
    { name: "xl/worksheets/sheet2.xml", data: sheet2 },
    { name: "xl/worksheets/_rels/sheet2.xml.rels", data: sheet2Rels },
    { name: "xl/tables/table1.xml", data: table },
    { name: "xl/drawings/drawing1.xml", data: drawing },
    { name: "xl/drawings/_rels/drawing1.xml.rels", data: drawingRels },
    { name: "xl/charts/chart1.xml", data: chart },
    { name: "xl/sharedStrings.xml", data: shared, method: 0 },
    { name: "xl/metadata.xml", data: metadata },
    { name: "xl/externalLinks/externalLink1.xml", data: external },
    { name: "xl/externalLinks/_rels/externalLink1.xml.rels", data: externalRels },
  ];
  if (!opts.prefixed) parts.push({ name: "xl/styles.xml", data: styles });
  return makeZip(parts);
}
