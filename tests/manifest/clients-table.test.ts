import { clientsTable, END, expectedReadme, START, withTable } from "../../scripts/clients-table";
import { CLIENTS } from "../../scripts/lib/clients";

describe("the README's supported-clients table (scripts/clients-table.ts)", () => {
  it("is what the manifest, the client data and the adapter's feature sets give: regenerate it when this fails", () => {
    const { current, expected } = expectedReadme();
    expect(current).toBe(expected);
  });

  it("sends the clients the manifest refuses to the standalone page and names what older ones lack", () => {
    const table = clientsTable([
      { name: "ExcelApi", minVersion: "1.13" },
      { name: "CustomFunctionsRuntime", minVersion: "1.2" },
    ]);
    const row = (id: string) => table.split("\n").find((l) => l.includes(CLIENTS.find((c) => c.id === id)!.name.zh))!;
    expect(row("office-2019")).toMatch(/无法安装，请用独立校验页/);
    expect(row("office-2016")).toMatch(/Internet Explorer 11 无法运行面板/);
    expect(row("office-2021")).toMatch(/无问题备注（需 ExcelApi 1\.18）.*no notes on flagged cells \(ExcelApi 1\.18\)/);
    expect(row("web")).toMatch(/全部功能/);
  });

  it("follows the manifest: lowering the minimum to ExcelApi 1.7 without custom functions would admit Office 2019", () => {
    const table = clientsTable([{ name: "ExcelApi", minVersion: "1.7" }]);
    expect(table).toMatch(/Office 2019（批量授权）.*✅/);
  });

  it("replaces only what lies between the markers", () => {
    expect(withTable(`a\n${START}\nold\n${END}\nb`, "new")).toBe(`a\n${START}\nnew\n${END}\nb`);
    expect(() => withTable("no markers", "x")).toThrow(/markers/);
  });
});
