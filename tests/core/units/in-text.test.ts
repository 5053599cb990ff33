/* The unit a file name names, so an unreadable district file is not called 未报送. */
import { chongqing } from "../../../src/core/units";
import { unitNamedIn } from "../../../src/core/units/in-text";

const units = chongqing.unitsOf("chongqing-2020");
const named = (text: string) => unitNamedIn(text, units)?.name ?? null;

describe("unitNamedIn", () => {
  test("official names, short names and old names in file names", () => {
    expect(named("黔江区2022年1-6月招商情况.et")).toBe("黔江区");
    expect(named("渝北 半年报.xls")).toBe("渝北区");
    expect(named("开县招商引资统计表.xls")).toBe("开州区");
    expect(named("石柱县.csv")).toBe("石柱土家族自治县");
  });

  test("the longest name wins: 江北区 is not read inside another name", () => {
    expect(named("江北区.xls")).toBe("江北区");
  });

  test("no name, or two units named equally, gives no unit rather than a guess", () => {
    expect(named("汇总说明.csv")).toBeNull();
    expect(named("黔江区、武隆区合报.xls")).toBeNull();
  });
});
