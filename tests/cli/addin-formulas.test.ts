import path from "node:path";
import { addCityTable, runCli, tempDir, writeWorkbook } from "./fixtures";

/*
 * A district table whose 完成率 column was computed with =ZSTJ.COMPLETION(…) and saved by Excel: the file stores the
 * call as _xldudf_ZSTJ_COMPLETION(…) with its cached result (office-js issues #2568, #3558), which is what the city
 * opens — and sees as #NAME? without the add-in.
 */
let dir: string;
let cleanup: () => void;

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  await writeWorkbook(path.join(dir, "with-zs.xlsx"), (wb) => {
    const ws = addCityTable(wb);
    ws.getCell("F3").value = "完成率";
    for (let r = 4; r <= ws.rowCount; r++) {
      const actual = ws.getCell(`C${r}`).value as number;
      const target = ws.getCell(`E${r}`).value as number;
      ws.getCell(`F${r}`).value = { formula: `_xldudf_ZSTJ_COMPLETION(C${r},E${r})`, result: Math.round((actual / target) * 10000) / 10000 };
      ws.getCell(`F${r}`).numFmt = "0.00%";
    }
  });
});

afterAll(() => cleanup());

test("zs-check reports ZSTJ.* formulas as one 提示性 finding per sheet naming 报送前固化", async () => {
  const r = await runCli(["with-zs.xlsx", "--format", "json"], dir);
  const report = JSON.parse(r.stdout) as { files: { sheets: { findings: { rule: string; severity: string; cell: string | null; message: string }[] }[] }[] };
  const found = report.files[0].sheets[0].findings.filter((f) => f.rule === "addin-formula");
  expect(found).toHaveLength(1);
  expect(found[0]).toMatchObject({ severity: "info", cell: null });
  expect(found[0].message).toContain("本表有42个单元格使用加载项函数ZSTJ.*（F4、F5、F6等）");
  expect(found[0].message).toContain("报送前固化");
});
