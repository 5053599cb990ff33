import { negativeValue } from "../../../src/core/rules";
import { buildModel, only, run } from "./build-model";

describe("a finding carries its cell's number format, for the report to print the figure as the sheet does", () => {
  test("a figure under 0.00 gets valueFormat 0.00", () => {
    const model = buildModel({ columns: [{ indicator: "contract-amount", measure: "current", format: "0.00" }], rows: [["黔江区", -5.5]] });
    expect(only(run(negativeValue, model)).valueFormat).toBe("0.00");
  });

  test("General says nothing about printing: no valueFormat", () => {
    const model = buildModel({ columns: [{ indicator: "contract-amount", measure: "current", format: "General" }], rows: [["黔江区", -5.5]] });
    expect(only(run(negativeValue, model)).valueFormat).toBeUndefined();
  });
});
