/* RFC 4180 fields as Excel writes them; plain numbers become numbers, the rest stays text for the number parser. */
import { parseCsv, readCsvWorkbook } from "../../src/cli/csv";

describe("CSV", () => {
  test("quotes, doubled quotes, commas and line breaks inside quotes, CRLF and a last line without a break", () => {
    expect(parseCsv('区县,"说明,含逗号","他说""好"""\r\n黔江区,"第一行\n第二行",1\r\n武隆区,,2')).toEqual([
      ["区县", "说明,含逗号", '他说"好"'],
      ["黔江区", "第一行\n第二行", "1"],
      ["武隆区", "", "2"],
    ]);
  });

  test("a one-sheet workbook named after the file: plain decimals are numbers, 1,234 and 约95.1 stay text", () => {
    const bytes = new TextEncoder().encode('区县,合同额\n黔江区,95.03\n武隆区,"1,234"\n石柱县,约95.1\n');
    const data = readCsvWorkbook(bytes, "报送/渝东南.csv");
    expect(data.sheetNames).toEqual(["渝东南"]);
    expect(data.sheets[0].values).toEqual([
      ["区县", "合同额"],
      ["黔江区", 95.03],
      ["武隆区", "1,234"],
      ["石柱县", "约95.1"],
    ]);
  });
});
