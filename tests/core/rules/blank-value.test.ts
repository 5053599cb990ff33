import { blankValue } from "../../../src/core/rules";
import { buildModel, only, run, validated } from "./build-model";

const columns = [
  { indicator: "contract-amount" as const, measure: "current" as const },
  { indicator: "industrial-contract-amount" as const, measure: "current" as const },
  { indicator: "industrial-contract-amount" as const, measure: "target" as const },
];

describe("blank-value (核实性)", () => {
  test("figures, zeros and '…' (below the unit) are not blanks", () => {
    const model = buildModel({
      columns,
      rows: [
        ["黔江区", 95.03, 59.47, 50],
        ["城口县", 0, "…", null],
        ["巫溪县", "…", 0, 0],
      ],
    });
    expect(run(blankValue, model)).toEqual([]);
  });

  test.each([
    [null, "为空白"],
    ["", "为空白"],
    ["—", "填写为“—”"],
    ["无", "填写为“无”"],
  ])("a required 本期 written %p is reported", (value, words) => {
    const model = buildModel({ columns, rows: [["黔江区", value, null, null]] });
    const [f] = validated(model, "blank-value");
    expect(f).toMatchObject({ severity: "verify", cell: "B3", unit: "黔江区", indicator: "contract-amount" });
    expect(f.message.zh).toBe(
      `工作表“汇总”B3（黔江区，正式合同额本期）本期数${words}，该指标为必填项；如本期无发生额请填0，否则请补填数据。`,
    );
  });

  test("an optional 本期 left blank in a row with other figures is reported; in an empty row only required ones are", () => {
    const reported = buildModel({ columns, rows: [["黔江区", 95.03, null, null]] });
    const f = only(run(blankValue, reported));
    expect(f.cell).toBe("C3");
    expect(f.message.zh).toBe(
      "工作表“汇总”C3（黔江区，工业合同额本期）本期数为空白，而该行已填报其他数据；如本期无发生额请填0，否则请补填数据。",
    );
    const empty = buildModel({ columns, rows: [["黔江区", null, null, null]] });
    expect(run(blankValue, empty).map((x) => x.cell)).toEqual(["B3"]);
    // A rank is computed, not reported: it does not make the row "have other figures".
    const ranked = buildModel({
      columns: [...columns, { indicator: "contract-amount", measure: "rank" }],
      rows: [["黔江区", null, null, null, 3]],
    });
    expect(run(blankValue, ranked, { config: { requiredIndicators: [] } })).toEqual([]);
  });

  test("config.requiredIndicators decides what must be filled", () => {
    const model = buildModel({ columns, rows: [["黔江区", null, null, null]] });
    expect(run(blankValue, model, { config: { requiredIndicators: [] } })).toEqual([]);
    expect(
      run(blankValue, model, { config: { requiredIndicators: ["industrial-contract-amount"] } }).map((f) => f.cell),
    ).toEqual(["C3"]);
  });

  test("total rows and footer rows are not checked", () => {
    const model = buildModel({
      columns,
      rows: [
        ["全市", null, null, null],
        ["黔江区", 1, 1, 1],
      ],
      footer: ["填表人：张三"],
    });
    expect(run(blankValue, model)).toEqual([]);
  });

  test("a hidden row is checked, and the message says it is hidden", () => {
    const model = buildModel({ columns, rows: [{ label: "黔江区", values: [null, null, null], hidden: true }] });
    expect(only(run(blankValue, model)).message.zh).toContain("（黔江区，正式合同额本期，隐藏行）");
  });
});
