import { isReportSheetName } from "../../src/app/sheet-selection";
import { bySeverity, mostSevere, reportSheetBaseName, SEVERITY_FILL_RGB } from "../../src/app/workbook-style";
import { SEVERITIES } from "../../src/core/findings";
import { SEVERITY_FILL } from "../../src/app/marks";
import { PREVIEW_CSS } from "../../src/web/preview/styles";
import { SEVERITY_FILL_ARGB } from "../../src/xlsx/severity-style";

describe("what every face writes into a workbook has one definition", () => {
  test.each(SEVERITIES)("a %s cell has the same fill in Excel, in the annotated copy and on the page's preview", (s) => {
    const rgb = SEVERITY_FILL_RGB[s];
    expect(SEVERITY_FILL[s]).toBe(`#${rgb}`);
    expect(SEVERITY_FILL_ARGB[s]).toBe(`FF${rgb}`);
    expect(PREVIEW_CSS).toContain(`.zs-sev-${s}{background:#${rgb};`);
  });

  test("the report sheet is 校验结果 (Check results in English), and a numbered copy of it is recognised as ours", () => {
    expect(reportSheetBaseName("zh")).toBe("校验结果");
    expect(reportSheetBaseName("en")).toBe("Check results");
    expect(isReportSheetName("校验结果(2)")).toBe(true);
    expect(isReportSheetName("check results")).toBe(true);
    expect(isReportSheetName("校验结果说明")).toBe(false);
  });

  test("findings rank 强制性 before 核实性 before 提示性", () => {
    expect(["info", "error", "verify"].sort((a, b) => bySeverity(a as never, b as never))).toEqual(["error", "verify", "info"]);
    expect(mostSevere(["info", "verify"])).toBe("verify");
  });
});
