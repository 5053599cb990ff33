import { ExplainedFinding } from "../../src/core/explanations";
import { Finding } from "../../src/core/findings";
import { reportFinding } from "../support/report-finding";
import { OfficeWorkbookPort } from "../../src/excel/office-port";
import { FakeExcel } from "../support/office-mock";

const finding = (extra: Partial<Finding>): Finding => reportFinding({ valueFormat: "0.00%", expected: { kind: "figure", value: 0.593938 }, ...extra });

function setup() {
  const fx = new FakeExcel({ apiVersion: "1.20" });
  fx.addSheet("1-6月", { values: [["区县", "正式合同额"], ["黔江区", 95.03]] });
  fx.addSheet("1-9月", { values: [["区县", "正式合同额"], ["黔江区", 120.5]] });
  return { fx, port: new OfficeWorkbookPort({ host: fx.host() }) };
}

describe("the 校验结果 sheet in Excel", () => {
  it("prints rates with the sheet's % format, 应为 as one figure, and 状态 / 核实说明", async () => {
    const { fx, port } = setup();
    const explained: ExplainedFinding = {
      ...finding({ cell: "F9" }),
      explanation: { sheet: "1-6月", cell: "F9", rule: "rate-mismatch", text: "目标为年中调整后的数，已附调整文件" },
    };
    await port.writeReport([finding({}), explained, finding({ severity: "info", rule: "total-mismatch", cell: "C5", value: 2812.37, valueFormat: "0.00", expected: { kind: "sum", value: 2813.67, tolerance: 0.195 } })], "zh");
    expect(fx.cell("校验结果", "G2")).toMatchObject({ value: 0.011894, numberFormat: "0.00%" });
    expect(fx.cell("校验结果", "H2")).toMatchObject({ value: 0.5939, numberFormat: "0.00%" });
    expect(fx.cell("校验结果", "H4")).toMatchObject({ value: 2813.67, numberFormat: "0.00" });
    expect(["J1", "J2", "J3", "J4"].map((a) => fx.cell("校验结果", a).value)).toEqual(["状态", "未说明", "已说明", "—"]);
    expect(fx.cell("校验结果", "K3")).toMatchObject({ value: "目标为年中调整后的数，已附调整文件", numberFormat: "@", wrapText: true });
  });

  it("reuses a report sheet written before 状态 and 核实说明 existed instead of adding 校验结果(2)", async () => {
    const { fx, port } = setup();
    fx.addSheet("校验结果", { values: [["严重程度", "规则", "工作表", "单元格", "单位", "指标", "填报值", "应为", "说明"], ["核实性", "x", "1-6月"]] });
    await port.writeReport([finding({})], "zh");
    expect(fx.findSheet("校验结果(2)")).toBeNull();
    expect(fx.cell("校验结果", "K1").value).toBe("核实说明");
  });

  it("清除标记 takes back the report it wrote: no report sheet about cleared marks is left behind", async () => {
    const { fx, port } = setup();
    await port.applyHighlights("1-6月", [finding({})]);
    await port.writeReport([finding({})], "zh");
    expect(fx.findSheet("校验结果")).not.toBeNull();
    await port.clearHighlights("1-6月");
    expect(fx.findSheet("校验结果")).toBeNull();
    // Worksheet.delete has no undo support on Windows/Mac: its batch is never an undo group.
    expect(fx.runs.slice(-2)).toEqual([{ mergeUndoGroup: true, delayForCellEdit: true }, { delayForCellEdit: true }]);
  });

  it("keeps a report that also lists another sheet, and never deletes a sheet that is not ours", async () => {
    const { fx, port } = setup();
    await port.writeReport([finding({}), finding({ sheet: "1-9月" })], "zh");
    await port.clearHighlights("1-6月");
    expect(fx.findSheet("校验结果")).not.toBeNull();
    await port.clearHighlights();
    expect(fx.findSheet("校验结果")).toBeNull();

    const other = setup();
    await other.port.writeReport([finding({})], "zh");
    // The user turned the sheet into their own table meanwhile.
    other.fx.cell("校验结果", "A1").value = "我的表";
    await other.port.clearHighlights();
    expect(other.fx.findSheet("校验结果")).not.toBeNull();
  });
});
