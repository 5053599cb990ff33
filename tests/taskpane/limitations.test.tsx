/** @jest-environment jsdom */
import { screen } from "@testing-library/react";
import { Bilingual } from "../../src/core/i18n";
import { FakePort } from "./fake-port";
import { halfYearSheet, SHEET } from "./fixtures";
import { detected, renderPane } from "./render";

/** A workbook port of an Excel that lacks something others have (Office 2021: no notes below ExcelApi 1.18). */
class LimitedPort extends FakePort {
  limitations(): Bilingual[] {
    return [{ zh: "此版本 Excel 不支持批注：问题单元格只着色。", en: "This Excel has no notes: flagged cells are only coloured." }];
  }
}

describe("what this Excel cannot do", () => {
  test("is said once in the pane, in the pane's language, before anything is checked", async () => {
    renderPane(new LimitedPort([halfYearSheet()], { active: SHEET }));
    await detected();
    expect(screen.getAllByText("此版本 Excel 不支持批注：问题单元格只着色。")).toHaveLength(1);
  });

  test("is said in English in an English pane", async () => {
    renderPane(new LimitedPort([halfYearSheet()], { active: SHEET, language: "en" }), "en");
    await detected();
    expect(screen.getByText("This Excel has no notes: flagged cells are only coloured.")).toBeTruthy();
  });

  test("leaves no empty message where the workbook can do everything", async () => {
    renderPane(new FakePort([halfYearSheet()], { active: SHEET }));
    await detected();
    expect(screen.queryByText(/不支持批注/)).toBeNull();
  });
});
