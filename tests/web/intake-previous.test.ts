import fs from "fs";
import path from "path";
import { attachPreviousSheet, splitPreviousFile } from "../../src/web/intake";
import { readWorkbook } from "../../src/xlsx";

const file = (name: string) => ({ name });

describe("splitPreviousFile: which dropped workbook is last period's", () => {
  test("the name says so: 上期, 上月 or previous, whatever the order", () => {
    const files = [file("上期-渝北区.xlsx"), file("渝北区.xlsx")];
    expect(splitPreviousFile(files)).toEqual({ previous: files[0], rest: [files[1]] });
    expect(splitPreviousFile([file("a.xlsx"), file("previous.xlsx")])?.previous.name).toBe("previous.xlsx");
  });

  test("else, of two names with periods of one year, the one that ends earlier; targets files are left out", () => {
    const files = [file("2022年1-6月.xlsx"), file("2022年目标.xlsx"), file("2022年1-5月.xlsx")];
    expect(splitPreviousFile(files)).toEqual({ previous: files[2], rest: [files[0], files[1]] });
  });

  test("no previous file: two unrelated names, two years, or the same period", () => {
    expect(splitPreviousFile([file("汇总.xlsx"), file("目标.xlsx")])).toBeNull();
    expect(splitPreviousFile([file("2021年1-5月.xlsx"), file("2022年1-6月.xlsx")])).toBeNull();
    expect(splitPreviousFile([file("2022年1-6月.xlsx"), file("2022年1-6月(2).xlsx")])).toBeNull();
  });
});

describe("attachPreviousSheet", () => {
  test("the previous workbook's data sheet joins the checked one's sheets under a name that says where it comes from", async () => {
    const read = (name: string) => readWorkbook(new Uint8Array(fs.readFileSync(path.join(__dirname, "../../examples", name))));
    const data = await read("chongqing-2022-h1-clean.xlsx");
    const may = await read("chongqing-2022-05.xlsx");
    expect(attachPreviousSheet(data, may, "2022年1-5月.xlsx")).toEqual({ name: "1-5月（上期 2022年1-5月.xlsx）", source: "1-5月" });
    expect(data.sheetNames).toContain("1-5月（上期 2022年1-5月.xlsx）");
    expect(data.sheets.map((g) => g.name)).toContain("1-5月（上期 2022年1-5月.xlsx）");
  });
});
