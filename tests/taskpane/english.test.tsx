/** @jest-environment jsdom */
import { screen } from "@testing-library/react";
import { Finding } from "../../src/core/findings";
import { FakePort } from "./fake-port";
import { halfYearSheet } from "./fixtures";
import { checked, detected, renderPane, userEvent } from "./render";

describe("English when Office's display language is English", () => {
  test("labels, counts, rule names, messages and the report language", async () => {
    const user = userEvent.setup();
    const port = new FakePort([halfYearSheet()], { language: "en" });
    renderPane(port);
    await detected();
    expect(screen.getByRole("combobox", { name: "Sheet to check" })).toBeTruthy();
    expect(screen.getByText("Detected: 2022年1-6月 (leave empty to use the title)")).toBeTruthy();
    expect(screen.getByRole("radio", { name: "This sheet's target columns" })).toBeTruthy();
    expect(screen.getByRole("button", { name: /Columns · 11 columns recognised, 1 not/ })).toBeTruthy();
    expect(screen.getByRole("combobox", { name: "Column D indicator" })).toBeTruthy();
    await checked();
    expect(screen.getByRole("status").textContent).toBe("Error 1·Verify 2·Info 2·Explained 0");
    expect(screen.getAllByRole("heading", { level: 4 }).map((h) => h.textContent)).toEqual([
      "Unknown unit (1)",
      "Rate inconsistent with figures (1)",
      "Behind schedule (1)",
      "Number stored as text (1)",
      "Behind schedule (1)",
    ]);
    expect(screen.getByRole("button", { name: /^B23 壁山区 .*璧山区/ })).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Write report" }));
    const [findings, lang] = port.callsTo("writeReport")[0] as [Finding[], string];
    expect(lang).toBe("en");
    expect(findings).toHaveLength(5);
    await user.click(screen.getByRole("button", { name: "Explain: H30" }));
    await user.type(screen.getByRole("textbox", { name: "Explanation (H30)" }), "核实无误");
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByText(/"核实无误" is not an explanation: say why the figure is right/)).toBeTruthy();
  });

  test("errors are in English and name the sheet", async () => {
    const port = new FakePort([halfYearSheet()], { language: "en" });
    port.failingReads.add("1-6月");
    renderPane(port);
    expect(await screen.findByText("Could not read sheet “1-6月”: The sheet “1-6月” cannot be read")).toBeTruthy();
  });

  test("the lang prop wins over Office's language", async () => {
    renderPane(new FakePort([halfYearSheet()], { language: "en" }), "zh");
    expect(await detected()).toBeTruthy();
    expect(screen.getByRole("button", { name: "一键校验" })).toBeTruthy();
  });
});
