import { charWidth, displayWidth, padEndDisplay, stripAnsi, truncateDisplay } from "../../src/cli/width";

describe("displayWidth", () => {
  it("counts ASCII as one column each", () => {
    expect(displayWidth("C7")).toBe(2);
    expect(displayWidth("")).toBe(0);
  });

  it("counts CJK ideographs, CJK punctuation and full-width forms as two columns", () => {
    expect(displayWidth("璧山区")).toBe(6);
    expect(displayWidth("强制性")).toBe(6);
    expect(displayWidth("（亿元）")).toBe(8);
    expect(displayWidth("３３")).toBe(4);
    expect(displayWidth("、。")).toBe(4);
  });

  it("mixes narrow and wide characters", () => {
    expect(displayWidth("A7 渝中区")).toBe(3 + 6);
  });

  it("ignores ANSI colour codes and zero-width characters", () => {
    expect(displayWidth("\x1b[31m强制性\x1b[0m")).toBe(6);
    expect(displayWidth("a\u200bb")).toBe(2);
    expect(displayWidth("e\u0301")).toBe(1);
  });

  it("counts characters outside the BMP (CJK Extension B) as two columns", () => {
    expect(displayWidth("𠀀")).toBe(2);
    expect(charWidth(0x20000)).toBe(2);
  });

  it("treats ambiguous-width punctuation as narrow", () => {
    expect(displayWidth("·—")).toBe(2);
  });
});

describe("padEndDisplay", () => {
  it("pads by display width, not by string length", () => {
    expect(padEndDisplay("万州区", 10)).toBe("万州区    ");
    expect(padEndDisplay("A7", 10)).toBe("A7        ");
    expect(displayWidth(padEndDisplay("石柱土家族自治县", 20))).toBe(20);
  });

  it("never truncates", () => {
    expect(padEndDisplay("秀山土家族苗族自治县", 4)).toBe("秀山土家族苗族自治县");
  });
});

describe("truncateDisplay", () => {
  it("leaves short text alone", () => {
    expect(truncateDisplay("渝中区.xlsx", 20)).toBe("渝中区.xlsx");
  });

  it("cuts wide text to the width, with an ellipsis", () => {
    const cut = truncateDisplay("秀山土家族苗族自治县.xlsx", 10);
    expect(displayWidth(cut)).toBeLessThanOrEqual(10);
    expect(cut.endsWith("...")).toBe(true);
    expect(cut.startsWith("秀山土")).toBe(true);
  });
});

describe("stripAnsi", () => {
  it("removes SGR sequences", () => {
    expect(stripAnsi("\x1b[1m\x1b[33m核实性\x1b[0m")).toBe("核实性");
  });
});
