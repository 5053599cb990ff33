/*
 * Reading Excel number-format codes for what they print. Syntax per Microsoft, "Review guidelines for customizing
 * a number format" (four sections positive;negative;zero;text, text in quotes or after a backslash printed as is,
 * [colour] and [condition] tags) and ISO/IEC 29500-1 §18.8.31.
 */
import { formatInfo } from "../../../src/core/rules/helpers/precision";
import { formatCell } from "../../../src/web/preview/layout";

describe("formatInfo", () => {
  test("a % outside quotes scales; an escaped or quoted % is a literal after a ×100 figure", () => {
    expect(formatInfo("0.00%")).toMatchObject({ decimals: 2, percent: true, percentLiteral: false });
    expect(formatInfo("0.00\\%")).toMatchObject({ decimals: 2, percent: false, percentLiteral: true });
    expect(formatInfo('0.0"%"')).toMatchObject({ decimals: 1, percent: false, percentLiteral: true });
  });

  test("0.0\"个百分点\" prints points: a literal, not scaled", () => {
    expect(formatInfo('0.0"个百分点"')).toEqual({ decimals: 1, percent: false, percentLiteral: true, points: true });
  });

  test("the section that applies to the value gives the printed decimals", () => {
    const f = "#,##0.00_);[Red](#,##0.0);\"-\"";
    expect(formatInfo(f, 12.345)?.decimals).toBe(2);
    expect(formatInfo(f, -12.345)?.decimals).toBe(1);
    // The zero section prints a dash: it says nothing about decimals.
    expect(formatInfo(f, 0)).toBeNull();
    // Two sections: the first serves positives and zeros.
    expect(formatInfo("0.00;-0.0", 0)?.decimals).toBe(2);
  });

  test("colours are skipped and conditions choose the section", () => {
    expect(formatInfo("[Red]0.000")?.decimals).toBe(3);
    const f = "[>=100]0;[<0]-0.00;0.0";
    expect(formatInfo(f, 250)?.decimals).toBe(0);
    expect(formatInfo(f, -3)?.decimals).toBe(2);
    expect(formatInfo(f, 42)?.decimals).toBe(1);
  });

  test("semicolons and dots inside quotes or after a backslash are text", () => {
    // One section each: the semicolon inside quotes does not start a negative section.
    expect(formatInfo('0.0" ;亿元"', -5)?.decimals).toBe(1);
    expect(formatInfo("0\\.0", 5)?.decimals).toBe(0);
  });

  test("General, @ and text-only codes say nothing", () => {
    expect(formatInfo("General")).toBeNull();
    expect(formatInfo("@")).toBeNull();
    expect(formatInfo('"—"')).toBeNull();
  });
});

describe("the page's preview prints formats as Excel does", () => {
  test("a literal % prints the figure as it is; a scaling % multiplies by 100", () => {
    expect(formatCell(12.5, "0.00\\%")).toBe("12.50%");
    expect(formatCell(12.5, '0.00"%"')).toBe("12.50%");
    expect(formatCell(0.125, "0.00%")).toBe("12.50%");
    expect(formatCell(1.25, '0.0"个百分点"')).toBe("1.3个百分点");
  });
});
