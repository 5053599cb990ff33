import ExcelJS from "exceljs";
import * as zip from "../../src/xlsx/zip";
import { readWorkbook } from "../../src/xlsx/read";
import { readNumberFormats } from "../../src/xlsx/number-formats";
import { checkWorkbookBytes } from "../../src/xlsx/limits";
import { workbookBytes } from "./helpers";

/**
 * The limits walk the central directory record by record (a count in the end record cannot be trusted); what they
 * found is the package's part list, so no open walks it twice.
 */
async function districtFile(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("1-6月");
  ws.addRow(["区县", "正式合同额"]);
  ws.addRow(["渝中区", 12.5]);
  wb.addWorksheet("年度目标").addRow(["区县", "年度目标"]);
  return workbookBytes(wb);
}

afterEach(() => jest.restoreAllMocks());

test("reading a workbook walks its zip directory once", async () => {
  const bytes = await districtFile();
  const walk = jest.spyOn(zip, "readZipDirectory");
  const data = await readWorkbook(bytes, { fileName: "a.xlsx" });
  expect(data.sheetNames).toEqual(["1-6月", "年度目标"]);
  expect(walk).toHaveBeenCalledTimes(1);
});

test("number formats read on a check already made walk the directory no more", async () => {
  const bytes = await districtFile();
  const check = checkWorkbookBytes(bytes);
  const walk = jest.spyOn(zip, "readZipDirectory");
  await readNumberFormats(bytes, undefined, check);
  expect(walk).not.toHaveBeenCalled();
});
